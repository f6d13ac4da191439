"""The live room's Streamlit side: the shared store, its questions, and the blocks both room pages draw."""

from __future__ import annotations

import threading
import time
from collections.abc import Callable, Mapping
from typing import TYPE_CHECKING, Any

import streamlit as st

from core.i18n import N_
from core.text import md_escape
from ui.blocks import chart_block, quote, table_download
from ui.frame import page_label
from ui.language import _, _n, lang, page_link
from ui.loading import _data_key, _derived, derived

if TYPE_CHECKING:
    import pandas as pd

    from core.room import RoomState, RoomStore
    from core.room.questions import RoomQuestion

# NOTE: core.room (SQLAlchemy, Altair, the QR encoder) is imported inside each helper, not at the top: every page
# imports ui, and only the two room pages ever need it.

# The facilitator guide's plan names (core.workshop.guide.PLANS), shown in the visitor's language.
PLAN_NAMES = (N_("45 minutes"), N_("90 minutes"))
PHONE_LANGUAGE_KEY = "room_phone_language"  # the language the join link names ("": each phone's own)
PROBLEM_KEY = "room_problem"  # a refused action from a button's callback, said on the next draw
SHARED_READ_SECONDS = 1.0  # how long phones on one server share a read of a room (state, tally)
_SHARED_READ_ENTRIES = 512  # past this, entries older than SHARED_READ_SECONDS are dropped
_shared_reads: dict[tuple, tuple[float, Any]] = {}
_shared_lock = threading.Lock()


# --- the shared store and the questions it asks ------------------------------------------------------


def room_db_url() -> str:
    """$STEMCELL_ROOM_DB_URL, else the same key in Streamlit secrets (as Community Cloud sets it), else SQLite."""
    from core.room import rules as room_rules
    from core.room import schema as room_schema

    return _configured(room_rules.URL_ENV) or room_schema.default_url()


def _configured(key: str) -> str | None:
    """An environment variable, else the same key in Streamlit secrets (as Community Cloud sets it)."""
    import os

    if os.environ.get(key):
        return os.environ[key]
    try:
        configured = st.secrets.get(key)
    except Exception:  # no secrets file at all is the usual case for `streamlit run`
        configured = None
    return str(configured) if configured else None


# NOTE: the machine's network address changes rarely (a laptop joins another Wi-Fi); looking it up costs a syscall.
@st.cache_resource(show_spinner=False, ttl=60)
def _network_address() -> str | None:
    from core.room import address

    return address.network_address()


def phone_base() -> tuple[str, str | None]:
    """(the app's base address for phones, a plain warning or None): $STEMCELL_PUBLIC_URL wins; a loopback page
    address is swapped for this machine's network address, with a warning that says so."""
    from core.room import address

    raw = _configured(address.PUBLIC_URL_ENV)
    configured = address.check_base(raw)
    page = st.context.url or ""
    if raw and configured is None:
        said = _("{setting} is not a web address starting with http(s)://.").format(setting=address.PUBLIC_URL_ENV)
        return address.base_of_page(page), said
    lan = (
        None
        if configured or not address.is_loopback(address.host_of(address.base_of_page(page)))
        else (_network_address())
    )
    base, suggested = address.phone_base(page, configured, lan)
    return base, address.loopback_warning(page, configured, suggested, lang())


def address_warning(words: str | None) -> None:
    """The loopback warning, when there is one (its words are ours; the address in it is escaped)."""
    if words:
        st.warning(md_escape(words), icon=":material/wifi_off:")


# NOTE: one engine (and its connection pool) per server, shared by every session of every room.
@st.cache_resource(show_spinner=False, max_entries=2)
def _room_store(url: str):
    from core.room import RoomStore

    return RoomStore(url)


def room_store():
    """The shared room store, or None after saying in words why live rooms are unavailable."""
    from core.room import RoomError

    try:
        return _room_store(room_db_url())
    except RoomError as error:
        said = _("{problem} The rest of the site works as usual.").format(problem=md_escape(error.words(lang())))
        st.warning(said, icon=":material/cloud_off:")
        return None


def shared_read(read: Callable[..., Any], code: str, *args: Any) -> Any:
    """read(code, *args), shared for about a second by every session of this server.

    200 phones polling one room then cost the database one query a second, not 60. A store refusal (RoomError)
    is never kept. This server's own facilitator actions and answers forget the room at once (see `attempt`);
    a change made through another server shows here within SHARED_READ_SECONDS.
    """
    key = (read, code, args)
    now = time.monotonic()
    with _shared_lock:
        kept = _shared_reads.get(key)
    if kept is not None and now - kept[0] < SHARED_READ_SECONDS:
        return kept[1]
    value = read(code, *args)
    with _shared_lock:
        if len(_shared_reads) >= _SHARED_READ_ENTRIES:
            for old in [k for k, (at, _) in _shared_reads.items() if now - at >= SHARED_READ_SECONDS]:
                del _shared_reads[old]
        _shared_reads[key] = (now, value)
    return value


def forget_room(code: object) -> None:
    """Drop this server's shared reads of one room, after something changed it here."""
    with _shared_lock:
        for key in [k for k in _shared_reads if k[1] == code]:
            del _shared_reads[key]


# NOTE: one limiter per server: browser sessions are held by one server (sticky), so their counts need not be shared.
@st.cache_resource(show_spinner=False)
def _limiter():
    from core.room.limits import RateLimiter

    return RateLimiter()


def limiter():
    """This server's per-browser-session limits (starting rooms, joining, wrong codes)."""
    return _limiter()


def client():
    """This browser session and its network address, as the limits count them."""
    import secrets

    from core.room import limits

    session = st.session_state.setdefault("room_client", secrets.token_urlsafe(12))
    return limits.Client(session, limits.client_address(st.context.ip_address, dict(st.context.headers)))


def room_questions() -> dict:
    """Every question a room can ask, by id, in the visitor's language, built once per data version and language.

    A question the visitor's edition of the data does not make is added in the data's own language: the phone can
    still answer what the facilitator shows (answers are stored by option letter), in English rather than not at all.
    """
    from core import i18n
    from core.room.questions import all_questions

    found = {q.id: q for q in derived(all_questions)}
    if lang() != i18n.DEFAULT:
        name = f"{all_questions.__module__}.{all_questions.__qualname__}"
        source = _derived(name, _data_key(), i18n.DEFAULT, (), all_questions)
        found |= {q.id: q for q in source if q.id not in found}
    return found


# --- messages --------------------------------------------------------------------------------------


def words(error: Exception) -> str:
    """A refusal in the visitor's language (a RoomError carries its English words and their translation)."""
    said = getattr(error, "words", None)
    return said(lang()) if callable(said) else str(error)


def warn(error: Exception) -> None:
    """A refusal from the store, in its own words (escaped: a code or id may come from the address)."""
    st.warning(md_escape(words(error)))


def attempt(action: Callable[..., Any], *args: Any) -> bool:
    """Run a store action from a button's callback; a refusal is kept for show_problem, as callbacks cannot draw."""
    from core.room import RoomError

    try:
        action(*args)
    except RoomError as error:
        st.session_state[PROBLEM_KEY] = words(error)
        return False
    finally:
        if args:
            forget_room(args[0])  # every store action takes the room code first
    return True


def show_problem(*, clear: bool) -> None:
    """Say the last refused action; `clear` forgets it once said (else it stays until an action succeeds)."""
    problem = st.session_state.pop(PROBLEM_KEY, None) if clear else st.session_state.get(PROBLEM_KEY)
    if problem:
        st.warning(md_escape(problem))


# --- a question and its answer ---------------------------------------------------------------------


def question_card(question: RoomQuestion, *, projector: bool) -> None:
    """The prompt (a heading on the projector, bold on a phone) and the card's quote, if it has one."""
    st.markdown(f"#### {md_escape(question.prompt)}" if projector else f"**{md_escape(question.prompt)}**")
    if question.card_quote:
        quote(question.card_quote.text, question.card_quote.source_label, question.card_quote.seed_file)


def explanation(question: RoomQuestion) -> None:
    """Why the answer is right, with the quotes it rests on."""
    st.markdown(md_escape(question.explanation))
    for source in question.quotes:
        quote(source.text, source.source_label, source.seed_file)


def tally_chart(question: RoomQuestion, frame: pd.DataFrame, *, revealed: bool, caption: str) -> None:
    """The room's answers to one question as a chart with its caveat, data and downloads."""
    from core.room import results

    spec = results.tally_chart(frame, revealed, lang=lang())
    chart_block(spec, caption=caption, data=tally_table(frame), file_stem=f"room_{question.id}")


def tally_table(frame: pd.DataFrame) -> pd.DataFrame:
    """The tally as its table and CSV show it: headers in the visitor's language."""
    from core.room import results

    return results.headed(frame, results.TALLY_HEADERS, lang())


# --- the facilitator's page ------------------------------------------------------------------------


def browser_key() -> str | None:
    """This browser's own secret for resuming rooms (see core.room.resume), or None without the cookie."""
    from core.room import resume

    return resume.browser_key(dict(st.context.cookies))


def _take_room(store: RoomStore, room_key: str, code: str, token: str) -> None:
    """Hold the room in this session, name it in the address (the code only), and let this browser resume it."""
    import contextlib

    from core.room import RoomError

    st.session_state[room_key] = (code, token)
    st.query_params["room"] = code
    key = browser_key()
    if key and key != token:
        with contextlib.suppress(RoomError):  # resuming by browser is a convenience; the key file still works
            store.bind_browser(code, token, key)


def start_or_resume(store: RoomStore, room_key: str) -> None:
    """Back to a room this browser runs (after a restart: at once when the address names it, else one button),
    or start a new room, or resume one from the key file; the pair is kept in session_state[room_key]."""
    from core.room import RoomError, resume
    from core.views import room as view

    key = browser_key()
    mine = store.rooms_for_browser(key) if key else []
    named = st.query_params.get("room")
    for state in mine:
        if state.code == named and not state.ended:
            _take_room(store, room_key, state.code, key)  # the page was reloaded or the server restarted
            st.rerun()
    for state in mine:
        with st.container(border=True):
            still = _("Your room {code} still exists:").format(code=" ".join(state.code))
            st.markdown(f"**{still}** {view.resume_words(state, lang())}.")
            back = _("Back to room {code}").format(code=state.code)
            if st.button(back, type="primary", key=f"room_back_{state.code}", icon=":material/replay:"):
                _take_room(store, room_key, state.code, key)
                st.rerun()
    if st.button(_("Start a new room"), type="primary" if not mine else "secondary", icon=":material/play_arrow:",
                 key="room_start"):  # fmt: skip
        try:
            code, token = view.create_room(store, limiter(), client())
        except RoomError as error:
            warn(error)
            return
        _take_room(store, room_key, code, token)
        st.rerun()
    with st.expander(_("Resume a room you started in another browser"), expanded=bool(named) and not mine):
        upload = st.file_uploader(_("Open the key file you saved"), type=["txt"], key="resume_file",
                                  max_upload_size=1)  # fmt: skip
        code = st.text_input(_("Or type the room code"), key="resume_code", max_chars=20)
        typed = st.text_input(_("and the facilitator key"), key="resume_key", type="password", max_chars=100)
        pair = resume.read_key_file(upload.getvalue()[:2000].decode("utf-8", "replace")) if upload else None
        if upload and pair is None:
            st.warning(_("That file is not a room key file. It is the file saved with “Save the facilitator key”."))
        pair = pair or ((code, typed) if code and typed else None)
        if pair and (upload or st.button(_("Resume"), key="room_resume")):
            try:
                checked = store.check_facilitator(*pair)
            except RoomError as error:
                warn(error)
                return
            _take_room(store, room_key, checked, pair[1])
            st.rerun()


def door(store: RoomStore, code: str, token: str, state: RoomState) -> None:
    """How many phones are in, and a switch that closes the room to newcomers once everyone is in."""

    n = state.participants
    st.markdown("**{}**".format(_n("{n} phone in the room", "{n} phones in the room", n).format(n=n)))
    st.toggle(
        _("Close the room to newcomers"),
        value=state.locked,
        key=f"room_locked_{state.locked}",  # a new key when the stored state changes, so the switch follows it
        help=_("Phones already in keep their place and their answers; nobody new can join until you open it again."),
        on_change=lambda: attempt(store.set_locked, code, token, not state.locked),
    )


def phone_language(key: str) -> str:
    """The facilitator's choice of the language phones open the room in: "" (each phone's own), "es" or "en"."""
    from core import i18n
    from core.views import room as view

    # The choices are their own labels, not a format_func: AppTest (and a rerun in another language) reads labels.
    by_label = {(i18n.NAMES.get(code) or _("each phone's own language")): code for code in view.PHONE_LANGUAGES}
    # The lobby's panel and the one in a running session are two switches: the second starts where the first was.
    kept = st.session_state.get(PHONE_LANGUAGE_KEY, "")
    picked = st.radio(_("Phones open in:"), list(by_label), horizontal=True, key=key,
                      index=list(by_label.values()).index(kept) if kept in by_label.values() else 0,
                      help=_("Each phone's own language: a phone set to Spanish opens the room in Spanish, any other "
                             "in English. Pick a language to open every phone in it."))  # fmt: skip
    st.session_state[PHONE_LANGUAGE_KEY] = by_label.get(picked, "")
    return st.session_state[PHONE_LANGUAGE_KEY]


def join_panel(code: str, base: str, qr_scale: int) -> None:
    """The room code, spaced out, with the join address and its QR code (in the language chosen for phones)."""
    from core.views import room as view

    with st.container(border=True):
        text, image = st.columns([1, 1])
        with text:
            st.markdown(_("**Join on your phone:** scan the code, or open the address and type the room code."))
            st.header(" ".join(code), anchor=False)  # spaced out so the back row reads it letter by letter
            link = view.join_link_at(base, code, phone_language(f"room_phone_lang_{qr_scale}"))
            # Set through session state, not value=: a keyed box keeps its first value when the chosen language
            # changes the link, and this box must always show the link its QR code holds.
            st.session_state[f"join_link_{qr_scale}"] = link
            st.text_input(_("Join address"), key=f"join_link_{qr_scale}")
        with image:
            # As wide as its column and never wider: a fixed width spilled out of the panel on narrow screens.
            st.image(view.qr_png(link, scale=qr_scale), width="stretch", caption=_("Scan to join"))


def choose_plan(questions: Mapping[str, RoomQuestion]) -> list[RoomQuestion]:
    """A guide plan or hand-picked questions; returns the questions chosen, listed under the choice."""
    from core.room.questions import session_plans
    from core.views import room as view

    plans = session_plans(list(questions.values()))
    by_label = {_(name): name for name in [*plans, view.PICK_PLAN]}
    said = st.radio(_("Session plan"), list(by_label), horizontal=True, key="room_plan",
                    help=_("The facilitator guide's 45- and 90-minute plans, or your own list."))  # fmt: skip
    plan = by_label.get(said)
    picked = []
    if plan == view.PICK_PLAN:
        picked = st.multiselect(_("Questions, in the order you pick them"), list(questions), key="room_picked",
                                format_func=lambda qid: questions[qid].prompt)  # fmt: skip
    chosen = view.plan_questions(plan, plans, picked, questions)
    n = len(chosen)
    with st.expander(_n("The {n} question in this plan", "The {n} questions in this plan", n).format(n=n)):
        st.markdown(view.plan_markdown(chosen, lang()))
    return chosen


def key_file_download(store: RoomStore, code: str, token: str, room_key: str) -> None:
    """The facilitator key as a file to keep, offered for the whole session: the only way it leaves this browser
    session (never in a URL). A session resumed by the browser has no key file yet: it may make a new key."""
    from core.room import RoomError
    from core.views import room as view

    if token == browser_key():
        if st.button(_("Make a key file (to run this room from another computer)"), key="room_new_key",
                     icon=":material/key:",
                     help=_("A key file saved earlier for this room stops working.")):  # fmt: skip
            try:
                token = store.new_key(code, token)
            except RoomError as error:
                warn(error)
                return
            st.session_state[room_key] = (code, token)
        else:
            return
    st.download_button(
        _("Save the facilitator key (to resume this room from another browser)"),
        data=view.key_file_text(code, token, lang()),
        file_name=f"room-{code}-key.txt",
        mime="text/plain",
        key="room_key_file",
        icon=":material/key:",
    )


def controls(store: RoomStore, code: str, token: str, question: RoomQuestion | None, state: RoomState) -> None:
    """Reveal, next and end, above the question so the facilitator never scrolls to move on."""
    from core.views import room as view

    heading, reveal_col, next_col, end_col = st.columns([2, 2, 2, 2], vertical_alignment="center")
    heading.subheader(view.progress(state, lang()), anchor=False)
    # Callbacks run before the fragment reruns, so the new state is what the rerun draws.
    if question and not state.revealed:
        reveal_col.button(_("Reveal the answer"), type="primary", key="room_reveal", icon=":material/visibility:",
                          on_click=attempt, args=(store.reveal, code, token, question.id))  # fmt: skip
    if not state.is_last:
        next_col.button(_("Next question"), key="room_next", icon=":material/skip_next:",
                        on_click=attempt, args=(store.advance, code, token))  # fmt: skip
    if end_col.button(_("End the session"), key="room_end", icon=":material/stop_circle:",
                      on_click=attempt, args=(store.end, code, token)):  # fmt: skip
        st.rerun()  # the whole page switches to the summary
    show_problem(clear=True)


def projected_question(question: RoomQuestion, state: RoomState, tally: Mapping[str, int], *, projector: bool) -> None:
    """The question on the projector: options, how many phones answered, the live chart, and after a reveal why.

    `projector` is the view for the back of a room: the question and its options (28 px) beside the live chart
    (labels of 24 px), so that both fit one 1280x720 screen.
    """
    from core.room import results
    from core.views import room as view

    frame = results.tally_frame(question, tally, state.revealed, lang())
    answered = int(frame["answers"].sum())
    caption = _("Anonymous answers from the phones in this room only; it says what this room thinks, not what is true.")
    if projector:
        # The prompt and a card's quote across the screen (fewer lines), then the options beside the chart.
        st.markdown(f"### {md_escape(question.prompt)}")
        if question.card_quote:
            quote(question.card_quote.text, question.card_quote.source_label, question.card_quote.seed_file)
        left, right = st.columns([1, 1], gap="large")
        with left:
            st.markdown(view.options_markdown(question, projector=True))
        with right:
            # The chart's title counts the answers; the phones in the room are said once, under the chart.
            spec = results.tally_chart(frame, state.revealed, projector=True, lang=lang())
            chart_block(spec, caption=caption, data=tally_table(frame), file_stem=f"room_{question.id}")
    else:
        question_card(question, projector=True)
        st.markdown(view.options_markdown(question))
        n = state.participants
        st.metric(
            _("Answers"), _n("{answered} of {n} phone", "{answered} of {n} phones", n).format(answered=answered, n=n)
        )
        tally_chart(question, frame, revealed=state.revealed, caption=caption)
    if state.revealed:
        st.success("**{}**".format(_("Answer: {answer}").format(answer=md_escape(question.answer))))
        explanation(question)
        more = _("More on {page}").format(page=page_label(question.explains_page, _("this page")))
        page_link(question.explains_page, label=more,
                     icon=":material/arrow_forward:")  # fmt: skip


def session_summary(frame: pd.DataFrame, code: str, base: str) -> None:
    """After the session: the questions the room found hardest, the whole table, and downloads to keep."""
    from core.room import results
    from core.views import room as view

    st.subheader(_("The session has ended: what the room found hardest"), anchor=False)
    missed = view.hardest(frame)
    if missed.empty:
        st.info(_("Nobody missed a question, or nobody answered."))
    for row in missed.itertuples():
        with st.container(border=True):
            st.markdown(f"**{md_escape(row.question)}**")
            st.markdown(_("{right} of {answered} right. The answer: {answer}").format(
                right=row.right, answered=row.answered, answer=md_escape(row.answer)))  # fmt: skip
            where = _("Explained on {page}").format(page=page_label(row.explains_page, _("this page")))
            page_link(row.explains_page, label=where, icon=":material/arrow_forward:")
    table = results.headed(frame, results.SUMMARY_HEADERS, lang())
    st.dataframe(table, hide_index=True, width="stretch")
    st.download_button(
        _("Download the summary (Markdown, with links)"),
        data=results.summary_markdown(frame, base, code, lang()),
        file_name=f"room-{code}-summary.md",
        mime="text/markdown",
        key="room_summary_md",
        icon=":material/download:",
    )
    table_download(table, f"room-{code}-summary")


# --- a participant's phone -------------------------------------------------------------------------


def join_form() -> str | None:
    """The room code typed on a phone, once Join is pressed (else None)."""
    with st.form("room_join_form", border=True):
        typed = st.text_input(_("Room code"), max_chars=20, key="room_code_typed", placeholder=_("e.g. K7DP 3XAC"),
                              help=_("The eight letters and digits on the facilitator's screen."))  # fmt: skip
        go = st.form_submit_button(_("Join"), type="primary", width="stretch")
    return typed if go else None


def nickname() -> None:
    """An optional nickname, kept in this browser session only: never sent to the store."""
    with st.expander(_("Nickname (optional)")):
        st.text_input(_("Only you see it: it is never sent to the facilitator or stored"), key="room_nickname",
                      max_chars=40)  # fmt: skip
    chosen = st.session_state.get("room_nickname")
    if chosen:
        st.markdown(_("You are **{nickname}**").format(nickname=md_escape(chosen)))


def room_line(code: str, pid: str) -> None:
    """The room's code, and links that reopen this room in the other language with this phone's place kept.

    The page's own language switch reloads the page without the room; these keep ?room= and ?p= in the address.
    The markup is ours (the code and id passed the store's checks), escaped all the same."""
    from html import escape
    from urllib.parse import urlencode

    from core import i18n

    links = [
        f'<a href="?{escape(urlencode({"room": code, "p": pid, i18n.QUERY_KEY: other}))}" hreflang="{other}" '
        f'lang="{other}">{escape(i18n.NAMES[other])}</a>'
        for other in i18n.LANGUAGES
        if other != lang()
    ]
    st.caption(_("Room {code}").format(code=code))
    label, also = escape(_("This room in another language")), escape(_("Also in:"))
    st.html(f'<nav aria-label="{label}" class="room-language">{also} {" · ".join(links)}</nav>')


def phone_waiting(state: RoomState, question: RoomQuestion | None) -> bool:
    """Say what the phone waits for (the room ended, has not started, or shows an unknown question); True if so."""
    if state.ended:
        st.success(_("The session has ended. Thank you for taking part!"))
        page_link("streamlit_app.py", label=_("Explore the findings at your own pace"), icon=":material/home:")
    elif not state.started:
        st.info(_("You are in. Wait for the facilitator to show the first question; keep this page open."))
    elif question is None:
        st.info(_("The facilitator is showing a question this server does not have; wait for the next one."))
    else:
        return False
    return True


def answer_buttons(
    question: RoomQuestion, chosen: str | None, on_pick: Callable[..., None], args: tuple[Any, ...]
) -> None:
    """One wide button per option, the chosen one highlighted; a tap calls on_pick(*args, question id, option id).

    `chosen` and what a tap sends are option ids (letters): the room never sees the words of an option."""
    for i, (option_id, option) in enumerate(zip(question.option_ids, question.options, strict=True)):
        st.button(
            f"{option_id}. {md_escape(option)}",
            key=f"pick_{question.id}_{i}",
            type="primary" if option_id == chosen else "secondary",
            icon=":material/check_circle:" if option_id == chosen else None,
            width="stretch",
            on_click=on_pick,
            args=(*args, question.id, option_id),
        )
    show_problem(clear=False)
    st.caption(_("Your answer is saved. Tap another option to change it.") if chosen else _("Tap an option to answer."))


def phone_reveal(question: RoomQuestion, mine: str | None, tally: Mapping[str, int]) -> None:
    """After the reveal: right or not, the answer and why, and how the room answered."""
    from core.views import room as view

    kind, said = view.answer_feedback(question, mine, lang())
    getattr(st, kind)(said)
    st.markdown("**{}**".format(_("Answer: {answer}").format(answer=md_escape(question.answer))))
    if mine is not None:
        chose = f"{mine}. {question.option_text(mine) or ''}".rstrip(". ")
        st.caption(_("You chose: {option}").format(option=md_escape(chose)))
    explanation(question)
    spec, frame = _revealed_chart(question.id, tuple(tally.items()), lang(), question)
    caption = _("Anonymous answers from this room only; it says what the room thought, not what is true.")
    chart_block(spec, caption=caption, data=tally_table(frame), file_stem=f"room_{question.id}")


# NOTE: after a reveal every phone in the room draws the same frozen tally at once; building the chart is about
# 20 ms, so 200 phones building it queued a whole server for seconds. One build per question and tally instead.
@st.cache_data(show_spinner=False, max_entries=256, ttl=6 * 3600)
def _revealed_chart(
    question_id: str, counts: tuple[tuple[str, int], ...], language: str, _question: RoomQuestion
) -> tuple[dict, pd.DataFrame]:
    from core.charts import export
    from core.room import results

    frame = results.tally_frame(_question, dict(counts), True, language)
    return export.to_spec(results.tally_chart(frame, True, lang=language)), frame
