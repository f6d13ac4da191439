"""The written verdict method holds for every claim: levels defined, groups agree, contradictions rest on trials."""

from __future__ import annotations

import pandas as pd
import pytest

from core.analysis import verdicts, vocab
from core.data import load
from tests.conftest import needs_seeds, tiny
from tests.test_provenance import seed_text

DATASET = load()
CLAIM_IDS = list(DATASET.claims["id"])
GROUP_IDS = list(DATASET.claim_groups["id"])
RATED = list(DATASET.claims.loc[~DATASET.claims["verdict"].isin(vocab.NO_VERDICT), "id"])


def _claim(dataset, claim_id: str) -> pd.Series:
    return dataset.claims.set_index("id").loc[claim_id]


def _source_pool_text(dataset, source_id: str) -> str:
    """The seed page, plus our reading of its dose table (run-together table cells cannot be read as numbers)."""
    regimens = dataset.regimens[dataset.regimens["source_id"] == source_id]
    doses = " ".join(
        f"{v:.0f}" for column in ("dose_low", "dose_high", "total_printed") for v in regimens[column].dropna()
    )
    return f"{seed_text(dataset, source_id)} {doses}"


# --- the method table ----------------------------------------------------------------------------


def test_every_verdict_used_is_defined(dataset):
    assert set(dataset.claims["verdict"]) <= set(dataset.verdicts["verdict"])
    assert set(dataset.claim_groups["verdict"]) <= set(dataset.verdicts["verdict"])


@pytest.mark.parametrize("column", ["definition", "evidence_required", "example"])
def test_every_level_is_written_out(dataset, column):
    assert (dataset.verdicts[column].str.len() > 40).all()


def test_levels_keep_the_shared_vocabulary_and_a_strict_order(dataset):
    assert len(dataset.verdicts) == 7
    assert sorted(dataset.verdicts["order"]) == list(range(1, 8))
    worst = dataset.verdicts.sort_values("order")["verdict"].iloc[0]
    assert worst == "contradicted by evidence"


def test_contradicted_level_states_what_it_needs(dataset):
    level = dataset.verdicts.set_index("verdict").loc["contradicted by evidence"]
    assert "randomised trial" in level["evidence_required"]
    assert "harm" in level["evidence_required"]


# --- per claim -----------------------------------------------------------------------------------


@pytest.mark.parametrize("claim_id", CLAIM_IDS)
def test_claim_has_certainty_and_check_date(dataset, claim_id):
    claim = _claim(dataset, claim_id)
    assert claim["certainty"] in ("high", "moderate", "low", "very low", "not graded")
    assert pd.Timestamp(claim["checked_on"]) <= pd.Timestamp.now()
    # 'not graded' is reserved for claims we did not rate.
    assert (claim["certainty"] == "not graded") == (claim["verdict"] in vocab.NO_VERDICT)


@pytest.mark.parametrize(
    "claim_id", list(DATASET.claims.loc[DATASET.claims["verdict"] == "contradicted by evidence", "id"])
)
def test_contradicted_cites_a_randomised_trial_a_review_or_a_harm(dataset, claim_id):
    claim = _claim(dataset, claim_id)
    kinds = set(dataset.evidence.set_index("id").loc[list(claim["evidence_ids"]), "kind"])
    assert kinds & set(verdicts.CONTROLLED_KINDS) or claim["harm_ids"]


def test_no_contradicted_claim_rests_on_absence_of_evidence(dataset):
    assert verdicts.contradicted_without_controlled_evidence(dataset) == []


def test_contradiction_check_catches_a_verdict_resting_on_commentary():
    ds = tiny(
        evidence=[{"id": "opinion", "kind": "review or commentary"}, {"id": "rct", "kind": "randomised trial"}],
        claims=[
            {"id": "a", "verdict": "contradicted by evidence", "evidence_ids": ("opinion",), "harm_ids": ()},
            {"id": "b", "verdict": "contradicted by evidence", "evidence_ids": ("rct",), "harm_ids": ()},
            {"id": "c", "verdict": "contradicted by evidence", "evidence_ids": (), "harm_ids": ("outbreak",)},
        ],
    )
    assert verdicts.contradicted_without_controlled_evidence(ds) == ["a"]


@pytest.mark.parametrize("group_id", GROUP_IDS)
def test_claim_group_has_exactly_one_verdict(dataset, group_id):
    members = dataset.claims[dataset.claims["claim_group"] == group_id]
    group_verdict = dataset.claim_groups.set_index("id").loc[group_id, "verdict"]
    assert not members.empty
    assert set(members["verdict"]) == {group_verdict}


def test_split_group_check_names_the_group():
    ds = tiny(
        claim_groups=[{"id": "g", "verdict": "misleading"}],
        claims=[
            {"id": "a", "claim_group": "g", "verdict": "misleading"},
            {"id": "b", "claim_group": "g", "verdict": "partly supported"},
        ],
    )
    assert verdicts.groups_with_split_verdicts(ds) == {"g": ["misleading", "partly supported"]}


@needs_seeds
@pytest.mark.parametrize("claim_id", RATED)
def test_every_number_in_a_verdict_note_is_in_the_rows_it_cites(dataset, claim_id):
    claim = _claim(dataset, claim_id)
    pool = verdicts.cited_pool(
        dataset,
        claim["evidence_ids"],
        claim["regulatory_ids"],
        claim["harm_ids"],
        _source_pool_text(dataset, claim["source_id"]),
    )
    assert verdicts.unsupported_numbers(claim["verdict_note"], pool) == []


@pytest.mark.parametrize("row_id", list(DATASET.evidence_summary["id"]))
def test_every_number_in_the_summary_of_findings_is_in_its_rows(dataset, row_id):
    row = dataset.evidence_summary.set_index("id").loc[row_id]
    pool = verdicts.cited_pool(dataset, row["evidence_ids"], (), row["harm_ids"])
    assert verdicts.unsupported_numbers(f"{row['outcome']} {row['effect_plain']} {row['note']}", pool) == []
    assert pd.isna(row["participants"]) or row["participants"] in pool
    # One trial is counted, not printed: it must then be a single randomised trial among the cited rows.
    kinds = dataset.evidence.set_index("id").loc[list(row["evidence_ids"]), "kind"]
    if pd.notna(row["trials"]):
        assert row["trials"] in pool or (row["trials"] == 1 and (kinds == "randomised trial").any())


def test_summary_of_findings_covers_the_four_questions(dataset):
    questions = " ".join(dataset.evidence_summary["question"] + " " + dataset.evidence_summary["outcome"]).lower()
    for topic in ("knee", "mri", "disc", "safe"):
        assert topic in questions


# --- number reading ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("480 participants", {480}),
        ("about 0.7 points", {0.7}),
        ("24.5% of patients", {24.5}),
        ("$5,156 on average", {5156}),
        ("150 million cells", {150_000_000}),
        ("10 to 150 million", {10_000_000, 150_000_000}),
        ("250-400 million", {250_000_000, 400_000_000}),
        ("on a 0-10 scale", {0, 10}),
        ("2-3 mL", {2, 3}),
        ("NCT05066334", set()),
    ],
)
def test_numbers_are_read_with_their_scale(text, expected):
    assert verdicts.numbers_in(text) == expected


@pytest.mark.parametrize(
    ("note", "row_text", "missing"),
    [
        ("In 480 patients", "A trial of 480 participants", []),
        ("about 0.7 points", "WMD -0.74 cm; about 0.7 points", []),
        ("about 0.8 points", "about 0.7 points", [0.8]),
        ("150 million cells", "doses of 150 patients", [150_000_000]),
        ("48 of 480 people", "480 participants", [48]),
        ("42 of 43 trials (our arithmetic from 'all but one').", "all but one of 43 trials", []),
    ],
)
def test_note_numbers_are_checked_strictly(note, row_text, missing):
    assert verdicts.unsupported_numbers(note, verdicts.number_pool([row_text])) == missing


# --- views ---------------------------------------------------------------------------------------


def test_verdict_method_lists_levels_worst_first_with_counts(dataset):
    method = verdicts.verdict_method(dataset)
    assert list(method["verdict"]) == list(dataset.verdicts.sort_values("order")["verdict"])
    assert method["claims"].sum() == len(dataset.claims)


def test_evidence_checked_on_is_the_oldest_check():
    ds = tiny(claims=[{"checked_on": "2026-11-30"}, {"checked_on": "2026-10-02"}])
    assert verdicts.evidence_checked_on(ds) == "2026-10-02"
    assert verdicts.checked_on_words("2026-10-02") == "2 October 2026"


def test_summary_of_findings_reads_sizes_and_sources(dataset):
    sof = verdicts.summary_of_findings(dataset).set_index("id")
    assert sof.loc["sof-knee-pain-steroid", "size"] == "1 trial, 480 people"
    # The knee review's abstract does not say how many of its 16 trials (807 people) the 3-6-month estimate pools.
    assert sof.loc["sof-knee-pain-placebo", "size"] == "size not stated"
    assert "MILES" in sof.loc["sof-knee-pain-steroid", "sources"]
    assert sof.loc["sof-knee-pain-12m", "size"] == "size not stated"
    assert dataset.evidence_summary["evidence_ids"].map(type).eq(tuple).all()  # the dataset frame is untouched


def test_approval_status_names_the_approved_knee_products_without_row_ids(dataset):
    status = verdicts.approval_status(dataset)
    assert "MACI (2016)" in status.exception
    assert "Carticel (1997)" in status.exception
    assert "MACI" not in status.detail  # pages join detail and exception; saying it twice would repeat it
    assert {"fda_maci_2016", "fda_patient_info_2021"} <= set(status.row_ids)
    for text in (status.headline, status.detail, status.exception):
        assert not any(row_id in text for row_id in dataset.regulatory["id"])


def test_a_new_approval_row_changes_the_finding():
    base = {"kind": "approval", "jurisdiction": "United States", "date": "2016-12"}
    one = tiny(regulatory=[{"id": "a", "title": "FDA approves MACI for knee defects", "product": "MACI", **base}])
    assert "product FDA has approved, MACI (2016), is" in verdicts.approval_status(one).exception
    two = tiny(
        regulatory=[
            {"id": "a", "title": "FDA approves MACI for knee defects", "product": "MACI", **base},
            {
                "id": "b",
                "title": "FDA approves Newcart for knee defects",
                "product": "Newcart",
                **base,
                "date": "2027-01",
            },
        ]
    )
    assert "MACI (2016) and Newcart (2027)" in verdicts.approval_status(two).exception
    assert verdicts.approval_status(two).row_ids[-2:] == ("a", "b")


def test_approval_status_without_a_knee_approval_has_no_exception():
    ds = tiny(regulatory=[{"id": "fda_patient_info_2021"}])
    status = verdicts.approval_status(ds)
    assert status.exception == ""
    assert status.row_ids == ("fda_patient_info_2021",)


def test_claim_verdict_detail_carries_level_group_and_rows(dataset):
    detail = verdicts.claim_verdict_detail(dataset, "c001-03")
    assert detail.verdict == "misleading"
    assert detail.definition == dataset.verdicts.set_index("verdict").loc["misleading", "definition"]
    assert detail.group_id == "cells-become-cartilage"
    assert len(detail.group_claim_ids) == 7  # the 'fat cells differentiate' claim joined the group in December 2026
    assert detail.certainty == "low"
    assert list(detail.evidence["id"]) == list(_claim(dataset, "c001-03")["evidence_ids"])


def test_claim_verdict_detail_refuses_an_unknown_claim(dataset):
    with pytest.raises(KeyError):
        verdicts.claim_verdict_detail(dataset, "c999-99")


def test_changes_log_names_the_rows_it_touched(dataset):
    known = set(dataset.claims["id"]) | set(dataset.evidence["id"]) | set(dataset.regulatory["id"])
    known |= set(dataset.harms["id"]) | set(dataset.topics["id"]) | set(dataset.routes["id"])
    known |= set(dataset.glossary["term"]) | set(dataset.claim_groups["id"]) | set(dataset.evidence_summary["id"])
    known |= set(dataset.verdicts["verdict"]) | set(dataset.sources["id"]) | {"claim_groups"}
    tables = {r["name"] for r in dataset.package["resources"]}
    touched = {i for rows in dataset.changes["rows_affected"] for i in rows}
    # 'table:row' names a row whose id repeats across tables, or one that has since been removed.
    assert {i for i in touched if ":" not in i} <= known
    assert {i.split(":", 1)[0] for i in touched if ":" in i} <= tables


def test_claims_page_labels_cover_exactly_the_written_levels(dataset):
    from core.analysis import vocab

    fields = dataset.resource("claims")["schema"]["fields"]
    enum = next(f for f in fields if f["name"] == "verdict")["constraints"]["enum"]
    assert set(vocab.verdicts(dataset).order) == set(enum)


@pytest.mark.parametrize("table", ["claims", "claim_groups", "verdicts", "evidence_summary"])
def test_on_screen_sentences_carry_no_row_ids(dataset, table):
    ids = set(dataset.evidence["id"]) | set(dataset.regulatory["id"]) | set(dataset.harms["id"])
    ids |= set(dataset.claims["id"])
    columns = {"claims": ["verdict_note"], "claim_groups": ["label", "rationale"],
               "verdicts": ["definition", "evidence_required", "example"],
               "evidence_summary": ["question", "outcome", "effect_plain", "note"]}[table]  # fmt: skip
    text = " ".join(" ".join(dataset.table(table)[c]) for c in columns)
    assert not [i for i in ids if i in text]
