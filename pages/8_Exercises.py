"""Exercises: guess first, then reveal the answer with its explanation and quotes; a running score per participant."""

import streamlit as st

import ui
from core import views
from core.exercises import score
from core.text import md_escape

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
items = ui.derived(views.exercise_list)
correct, answered = score(answers, items)

# 3. Render
if mode == "participant":
    st.metric("Your score", f"{correct} of {answered}", help=f"{len(items)} questions in all")
for number, item in enumerate(items, start=1):
    with st.container(border=True):
        st.markdown(f"**{number}. {md_escape(item.question)}**")
        if mode == "participant":
            choice = st.radio("Your answer", item.options, index=None, key=f"pick_{item.id}")
            if st.button("Check my answer", key=f"check_{item.id}", disabled=choice is None):
                answers[item.id] = choice
                revealed.add(item.id)
                st.rerun()
        else:
            st.markdown("\n".join(f"{chr(65 + i)}. {md_escape(o)}" for i, o in enumerate(item.options)))
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
                st.caption("Rows: " + ", ".join(item.row_ids))
if mode == "facilitator" and st.button("Hide all answers again", key="hide_all"):
    revealed.clear()
    st.rerun()
ui.page_end(ds, *(f"{i.question} {' '.join(i.options)} {i.explanation}" for i in items))
