"""The room database: its tables, the engine for a SQLite file or PostgreSQL, and upgrades of older files."""

import os
from pathlib import Path

import sqlalchemy as sa

from core.i18n import N_
from core.room.rules import CODE_COLUMN, MAX_QUESTION_ID_CHARS, PARTICIPANT_LENGTH, PATH_ENV, URL_ENV, RoomError

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
        raise RoomError(N_("The room database address is not a database URL.")) from error
    backend = parsed.get_backend_name()
    if backend == "postgres":  # the spelling some hosts give
        parsed = parsed.set(drivername="postgresql")
        backend = "postgresql"
    if backend == "postgresql" and parsed.drivername == "postgresql":
        parsed = parsed.set(drivername="postgresql+psycopg")  # psycopg 3 is the driver this project installs
    if backend not in ("sqlite", "postgresql"):
        raise RoomError(N_("The room database must be SQLite or PostgreSQL."))
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
