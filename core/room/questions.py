"""The questions a live room can ask, all built from the data: exercises, claim cards and dose questions."""

from __future__ import annotations

from dataclasses import dataclass, replace

import pandas as pd

from core import i18n, site
from core.analysis import vocab
from core.analysis.doses import cells_range
from core.data import Dataset
from core.i18n import N_
from core.workshop.exercises import exercises
from core.workshop.guide import PLANS

CARD_QUOTE_MAX_CHARS = 280  # a quote the back row can read on a projector
TRIAL_KINDS = ("randomised trial", "non-randomised trial")
DOSE_QUESTIONS = (
    # (id, evidence dose_basis, the question, page that explains it)
    ("dose_knee", "per knee injection", N_("How many cells did trials inject into a knee, in one injection?"),
     site.path("doses")),
    ("dose_disc", "per disc", N_("How many cells did trials inject into a spinal disc, in one injection?"),
     site.path("doses")),
)  # fmt: skip
# An answer is stored as its option's letter, the same in every language: a phone reading the options in Spanish
# and one reading them in English count the same answer (the options of a question keep one order in both).
OPTION_IDS = "ABCDEFGHIJKL"
PLAN_SIZES = {"45 minutes": 8, "90 minutes": 15}


@dataclass(frozen=True)
class RoomQuote:
    text: str
    source_label: str
    seed_file: str


@dataclass(frozen=True)
class RoomQuestion:
    id: str
    kind: str  # exercise, claim card or dose
    prompt: str
    options: tuple[str, ...]
    answer: str
    explanation: str
    quotes: tuple[RoomQuote, ...]
    row_ids: tuple[str, ...]
    topic: str
    explains_page: str
    card_quote: RoomQuote | None = None  # the claim a card asks about, shown with the question

    @property
    def option_ids(self) -> tuple[str, ...]:
        """What the room stores for each option: its letter, never its words."""
        return tuple(OPTION_IDS[: len(self.options)])

    @property
    def answer_id(self) -> str:
        return OPTION_IDS[self.options.index(self.answer)]

    def option_text(self, option_id: str | None) -> str | None:
        """The words of the option stored as `option_id`, in this question's language (None for no answer)."""
        return dict(zip(self.option_ids, self.options, strict=True)).get(option_id) if option_id else None


def from_exercises(ds: Dataset) -> list[RoomQuestion]:
    """The Exercises page's questions, as room questions."""
    return [
        RoomQuestion(
            id=f"ex_{e.id}",
            kind="exercise",
            prompt=e.question,
            options=tuple(e.options),
            answer=e.answer,
            explanation=e.explanation,
            quotes=tuple(RoomQuote(q.text, q.source_label, q.seed_file) for q in e.quotes),
            row_ids=tuple(e.row_ids),
            # The exercise dataclass gains these two fields; until then, sensible defaults.
            topic=getattr(e, "topic", "") or "exercises",
            explains_page=getattr(e, "explains_page", "") or site.path("exercises"),
        )
        for e in exercises(ds)
    ]


def _card_verdicts(ds: Dataset) -> vocab.Verdicts:
    """The verdicts a claim card asks for, worst first: every level but "not assessed", which is no verdict."""
    levels = vocab.verdicts(ds)
    return replace(levels, order=tuple(v for v in levels.order if v != "not assessed"))


def _verdict_names(lang: str) -> dict[str, str]:
    """The verdict levels' names in a language (a level added to the data later reads in English until named here)."""
    return {
        "contradicted by evidence": i18n.pgettext(lang, "verdict", "contradicted by evidence"),
        "misleading": i18n.pgettext(lang, "verdict", "misleading"),
        "not shown in controlled trials": i18n.pgettext(lang, "verdict", "not shown in controlled trials"),
        "unverifiable": i18n.pgettext(lang, "verdict", "unverifiable"),
        "partly supported": i18n.pgettext(lang, "verdict", "partly supported"),
        "consistent with evidence": i18n.pgettext(lang, "verdict", "consistent with evidence"),
        "not assessed": i18n.pgettext(lang, "verdict", "not assessed"),
    }


def claim_cards(ds: Dataset) -> list[RoomQuestion]:
    """One card per page: a quote, the question 'what is our verdict?', and our verdict with its reasons."""
    if ds.claims.empty:
        return []
    sources = ds.sources.set_index("id")
    levels = _card_verdicts(ds)
    _ = i18n.bound(ds.lang)
    # The verdict levels are ids in the data; a card shows each by its name in the reader's language.
    names = {v: _verdict_names(ds.lang).get(v, v) for v in levels.order}
    claims = ds.claims[ds.claims["verdict"].isin(levels.order) & (ds.claims["quote"].str.len() <= CARD_QUOTE_MAX_CHARS)]
    cards, used_verdicts = [], set()
    for source_id in ds.sources["id"]:
        candidates = claims[claims["source_id"] == source_id]
        if candidates.empty:
            continue
        # Prefer a verdict the room has not met yet, so the cards show the range of verdicts.
        fresh = candidates[~candidates["verdict"].isin(used_verdicts)]
        claim = (fresh if not fresh.empty else candidates).iloc[0]
        used_verdicts.add(claim["verdict"])
        source = sources.loc[source_id]
        definition = levels.meanings[claim["verdict"]]
        evidence = tuple(i for i in str(claim.get("evidence_ids", "") or "").split(";") if i)
        cards.append(
            RoomQuestion(
                id=f"card_{claim['id']}",
                kind="claim card",
                prompt=_("{page} says this. What is our verdict?").format(page=source["short_label"]),
                options=tuple(names[v] for v in levels.order),
                answer=names[claim["verdict"]],
                explanation=_("Our verdict: {verdict}.").format(verdict=names[claim["verdict"]])
                + f" {definition + ' ' if definition else ''}{claim['verdict_note']}",
                quotes=(),
                row_ids=(claim["id"], *evidence),
                topic=str(claim["topic"]),
                explains_page=site.path("claims"),
                card_quote=RoomQuote(claim["quote"], source["short_label"], source["seed_file"]),
            )
        )
    return cards


def _trial_doses(ds: Dataset, basis: str) -> pd.DataFrame:
    ev = ds.evidence
    trials = ev[(ev["dose_basis"] == basis) & ev["kind"].isin(TRIAL_KINDS)]
    rows = [(r.id, r.short_name, float(d)) for r in trials.itertuples() for d in r.doses_cells]
    return pd.DataFrame(rows, columns=["id", "short_name", "cells"])


def dose_questions(ds: Dataset) -> list[RoomQuestion]:
    """'How many cells did trials inject into a knee?': the range the trials used, against ranges 100× off."""
    _ = i18n.bound(ds.lang)
    found = []
    for qid, basis, prompt, page in DOSE_QUESTIONS:
        doses = _trial_doses(ds, basis)
        if doses.empty:
            continue
        low, high = doses["cells"].min(), doses["cells"].max()
        answer = cells_range(low, high, ds.lang)
        # Decoys ten thousand and a hundred times too few, and a hundred times too many: far enough apart that
        # no option overlaps the answer. Listed smallest first, so the options read as a scale. Told apart by
        # their English words, so both languages keep the same options in the same order.
        scale = {cells_range(low * f, high * f): cells_range(low * f, high * f, ds.lang) for f in (1e-4, 1e-2, 1, 1e2)}
        names = list(dict.fromkeys(doses["short_name"]))
        trials = doses.drop_duplicates("id")
        explanation = i18n.ngettext(
            ds.lang,
            "From {range} cells per injection, across {n} trial: {names}.",
            "From {range} cells per injection, across {n} trials: {names}.",
            len(trials),
        ).format(range=answer, n=len(trials), names=", ".join(names))
        found.append(
            RoomQuestion(
                id=qid,
                kind="dose",
                prompt=_(prompt),
                options=tuple(scale.values()),
                answer=answer,
                explanation=explanation
                + " "
                + _("A dose that worked in a trial is not proof that the same dose works from a clinic."),
                quotes=(),
                row_ids=tuple(trials["id"]),
                topic="doses",
                explains_page=page,
            )
        )
    return found


def all_questions(ds: Dataset) -> list[RoomQuestion]:
    """Every question a room can ask, exercises first, then claim cards, then doses."""
    return [*from_exercises(ds), *claim_cards(ds), *dose_questions(ds)]


def session_plans(questions: list[RoomQuestion]) -> dict[str, tuple[str, ...]]:
    """The facilitator guide's plans as question lists: in the order of the plan's pages, one page at a time."""
    plans = {}
    for name, steps in PLANS.items():
        size = PLAN_SIZES.get(name, len(questions))
        pages = [step.page for step in steps]
        queues = {page: [q.id for q in questions if q.explains_page == page] for page in dict.fromkeys(pages)}
        chosen: list[str] = []
        while len(chosen) < size and any(queues.values()):
            for page in queues:
                if queues[page] and len(chosen) < size:
                    chosen.append(queues[page].pop(0))
        rest = [q.id for q in questions if q.id not in chosen]
        plans[name] = tuple(chosen + rest[: size - len(chosen)])
    return plans
