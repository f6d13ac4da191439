"""The room's rules: limits, the forms of codes, keys and ids, and the words every refusal uses."""

import functools
import hashlib
import re
from dataclasses import dataclass

import sqlalchemy as sa

from core import i18n
from core.i18n import N_

URL_ENV = "STEMCELL_ROOM_DB_URL"
PATH_ENV = "STEMCELL_ROOM_DB_PATH"  # where the default SQLite file lives, when no URL is set
PURGE_EVERY_SECONDS = 60.0  # each server deletes expired rooms at most this often, from whichever read comes first
VANISHED = N_(
    "The room database file was deleted or replaced while the app was running, so answers from now on would be "
    "lost. Restart the app; rooms started before this are gone."
)
READ_ONLY = N_("The room database can no longer be written (read-only file or full disk): answers are not being saved.")
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
NO_ROOM = N_(
    "That code does not open a room. A room code has {length} letters and digits: check it on the facilitator's screen."
)
LOCKED = N_("The facilitator has closed this room to newcomers. Ask them to open it if you should be in.")
NOT_JOINED = N_("This phone has not joined the room yet: join again with the room code.")
# What each checked value is called in a refusal: (not valid, too long), as whole sentences so each translates.
_REFUSALS = {
    "answer": (N_("That answer is not valid."), N_("That answer is too long to be valid.")),
    "answer option": (N_("That answer option is not valid."), N_("That answer option is too long to be valid.")),
    "facilitator key": (N_("That facilitator key is not valid."), N_("That facilitator key is too long to be valid.")),
    "participant id": (N_("That participant id is not valid."), N_("That participant id is too long to be valid.")),
    "question": (N_("That question is not valid."), N_("That question is too long to be valid.")),
}


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


class RoomError(ValueError):
    """Anything a room cannot do, in plain words a participant or facilitator can act on.

    The words are an English msgid with "{name}" placeholders (str(error) reads them in English); `words(lang)`
    says them in another language, so the store, shared by every visitor, never needs to know who reads.
    """

    def __init__(self, message: str, **values: object):
        self.message, self.values = message, values
        super().__init__(message.format(**values) if values else message)

    def words(self, lang: str = i18n.DEFAULT) -> str:
        words = i18n.gettext(lang, self.message)
        return words.format(**self.values) if self.values else words


def no_room() -> RoomError:
    """The one refusal for every code that opens no room."""
    return RoomError(NO_ROOM, length=CODE_LENGTH)


def _hash(token: str) -> str:
    return hashlib.sha256(token.encode("ascii")).hexdigest()


def _text(value: object, what: str, limit: int = MAX_RAW_CHARS) -> str:
    invalid, too_long = _REFUSALS[what]
    if not isinstance(value, str):
        raise RoomError(invalid)
    if len(value) > limit:
        raise RoomError(too_long)
    return value


def normalise_code(raw: object) -> str:
    """A typed room code in its stored form (capitals, no spaces or dashes), or the one no-room RoomError."""
    code = re.sub(r"[\s\-]", "", raw).upper() if isinstance(raw, str) and len(raw) <= MAX_RAW_CHARS else ""
    if not _CODE.fullmatch(code):
        raise no_room()
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
    return _checked(raw, "facilitator key", _TOKEN, N_("Only the facilitator who started this room can do that."))


def _check_participant(raw: object) -> str:
    return _checked(raw, "participant id", _PARTICIPANT, NOT_JOINED)


def _check_question_id(raw: object) -> str:
    return _checked(raw, "question", _QUESTION_ID, N_("That question is not part of this room."))


def database_errors_in_words(method):
    # A database that is down or overloaded must reach a participant as words, never as a traceback.
    @functools.wraps(method)
    def wrapper(self, *args, **kwargs):
        try:
            return method(self, *args, **kwargs)
        except sa.exc.DBAPIError as error:
            self._check_file()  # a vanished or replaced file says so, rather than "did not answer"
            if "readonly" in str(error).lower() or "read-only" in str(error).lower():
                raise RoomError(READ_ONLY) from error
            raise RoomError(N_("The room's database did not answer. Wait a moment and try again.")) from error

    return wrapper
