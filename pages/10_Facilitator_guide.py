"""Facilitator guide: goals, a 45- and a 90-minute plan built on the app's pages, prompts and a checklist."""

import streamlit as st

import ui
from core.views import guide

ds = ui.page_frame(
    "Facilitator guide",
    "Everything you need to run a session with this site: what people should learn, a timed plan, "
    "questions to get people talking, and what to check beforehand.",
)

st.header("Learning goals")
st.markdown("\n".join(f"- {goal}" for goal in guide.LEARNING_GOALS))

st.header("Session plans")
plan = ui.bound_selectbox("Plan", list(guide.PLANS), key="plan")
st.caption(f"{guide.plan_minutes(plan)} minutes in all.")
for number, step in enumerate(guide.PLANS[plan], start=1):
    with st.container(border=True):
        st.markdown(f"**{number}. {step.minutes} min · {ui.page_label(step.page, 'this page')}**")
        st.markdown(step.activity)
        st.markdown(f"*Ask:* {step.prompt}")
        ui.page_link(step.page, label=f"Open {ui.page_label(step.page, 'this page')}", icon=":material/arrow_forward:")

st.header("Discussion prompts")
st.markdown("\n".join(f"- {prompt}" for prompt in guide.DISCUSSION_PROMPTS))

st.header("Before the session")
for number, item in enumerate(guide.BEFORE_THE_SESSION):
    st.checkbox(item, key=f"check_{number}")
ui.page_end(ds, *(f"{s.activity} {s.prompt}" for s in guide.PLANS[plan]))
