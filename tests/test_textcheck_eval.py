"""The text checker against hand-annotated excerpts of real published pages (bench/textcheck_eval.py prints all)."""

from __future__ import annotations

import pytest

from bench.textcheck_eval import HELD_OUT, HELD_OUT_ROUND10, TARGETS, evaluate, load_cases, rules_and_reader
from core.textcheck import train
from core.views import check_a_text as view


@pytest.fixture(scope="module")
def result() -> dict:
    return evaluate(load_cases())


# The ordering targets below were set for the exact rules and stay theirs. The learned reader was trained on these
# very pages (cases.json is part of corpus/train.json), so its figures here would be resubstitution; its honest
# figures are the grouped cross-validation and the held-out round 10 that bench/textcheck_eval.py prints. With the
# reader, some neutral excerpts get a sentence flagged, so these orderings no longer hold for it (see the bench).
@pytest.fixture(scope="module")
def rules() -> dict:
    return evaluate(load_cases(), learned=False)


def test_the_set_covers_enough_real_pages_of_each_kind():
    cases = load_cases()
    assert len(cases) >= 30
    assert all(c["url"].startswith("http") for c in cases)
    assert {c["kind"] for c in cases} >= {"seller", "regulator", "news", "study-registry"}
    assert len({c["id"] for c in cases}) == len(cases)


@pytest.mark.parametrize("measure", list(TARGETS))
def test_target_is_met(result, measure):
    assert result[measure] >= TARGETS[measure], result["misses"]


def test_at_most_one_sure_word_on_any_neutral_page(rules):
    assert rules["most sure words on a neutral page"] <= 1


def test_quoted_hype_in_news_is_never_counted(result):
    assert result["quoted words counted"] == 0


def test_every_neutral_page_has_fewer_red_flags_than_every_flagged_advert(rules):
    # An advert that makes none of the listed claims in the excerpt kept (none in the tuning set now; two in the
    # held-out set) is reported by the bench, not hidden; every advert a careful reader finds a red flag in must
    # outrank every neutral page.
    cases = {c["id"]: c for c in load_cases()}
    pages = rules["per page"]
    neutral = [p["flags"] for p in pages if p["group"] == "neutral"]
    flagged = [p["flags"] for p in pages if p["group"] == "advert" and cases[p["id"]]["red_flags"]]
    assert max(neutral) < min(flagged)


def test_every_neutral_page_has_fewer_red_flags_than_every_advert(rules):
    assert rules["every neutral page below every advert"], rules["adverts not above neutral pages"]


def test_no_neutral_page_is_summed_up_as_an_advert(rules):
    assert rules["neutral pages summed up as neutral"] == 1.0


def test_adverts_the_red_flag_count_cannot_separate_are_named_and_make_no_listed_claim(rules):
    # "Every neutral page below every advert" is reported as met or not; the adverts that fall short are named,
    # and each must be one a careful reader also finds no red flag in, so that no checker miss hides among them.
    short = rules["adverts not above neutral pages"]
    assert rules["every neutral page below every advert"] == (not short)
    assert all(annotated == 0 for _page_id, _found, annotated in short), short


# The held-out set: pages never used to tune the rules. Its figures are reported by the bench, not held to targets
# (a target on it would invite tuning on it); the tests only make sure it is well-formed and scored.

_ANNOTATION_KEYS = {"id", "url", "group", "kind", "text", "doses", "hype", "quoted", "red_flags", "note"}
_DOSE_KEYS = {"span", "low", "high", "what", "basis", "route", "bound"}


def test_held_out_set_is_well_formed_and_separate_from_the_tuning_set():
    held_out, tuning = load_cases(HELD_OUT), load_cases()
    assert len(held_out) >= 12
    assert all(set(c) == _ANNOTATION_KEYS for c in held_out)
    assert all(set(d) == _DOSE_KEYS for c in held_out for d in c["doses"])
    assert len({c["id"] for c in held_out}) == len(held_out)
    assert not {c["id"] for c in held_out} & {c["id"] for c in tuning}
    assert not {c["url"] for c in held_out} & {c["url"] for c in tuning}
    assert all(c["url"].startswith("http") for c in held_out)
    assert {c["group"] for c in held_out} == {"advert", "neutral"}
    assert {c["kind"] for c in held_out} >= {"seller", "regulator", "news", "study-registry"}


def test_held_out_scores_are_computed_for_every_measure_the_tuning_set_has(result):
    held_out = evaluate(load_cases(HELD_OUT))
    assert held_out.keys() == result.keys()
    assert held_out["pages"] == len(load_cases(HELD_OUT))
    assert all(0.0 <= held_out[m] <= 1.0 for m in TARGETS)


def test_the_page_states_the_held_out_red_flag_recall_the_bench_measures():
    # Round 10 is the held-out set the frozen reader was scored on once (python -m bench.textcheck_eval
    # --held-out-round10); the page says how often the reader missed a red flag there. (Rounds 3 to 6, 8 and 9, scored
    # the same way before, are tuning data now.)
    _rules, reader = rules_and_reader(train.load_pages(HELD_OUT_ROUND10))
    assert reader["pages"] == view.UNSEEN_PAGES
    assert round(reader["red flag recall"], 2) == view.UNSEEN_RED_FLAG_RECALL
