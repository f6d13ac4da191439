"""Guess-then-reveal exercises generated from the data: each has options, one answer, an explanation and quotes."""

from __future__ import annotations

import pandas as pd

from core.analysis import doses, findings, vocab
from core.analysis.doses import cells_range, normalise, trial_doses
from core.analysis.verdicts import approval_status
from core.data import Dataset
from core.workshop.lookups import _looked_up
from core.workshop.question import (
    CLAIM_QUESTIONS,
    CLAIMS,
    EVIDENCE,
    MECHANISMS,
    ROUTES,
    Exercise,
    Quote,
    _question,
    _quote,
    _regulator_quote,
    _shuffled,
    _study_quote,
)

SPINE_ROUTES = (
    "intradiscal",
    "intrathecal",
    "epidural",
    "intrathecal-or-epidural as stated",
    "spine, site unspecified",
)


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
    # Not _question: the options are every page in page order, and that order (not answer-first) seeds the shuffle.
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
    return _question(
        "iv_course",
        f"{row['short_label']} recommends {per_session} cells into a vein per session, "
        f"{int(row['admins_low'])} to {int(row['admins_high'])} sessions. How many cells is the whole course?",
        course,
        [per_session, tenfold, "The page prints the total, so no sum is needed"],
        f"{per_session} per session × {int(row['admins_low'])} to {int(row['admins_high'])} sessions = {course} "
        "cells. The page never prints this total; a reader has to work it out.",
        (_quote(row), _quote(row, "schedule_quote")) if row["schedule_quote"] else (_quote(row),),
        [row["regimen_id"]],
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
    return _question(
        "total",
        f"{total['short_label']}'s protocol table prints a total of {total['total_as_printed']}. "
        "Which rows does that total leave out?",
        answer,
        ["Nothing: it adds up every row", *included[:2]],
        f"The total adds up only the rows that print a total of their own. {answer[0].upper()}{answer[1:]} "
        f"{'is' if len(left_out) == 1 else 'are'} left out; "
        + " ".join(f"{r['route_as_stated']}: {r['reason'] or 'no total printed.'}" for _, r in left_out.iterrows()),
        (_quote(r) for _, r in pd.concat([table, totals.iloc[[0]]]).iterrows()),
        [*table["regimen_id"], total["regimen_id"]],
    )


def fact_but_unsupported(ds: Dataset) -> list[Exercise]:
    """For the first few mechanism topics: which claim is stated as fact but not supported by the evidence?"""
    sources = ds.sources.set_index("id")
    mechanisms = ds.topics[ds.topics["kind"] == "mechanism"]["id"]
    supported = ds.claims[ds.claims["verdict"].isin(vocab.SUPPORTED)]
    exercises = []
    for topic in mechanisms:
        candidates = ds.claims[
            (ds.claims["topic"] == topic)
            & (ds.claims["stated_as"] == "as fact")
            & ds.claims["verdict"].isin(vocab.UNSUPPORTED)
        ]
        if candidates.empty or len(supported) < 2:
            continue
        claim = candidates.iloc[0]
        decoys = supported.sample(n=2, random_state=len(exercises))
        source = sources.loc[claim["source_id"]]
        exercises.append(
            _question(
                f"claim_{claim['id']}",
                f"About {topic}: which sentence is stated as fact but not supported by the evidence?",
                claim["quote"],
                decoys["quote"],
                f"Our verdict: {claim['verdict']}. {claim['verdict_note']}",
                [Quote(claim["quote"], source["short_label"], source["seed_file"])],
                [claim["id"], *decoys["id"]],
                "mechanisms",
                MECHANISMS,
                seed=claim["id"],
            )
        )
        if len(exercises) == CLAIM_QUESTIONS:
            break
    return exercises


# --- questions on the studies, regulators and harms ----------------------------------------------


def dose_spread(ds: Dataset, norm: pd.DataFrame) -> Exercise | None:
    cells = norm[norm["comparable"] & norm["cells_per_admin_low"].notna()]
    found = doses.spread(cells, "cells_per_admin_low", "cells_per_admin_high")
    if found is None or found.fold < 3:
        return None
    low, high, ratio = cells.loc[found.low_at], cells.loc[found.high_at], found.fold
    answer = f"About {ratio:.0f} times"
    return _question(
        "dose_spread",
        "Take every cell dose the pages print. How far apart are the smallest and the largest single dose?",
        answer,
        ["They agree on one dose", "About 2 times", f"About {ratio * 10:.0f} times"],
        f"The smallest is {cells_range(low['cells_per_admin_low'], low['cells_per_admin_low'])} cells "
        f"({low['short_label']}, {low['route_label']}); the largest "
        f"{cells_range(high['cells_per_admin_high'], high['cells_per_admin_high'])} ({high['short_label']}, "
        f"{high['route_label']}). No page says why its number is the right one.",
        (_quote(low), _quote(high)) if low["regimen_id"] != high["regimen_id"] else (_quote(low),),
        [low["regimen_id"], high["regimen_id"]],
    )


def knee_trial_doses(ds: Dataset) -> Exercise | None:
    trials = trial_doses(ds)
    knee = trials[trials["route"] == "intra-articular knee"]
    if knee["evidence_id"].nunique() < 2:
        return None
    answer = f"{cells_range(knee['cells_per_admin'].min(), knee['cells_per_admin'].max())} cells"
    studies = knee.drop_duplicates("evidence_id")
    return _question(
        "knee_trial_doses",
        "Knee trials injected stem cells into the joint. How many cells did they use per injection?",
        answer,
        ["One agreed dose that every trial used", "More than a billion cells"],
        f"{len(studies)} knee studies we list injected between "
        f"{cells_range(knee['cells_per_admin'].min(), knee['cells_per_admin'].min())} and "
        f"{cells_range(knee['cells_per_admin'].max(), knee['cells_per_admin'].max())} cells. There is no agreed "
        "dose, so no clinic's number can be checked against one.",
        (_study_quote(r) for _, r in studies.head(3).iterrows() if r["quote"]),
        studies["evidence_id"],
    )


def largest_knee_trial(ds: Dataset) -> Exercise | None:
    top = findings.largest_randomised_trial(ds.evidence, "knee osteoarthritis")
    if top is None or not top["comparator"]:
        return None
    answer = "No better than the comparison"
    return _question(
        "largest_knee_trial",
        f"In the largest randomised knee trial we list ({top['short_name']}, {int(top['n'])} people), how did "
        f"cell shots do against a {top['comparator']} after a year?",
        answer,
        ["Clearly better", "Worse, with serious harm from the cells"],
        top["main_finding"],
        [_study_quote(top)] if top["quote"] else [],
        [top["id"]],
        "evidence",
        EVIDENCE,
        seed="largest_knee",
    )


def claims_stated_as_fact(ds: Dataset) -> Exercise | None:
    claims = ds.claims
    if len(claims) < 10:
        return None
    as_fact = findings.stated_as_fact(claims)
    share = len(as_fact) / len(claims)
    answer = f"{len(as_fact)} of {len(claims)}"
    other = [f"{round(len(claims) * f)} of {len(claims)}" for f in (0.1, 0.3, 0.95) if abs(f - share) > 0.1]
    sample = as_fact.head(2).merge(ds.sources, left_on="source_id", right_on="id", suffixes=("", "_source"))
    return _question(
        "as_fact",
        f"The five pages make {len(claims)} claims we list. How many are stated as plain fact?",
        answer,
        other[:3],
        f"{len(as_fact)} of {len(claims)} claims are stated as fact, with no 'may' or 'some patients'. "
        "How firmly a page says something tells you nothing about whether trials back it.",
        (Quote(r["quote"], r["short_label"], r["seed_file"]) for _, r in sample.iterrows()),
        as_fact["id"],
        "evidence",
        CLAIMS,
    )


def approved_for_knees(ds: Dataset) -> Exercise | None:
    maci = ds.regulatory[ds.regulatory["title"].str.contains("MACI", case=False)]
    if maci.empty:
        return None
    status = approval_status(ds)
    answer = "A patch of the patient's own cartilage cells, put in by surgery (MACI)"
    return _question(
        "approved_knee",
        "In the US, which cell product is approved for the knee?",
        answer,
        [
            "Stem-cell injections for knee arthritis",
            "Fat-derived cell (SVF) injections",
            "Umbilical-cord stem-cell shots",
        ],
        f"{status.headline} {status.exception}",
        [_regulator_quote(maci.iloc[0])],
        status.row_ids,
        "regulation",
        EVIDENCE,
    )


def approved_msc_is_for(ds: Dataset) -> Exercise | None:
    rows = ds.regulatory[(ds.regulatory["kind"] == "approval") & ds.regulatory["summary"].str.contains(
        "graft-versus-host", case=False)]  # fmt: skip
    if rows.empty:
        return None
    row = rows.iloc[0]
    answer = "A rare transplant complication in children"
    # Not a _Lookup: this one quotes the row's summary when it has no verbatim quote, rather than dropping it.
    return _question(
        "approved_msc",
        "The one mesenchymal stem-cell product approved in the US: what is it approved for?",
        answer,
        ["Knee osteoarthritis", "Low back pain", "Slowing ageing"],
        row["summary"],
        [_regulator_quote(row)],
        [row["id"]],
        "regulation",
        EVIDENCE,
    )


def largest_harm_report(ds: Dataset) -> Exercise | None:
    clinic = ds.harms[(ds.harms["setting"] == "unapproved clinic") & ds.harms["n_patients"].notna()]
    if clinic.empty:
        return None
    top = clinic.loc[clinic["n_patients"].idxmax()]
    n = int(top["n_patients"])
    answer = f"{n:,} people"
    decoys = [f"{max(1, n // 100):,} people", f"{max(2, n // 10):,} people", f"{n * 10:,} people"]
    return _question(
        "harm_count",
        "The largest report of harm after unapproved stem-cell products that we list counts how many people?",
        answer,
        decoys,
        f"{top['what_happened']} Reports overlap, so their counts cannot be added up.",
        [_study_quote(top)] if top["quote"] else [],
        [top["id"]],
        "harms",
        EVIDENCE,
    )


def _people(n) -> str:
    return "People" if pd.isna(n) else ("One person" if int(n) == 1 else f"{int(n)} people")


def worst_harm(ds: Dataset) -> Exercise | None:
    eye = ds.harms[(ds.harms["severity"] == "permanent disability") & (ds.harms["setting"] == "unapproved clinic")]
    if eye.empty:
        return None
    row = eye.iloc[0]
    answer = "They lost much or all of their sight"
    return _question(
        "harm_eyes",
        f"{_people(row['n_patients'])} given clinic 'stem cell' injections into the eye: what happened to their sight?"
        if row["route"] == "intraocular"
        else f"{_people(row['n_patients'])} given clinic 'stem cell' injections: what happened to them?",
        answer,
        ["Their sight improved", "Nothing changed", "A day of mild redness"],
        row["what_happened"],
        [_study_quote(row)] if row["quote"] else [],
        [row["id"]],
        "harms",
        ROUTES,
    )


def exercises(ds: Dataset) -> list[Exercise]:
    """Every exercise the data supports, in a sensible order for a session."""
    norm = normalise(ds)
    found = [
        approved_for_knees(ds),
        dose_spread(ds, norm),
        most_cells_into_the_spine(ds, norm),
        monthly_iv_course(ds, norm),
        total_leaves_out(ds, norm),
        knee_trial_doses(ds),
        _looked_up(ds, "iv_lungs"),
        _looked_up(ds, "knee_cells"),
        _looked_up(ds, "signalling"),
        *fact_but_unsupported(ds),
        largest_knee_trial(ds),
        claims_stated_as_fact(ds),
        approved_msc_is_for(ds),
        _looked_up(ds, "courts"),
        _looked_up(ds, "trial_side_effects"),
        _looked_up(ds, "harm_route"),
        worst_harm(ds),
        largest_harm_report(ds),
    ]
    return [e for e in found if e is not None]


def score(answers: dict[str, str], items: list[Exercise]) -> tuple[int, int]:
    """Correct answers and questions answered, from a participant's {exercise id: chosen option}."""
    by_id = {e.id: e for e in items}
    answered = [i for i in answers if i in by_id]
    return sum(answers[i] == by_id[i].answer for i in answered), len(answered)
