"""Exercises are generated from the data, have exactly one right option, and score participants correctly."""

from __future__ import annotations

import pytest

from core.analysis import vocab
from core.workshop import question as ex
from core.workshop.exercises import exercises, score


@pytest.fixture(scope="module")
def items(dataset):
    return exercises(dataset)


def test_every_exercise_has_its_answer_among_distinct_options(items):
    assert len(items) >= 15
    for item in items:
        assert item.answer in item.options, item.id
        assert len(set(item.options)) == len(item.options) >= 3, item.id
        assert item.explanation
        assert item.quotes
        assert item.row_ids


def test_questions_cover_every_topic_a_workshop_needs(items):
    assert {i.topic for i in items} == set(ex.TOPICS)


@pytest.mark.parametrize("topic", ex.TOPICS)
def test_each_topic_has_at_least_two_questions(items, topic):
    assert sum(i.topic == topic for i in items) >= 2


def test_each_question_points_at_a_page_that_exists(items):
    import ui

    pages = {p.path for p in ui.PAGES}
    assert {i.explains_page for i in items} <= pages


def test_questions_and_answers_carry_no_row_ids(items):
    import re

    for item in items:
        text = " ".join((item.question, item.answer, item.explanation, *item.options))
        assert not re.search(r"\b[rc]\d{3}-\d{2}\b|\.txt\b", text), item.id


def test_exercise_fields_keep_their_defaults_for_older_callers():
    made = ex.Exercise("x", "q?", ("a", "b"), "a", "because", (), ())
    assert (made.topic, made.explains_page) == ("doses", "pages/2_Doses.py")


def test_approval_question_names_maci_from_the_regulatory_rows(items):
    approved = next(i for i in items if i.id == "approved_knee")
    assert "MACI" in approved.answer
    assert "fda_maci_2016" in approved.row_ids


def test_harm_count_is_the_largest_clinic_report(items, dataset):
    clinic = dataset.harms[dataset.harms["setting"] == "unapproved clinic"]
    harm = next(i for i in items if i.id == "harm_count")
    assert harm.answer == f"{int(clinic['n_patients'].max()):,} people"


def test_questions_are_skipped_when_their_rows_are_missing(dataset):
    from dataclasses import replace

    no_harms = replace(dataset, harms=dataset.harms.iloc[0:0])
    ids = {i.id for i in exercises(no_harms)}
    assert not ids & {"harm_count", "harm_eyes", "harm_route", "trial_side_effects"}


def test_ids_are_unique_and_order_is_stable(items, dataset):
    assert len({i.id for i in items}) == len(items)
    assert [i.options for i in exercises(dataset)] == [i.options for i in items]


def test_iv_course_is_the_total_the_page_never_states(items):
    iv = next(i for i in items if i.id == "iv_course")
    assert iv.answer == "300 million–1.2 billion"
    assert "100 million–200 million" in iv.options  # the per-session trap


def test_spine_question_admits_a_tie(items):
    spine = next(i for i in items if i.id == "spine")
    assert spine.answer == "A tie: Vega Stem Cell and StemCellU"


def test_total_question_names_the_rows_left_out(items):
    total = next(i for i in items if i.id == "total")
    assert total.answer == "the Myers cocktail/NAD row and the Exosome IV row"


def test_claim_questions_use_only_clearly_right_decoys(items, dataset):
    claims = dataset.claims.set_index("quote")
    for item in (i for i in items if i.id.startswith("claim_")):
        assert claims.loc[item.answer, "stated_as"] == "as fact"
        assert claims.loc[item.answer, "verdict"] in vocab.UNSUPPORTED
        decoys = [o for o in item.options if o != item.answer]
        assert all(claims.loc[d, "verdict"] in vocab.SUPPORTED for d in decoys)


@pytest.mark.parametrize(
    ("answers", "expected"),
    [({}, (0, 0)), ({"iv_course": "300 million–1.2 billion"}, (1, 1)), ({"iv_course": "wrong", "nope": "x"}, (0, 1))],
)
def test_score_counts_only_known_questions(items, answers, expected):
    assert score(answers, items) == expected
