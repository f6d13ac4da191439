"""Join a session: type or scan the room code, answer the question on screen, see the answer when it is revealed."""

import streamlit as st

import ui
from core.text import md_escape
from core.views import room as view
from ui import room as room_ui
from ui.scroll import scroll_to

JOINED_KEY = "room_joined"  # (code, participant id); the id is also in the URL so a reloaded page keeps it
BEAT_KEY = "room_beat"  # seconds between this phone's checks, as last set on the page
IDS_KEY = "room_ids"  # {code: participant id}: one id per room for this browser session, kept after Leave
MINE_KEY = "room_my_answers"  # this phone's answers, read from the store once per session, then kept here

_ = ui._
ds = ui.page_frame(
    _("Join a session"),
    _(
        "Answer the facilitator's questions from your phone. No account and no name: answers are anonymous and "
        "deleted after the session."
    ),
    light=True,
)
store = room_ui.room_store()
if store is None:
    ui.stop_page()
questions = room_ui.room_questions()


def join(raw_code: str, participant_id: str | None) -> None:
    """Join (or rejoin with the same id) and remember it in this session and in the page address."""
    known = st.session_state.setdefault(IDS_KEY, {})
    code, pid = view.join_room(store, raw_code, participant_id, room_ui.limiter(), room_ui.client(), known)
    known[code] = pid
    st.session_state[JOINED_KEY] = (code, pid)
    st.session_state[MINE_KEY] = store.my_answers(code, pid)  # a returning phone gets its answers back
    st.query_params["room"] = code
    st.query_params["p"] = pid


def join_or_warn(raw_code: str, participant_id: str | None) -> bool:
    try:
        join(raw_code, participant_id)
    except view.RoomError as error:
        room_ui.warn(error)
        return False
    return True


def answer(code: str, pid: str, question_id: str, option_id: str) -> None:
    # The option's letter, not its words: a phone in Spanish and one in English count the same answer.
    if room_ui.attempt(store.answer, code, pid, question_id, option_id):
        st.session_state.setdefault(MINE_KEY, {})[question_id] = option_id
        st.session_state.pop(room_ui.PROBLEM_KEY, None)


def live(code: str, pid: str) -> None:
    try:
        state = room_ui.shared_read(store.state, code)  # one query a second for all phones on this server
        mine = st.session_state.get(MINE_KEY)
        if mine is None:
            mine = st.session_state[MINE_KEY] = store.my_answers(code, pid)
    except view.RoomError as error:
        st.info(md_escape(room_ui.words(error)))
        return
    if view.beat_changed(st.session_state.get(BEAT_KEY), view.phone_interval(state.participants)):
        st.rerun()  # the room grew a lot: redraw the page once so this phone checks less often
    question = questions.get(state.question_id)
    if room_ui.phone_waiting(state, question):
        return
    chosen = mine.get(question.id)
    with st.container(key="room_question"):
        st.caption(view.progress(state, ui.lang()))
        room_ui.question_card(question, projector=False)
        if state.revealed:
            room_ui.phone_reveal(question, chosen, room_ui.shared_read(store.tally, code, question.id))
        else:
            room_ui.answer_buttons(question, chosen, on_pick=answer, args=(code, pid))
    if not state.revealed:
        # A new question starts at the top of the phone's screen, so its options are on the first screen even
        # below the page's title; once per question, so a phone reading further down is left where it is.
        scroll_to("room_question", question.id)


# 1. Inputs: the room from this session, else from the address (?room=CODE, and ?p= on a returning phone).
if st.session_state.get(JOINED_KEY) is None and st.query_params.get("room"):
    join_or_warn(st.query_params["room"], st.query_params.get("p"))
joined = st.session_state.get(JOINED_KEY)
if joined is None:
    typed = room_ui.join_form()
    if typed is not None and join_or_warn(typed, None):
        st.rerun()
    ui.stop_page()
code, pid = joined

# 2. Compute: every phone asks the server for news on this beat; a big room asks less often so one server keeps up.
try:
    joined_phones = room_ui.shared_read(store.state, code).participants
except view.RoomError:
    joined_phones = 0
st.session_state[BEAT_KEY] = view.phone_interval(joined_phones)

# 3. Render: the question on screen, then its reveal.
room_ui.room_line(code, pid)
st.fragment(run_every=view.phone_beat(st.session_state[BEAT_KEY], pid))(live)(code, pid)
room_ui.nickname()
if st.button(_("Leave this room"), key="room_leave"):
    st.session_state.pop(JOINED_KEY, None)
    st.query_params.clear()
    st.rerun()
