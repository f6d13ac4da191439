"""Exercises: guess first, then reveal the answer with its explanation and quotes; a running score per participant."""

import pandas as pd
import streamlit as st

import ui
from core.text import md_escape
from core.views import exercises as exercises_view

PER_PAGE = 5  # a phone screen or two per page; the page number lives in the URL (?q=2)

ds = ui.page_frame(
    "Exercises",
    "Guess first, then check. Each answer comes with its explanation and the quotes it rests on. "
    "Your score stays on this device only, and is gone when you close the page.",
)

# 1. Inputs
mode = ui.bound_selectbox(
    "Mode",
    ["participant", "facilitator"],
    key="mode",
    format_func={
        "participant": "Participant: answer, then check",
        "facilitator": "Facilitator: reveal to the room",
    }.get,
    help="Facilitator mode shows no answer boxes and hides every answer until you reveal it, for a shared screen.",
)
answers: dict[str, str] = st.session_state.setdefault("exercise_answers", {})
revealed: set[str] = st.session_state.setdefault("exercise_revealed", set())

# 2. Compute
items = ui.derived(exercises_view.exercise_list)
correct, answered = exercises_view.score(answers, items)

# 3. Render
if mode == "participant":
    if answered:
        st.metric("Your score", f"{correct} of {answered}", help=f"{len(items)} questions in all")
    else:
        st.markdown(f"**{len(items)} questions.** Pick an answer and check it; your score appears here.")
numbers = pd.DataFrame({"number": range(1, len(items) + 1)})
for number in ui.paginate(numbers, "q", per_page=PER_PAGE, noun="questions")["number"]:
    item = items[number - 1]
    with st.container(border=True):
        st.caption(f"Question {number} of {len(items)} · {item.topic}")
        st.markdown(f"**{md_escape(item.question)}**")
        if mode == "participant":
            choice = st.radio("Your answer", item.options, index=None, key=f"pick_{item.id}", format_func=md_escape)
            if st.button("Check my answer", key=f"check_{item.id}", disabled=choice is None):
                answers[item.id] = choice
                revealed.add(item.id)
                st.rerun()
        else:
            # A list, one option a line with its letter, so the room can call out "B".
            st.markdown("\n".join(f"- **{chr(65 + i)}.** {md_escape(o)}" for i, o in enumerate(item.options)))
            if item.id not in revealed and st.button("Reveal the answer", key=f"reveal_{item.id}"):
                revealed.add(item.id)
                st.rerun()
        if item.id in revealed:
            if mode == "participant" and item.id in answers:
                right = answers[item.id] == item.answer
                (st.success if right else st.warning)("Right!" if right else "Not quite.")
            st.markdown(f"**Answer:** {md_escape(item.answer)}")
            st.markdown(md_escape(item.explanation))
            with st.expander("The quotes behind it"):
                for quote in item.quotes:
                    ui.quote(quote.text, quote.source_label, quote.seed_file)
            more = ui.page_label(item.explains_page, "")
            if more:
                ui.page_link(item.explains_page, label=f"More on this: {more}", icon=":material/arrow_forward:")
ui.page_buttons(len(items), "q", per_page=PER_PAGE)
if mode == "facilitator" and st.button("Hide all answers again", key="hide_all"):
    revealed.clear()
    st.rerun()
if ui.reveal("The questions as a table, with the data rows behind each", key="exercise_rows"):
    table = pd.DataFrame(
        [{"question": i.question, "topic": i.topic, "answer": i.answer, "rows": " ".join(i.row_ids)} for i in items]
    )
    st.dataframe(table, hide_index=True, width="stretch")
    ui.table_download(table, "exercises")
ui.page_end(ds, *(f"{i.question} {' '.join(i.options)} {i.explanation}" for i in items))
