"""The Facilitator guide view: learning goals, timed plans that walk the app's pages, prompts and a checklist."""

from __future__ import annotations

from core.workshop import guide

LEARNING_GOALS, BEFORE_THE_SESSION, DISCUSSION_PROMPTS = (
    guide.LEARNING_GOALS,
    guide.BEFORE_THE_SESSION,
    guide.DISCUSSION_PROMPTS,
)
PLANS, PLAN_NAMES, plan_minutes = guide.PLANS, guide.PLAN_NAMES, guide.plan_minutes
