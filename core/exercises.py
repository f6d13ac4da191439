"""Guess-then-reveal exercises generated from the data: each has options, one answer, an explanation and quotes."""

from __future__ import annotations

import random
from dataclasses import dataclass

import pandas as pd

from core.data import Dataset
from core.doses import cells_range, normalise

SPINE_ROUTES = (
    "intradiscal",
    "intrathecal",
    "epidural",
    "intrathecal-or-epidural as stated",
    "spine, site unspecified",
)
UNSUPPORTED = ("not shown in controlled trials", "contradicted by evidence")
SUPPORTED = ("consistent with evidence",)  # decoys must be clearly right, not arguable
CLAIM_QUESTIONS = 3


@dataclass(frozen=True)
class Quote:
    text: str
    source_label: str
    seed_file: str


@dataclass(frozen=True)
class Exercise:
    id: str
    question: str
    options: tuple[str, ...]
    answer: str
    explanation: str
    quotes: tuple[Quote, ...]
    row_ids: tuple[str, ...]


def _shuffled(options: list[str], seed: str) -> tuple[str, ...]:
    # Seeded by the question, so every participant sees the same order and a facilitator can say "option B".
    unique = list(dict.fromkeys(options))
    random.Random(seed).shuffle(unique)
    return tuple(unique)


def _quote(row: pd.Series, text_column: str = "quote") -> Quote:
    return Quote(row[text_column], row["short_label"], row["seed_file"])


def most_cells_into_the_spine(ds: Dataset, norm: pd.DataFrame) -> Exercise | None:
    spine = norm[norm["comparable"] & norm["route"].isin(SPINE_ROUTES)]
    if spine.empty:
        return None
    most = spine["cells_per_admin_high"].max()
    top = spine[spine["cells_per_admin_high"] == most]
    winners = list(dict.fromkeys(top["short_label"]))
    tie = f"A tie: {' and '.join(winners)}"
    answer = winners[0] if len(winners) == 1 else tie
    per_source = "; ".join(
        f"{r['short_label']}: up to {cells_range(r['cells_per_admin_high'], r['cells_per_admin_high'])} "
        f"({r['route_as_stated']})"
        for _, r in spine.sort_values("cells_per_admin_high", ascending=False).drop_duplicates("source_id").iterrows()
    )
    silent = sorted(set(ds.sources["short_label"]) - set(spine["short_label"]))
    options = list(ds.sources["short_label"]) + ([tie] if len(winners) > 1 else [])
    return Exercise(
        id="spine",
        question="Which page puts the most cells into the spine in a single injection?",
        options=_shuffled(options, "spine"),
        answer=answer,
        explanation=(
            f"Per injection into the spine: {per_source}."
            + (f" {', '.join(silent)} give no spine dose at all." if silent else "")
        ),
        quotes=tuple(_quote(r) for _, r in top.drop_duplicates("source_id").iterrows()),
        row_ids=tuple(spine["regimen_id"]),
    )


def monthly_iv_course(ds: Dataset, norm: pd.DataFrame) -> Exercise | None:
    courses = norm[
        norm["comparable"]
        & (norm["route"] == "intravenous")
        & (norm["admins_high"] > 1)
        & norm["total_printed"].isna()
        & norm["cells_per_course_high"].notna()
    ]
    if courses.empty:
        return None
    row = courses.loc[courses["cells_per_course_high"].idxmax()]
    per_session = cells_range(row["cells_per_admin_low"], row["cells_per_admin_high"])
    course = cells_range(row["cells_per_course_low"], row["cells_per_course_high"])
    tenfold = cells_range(10 * row["cells_per_course_low"], 10 * row["cells_per_course_high"])
    return Exercise(
        id="iv_course",
        question=(
            f"{row['short_label']} recommends {per_session} cells into a vein per session, "
            f"{int(row['admins_low'])} to {int(row['admins_high'])} sessions. How many cells is the whole course?"
        ),
        options=_shuffled(
            [course, per_session, tenfold, "The page prints the total, so no sum is needed"], "iv_course"
        ),
        answer=course,
        explanation=(
            f"{per_session} per session × {int(row['admins_low'])} to {int(row['admins_high'])} sessions = {course} "
            "cells. The page never prints this total; a reader has to work it out."
        ),
        quotes=(_quote(row), _quote(row, "schedule_quote")) if row["schedule_quote"] else (_quote(row),),
        row_ids=(row["regimen_id"],),
    )


def total_leaves_out(ds: Dataset, norm: pd.DataFrame) -> Exercise | None:
    totals = norm[(norm["statement_kind"] == "protocol table total") & norm["total_printed"].notna()]
    if totals.empty:
        return None
    total = totals.iloc[0]
    table = norm[(norm["protocol_id"] == total["protocol_id"]) & (norm["statement_kind"] == "protocol table row")]
    left_out = table[table["total_printed"].isna()]
    if left_out.empty:
        return None
    answer = " and ".join(f"the {name} row" for name in left_out["route_as_stated"])
    included = [f"the {name} row" for name in table[table["total_printed"].notna()]["route_as_stated"]]
    return Exercise(
        id="total",
        question=(
            f"{total['short_label']}'s protocol table prints a total of {total['total_as_printed']}. "
            "Which rows does that total leave out?"
        ),
        options=_shuffled([answer, "Nothing: it adds up every row", *included[:2]], "total"),
        answer=answer,
        explanation=(
            f"The total adds up only the rows that print a total of their own. {answer[0].upper()}{answer[1:]} "
            f"{'is' if len(left_out) == 1 else 'are'} left out; "
            + " ".join(f"{r['route_as_stated']}: {r['reason'] or 'no total printed.'}" for _, r in left_out.iterrows())
        ),
        quotes=tuple(_quote(r) for _, r in pd.concat([table, totals.iloc[[0]]]).iterrows()),
        row_ids=(*table["regimen_id"], total["regimen_id"]),
    )


def fact_but_unsupported(ds: Dataset) -> list[Exercise]:
    """For the first few mechanism topics: which claim is stated as fact but not backed by controlled trials?"""
    sources = ds.sources.set_index("id")
    mechanisms = ds.topics[ds.topics["kind"] == "mechanism"]["id"]
    supported = ds.claims[ds.claims["verdict"].isin(SUPPORTED)]
    exercises = []
    for topic in mechanisms:
        candidates = ds.claims[
            (ds.claims["topic"] == topic)
            & (ds.claims["stated_as"] == "as fact")
            & ds.claims["verdict"].isin(UNSUPPORTED)
        ]
        if candidates.empty or len(supported) < 2:
            continue
        claim = candidates.iloc[0]
        decoys = supported.sample(n=2, random_state=len(exercises))
        source = sources.loc[claim["source_id"]]
        exercises.append(
            Exercise(
                id=f"claim_{claim['id']}",
                question=f"About {topic}: which sentence is stated as fact but not backed by controlled trials?",
                options=_shuffled([claim["quote"], *decoys["quote"]], claim["id"]),
                answer=claim["quote"],
                explanation=f"Our verdict: {claim['verdict']}. {claim['verdict_note']}",
                quotes=(Quote(claim["quote"], source["short_label"], source["seed_file"]),),
                row_ids=(claim["id"], *decoys["id"]),
            )
        )
        if len(exercises) == CLAIM_QUESTIONS:
            break
    return exercises


def exercises(ds: Dataset) -> list[Exercise]:
    """Every exercise the data supports, in a sensible order for a session."""
    norm = normalise(ds)
    found = [
        most_cells_into_the_spine(ds, norm),
        monthly_iv_course(ds, norm),
        total_leaves_out(ds, norm),
        *fact_but_unsupported(ds),
    ]
    return [e for e in found if e is not None]


def score(answers: dict[str, str], items: list[Exercise]) -> tuple[int, int]:
    """Correct answers and questions answered, from a participant's {exercise id: chosen option}."""
    by_id = {e.id: e for e in items}
    answered = [i for i in answers if i in by_id]
    return sum(answers[i] == by_id[i].answer for i in answered), len(answered)
