"""The learned reader: safe weights that a fresh training run reproduces, sane thresholds, the rules' voice kept."""

from __future__ import annotations

import numpy as np
import pytest

from bench.textcheck_eval import grouped_folds
from core.textcheck import analyze, learned, train


@pytest.fixture(scope="module")
def committed() -> dict[str, np.ndarray]:
    with np.load(learned.WEIGHTS, allow_pickle=False) as arrays:
        return {name: arrays[name] for name in arrays.files}


def test_weights_load_without_pickle_and_hold_no_python_objects(committed):
    assert all(array.dtype != object for array in committed.values())
    assert learned.load().kind_classes == list(learned.PAGE_KINDS)


def test_the_reader_learns_from_train_and_rounds_3_to_9_and_never_from_round_10():
    # Rounds 3 to 6, 8 and 9 became tuning data after each was scored once, round 7 is tuning data; round 10 stays
    # unseen.
    tuning = (train.TRAIN, train.HELD_OUT_ROUND3, train.HELD_OUT_ROUND4, train.HELD_OUT_ROUND5, train.HELD_OUT_ROUND6,
              train.TUNING_ROUND7, train.HELD_OUT_ROUND8, train.HELD_OUT_ROUND9)  # fmt: skip
    assert tuning == train.TUNING
    assert [p["id"] for p in train.load_pages()] == [p["id"] for path in tuning for p in train.load_pages(path)]
    assert "held_out_round10" not in {path.stem for path in train.TUNING}


def test_the_held_out_round_shares_no_site_with_the_tuning_corpus():
    tuning_sites = {page["site"] for page in train.load_pages()}
    held_out = train.load_pages(train.CORPUS / "held_out_round10.json")
    assert held_out
    assert not {page["site"] for page in held_out} & tuning_sites


def test_committed_weights_equal_a_fresh_training_run(committed):
    fresh = train.fit(train.examples(train.load_pages()))
    assert sorted(fresh) == sorted(committed)
    for name, array in committed.items():
        if array.dtype.kind in "US":
            assert array.tolist() == fresh[name].tolist(), name
        else:
            np.testing.assert_allclose(array, fresh[name], rtol=1e-6, atol=1e-9, err_msg=name)


@pytest.mark.parametrize("head", learned.HEADS)
def test_thresholds_are_within_range(committed, head):
    at = learned.HEADS.index(head)
    threshold, ask, veto = committed["threshold"][at], committed["ask"][at], committed["veto"][at]
    assert 0.2 <= threshold <= 0.9
    assert 0.1 <= ask <= threshold
    assert 0.0 <= veto < threshold


@pytest.mark.parametrize(
    "sentence",
    [
        "There is no evidence that stem cells regrow cartilage.",
        "Stem cell injections are not a substitute for knee replacement surgery.",
        "Nobody can promise that this injection cures arthritis.",
    ],
)
def test_a_denial_is_not_flagged(sentence):
    assert analyze(sentence).red_flags == []


@pytest.mark.parametrize(
    "sentence",
    [
        "Patients received 40 million umbilical cord-derived MSCs by intra-articular injection.",
        "In this study, the stromal vascular fraction was isolated and injected into the knee under ultrasound.",
    ],
)
def test_a_methods_section_sentence_is_not_an_offer(sentence):
    assert "regulated product" not in {f.kind for f in analyze(sentence).red_flags}


def test_a_flag_only_the_model_finds_spans_its_sentence():
    # A seller's secretome offer in words no rule holds (a page of the tuning corpus: this checks the span, not
    # how well the reader does on new pages; the bench measures that).
    page = next(p for p in train.load_pages() if p["id"] == "anova-knee-secretome")
    text, spans = train.page_text(page)
    ruled = analyze(text, learned=False).red_flags
    learned_only = [f for f in analyze(text).red_flags if not any(r.start < f.end and f.start < r.end for r in ruled)]
    assert learned_only
    assert all((f.start, f.end) in spans and f.text == text[f.start : f.end] for f in learned_only)


def test_the_reader_is_deterministic():
    text = "Our stem cells regenerate your knee cartilage. No surgery needed! 95% of patients improve."
    assert analyze(text) == analyze(text)


def test_rules_alone_are_still_available():
    report = analyze("Our FDA-registered lab regrows cartilage.", learned=False)
    assert {f.kind for f in report.red_flags} == {"approval", "regenerate"}
    assert report.suspects == []


def test_repeated_sentences_are_read_once_and_capped():
    report = analyze("We inject exosomes into the knee instead of surgery. " * 2000)
    assert len(report.red_flags) <= 200
    assert len(report.suspects) <= learned.MAX_SUSPECTS_PER_KIND * len(learned.FLAG_KINDS)


def test_grouped_folds_never_put_a_site_in_both_training_and_test():
    pages = train.load_pages()
    folds = grouped_folds(pages)
    assert len(folds) == 5
    for training, test in folds:
        assert not {pages[i]["site"] for i in training} & {pages[i]["site"] for i in test}
    assert sorted(np.concatenate([test for _training, test in folds]).tolist()) == list(range(len(pages)))
