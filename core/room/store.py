"""RoomStore: rooms, participants and answers in one SQL database (SQLite file by default, PostgreSQL by URL)."""

import contextlib
import hmac
import json
import time
from collections.abc import Callable
from pathlib import Path

import sqlalchemy as sa
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.exc import SQLAlchemyError

from core.i18n import N_
from core.room.facilitating import Facilitating
from core.room.participating import Participating
from core.room.rules import (
    DEFAULT_TTL_SECONDS,
    PURGE_EVERY_SECONDS,
    VANISHED,
    RoomError,
    RoomState,
    _check_question_id,
    _hash,
    database_errors_in_words,
    no_room,
    normalise_code,
    quota_key,
)
from core.room.schema import (
    _engine_url,
    _sqlite_setup,
    _upgrade_schema,
    answers,
    counters,
    default_url,
    metadata,
    participants,
    quotas,
    reveals,
    room_questions,
    rooms,
)


class RoomStore(Facilitating, Participating):
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
                    folder = N_("The room database's folder cannot be created; live rooms are unavailable.")
                    raise RoomError(folder) from error
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
            raise RoomError(N_("The room database cannot be reached; live rooms are unavailable.")) from error
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
            raise no_room()
        return row

    def _facilitator_room(self, conn: sa.Connection, code: str, token: str) -> sa.Row:
        row = self._room(conn, code)
        given = _hash(token)
        # The key from the file, or the secret of the browser that started or resumed the room (both compared in
        # constant time; the browser's is checked even when the key matched, so timing tells nothing).
        by_key = hmac.compare_digest(row.token_hash, given)
        by_browser = hmac.compare_digest(row.browser_hash or "", given)
        if not (by_key or by_browser):
            raise RoomError(N_("Only the facilitator who started this room can do that."))
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
            raise RoomError(N_("That question is not part of this room."))
        return tuple(json.loads(row.options))

    # --- facilitator ----------------------------------------------------------------------------

    @database_errors_in_words
    def active_rooms(self, conn: sa.Connection | None = None) -> int:
        """Rooms that count toward the cap: not ended and not expired (a room nobody starts expires in 30 min)."""
        query = sa.select(sa.func.count()).select_from(rooms).where(~rooms.c.ended, rooms.c.expires_at > self._now())
        if conn is not None:
            return conn.execute(query).scalar_one()
        with self._read() as own:
            return own.execute(query).scalar_one()

    @database_errors_in_words
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

    @database_errors_in_words
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

    @database_errors_in_words
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

    @database_errors_in_words
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

    @database_errors_in_words
    def used(self, key: str, seconds: float) -> int:
        """Uses of a shared limit in its current window (0 once the window has passed)."""
        with self._read() as conn:
            row = conn.execute(
                sa.select(quotas.c.used, (quotas.c.window_start <= self._now() - seconds).label("spent")).where(
                    quotas.c.key == quota_key(key)
                )
            ).first()
        return 0 if row is None or row.spent else row.used

    @database_errors_in_words
    def purge_expired(self) -> int:
        """Delete expired rooms with their questions, participants, answers and reveals; return rooms deleted."""
        now = self._now()
        with self._write() as conn, conn.begin():
            conn.execute(quotas.delete().where(quotas.c.expires_at <= now))
            expired = sa.select(rooms.c.code).where(rooms.c.expires_at <= now)
            for table in (answers, reveals, participants, room_questions):
                conn.execute(table.delete().where(table.c.room_code.in_(expired)))
            return conn.execute(rooms.delete().where(rooms.c.expires_at <= now)).rowcount
