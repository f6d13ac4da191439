"""Page models for the room's two pages: join link and QR code, plans, joining, summaries, what a phone shows."""

from __future__ import annotations

import io
import math
import zlib
from collections.abc import Mapping, Sequence
from urllib.parse import urlencode, urlsplit, urlunsplit

import pandas as pd
import segno

from core import i18n, site
from core.i18n import N_
from core.room import address, limits, results
from core.room.questions import RoomQuestion
from core.room.rules import LOCKED, NO_ROOM, RoomError, RoomState, no_room, normalise_code
from core.room.store import RoomStore
from core.text import md_escape

PHONE_POLLS_PER_SECOND = 60  # what one server process answers comfortably (about 15-20 ms per poll, one core)
PHONE_INTERVAL_RANGE = (1.5, 5.0)  # seconds: fast in a small room, never so slow a phone lags a question behind
BEAT_REDRAW_STEP = 1.0  # seconds: a phone keeps its beat until the wanted one differs by this much
JOIN_PAGE_PATH = site.page("join").url_path.lstrip("/")
MAX_LINK_CHARS = 500  # a longer address makes a QR code too dense to scan from the back of a room
PICK_PLAN = N_("Pick questions")
# Which language the join link opens phones in: none (each phone's own browser language), or one for every phone.
PHONE_LANGUAGES = ("", *i18n.LANGUAGES)


def join_link(page_url: str, code: str) -> str:
    """The participants' address for this room, beside the facilitator's page: …/Join?room=CODE."""
    parts = urlsplit(page_url or "http://localhost:8501/")
    folder = parts.path.rsplit("/", 1)[0]
    query = urlencode({"room": code})
    link = urlunsplit((parts.scheme or "http", parts.netloc, f"{folder}/{JOIN_PAGE_PATH}", query, ""))
    if len(link) > MAX_LINK_CHARS:
        raise ValueError("the app's address is too long for a QR code")
    return link


def join_link_or_local(page_url: str, code: str) -> str:
    """join_link, or for an address too long for a QR code the plain local form of it."""
    try:
        return join_link(page_url, code)
    except ValueError:
        return join_link("", code)


def join_link_at(base: str, code: str, lang: str = "") -> str:
    """The participants' address for this room under an app base address, or the local form for an overlong base.

    With `lang`, every phone opens the room in that language; without it (the default) each phone opens it in its
    own browser's language, which is why the facilitator's own language is never put in the link.
    """
    query = {"room": code, **({i18n.QUERY_KEY: lang} if lang else {})}
    link = address.page_url(base, JOIN_PAGE_PATH, query)
    return link if len(link) <= MAX_LINK_CHARS else address.page_url(address.base_of_page(""), JOIN_PAGE_PATH, query)


def app_url(link: str) -> str:
    """The app's own address, taken from a join link (the summary's links to pages start from it)."""
    return link.split(f"/{JOIN_PAGE_PATH}")[0]


def qr_png(link: str, scale: int = 10) -> bytes:
    """A QR code image of the join link, with a quiet zone, large enough to scan from across a room."""
    buffer = io.BytesIO()
    segno.make(link, error="m").save(buffer, kind="png", scale=scale, border=3)
    return buffer.getvalue()


def plan_questions(
    plan: str, plans: Mapping[str, Sequence[str]], picked: Sequence[str], questions: Mapping[str, RoomQuestion]
) -> list[RoomQuestion]:
    """The questions of a named plan, or the hand-picked ones in the order picked; unknown ids are dropped."""
    ids = picked if plan == PICK_PLAN else plans.get(plan, ())
    return [questions[qid] for qid in dict.fromkeys(ids) if qid in questions]


def plan_markdown(chosen: Sequence[RoomQuestion], lang: str = "en") -> str:
    """The plan's prompts as a numbered Markdown list (escaped), or 'None yet.' for an empty plan."""
    listed = "\n".join(f"{i}. {md_escape(q.prompt)}" for i, q in enumerate(chosen, start=1))
    return listed or i18n.gettext(lang, "None yet.")


def options_markdown(question: RoomQuestion, *, projector: bool = False) -> str:
    """The options as a lettered Markdown list (escaped); for the projector view, one level-3 heading each
    (28 px: readable from the back of a room)."""
    if projector:
        return "\n".join(f"### {results.letter(i)}. {md_escape(o)}" for i, o in enumerate(question.options))
    return "\n".join(f"- **{results.letter(i)}.** {md_escape(o)}" for i, o in enumerate(question.options))


def start_plan(store: RoomStore, code: str, token: str, chosen: Sequence[RoomQuestion]) -> None:
    """Fix the room's plan and show its first question (RoomError in words if the store refuses)."""
    store.set_plan(code, token, [(q.id, q.option_ids) for q in chosen])  # by letter: the same in every language
    store.advance(code, token)


def key_file_text(code: str, token: str, lang: str = "en") -> str:
    """The file a facilitator saves to resume the room from another browser (the key never goes in a URL).

    Its first two lines stay in English in every language: core.room.resume reads them back."""
    warning = i18n.gettext(lang, "Keep this private: it controls the room.")
    return f"Room {code}\nFacilitator key: {token}\n{warning}\n"


def session_summary(
    questions: Mapping[str, RoomQuestion], tallies: Mapping[str, Mapping[str, int]], lang: str = "en"
) -> pd.DataFrame:
    """results.summary over the questions asked that this server knows (by id, in the order asked)."""
    return results.summary([questions[qid] for qid in tallies if qid in questions], tallies, lang)


def hardest(summary: pd.DataFrame, count: int = 3) -> pd.DataFrame:
    """The questions the room got most wrong: answered by someone, not by everyone rightly (summary's order)."""
    return summary[(summary["answered"] > 0) & (summary["share_right"] < 1)].head(count)


def create_room(store: RoomStore, limiter: limits.RateLimiter, client: limits.Client) -> tuple[str, str]:
    """A new room for a facilitator, within the per-browser and per-network limits (RoomError in words if not)."""
    if not limiter.take(client.session, limits.ROOMS_PER_SESSION):
        raise RoomError(limits.ROOMS_PER_SESSION.refusal)
    per_address = limits.ROOMS_PER_ADDRESS
    if not store.take(f"{per_address.name}:{client.address}", per_address.count, per_address.seconds):
        raise RoomError(per_address.refusal)
    return store.create_room()


def join_room(
    store: RoomStore,
    raw_code: str,
    participant_id: str | None,
    limiter: limits.RateLimiter,
    client: limits.Client,
    known: Mapping[str, str] | None = None,
) -> tuple[str, str]:
    """(code, participant id) for a phone: its own id again when it is returning, else a new one.

    `known` holds the ids this browser session already has, by room, so join, leave, join keeps one id. Every code
    that opens no room (mistyped, unknown, expired, ended) gets the same words and counts toward the wrong-code
    limits, which are checked before the code is looked up. A returning phone may still look at an ended room.
    """
    wrong_session, wrong_address = limits.WRONG_CODES_PER_SESSION, limits.WRONG_CODES_PER_ADDRESS
    address_key = f"{wrong_address.name}:{client.address}"
    if not limiter.allowed(client.session, wrong_session):
        raise RoomError(wrong_session.refusal)
    if store.used(address_key, wrong_address.seconds) >= wrong_address.count:
        raise RoomError(wrong_address.refusal)
    try:
        code = normalise_code(raw_code)
        state = store.state(code)
        for pid in dict.fromkeys((participant_id, (known or {}).get(code))):
            if pid and _returning(store, code, pid):
                return code, pid
        if state.ended:
            raise no_room()
    except RoomError as error:
        if error.message == NO_ROOM:
            limiter.take(client.session, wrong_session)
            store.take(address_key, wrong_address.count, wrong_address.seconds)
        raise
    if state.locked:
        raise RoomError(LOCKED)
    if not limiter.take(client.session, limits.IDS_PER_SESSION):
        raise RoomError(limits.IDS_PER_SESSION.refusal)
    per_room = limits.IDS_PER_ADDRESS_PER_ROOM
    if not store.take(f"{per_room.name}:{code}:{client.address}", per_room.count, per_room.seconds):
        raise RoomError(per_room.refusal)
    return code, store.join(code)


def _returning(store: RoomStore, code: str, participant_id: str) -> bool:
    # A mangled or foreign ?p= is not an error for the person holding the phone: they simply join afresh.
    try:
        return store.is_participant(code, participant_id)
    except RoomError:
        return False


def phone_interval(participants: int, servers: int = 1) -> float:
    """Seconds between a phone's checks for the next question: longer in a big room, so the polls stay bounded."""
    low, high = PHONE_INTERVAL_RANGE
    wanted = participants / (PHONE_POLLS_PER_SECOND * max(1, servers))
    # Half-second steps: a phone redraws its whole page when its beat changes, so it should change rarely.
    return min(high, max(low, math.ceil(wanted * 2) / 2))


def phone_beat(interval: float, participant_id: str) -> float:
    """The interval plus a steady offset of 0 to 0.4 s from the participant id, so phones that opened the page
    together (one QR code scanned by a whole row) drift apart instead of checking in the same instant."""
    return interval + (zlib.crc32(participant_id.encode()) % 5) / 10


def beat_changed(current: float | None, wanted: float) -> bool:
    """Whether a phone should redraw its page to take a new beat: only for a change of a second or more.

    Each redraw is a full page run; in a room filling up, half-second steps made every phone redraw four times.
    """
    return current is None or abs(wanted - current) >= BEAT_REDRAW_STEP


def resume_words(state: RoomState, lang: str = "en") -> str:
    """Where a room a facilitator may return to stands, in words: 'question 3 of 8, 12 phones in the room'."""
    n = state.participants
    if state.ended:
        words = i18n.ngettext(
            lang,
            "the session has ended; its summary is still there ({n} phone took part)",
            "the session has ended; its summary is still there ({n} phones took part)",
            n,
        )
    elif not state.started:
        words = i18n.ngettext(
            lang, "not started yet, {n} phone in the room", "not started yet, {n} phones in the room", n
        )
    else:
        words = i18n.ngettext(
            lang,
            "question {position} of {total} is on screen, {n} phone in the room",
            "question {position} of {total} is on screen, {n} phones in the room",
            n,
        )
    return words.format(n=n, position=state.position + 1, total=state.total)


def progress(state: RoomState, lang: str = "en") -> str:
    """'Question 3 of 8' for the heading of a live question."""
    return i18n.gettext(lang, "Question {position} of {total}").format(position=state.position + 1, total=state.total)


def answer_feedback(question: RoomQuestion, mine: str | None, lang: str = "en") -> tuple[str, str]:
    """After a reveal, what a participant's phone says: (kind, words), kind being success, warning or info.

    `mine` is the option's id (its letter), as the room stores it."""
    _ = i18n.bound(lang)
    if mine is None:
        return "info", _("You did not answer this one.")
    if mine == question.answer_id:
        return "success", _("You got it.")
    return "warning", _("Not this time. Here is why.")
