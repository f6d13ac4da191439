"""RoomStore: rooms, participants and answers in one SQL database (SQLite file by default, PostgreSQL by URL)."""

from __future__ import annotations

import contextlib
import functools
import hashlib
import hmac
import json
import os
import re
import secrets
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

import sqlalchemy as sa
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.exc import SQLAlchemyError

URL_ENV = "STEMCELL_ROOM_DB_URL"
PATH_ENV = "STEMCELL_ROOM_DB_PATH"  # where the default SQLite file lives, when no URL is set
PURGE_EVERY_SECONDS = 60.0  # each server deletes expired rooms at most this often, from whichever read comes first
VANISHED = (
    "The room database file was deleted or replaced while the app was running, so answers from now on would be "
    "lost. Restart the app; rooms started before this are gone."
)
READ_ONLY = "The room database can no longer be written (read-only file or full disk): answers are not being saved."
# No 0/O, 1/I/L, 5/S or 8/B: a code read off a projector from the back of a room must not be misread.
CODE_ALPHABET = "ACDEFGHJKMNPQRTUVWXY234679"
CODE_LENGTH = 8  # 26**8 = 2.1e11 codes: with 500 live rooms, one guess in 400 million opens one
CODE_COLUMN = 12  # room for a longer code later without changing the schema again
TOKEN_BYTES = 24  # secrets.token_urlsafe(24) -> 32 characters
TOKEN_LENGTH = 32
PARTICIPANT_BYTES = 12  # -> 16 characters; it only lets its holder answer as that participant
PARTICIPANT_LENGTH = 16
DEFAULT_TTL_SECONDS = 6 * 3600  # a workshop day; rooms and their answers are deleted after this
UNSTARTED_TTL_SECONDS = 30 * 60  # a room nobody started closes this long after its facilitator's page last looked
MAX_PARTICIPANTS = 500
MAX_ACTIVE_ROOMS = 500
MAX_QUESTIONS = 100
MAX_OPTIONS = 12
MAX_OPTION_CHARS = 2000
MAX_QUESTION_ID_CHARS = 64
MAX_RAW_CHARS = 100  # anything longer than this cannot be a code, token or id: refuse before any work

_QUESTION_ID = re.compile(r"[A-Za-z0-9_.:\-]{1,64}")
_TOKEN = re.compile(r"[A-Za-z0-9_\-]{32}")
_PARTICIPANT = re.compile(r"[A-Za-z0-9_\-]{16}")
# Rooms made before codes grew to 8 characters keep their 6 (they expire within hours of an upgrade).
_CODE = re.compile(f"[{CODE_ALPHABET}]{{{CODE_LENGTH}}}|[{CODE_ALPHABET}]{{6}}")


# One message for every code that opens no room (mistyped, never issued, expired or ended), so that trying codes
# cannot tell whether one ever existed.
NO_ROOM = (
    f"That code does not open a room. A room code has {CODE_LENGTH} letters and digits: check it on the "
    "facilitator's screen."
)
LOCKED = "The facilitator has closed this room to newcomers. Ask them to open it if you should be in."


class RoomError(ValueError):
    """Anything a room cannot do, in plain words a participant or facilitator can act on."""


@dataclass(frozen=True)
class RoomState:
    code: str
    position: int  # -1 before the first question
    total: int  # questions in the plan
    question_id: str | None
    options: tuple[str, ...]
    revealed: bool
    ended: bool
    participants: int
    expires_at: float
    locked: bool = False

    @property
    def started(self) -> bool:
        return self.position >= 0

    @property
    def is_last(self) -> bool:
        return self.position >= self.total - 1


metadata = sa.MetaData()
rooms = sa.Table(
    "room",
    metadata,
    sa.Column("code", sa.String(CODE_COLUMN), primary_key=True),
    sa.Column("token_hash", sa.String(64), nullable=False),
    sa.Column("created_at", sa.Float, nullable=False),
    sa.Column("expires_at", sa.Float, nullable=False, index=True),
    sa.Column("position", sa.Integer, nullable=False, default=-1),
    sa.Column("revealed", sa.Boolean, nullable=False, default=False),
    sa.Column("ended", sa.Boolean, nullable=False, default=False),
    sa.Column("locked", sa.Boolean, nullable=False, default=False, server_default=sa.false()),
    # The hash of a secret held by the browser that started the room (see core.room.resume): it may resume it.
    sa.Column("browser_hash", sa.String(64), nullable=True, index=True),
)
room_questions = sa.Table(
    "room_question",
    metadata,
    sa.Column("room_code", sa.String(CODE_COLUMN), primary_key=True),
    sa.Column("position", sa.Integer, primary_key=True),
    sa.Column("question_id", sa.String(MAX_QUESTION_ID_CHARS), nullable=False),
    sa.Column("options", sa.Text, nullable=False),  # JSON list of option texts
    sa.UniqueConstraint("room_code", "question_id"),
)
participants = sa.Table(
    "participant",
    metadata,
    sa.Column("id", sa.String(PARTICIPANT_LENGTH), primary_key=True),
    sa.Column("room_code", sa.String(CODE_COLUMN), nullable=False, index=True),
    sa.Column("joined_at", sa.Float, nullable=False),
)
answers = sa.Table(
    "answer",
    metadata,
    # The primary key is the uniqueness rule: one answer per participant per question; a new one replaces it.
    sa.Column("room_code", sa.String(CODE_COLUMN), primary_key=True),
    sa.Column("question_id", sa.String(MAX_QUESTION_ID_CHARS), primary_key=True),
    sa.Column("participant_id", sa.String(PARTICIPANT_LENGTH), primary_key=True),
    sa.Column("choice", sa.Integer, nullable=False),  # index into the question's options
    sa.Column("answered_at", sa.Float, nullable=False),
)
# One row per counted thing; creating a room locks its row (SELECT ... FOR UPDATE), so that on PostgreSQL two
# servers cannot both count 499 open rooms and both insert. SQLite gets the same from BEGIN IMMEDIATE.
counters = sa.Table("room_counter", metadata, sa.Column("name", sa.String(32), primary_key=True))
# Per-client limits that must hold across servers: a fixed window per key (a hash: no address is stored).
quotas = sa.Table(
    "room_quota",
    metadata,
    sa.Column("key", sa.String(64), primary_key=True),
    sa.Column("used", sa.Integer, nullable=False),
    sa.Column("window_start", sa.Float, nullable=False),
    sa.Column("expires_at", sa.Float, nullable=False, index=True),
)
reveals = sa.Table(
    "reveal",
    metadata,
    sa.Column("room_code", sa.String(CODE_COLUMN), primary_key=True),
    sa.Column("question_id", sa.String(MAX_QUESTION_ID_CHARS), primary_key=True),
)


def default_path() -> Path:
    """The default SQLite file: $STEMCELL_ROOM_DB_PATH, else the user's data folder (kept across reboots, unlike the
    temporary folder): $XDG_DATA_HOME/stemcell-explainer/rooms.sqlite, by default ~/.local/share/…"""
    if os.environ.get(PATH_ENV):
        return Path(os.environ[PATH_ENV]).expanduser()
    data_home = os.environ.get("XDG_DATA_HOME") or str(Path.home() / ".local" / "share")
    return Path(data_home) / "stemcell-explainer" / "rooms.sqlite"


def default_url() -> str:
    """$STEMCELL_ROOM_DB_URL when set, else the default SQLite file (nothing to set up)."""
    return os.environ.get(URL_ENV) or f"sqlite:///{default_path()}"


def _engine_url(url: str) -> sa.URL:
    try:
        parsed = sa.make_url(url)
    except sa.exc.ArgumentError as error:
        raise RoomError("The room database address is not a database URL.") from error
    backend = parsed.get_backend_name()
    if backend == "postgres":  # the spelling some hosts give
        parsed = parsed.set(drivername="postgresql")
        backend = "postgresql"
    if backend == "postgresql" and parsed.drivername == "postgresql":
        parsed = parsed.set(drivername="postgresql+psycopg")  # psycopg 3 is the driver this project installs
    if backend not in ("sqlite", "postgresql"):
        raise RoomError("The room database must be SQLite or PostgreSQL.")
    return parsed


def _sqlite_setup(engine: sa.Engine) -> None:
    @sa.event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection, _record):
        # Let SQLAlchemy's "begin" event emit BEGIN itself, so a writer can take the write lock up front.
        dbapi_connection.isolation_level = None
        cursor = dbapi_connection.cursor()
        cursor.execute("PRAGMA journal_mode=WAL")  # readers never wait for the writer
        cursor.execute("PRAGMA busy_timeout=10000")
        cursor.execute("PRAGMA synchronous=NORMAL")
        cursor.close()

    @sa.event.listens_for(engine, "begin")
    def _on_begin(connection):
        # A read-then-write transaction begun as DEFERRED fails at once (not after waiting) when another writer
        # committed in between; IMMEDIATE waits its turn for the write lock instead.
        immediate = connection.get_execution_options().get("write", False)
        connection.exec_driver_sql("BEGIN IMMEDIATE" if immediate else "BEGIN")


def _hash(token: str) -> str:
    return hashlib.sha256(token.encode("ascii")).hexdigest()


def _text(value: object, what: str, limit: int = MAX_RAW_CHARS) -> str:
    if not isinstance(value, str):
        raise RoomError(f"That {what} is not valid.")
    if len(value) > limit:
        raise RoomError(f"That {what} is too long to be valid.")
    return value


def normalise_code(raw: object) -> str:
    """A typed room code in its stored form (capitals, no spaces or dashes), or the one no-room RoomError."""
    code = re.sub(r"[\s\-]", "", raw).upper() if isinstance(raw, str) and len(raw) <= MAX_RAW_CHARS else ""
    if not _CODE.fullmatch(code):
        raise RoomError(NO_ROOM)
    return code


def quota_key(*parts: str) -> str:
    """The stored form of a limit's key: a hash, so no client address is kept in the database."""
    return hashlib.sha256("\x1f".join(parts).encode("utf-8")).hexdigest()


def _checked(raw: object, what: str, form: re.Pattern[str], refusal: str) -> str:
    value = _text(raw, what)
    if not form.fullmatch(value):
        raise RoomError(refusal)
    return value


def _check_token(raw: object) -> str:
    return _checked(raw, "facilitator key", _TOKEN, "Only the facilitator who started this room can do that.")


def _check_participant(raw: object) -> str:
    refusal = "This phone has not joined the room yet: join again with the room code."
    return _checked(raw, "participant id", _PARTICIPANT, refusal)


def _check_question_id(raw: object) -> str:
    return _checked(raw, "question", _QUESTION_ID, "That question is not part of this room.")


def _database_errors_in_words(method):
    # A database that is down or overloaded must reach a participant as words, never as a traceback.
    @functools.wraps(method)
    def wrapper(self, *args, **kwargs):
        try:
            return method(self, *args, **kwargs)
        except sa.exc.DBAPIError as error:
            self._check_file()  # a vanished or replaced file says so, rather than "did not answer"
            if "readonly" in str(error).lower() or "read-only" in str(error).lower():
                raise RoomError(READ_ONLY) from error
            raise RoomError("The room's database did not answer. Wait a moment and try again.") from error

    return wrapper


class RoomStore:
    """Rooms and their answers; every write is one transaction; nothing personal is stored."""

    def __init__(
        self,
        url: str | None = None,
        *,
        ttl_seconds: float = DEFAULT_TTL_SECONDS,
        clock: Callable[[], float] | None = None,
    ):
        engine_url = _engine_url(url or default_url())
        self.backend = engine_url.get_backend_name()
        self.ttl_seconds = ttl_seconds
        # None: every time is the database's own clock, so servers whose clocks disagree agree on expiry. Tests and
        # benchmarks pass a clock of their own to move time by hand.
        self.clock = clock
        self.file: Path | None = None
        self._file_id: tuple[int, int] | None = None
        self._next_purge = 0.0
        if self.backend == "sqlite":
            if engine_url.database and engine_url.database != ":memory:":
                self.file = Path(engine_url.database).resolve()
                try:
                    self.file.parent.mkdir(parents=True, exist_ok=True)
                except OSError as error:
                    raise RoomError("The room database's folder cannot be created; live rooms are unavailable.") from (
                        error
                    )
            self.engine = sa.create_engine(
                engine_url, connect_args={"timeout": 30, "check_same_thread": False}, pool_size=8, max_overflow=8
            )
            _sqlite_setup(self.engine)
        else:
            # Two or more app servers share this database: keep each server's share of connections small.
            self.engine = sa.create_engine(engine_url, pool_size=5, max_overflow=10, pool_pre_ping=True)
        self._insert = (sqlite if self.backend == "sqlite" else postgresql).insert
        try:
            metadata.create_all(self.engine)
            with self.engine.begin() as conn:
                _upgrade_schema(conn, self.backend)
                conn.execute(self._insert(counters).values(name="rooms").on_conflict_do_nothing())
        except SQLAlchemyError as error:
            raise RoomError("The room database cannot be reached; live rooms are unavailable.") from error
        if self.file is not None:
            found = self.file.stat()
            self._file_id = (found.st_dev, found.st_ino)

    def _check_file(self) -> None:
        """A SQLite file deleted or replaced under a running server goes on taking writes into the void: refuse."""
        if self._file_id is None:
            return
        try:
            found = self.file.stat()
        except OSError:
            raise RoomError(VANISHED) from None
        if (found.st_dev, found.st_ino) != self._file_id:
            raise RoomError(VANISHED)

    def dispose(self) -> None:
        self.engine.dispose()

    # --- transactions ---------------------------------------------------------------------------

    def _write(self):
        self._check_file()
        return self.engine.connect().execution_options(write=True)

    def _read(self):
        self._check_file()
        return self.engine.connect()

    def _now(self) -> sa.ColumnElement[float]:
        """Now, in seconds since 1970, as SQL: the database's clock, or the injected one."""
        if self.clock is not None:
            return sa.literal(self.clock(), sa.Float)
        if self.backend == "sqlite":
            return (sa.func.julianday("now") - 2440587.5) * 86400.0
        return sa.cast(sa.extract("epoch", sa.func.now()), sa.Float)

    def _room(self, conn: sa.Connection, code: str, *, lock: bool = False) -> sa.Row:
        query = sa.select(rooms, (rooms.c.expires_at <= self._now()).label("expired")).where(rooms.c.code == code)
        # FOR UPDATE (PostgreSQL) holds the room while a join counts its participants; SQLite ignores it and
        # relies on BEGIN IMMEDIATE.
        row = conn.execute(query.with_for_update(of=rooms) if lock else query).first()
        if row is None or row.expired:
            raise RoomError(NO_ROOM)
        return row

    def _facilitator_room(self, conn: sa.Connection, code: str, token: str) -> sa.Row:
        row = self._room(conn, code)
        given = _hash(token)
        # The key from the file, or the secret of the browser that started or resumed the room (both compared in
        # constant time; the browser's is checked even when the key matched, so timing tells nothing).
        by_key = hmac.compare_digest(row.token_hash, given)
        by_browser = hmac.compare_digest(row.browser_hash or "", given)
        if not (by_key or by_browser):
            raise RoomError("Only the facilitator who started this room can do that.")
        return row

    def _question_at(self, conn: sa.Connection, code: str, position: int) -> tuple[str, tuple[str, ...]] | None:
        row = conn.execute(
            sa.select(room_questions.c.question_id, room_questions.c.options).where(
                room_questions.c.room_code == code, room_questions.c.position == position
            )
        ).first()
        return None if row is None else (row.question_id, tuple(json.loads(row.options)))

    def _options(self, conn: sa.Connection, code: str, qid: str) -> tuple[str, ...]:
        row = conn.execute(
            sa.select(room_questions.c.options).where(
                room_questions.c.room_code == code, room_questions.c.question_id == qid
            )
        ).first()
        if row is None:
            raise RoomError("That question is not part of this room.")
        return tuple(json.loads(row.options))

    # --- facilitator ----------------------------------------------------------------------------

    def active_rooms(self, conn: sa.Connection | None = None) -> int:
        """Rooms that count toward the cap: not ended and not expired (a room nobody starts expires in 30 min)."""
        query = sa.select(sa.func.count()).select_from(rooms).where(~rooms.c.ended, rooms.c.expires_at > self._now())
        if conn is not None:
            return conn.execute(query).scalar_one()
        with self._read() as own:
            return own.execute(query).scalar_one()

    def create_room(self) -> tuple[str, str]:
        """A new room: its join code and the facilitator's secret key (only its hash is stored)."""
        self.purge_expired()
        token = secrets.token_urlsafe(TOKEN_BYTES)
        now = self._now()
        # Count and insert in one transaction holding the counter row, so concurrent creators cannot overrun the cap.
        with self._write() as conn, conn.begin():
            conn.execute(sa.select(counters.c.name).where(counters.c.name == "rooms").with_for_update())
            if self.active_rooms(conn) >= MAX_ACTIVE_ROOMS:
                raise RoomError("Too many rooms are open right now; try again later.")
            for _ in range(20):
                code = "".join(secrets.choice(CODE_ALPHABET) for _ in range(CODE_LENGTH))
                # Creators wait on the counter row, so no one else can take this code between the check and insert.
                if conn.execute(sa.select(rooms.c.code).where(rooms.c.code == code)).first() is None:
                    break
            else:
                raise RoomError("Could not find a free room code; try again.")
            conn.execute(
                rooms.insert().values(
                    code=code, token_hash=_hash(token), created_at=now, expires_at=now + UNSTARTED_TTL_SECONDS,
                    position=-1, revealed=False, ended=False, locked=False,
                )
            )  # fmt: skip
        return code, token

    def keep_open(self, code: str, token: str) -> None:
        """The facilitator's page is still open: a room not yet started stays open another 30 minutes."""
        code, token = normalise_code(code), _check_token(token)
        with self._write() as conn, conn.begin():
            room = self._facilitator_room(conn, code, token)
            if room.position < 0 and not room.ended:
                later = self._now() + UNSTARTED_TTL_SECONDS
                conn.execute(
                    rooms.update()
                    .where(rooms.c.code == code)
                    .values(expires_at=sa.case((rooms.c.expires_at > later, rooms.c.expires_at), else_=later))
                )

    def set_locked(self, code: str, token: str, locked: bool) -> None:
        """Close the room to newcomers (phones already in keep their place), or open it again."""
        code, token = normalise_code(code), _check_token(token)
        with self._write() as conn, conn.begin():
            self._facilitator_room(conn, code, token)
            conn.execute(rooms.update().where(rooms.c.code == code).values(locked=bool(locked)))

    def set_plan(self, code: str, token: str, questions: Sequence[tuple[str, Sequence[str]]]) -> None:
        """Choose the room's questions (id and options, in order); only before the first question is shown."""
        code, token = normalise_code(code), _check_token(token)
        if not 0 < len(questions) <= MAX_QUESTIONS:
            raise RoomError(f"A session needs 1 to {MAX_QUESTIONS} questions.")
        rows, seen = [], set()
        for position, (qid, options) in enumerate(questions):
            qid = _check_question_id(qid)
            options = [_text(o, "answer option", MAX_OPTION_CHARS) for o in options]
            if qid in seen or not 2 <= len(options) <= MAX_OPTIONS or len(set(options)) != len(options):
                raise RoomError("Each question needs a unique id and 2 to 12 different options.")
            seen.add(qid)
            rows.append({"room_code": code, "position": position, "question_id": qid, "options": json.dumps(options)})
        with self._write() as conn, conn.begin():
            room = self._facilitator_room(conn, code, token)
            if room.position >= 0 or room.ended:
                raise RoomError("The session has started; its questions can no longer change.")
            conn.execute(room_questions.delete().where(room_questions.c.room_code == code))
            conn.execute(room_questions.insert(), rows)

    def advance(self, code: str, token: str) -> RoomState:
        """Show the next question (the first one, before the session starts)."""
        code, token = normalise_code(code), _check_token(token)
        with self._write() as conn, conn.begin():
            room = self._facilitator_room(conn, code, token)
            if room.ended:
                raise RoomError("This session has ended.")
            if self._question_at(conn, code, room.position + 1) is None:
                raise RoomError("That was the last question: end the session to see the summary.")
            values = {"position": room.position + 1, "revealed": False}
            if room.position < 0:  # the session starts: the room now lasts the workshop day
                values["expires_at"] = self._now() + self.ttl_seconds
            conn.execute(rooms.update().where(rooms.c.code == code).values(**values))
        return self.state(code)

    def reveal(self, code: str, facilitator_token: str, question_id: str) -> None:
        """Show the room the answer to the current question; answers to it close."""
        code, token, qid = normalise_code(code), _check_token(facilitator_token), _check_question_id(question_id)
        with self._write() as conn, conn.begin():
            room = self._facilitator_room(conn, code, token)
            current = self._question_at(conn, code, room.position)
            if current is None or current[0] != qid:
                raise RoomError("Only the question on screen can be revealed.")
            conn.execute(rooms.update().where(rooms.c.code == code).values(revealed=True))
            conn.execute(self._insert(reveals).values(room_code=code, question_id=qid).on_conflict_do_nothing())

    def end(self, code: str, token: str) -> None:
        """End the session: no more answers; the summary stays until the room expires."""
        code, token = normalise_code(code), _check_token(token)
        with self._write() as conn, conn.begin():
            self._facilitator_room(conn, code, token)
            conn.execute(rooms.update().where(rooms.c.code == code).values(ended=True))

    def bind_browser(self, code: str, token: str, browser_key: str) -> None:
        """Let this browser's secret resume the room (after a restart, in one step); replaces any earlier browser."""
        code, token, browser_key = normalise_code(code), _check_token(token), _check_token(browser_key)
        with self._write() as conn, conn.begin():
            self._facilitator_room(conn, code, token)
            conn.execute(rooms.update().where(rooms.c.code == code).values(browser_hash=_hash(browser_key)))

    def rooms_for_browser(self, browser_key: str) -> list[RoomState]:
        """The open rooms this browser started or resumed, newest first (none for a key of the wrong form)."""
        try:
            browser_key = _check_token(browser_key)
        except RoomError:
            return []
        self._maybe_purge()
        with self._read() as conn:
            codes = (
                conn.execute(
                    sa.select(rooms.c.code)
                    .where(rooms.c.browser_hash == _hash(browser_key), rooms.c.expires_at > self._now())
                    .order_by(rooms.c.created_at.desc())
                    .limit(5)
                )
                .scalars()
                .all()
            )
        found = []
        for code in codes:
            try:
                found.append(self.state(code))
            except RoomError:
                continue  # expired in between
        return found

    def new_key(self, code: str, token: str) -> str:
        """A new facilitator key for the room (the old key file stops working); for a browser that resumed
        without the file and wants one to move to another computer."""
        code, token = normalise_code(code), _check_token(token)
        fresh = secrets.token_urlsafe(TOKEN_BYTES)
        with self._write() as conn, conn.begin():
            self._facilitator_room(conn, code, token)
            conn.execute(rooms.update().where(rooms.c.code == code).values(token_hash=_hash(fresh)))
        return fresh

    def check_facilitator(self, code: str, token: str) -> str:
        """The normalised code when the key opens this room (to resume a session); a RoomError otherwise."""
        code, token = normalise_code(code), _check_token(token)
        with self._read() as conn:
            self._facilitator_room(conn, code, token)
        return code

    def tallies(self, code: str, token: str) -> dict[str, dict[str, int]]:
        """Answer counts of the questions the room was asked (shown on screen), in order, for the summary."""
        code, token = normalise_code(code), _check_token(token)
        with self._read() as conn:
            room = self._facilitator_room(conn, code, token)
            plan = conn.execute(
                sa.select(room_questions.c.question_id, room_questions.c.options)
                .where(room_questions.c.room_code == code, room_questions.c.position <= room.position)
                .order_by(room_questions.c.position)
            ).all()
            counts = conn.execute(
                sa.select(answers.c.question_id, answers.c.choice, sa.func.count())
                .where(answers.c.room_code == code)
                .group_by(answers.c.question_id, answers.c.choice)
            ).all()
        result = {row.question_id: dict.fromkeys(json.loads(row.options), 0) for row in plan}
        for qid, choice, count in counts:
            options = list(result.get(qid, {}))
            if 0 <= choice < len(options):
                result[qid][options[choice]] = count
        return result

    # --- participants ---------------------------------------------------------------------------

    def join(self, code: str) -> str:
        """A new anonymous participant id for this room (no name, nothing about the person)."""
        code = normalise_code(code)
        pid = secrets.token_urlsafe(PARTICIPANT_BYTES)
        with self._write() as conn, conn.begin():
            room = self._room(conn, code, lock=True)  # count, then insert, while holding the room
            if room.ended:
                raise RoomError(NO_ROOM)
            if room.locked:
                raise RoomError(LOCKED)
            joined = conn.execute(
                sa.select(sa.func.count()).select_from(participants).where(participants.c.room_code == code)
            ).scalar_one()
            if joined >= MAX_PARTICIPANTS:
                raise RoomError(f"Room {code} is full.")
            conn.execute(participants.insert().values(id=pid, room_code=code, joined_at=self._now()))
        return pid

    def is_participant(self, code: str, participant_id: str) -> bool:
        """Whether this id joined this room (so a returning phone keeps its answers)."""
        code, pid = normalise_code(code), _check_participant(participant_id)
        with self._read() as conn:
            self._room(conn, code)
            found = conn.execute(
                sa.select(participants.c.id).where(participants.c.id == pid, participants.c.room_code == code)
            ).first()
        return found is not None

    def answer(self, code: str, participant_id: str, question_id: str, choice: str) -> None:
        """Record one participant's answer to the current question; a second answer replaces the first."""
        code, pid, qid = normalise_code(code), _check_participant(participant_id), _check_question_id(question_id)
        choice = _text(choice, "answer", MAX_OPTION_CHARS)
        with self._write() as conn, conn.begin():
            room = self._room(conn, code)
            if room.ended:
                raise RoomError("This session has ended; answers are closed.")
            current = self._question_at(conn, code, room.position)
            if current is None or current[0] != qid:
                raise RoomError("That question is not on screen any more; answer the current one.")
            if room.revealed:
                raise RoomError("The answer has been revealed, so answers to this question are closed.")
            if choice not in current[1]:
                raise RoomError("That is not one of the options.")
            joined = conn.execute(
                sa.select(participants.c.id).where(participants.c.id == pid, participants.c.room_code == code)
            ).first()
            if joined is None:
                raise RoomError("This phone has not joined the room yet: join again with the room code.")
            insert = self._insert(answers).values(
                room_code=code, question_id=qid, participant_id=pid, choice=current[1].index(choice),
                answered_at=self._now(),
            )  # fmt: skip
            conn.execute(
                insert.on_conflict_do_update(
                    index_elements=[answers.c.room_code, answers.c.question_id, answers.c.participant_id],
                    set_={"choice": insert.excluded.choice, "answered_at": insert.excluded.answered_at},
                )
            )

    def my_answers(self, code: str, participant_id: str) -> dict[str, str]:
        """This participant's answers so far, {question id: option}, so a returning phone shows them."""
        code, pid = normalise_code(code), _check_participant(participant_id)
        with self._read() as conn:
            self._room(conn, code)
            rows = conn.execute(
                sa.select(answers.c.question_id, answers.c.choice, room_questions.c.options)
                .join(
                    room_questions,
                    (room_questions.c.room_code == answers.c.room_code)
                    & (room_questions.c.question_id == answers.c.question_id),
                )
                .where(answers.c.room_code == code, answers.c.participant_id == pid)
            ).all()
        return {r.question_id: json.loads(r.options)[r.choice] for r in rows}

    # --- anyone in the room ---------------------------------------------------------------------

    def state(self, code: str) -> RoomState:
        """Where the session is: the current question and its options, whether revealed, whether ended."""
        code = normalise_code(code)
        self._maybe_purge()
        with self._read() as conn:
            room = self._room(conn, code)
            total = conn.execute(
                sa.select(sa.func.count()).select_from(room_questions).where(room_questions.c.room_code == code)
            ).scalar_one()
            joined = conn.execute(
                sa.select(sa.func.count()).select_from(participants).where(participants.c.room_code == code)
            ).scalar_one()
            current = self._question_at(conn, code, room.position) if room.position >= 0 else None
        return RoomState(
            code=code,
            position=room.position,
            total=total,
            question_id=current[0] if current else None,
            options=current[1] if current else (),
            revealed=bool(room.revealed),
            ended=bool(room.ended),
            participants=joined,
            expires_at=room.expires_at,
            locked=bool(room.locked),
        )

    def tally(self, code: str, question_id: str) -> dict[str, int]:
        """Answers per option for one question, every option listed (zero when nobody chose it)."""
        code, qid = normalise_code(code), _check_question_id(question_id)
        with self._read() as conn:
            self._room(conn, code)
            options = self._options(conn, code, qid)
            counts = dict(
                conn.execute(
                    sa.select(answers.c.choice, sa.func.count())
                    .where(answers.c.room_code == code, answers.c.question_id == qid)
                    .group_by(answers.c.choice)
                ).all()
            )
        return {option: counts.get(i, 0) for i, option in enumerate(options)}

    def revealed(self, code: str) -> set[str]:
        """Ids of the questions the facilitator has revealed so far."""
        code = normalise_code(code)
        with self._read() as conn:
            self._room(conn, code)
            return set(conn.execute(sa.select(reveals.c.question_id).where(reveals.c.room_code == code)).scalars())

    # --- housekeeping ---------------------------------------------------------------------------

    def _maybe_purge(self) -> None:
        # Expired rooms go on a schedule, by whichever read comes first, not only when someone creates a room.
        moment = time.monotonic()
        if moment < self._next_purge:
            return
        self._next_purge = moment + PURGE_EVERY_SECONDS
        with contextlib.suppress(RoomError):  # the read that follows says what is wrong
            self.purge_expired()

    def take(self, key: str, count: int, seconds: float) -> bool:
        """Count one use of a limit shared by every server (at most `count` in a window of `seconds`); False when
        the limit is reached. One upsert, so concurrent uses on PostgreSQL are each counted."""
        now = self._now()
        stored = quota_key(key)
        fresh = quotas.c.window_start <= now - seconds
        insert = self._insert(quotas).values(key=stored, used=1, window_start=now, expires_at=now + seconds)
        upsert = insert.on_conflict_do_update(
            index_elements=[quotas.c.key],
            set_={
                "used": sa.case((fresh, 1), else_=quotas.c.used + 1),
                "window_start": sa.case((fresh, now), else_=quotas.c.window_start),
                "expires_at": sa.case((fresh, now + seconds), else_=quotas.c.expires_at),
            },
        ).returning(quotas.c.used)
        with self._write() as conn, conn.begin():
            used = conn.execute(upsert).scalar_one()
        return used <= count

    def used(self, key: str, seconds: float) -> int:
        """Uses of a shared limit in its current window (0 once the window has passed)."""
        with self._read() as conn:
            row = conn.execute(
                sa.select(quotas.c.used, (quotas.c.window_start <= self._now() - seconds).label("spent")).where(
                    quotas.c.key == quota_key(key)
                )
            ).first()
        return 0 if row is None or row.spent else row.used

    def purge_expired(self) -> int:
        """Delete expired rooms with their questions, participants, answers and reveals; return rooms deleted."""
        now = self._now()
        with self._write() as conn, conn.begin():
            conn.execute(quotas.delete().where(quotas.c.expires_at <= now))
            expired = sa.select(rooms.c.code).where(rooms.c.expires_at <= now)
            for table in (answers, reveals, participants, room_questions):
                conn.execute(table.delete().where(table.c.room_code.in_(expired)))
            return conn.execute(rooms.delete().where(rooms.c.expires_at <= now)).rowcount


def _upgrade_schema(conn: sa.Connection, backend: str) -> None:
    """Bring a database made by an earlier version up to this one: add missing columns, widen code columns."""
    inspector = sa.inspect(conn)
    present = {c["name"]: c for c in inspector.get_columns("room")}
    if "locked" not in present:
        conn.exec_driver_sql("ALTER TABLE room ADD COLUMN locked BOOLEAN NOT NULL DEFAULT FALSE")
    if "browser_hash" not in present:
        conn.exec_driver_sql("ALTER TABLE room ADD COLUMN browser_hash VARCHAR(64)")
    if backend == "postgresql":  # SQLite does not enforce a VARCHAR length
        for table in ("room", "room_question", "participant", "answer", "reveal"):
            column = "code" if table == "room" else "room_code"
            found = {c["name"]: c for c in inspector.get_columns(table)}[column]
            if getattr(found["type"], "length", CODE_COLUMN) < CODE_COLUMN:
                conn.exec_driver_sql(f"ALTER TABLE {table} ALTER COLUMN {column} TYPE VARCHAR({CODE_COLUMN})")


for _name, _method in list(vars(RoomStore).items()):
    if callable(_method) and not _name.startswith("_") and _name != "dispose":
        setattr(RoomStore, _name, _database_errors_in_words(_method))
