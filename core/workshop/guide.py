"""The facilitator guide: learning goals, timed session plans that use the app's pages, prompts and a checklist."""

from __future__ import annotations

from dataclasses import dataclass

from core import site
from core.i18n import N_


@dataclass(frozen=True)
class Step:
    minutes: int
    page: str  # a page file, so the guide can link to it (tests check it exists)
    activity: str
    prompt: str


LEARNING_GOALS = (
    N_("Tell a claim stated as fact from a claim backed by a controlled trial."),
    N_("Read a dose: count, unit, what it is per, how often, and what it adds up to."),
    N_("Know where injected cells go and how long they last, and why the route matters."),
    N_("Check a clinic's regulatory claims against what the regulator itself says."),
    N_("Spot what a sales page leaves out: risks, costs in numbers, named studies, alternatives."),
)

# The plans' names are keys (the page's ?plan= and the room's plan sizes); PLAN_NAMES says them in words.
PLAN_NAMES = {"45 minutes": N_("45 minutes"), "90 minutes": N_("90 minutes")}
# Every text below is an English msgid, translated where it is shown (pages/10_Facilitator_guide.py).
PLANS: dict[str, tuple[Step, ...]] = {
    "45 minutes": (
        Step(5, "streamlit_app.py", N_("Welcome. Read the finding at the top of Home and its dose chart together."),
             N_("Which finding surprises you most?")),
        Step(10, site.path("sources"), N_("Pairs pick one of the five pages and read what it claims."),
             N_("Which claims sound certain? Which name a study you could look up?")),
        Step(10, site.path("claims"),
             N_("Turn on guess-first mode; pairs guess a verdict for each claim, then reveal it."),
             N_("Did any verdict change your mind? What would a clinic need to show you?")),
        Step(10, site.path("doses"), N_("Look at the dose chart: how far apart are the pages, and the trials?"),
             N_("If two clinics disagree tenfold on the dose, what does that tell you?")),
        Step(10, site.path("check"), N_("Paste an ad someone brought, or a seed page, and read the report."),
             N_("What is missing from the ad? What would you ask the clinic?")),
    ),
    "90 minutes": (
        Step(5, "streamlit_app.py", N_("Welcome and goals. Read the key findings together."),
             N_("What have you heard about stem-cell shots for knees or backs?")),
        Step(15, site.path("sources"), N_("Small groups each take one page: who published it, what it claims."),
             N_("Who is behind this page, and what does it want you to do?")),
        Step(15, site.path("mechanisms"), N_("Compare how the pages say cells work with what studies found."),
             N_("Why might 'the cells turn into cartilage' be more persuasive than 'the cells send signals'?")),
        Step(15, site.path("claims"), N_("In guess-first mode, guess each verdict before revealing it; keep score."),
             N_("Which claims were hardest to judge? Why?")),
        Step(15, site.path("doses"), N_("Work through the dose discrepancies and the course totals."),
             N_("What does the monthly IV course add up to? Was that number on the page?")),
        Step(10, site.path("routes"), N_("Read where the needle goes for each route, and the documented harms."),
             N_("Which route surprised you? What happens to cells put into a vein?")),
        Step(10, site.path("check"), N_("Check an ad a participant brought."),
             N_("What three questions would you ask?")),
        Step(5, site.path("methods"), N_("Close: how sure we are of each fact, and how to report an error."),
             N_("What will you do differently the next time you see such an ad?")),
    ),
}  # fmt: skip

DISCUSSION_PROMPTS = (
    N_("A page says 'clinical studies suggest' without naming one. How could you find out if the study exists?"),
    N_("Why do pages mention the risks of surgery but not the risks of the injection?"),
    N_("Being listed on a trial registry or 'registered with the FDA' is not approval. Why might a clinic say it?"),
    N_("If a treatment helped your neighbour, what else could explain their improvement?"),
)

BEFORE_THE_SESSION = (
    N_("Open the hosted app a few minutes early so it is awake when participants arrive."),
    N_("Test the room's wifi with one phone; the app works on phones but needs a connection."),
    N_("Print the handout (Handout page) for people without a phone."),
    N_("Pick which seed page each group will read, and copy its link (the page's address holds your choice)."),
    N_("Decide whether to reveal verdicts yourself (facilitator mode on the Exercises page) or let groups do it."),
    N_("Copy the Claims page link with guess-first mode on (it ends in ?guess=1) so the room sees no verdicts yet."),
)


def plan_minutes(plan: str) -> int:
    """Total length of a plan, in minutes."""
    return sum(step.minutes for step in PLANS[plan])
