"""Guess-then-reveal exercises generated from the data: each has options, one answer, an explanation and quotes."""

from __future__ import annotations

import pandas as pd

from core import i18n
from core.analysis import doses, findings, vocab
from core.analysis.doses import normalise, trial_doses
from core.data import Dataset
from core.workshop.lookups import _looked_up
from core.workshop.question import (
    CLAIM_QUESTIONS,
    CLAIMS,
    EVIDENCE,
    MECHANISMS,
    Exercise,
    Quote,
    _question,
    _quote,
    _shuffled,
    _study_quote,
    cells,
    cells_phrase,
    joined,
    topic_name,
)
from core.workshop.regulation_harms import approved_for_knees, approved_msc_is_for, largest_harm_report, worst_harm

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
    _, lang = i18n.bound(ds.lang), ds.lang
    winners = list(dict.fromkeys(top["short_label"]))
    tie = _("A tie: {pages}").format(pages=joined(winners, lang))
    answer = winners[0] if len(winners) == 1 else tie
    per_source = "; ".join(
        _("{page}: up to {cells} ({as_stated})").format(
            page=r["short_label"],
            cells=cells(r["cells_per_admin_high"], r["cells_per_admin_high"], lang),
            as_stated=r["route_as_stated"],
        )
        for _i, r in spine.sort_values("cells_per_admin_high", ascending=False).drop_duplicates("source_id").iterrows()
    )
    silent = sorted(set(ds.sources["short_label"]) - set(spine["short_label"]))
    options = list(ds.sources["short_label"]) + ([tie] if len(winners) > 1 else [])
    no_dose = i18n.ngettext(lang, "{pages} gives no spine dose at all.", "{pages} give no spine dose at all.",
                            len(silent)).format(pages=joined(silent, lang, ", "))  # fmt: skip
    # Not _question: the options are every page in page order, and that order (not answer-first) seeds the shuffle.
    return Exercise(
        id="spine",
        question=_("Which page puts the most cells into the spine in a single injection?"),
        options=_shuffled(options, "spine"),
        answer=answer,
        explanation=_("Per injection into the spine: {doses}.").format(doses=per_source)
        + (f" {no_dose}" if silent else ""),
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
    _, lang = i18n.bound(ds.lang), ds.lang
    row = courses.loc[courses["cells_per_course_high"].idxmax()]
    per_session = cells(row["cells_per_admin_low"], row["cells_per_admin_high"], lang)
    course = cells(row["cells_per_course_low"], row["cells_per_course_high"], lang)
    tenfold = cells(10 * row["cells_per_course_low"], 10 * row["cells_per_course_high"], lang)
    numbers = {"per_session": per_session, "low": int(row["admins_low"]), "high": int(row["admins_high"])}
    return _question(
        "iv_course",
        _(
            "{page} recommends {dose} into a vein per session, {low} to {high} sessions. "
            "How many cells is the whole course?"
        ).format(page=row["short_label"], dose=cells_phrase(per_session, lang), **numbers),
        course,
        [per_session, tenfold, _("The page prints the total, so no sum is needed")],
        _(
            "{per_session} per session × {low} to {high} sessions = {course}. The page never prints this "
            "total; a reader has to work it out."
        ).format(course=cells_phrase(course, lang), **numbers),
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
    _, lang = i18n.bound(ds.lang), ds.lang
    answer = joined((_("the {name} row").format(name=name) for name in left_out["route_as_stated"]), lang)
    included = [
        _("the {name} row").format(name=name) for name in table[table["total_printed"].notna()]["route_as_stated"]
    ]
    printed_total = total["total_as_printed"]
    if lang != i18n.DEFAULT:  # "250,000,000" as printed, read out: a decimal comma would make it 250
        printed_total = f"«{printed_total}» ({i18n.format_cells(total['total_printed'], lang)})"
    why = " ".join(
        _("{name}: {reason}").format(name=r["route_as_stated"], reason=r["reason"] or _("no total printed."))
        for _i, r in left_out.iterrows()
    )
    return _question(
        "total",
        _("{page}'s protocol table prints a total of {total}. Which rows does that total leave out?").format(
            page=total["short_label"], total=printed_total
        ),
        answer,
        [_("Nothing: it adds up every row"), *included[:2]],
        i18n.ngettext(
            lang,
            "The total adds up only the rows that print a total of their own. {rows} is left out; {why}",
            "The total adds up only the rows that print a total of their own. {rows} are left out; {why}",
            len(left_out),
        ).format(rows=f"{answer[0].upper()}{answer[1:]}", why=why),
        (_quote(r) for _, r in pd.concat([table, totals.iloc[[0]]]).iterrows()),
        [*table["regimen_id"], total["regimen_id"]],
    )


def fact_but_unsupported(ds: Dataset) -> list[Exercise]:
    """For the first few mechanism topics: which claim is stated as fact but not supported by the evidence?"""
    sources = ds.sources.set_index("id")
    mechanisms = ds.topics[ds.topics["kind"] == "mechanism"]["id"]
    supported = ds.claims[ds.claims["verdict"].isin(vocab.SUPPORTED)]
    _, lang = i18n.bound(ds.lang), ds.lang
    # English names the verdict as it always did; another language uses the level's translated label.
    labels = dict(zip(ds.verdicts["verdict"], ds.verdicts["label"], strict=True)) if lang != i18n.DEFAULT else {}
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
                _("About {topic}: which sentence is stated as fact but not supported by the evidence?").format(
                    topic=topic_name(topic, lang)
                ),
                claim["quote"],
                decoys["quote"],
                _("Our verdict: {verdict}. {note}").format(
                    verdict=labels.get(claim["verdict"], claim["verdict"]), note=claim["verdict_note"]
                ),
                [Quote(claim["quote"], source["short_label"], source["seed_file"])],
                [claim["id"], *decoys["id"]],
                "mechanisms",
                MECHANISMS,
                seed=claim["id"],
                quoted_options=True,
            )
        )
        if len(exercises) == CLAIM_QUESTIONS:
            break
    return exercises


# --- questions on the studies, regulators and harms ----------------------------------------------


def dose_spread(ds: Dataset, norm: pd.DataFrame) -> Exercise | None:
    printed = norm[norm["comparable"] & norm["cells_per_admin_low"].notna()]
    found = doses.spread(printed, "cells_per_admin_low", "cells_per_admin_high")
    if found is None or found.fold < 3:
        return None
    low, high, ratio = printed.loc[found.low_at], printed.loc[found.high_at], found.fold
    _, lang = i18n.bound(ds.lang), ds.lang

    def times(n: float) -> str:
        return _("About {n} times").format(n=i18n.format_number(round(n), lang, 0))

    return _question(
        "dose_spread",
        _("Take every cell dose the pages print. How far apart are the smallest and the largest single dose?"),
        times(ratio),
        [_("They agree on one dose"), times(2), times(ratio * 10)],
        _(
            "The smallest is {low} ({low_page}, {low_route}); the largest {high} ({high_page}, "
            "{high_route}). No page says why its number is the right one."
        ).format(
            low=cells_phrase(cells(low["cells_per_admin_low"], low["cells_per_admin_low"], lang), lang),
            low_page=low["short_label"],
            low_route=low["route_label"],
            high=cells(high["cells_per_admin_high"], high["cells_per_admin_high"], lang),
            high_page=high["short_label"],
            high_route=high["route_label"],
        ),
        (_quote(low), _quote(high)) if low["regimen_id"] != high["regimen_id"] else (_quote(low),),
        [low["regimen_id"], high["regimen_id"]],
    )


def knee_trial_doses(ds: Dataset) -> Exercise | None:
    trials = trial_doses(ds)
    knee = trials[trials["route"] == "intra-articular knee"]
    if knee["evidence_id"].nunique() < 2:
        return None
    _, lang = i18n.bound(ds.lang), ds.lang
    fewest, most = knee["cells_per_admin"].min(), knee["cells_per_admin"].max()
    studies = knee.drop_duplicates("evidence_id")
    return _question(
        "knee_trial_doses",
        _("Knee trials injected stem cells into the joint. How many cells did they use per injection?"),
        cells_phrase(cells(fewest, most, lang), lang),
        [_("One agreed dose that every trial used"), _("More than a billion cells")],
        i18n.ngettext(
            lang,
            "{n} knee study we list injected between {low} and {high}. There is no agreed dose, so no clinic's "
            "number can be checked against one.",
            "{n} knee studies we list injected between {low} and {high}. There is no agreed dose, so no clinic's "
            "number can be checked against one.",
            len(studies),
        ).format(n=len(studies), low=cells(fewest, fewest, lang), high=cells_phrase(cells(most, most, lang), lang)),
        (_study_quote(r) for _, r in studies.head(3).iterrows() if r["quote"]),
        studies["evidence_id"],
    )


def largest_knee_trial(ds: Dataset) -> Exercise | None:
    top = findings.largest_randomised_trial(ds.evidence, "knee osteoarthritis")
    if top is None or not top["comparator"]:
        return None
    _ = i18n.bound(ds.lang)
    return _question(
        "largest_knee_trial",
        _(
            "In the largest randomised knee trial we list ({trial}, {n} people), how did cell shots do against a "
            "{comparator} after a year?"
        ).format(trial=top["short_name"], n=i18n.format_number(int(top["n"]), ds.lang), comparator=top["comparator"]),
        _("No better than the comparison"),
        [_("Clearly better"), _("Worse, with serious harm from the cells")],
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
    _ = i18n.bound(ds.lang)
    answer = _("{k} of {n}").format(k=len(as_fact), n=len(claims))
    other = [_("{k} of {n}").format(k=round(len(claims) * f), n=len(claims)) for f in (0.1, 0.3, 0.95)
             if abs(f - share) > 0.1]  # fmt: skip
    sample = as_fact.head(2).merge(ds.sources, left_on="source_id", right_on="id", suffixes=("", "_source"))
    return _question(
        "as_fact",
        _("The five pages make {n} claims we list. How many are stated as plain fact?").format(n=len(claims)),
        answer,
        other[:3],
        _(
            "{k} of {n} claims are stated as fact, with no 'may' or 'some patients'. How firmly a page says "
            "something tells you nothing about whether trials back it."
        ).format(k=len(as_fact), n=len(claims)),
        (Quote(r["quote"], r["short_label"], r["seed_file"]) for _, r in sample.iterrows()),
        as_fact["id"],
        "evidence",
        CLAIMS,
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


def is_right(chosen: str | int, item: Exercise) -> bool:
    """Whether a chosen option is the answer: by its index among the options (the same in every language), or by
    its text in the language the options were built in."""
    if isinstance(chosen, int) and not isinstance(chosen, bool):
        return chosen == item.answer_index
    return chosen == item.answer


def score(answers: dict[str, str | int], items: list[Exercise]) -> tuple[int, int]:
    """Correct answers and questions answered, from a participant's {exercise id: chosen option or its index}."""
    by_id = {e.id: e for e in items}
    answered = [i for i in answers if i in by_id]
    return sum(is_right(answers[i], by_id[i]) for i in answered), len(answered)
