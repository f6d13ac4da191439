"""Facilitator guide: goals, a 45- and a 90-minute plan built on the app's pages, prompts and a checklist."""

import streamlit as st

import ui
from core.views import guide

ds = ui.page_frame(
    ui._("Facilitator guide"),
    ui._(
        "Everything you need to run a session with this site: what people should learn, a timed plan, "
        "questions to get people talking, and what to check beforehand."
    ),
)

st.header(ui._("Learning goals"))
st.markdown("\n".join(f"- {ui._(goal)}" for goal in guide.LEARNING_GOALS))

st.header(ui._("Session plans"))
plan = ui.bound_selectbox(ui._("Plan"), list(guide.PLANS), key="plan", format_func=lambda p: ui._(guide.PLAN_NAMES[p]))
minutes = guide.plan_minutes(plan)
st.caption(ui._n("{n} minute in all.", "{n} minutes in all.", minutes).format(n=minutes))
for number, step in enumerate(guide.PLANS[plan], start=1):
    page = ui.page_label(step.page, ui._("this page"))
    with st.container(border=True):
        st.markdown(ui._("**{number}. {minutes} min · {page}**").format(number=number, minutes=step.minutes, page=page))
        st.markdown(ui._(step.activity))
        st.markdown(ui._("*Ask:* {prompt}").format(prompt=ui._(step.prompt)))
        ui.page_link(step.page, label=ui._("Open {page}").format(page=page), icon=":material/arrow_forward:")

st.header(ui._("Discussion prompts"))
st.markdown("\n".join(f"- {ui._(prompt)}" for prompt in guide.DISCUSSION_PROMPTS))

st.header(ui._("Before the session"))
for number, item in enumerate(guide.BEFORE_THE_SESSION):
    st.checkbox(ui._(item), key=f"check_{number}")
ui.page_end(ds, *(f"{ui._(s.activity)} {ui._(s.prompt)}" for s in guide.PLANS[plan]))
