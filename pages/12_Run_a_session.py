"""Run a session: start a live room, show its join code and QR code, ask one question at a time, reveal, sum up."""

import time

import streamlit as st

import ui
from core.views import room as view
from ui import room as room_ui
from ui.scroll import scroll_to

LIVE_SECONDS = 0.5  # the chart refreshes this often: an answer shows within about a second
LOBBY_SECONDS = 2.0  # the count of phones in the room refreshes this often before the first question
KEEP_OPEN_SECONDS = 60.0  # how often an open lobby tells the store the room is still wanted
ROOM_KEY = "room_facilitator"  # (code, facilitator key): kept in this browser session only, never in the URL

_ = ui._
ds = ui.page_frame(
    _("Run a session"),
    _(
        "Ask the room a question, watch the answers arrive on one screen, then reveal what the evidence says. "
        "Participants join on their phones with a short code: no account and no name."
    ),
)
store = room_ui.room_store()
if store is None:
    ui.stop_page()
questions = room_ui.room_questions()


@st.fragment(run_every=LIVE_SECONDS)
def live(code: str, token: str, projector: bool) -> None:
    try:
        state = store.state(code)
    except view.RoomError as error:
        room_ui.warn(error)
        return
    if state.ended:
        st.rerun()  # the whole page switches to the summary
    question = questions.get(state.question_id)
    with st.container(key="room_live"):
        room_ui.controls(store, code, token, question, state)
        if not projector:
            room_ui.door(store, code, token, state)
        if question is None:
            st.warning(_("This question is not in this server's data; move on to the next one."))
        else:
            room_ui.projected_question(question, state, store.tally(code, question.id), projector=projector)
    if projector:
        room_ui.door(store, code, token, state)
        # Each new question starts at the top of the projector's screen: controls, question, options and chart.
        scroll_to("room_live", f"q{state.position}")


@st.fragment(run_every=LOBBY_SECONDS)
def lobby(code: str, token: str) -> None:
    try:
        state = store.state(code)
        if time.monotonic() - st.session_state.get("room_kept_open", 0.0) >= KEEP_OPEN_SECONDS:
            store.keep_open(code, token)  # a room nobody starts closes 30 minutes after its page was last open
            st.session_state["room_kept_open"] = time.monotonic()
    except view.RoomError as error:
        room_ui.warn(error)
        return
    room_ui.door(store, code, token, state)
    room_ui.show_problem(clear=True)


def forget_room(label: str, key: str) -> None:
    if st.button(label, key=key):
        del st.session_state[ROOM_KEY]
        st.query_params.pop("room", None)
        st.rerun()


# 1. Inputs
room = st.session_state.get(ROOM_KEY)
if room is None:
    room_ui.start_or_resume(store, ROOM_KEY)
    ui.stop_page()
code, token = room

# 2. Compute
try:
    state = store.state(code)
except view.RoomError as error:
    room_ui.warn(error)
    forget_room(_("Start again"), key="room_forget")
    ui.stop_page()
base, address_note = room_ui.phone_base()

# 3. Render
room_ui.address_warning(address_note)
if state.ended:
    room_ui.session_summary(view.session_summary(questions, store.tallies(code, token), ui.lang()), code, base)
    room_ui.key_file_download(store, code, token, ROOM_KEY)
    forget_room(_("Start a new room"), key="room_new")
elif not state.started:
    room_ui.join_panel(code, base, qr_scale=12)
    lobby(code, token)
    chosen = room_ui.choose_plan(questions)
    if st.button(_("Start: show question 1"), type="primary", disabled=not chosen, key="room_go"):
        try:
            view.start_plan(store, code, token, chosen)
        except view.RoomError as error:
            room_ui.warn(error)
        else:
            room_ui.forget_room(code)  # phones on this server see question 1 at their next check
            st.rerun()
    room_ui.key_file_download(store, code, token, ROOM_KEY)
else:
    with st.expander(_("Join code {code}, QR code and facilitator key").format(code=code), expanded=False):
        room_ui.join_panel(code, base, qr_scale=8)
        room_ui.key_file_download(store, code, token, ROOM_KEY)
    projector = ui.bound_toggle(_("Projector view: large text, question beside its chart"), key="view",
                                on_value="projector")  # fmt: skip
    live(code, token, projector)
ui.glossary_note(*(q.prompt for q in questions.values()))
