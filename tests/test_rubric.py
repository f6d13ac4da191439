"""The source-quality checklist: cited items, one verbatim-justified verdict per page and item, and the scorer."""

from __future__ import annotations

import re
from pathlib import Path

import pandas as pd
import pytest

from core.analysis import rubric
from core.text import normalise_space
from tests.test_provenance import needs_seeds, seed_text

SOURCE_NOTES = Path(__file__).resolve().parent.parent.parent / "shared" / "reference" / "source-notes.md"


# --- data ----------------------------------------------------------------------------------------


def test_checklist_has_ten_to_fourteen_cited_items(dataset):
    items = dataset.rubric_items
    assert 10 <= len(items) <= 14
    assert items[["dimension", "question", "rubric", "citation", "url"]].ne("").all().all()
    assert (items["weight"] > 0).all()


def test_checklist_covers_the_published_rubrics(dataset):
    rubrics = " ".join(dataset.rubric_items["rubric"])
    for name in ("JAMA benchmark: authorship", "disclosure", "attribution", "currency", "DISCERN Q4", "DISCERN Q5",
                 "DISCERN Q8", "DISCERN Q11", "DISCERN Q12", "HealthNewsReview 1", "HealthNewsReview 2",
                 "HealthNewsReview 3", "HealthNewsReview 4", "HealthNewsReview 8"):  # fmt: skip
        assert name in rubrics, name


@pytest.mark.skipif(not SOURCE_NOTES.is_file(), reason="shared/reference/source-notes.md not found on this machine")
def test_rubric_urls_come_from_the_reference_notes(dataset):
    part2 = SOURCE_NOTES.read_text(encoding="utf-8").split("## Part 2", 1)[1]
    given = set(re.findall(r"https?://[^\s)>,]+", part2))
    assert set(dataset.rubric_items["url"]) <= given


def test_every_page_and_item_is_scored_exactly_once(dataset):
    scores = dataset.rubric_scores
    pairs = pd.MultiIndex.from_frame(scores[["source_id", "item_id"]])
    expected = pd.MultiIndex.from_product([dataset.sources["id"], dataset.rubric_items["id"]])
    assert not pairs.duplicated().any()
    assert set(pairs) == set(expected)
    assert (scores["id"] == scores["source_id"] + "-" + scores["item_id"]).all()


def test_every_verdict_has_its_justification(dataset):
    scores = dataset.rubric_scores
    assert (scores["justification"].str.len() > 15).all()
    # A verdict resting on an absence must say what is missing; a 'yes' must show the words that earn it.
    assert scores.loc[scores["verdict"] == "yes", "quote"].ne("").all()


def pytest_generate_tests(metafunc):
    if "rubric_quote" in metafunc.fixturenames:
        from core.data import load

        scores = load().rubric_scores
        quoted = scores[scores["quote"] != ""]
        metafunc.parametrize(
            "rubric_quote",
            [pytest.param((r.source_id, r.quote), id=r.id) for r in quoted.itertuples()],
        )


@needs_seeds
def test_rubric_quote_is_verbatim_in_its_seed(dataset, rubric_quote):
    source_id, quote = rubric_quote
    assert normalise_space(quote) in seed_text(dataset, source_id)


def test_no_clinic_contacts_are_reproduced(dataset):
    text = " ".join(dataset.rubric_scores["quote"]) + " ".join(dataset.rubric_scores["justification"])
    assert "447778936902" not in text
    assert "head_office@" not in text


# --- scorer --------------------------------------------------------------------------------------

ITEMS = pd.DataFrame(
    {
        "id": ["a", "b", "c", "d"],
        "dimension": ["A", "B", "C", "D"],
        "question": ["?"] * 4,
        "rubric": ["r"] * 4,
        "citation": ["c"] * 4,
        "url": ["https://x"] * 4,
        "weight": [2.0, 1.0, 1.0, 3.0],
    }
)


def verdicts(*pairs: tuple[str, str]) -> pd.DataFrame:
    return pd.DataFrame([{"item_id": i, "verdict": v, "quote": "", "justification": f"{v} because"} for i, v in pairs])


def test_score_weights_yes_partly_no_and_drops_not_applicable():
    result = rubric.score(ITEMS, verdicts(("a", "yes"), ("b", "partly"), ("c", "no"), ("d", "not applicable")))
    assert result.points == 2.5
    assert result.max_points == 4.0
    assert result.share == pytest.approx(0.625)
    assert result.summary() == "2.5 of 4 points (62%)"
    rows = result.items.set_index("item_id")
    assert pd.isna(rows.loc["d", "points"])
    assert rows.loc["b", "justification"] == "partly because"


def test_score_of_nothing_applicable_is_zero():
    result = rubric.score(ITEMS, verdicts(*((i, "not applicable") for i in "abcd")))
    assert (result.points, result.max_points, result.share) == (0.0, 0.0, 0.0)


@pytest.mark.parametrize(
    "bad",
    [
        verdicts(("a", "yes"), ("b", "yes"), ("c", "yes")),
        verdicts(("a", "yes"), ("a", "no"), ("b", "yes"), ("c", "yes"), ("d", "yes")),
        verdicts(("a", "yes"), ("b", "yes"), ("c", "yes"), ("d", "yes"), ("z", "yes")),
        verdicts(("a", "maybe"), ("b", "yes"), ("c", "yes"), ("d", "yes")),
    ],
    ids=["missing", "repeated", "unknown item", "unknown verdict"],
)
def test_score_refuses_incomplete_or_unknown_verdicts(bad):
    with pytest.raises(ValueError, match="cannot score"):
        rubric.score(ITEMS, bad)


def test_real_scores_are_consistent(dataset):
    totals = rubric.score_totals(dataset)
    assert len(totals) == len(dataset.sources)
    assert totals["share"].is_monotonic_decreasing
    assert totals["share"].between(0, 1).all()
    n_items = len(dataset.rubric_items)
    assert (totals[["n_yes", "n_partly", "n_no", "n_n/a"]].sum(axis=1) == n_items).all()
    grid = rubric.score_grid(dataset)
    assert len(grid) == len(dataset.sources) * n_items
    best = totals.iloc[0]
    assert rubric.score_source(dataset, best["source_id"]).points == best["points"]


def test_the_dated_page_earns_the_currency_point(dataset):
    items = rubric.score_source(dataset, "shadesofgreen").items.set_index("item_id")
    assert items.loc["currency", "verdict"] == "yes"
    assert items.loc["currency", "quote"] == "Nov 11, 2025"
