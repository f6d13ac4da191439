"""Exercises: guess first, then reveal the answer with its explanation and quotes; a running score per participant."""

import pandas as pd
import streamlit as st

import ui
from core.text import md_escape
from core.views import exercises as exercises_view

PER_PAGE = 5  # a phone screen or two per page; the page number lives in the URL (?q=2)

ds = ui.page_frame(
    ui._("Exercises"),
    ui._(
        "Guess first, then check. Each answer comes with its explanation and the quotes it rests on. "
        "Your score stays on this device only, and is gone when you close the page."
    ),
)

# 1. Inputs
mode = ui.bound_selectbox(
    ui._("Mode"),
    ["participant", "facilitator"],
    key="mode",
    format_func={
        "participant": ui._("Participant: answer, then check"),
        "facilitator": ui._("Facilitator: reveal to the room"),
    }.get,
    help=ui._(
        "Facilitator mode shows no answer boxes and hides every answer until you reveal it, for a shared screen."
    ),
)
# {exercise id: index of the chosen option}: an index means the same option in every language.
answers: dict[str, int] = st.session_state.setdefault("exercise_answers", {})
revealed: set[str] = st.session_state.setdefault("exercise_revealed", set())

# 2. Compute
items = ui.derived(exercises_view.exercise_list)
correct, answered = exercises_view.score(answers, items)

# 3. Render
if mode == "participant":
    if answered:
        st.metric(
            ui._("Your score"),
            ui._("{right} of {answered}").format(right=correct, answered=answered),
            help=ui._n("{n} question in all", "{n} questions in all", len(items)).format(n=len(items)),
        )
    else:
        intro = ui._n(
            "**{n} question.** Pick an answer and check it; your score appears here.",
            "**{n} questions.** Pick an answer and check it; your score appears here.",
            len(items),
        )
        st.markdown(intro.format(n=len(items)))
numbers = pd.DataFrame({"number": range(1, len(items) + 1)})
for number in ui.paginate(numbers, "q", per_page=PER_PAGE, noun=ui._("questions"))["number"]:
    item = items[number - 1]
    with st.container(border=True):
        topic = exercises_view.topic_label(item.topic, ds.lang)
        st.caption(ui._("Question {number} of {total} · {topic}").format(number=number, total=len(items), topic=topic))
        st.markdown(f"**{md_escape(item.question)}**")
        quoted = exercises_view.quoted(item, ds.lang)  # the pages' own words, shown as quotes, picked by letter
        if quoted:
            st.markdown("\n\n".join(f"> **{letter}.** “{md_escape(o)}”" for letter, o in exercises_view.lettered(item)))
        if mode == "participant":
            shown = exercises_view.option_names(item, ds.lang)
            choice = st.radio(ui._("Your answer"), item.options, index=None, key=f"pick_{item.id}",
                              format_func=lambda o, shown=shown: md_escape(shown[o]))  # fmt: skip
            if st.button(ui._("Check my answer"), key=f"check_{item.id}", disabled=choice is None):
                answers[item.id] = item.options.index(choice)
                revealed.add(item.id)
                st.rerun()
        elif not quoted:
            # A list, one option a line with its letter, so the room can call out "B".
            st.markdown("\n".join(f"- **{chr(65 + i)}.** {md_escape(o)}" for i, o in enumerate(item.options)))
            if item.id not in revealed and st.button(ui._("Reveal the answer"), key=f"reveal_{item.id}"):
                revealed.add(item.id)
                st.rerun()
        if item.id in revealed:
            if mode == "participant" and item.id in answers:
                right = exercises_view.is_right(answers[item.id], item)
                (st.success if right else st.warning)(ui._("Right!") if right else ui._("Not quite."))
            answer = exercises_view.option_names(item, ds.lang)[item.answer]
            st.markdown(ui._("**Answer:** {answer}").format(answer=md_escape(answer)))
            if quoted:
                st.markdown(f"> “{md_escape(item.answer)}”")
            st.markdown(md_escape(item.explanation))
            with st.expander(ui._("The quotes behind it")):
                for quote in item.quotes:
                    ui.quote(quote.text, quote.source_label, quote.seed_file)
            more = ui.page_label(item.explains_page, "")
            if more:
                label = ui._("More on this: {page}").format(page=more)
                ui.page_link(item.explains_page, label=label, icon=":material/arrow_forward:")
ui.page_buttons(len(items), "q", per_page=PER_PAGE)
if mode == "facilitator" and st.button(ui._("Hide all answers again"), key="hide_all"):
    revealed.clear()
    st.rerun()
if ui.reveal(ui._("The questions as a table, with the data rows behind each"), key="exercise_rows"):
    table = ui.derived(exercises_view.exercise_table)
    st.dataframe(table, hide_index=True, width="stretch")
    ui.table_download(table, "exercises" if ds.lang == "en" else f"exercises_{ds.lang}", ui._("Download CSV"))
ui.page_end(ds, *(f"{i.question} {' '.join(i.options)} {i.explanation}" for i in items))
