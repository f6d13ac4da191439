"""Claims, mechanism topics and evidence: links that exist, no invented numbers, and the helpers behind the pages."""

from __future__ import annotations

import pandas as pd
import pytest

from core.analysis import claims as core_claims
from core.analysis import verdicts, vocab
from tests.conftest import tiny

EXEMPT = ("not assessed", "unverifiable")


# --- data ----------------------------------------------------------------------------------------


def test_every_claim_has_a_known_topic_and_source(dataset):
    assert dataset.claims["topic"].ne("").all()
    assert dataset.claims["source_id"].ne("").all()
    assert set(dataset.claims["topic"]) <= set(dataset.topics["id"])
    assert set(dataset.claims["source_id"]) <= set(dataset.sources["id"])


def test_every_rated_verdict_points_at_rows_that_exist(dataset):
    rated = dataset.claims[~dataset.claims["verdict"].isin(EXEMPT)]
    unsupported = rated[(rated["evidence_ids"].map(len) + rated["regulatory_ids"].map(len)) == 0]
    assert unsupported.empty, list(unsupported["id"])
    assert core_claims.dangling_links(dataset) == []


def test_every_verdict_is_defined_on_the_page(dataset):
    assert set(dataset.claims["verdict"]) <= set(vocab.verdicts(dataset).order)
    assert set(dataset.evidence["certainty"]) <= set(vocab.CERTAINTY)


def test_every_mechanism_topic_states_its_evidence(dataset):
    mechanisms = core_claims.mechanism_topics(dataset)
    assert len(mechanisms) == 8
    assert mechanisms["evidence_status"].ne("").all()
    assert (mechanisms["evidence_summary"].str.len() > 80).all()
    assert (mechanisms["evidence_ids"].map(len) >= 2).all()
    others = dataset.topics[dataset.topics["kind"] != "mechanism"]
    assert others["evidence_status"].eq("").all()


def test_mechanism_summaries_invent_no_numbers(dataset):
    invented = []
    for topic in core_claims.mechanism_topics(dataset).itertuples():
        pool = verdicts.cited_pool(dataset, topic.evidence_ids)
        invented += [f"{topic.id}: {n}" for n in verdicts.unsupported_numbers(topic.evidence_summary, pool)]
    assert not invented


def test_the_signalling_view_and_cell_fate_studies_back_differentiation(dataset):
    topic = dataset.topics.set_index("id").loc["differentiation/replacement"]
    assert {"caplan2017", "robey2017", "eggenhofer2012", "satue2019"} <= set(topic["evidence_ids"])
    # Commentary and tracking studies show the cells do not act this way; no trial tested it, so not 'contradicted'.
    assert topic["evidence_status"] == "not shown in controlled trials"


# --- core helpers --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("kind", "comparator", "group"),
    [
        ("randomised trial", "saline placebo injection", "placebo or sham"),
        ("randomised trial", "sham procedure", "placebo or sham"),
        ("randomised trial", "corticosteroid (steroid) injection", "another treatment or mixed controls"),
        ("meta-analysis", "patients' own baseline (before vs after)", "no comparison group"),
        ("case series", "none", "no comparison group"),
        ("non-randomised trial", "", "no comparison group"),
        ("animal study", "none", "not a test of benefit"),
        ("review or commentary", "", "not a test of benefit"),
    ],
)
def test_comparison_group(kind, comparator, group):
    assert core_claims.comparison_group(kind, comparator) == group


def test_filter_claims_is_an_and_of_three_choices(dataset):
    every = core_claims.claims_with_sources(dataset)
    everything = core_claims.filter_claims(
        every, list(dataset.topics["id"]), list(dataset.sources["id"]), list(vocab.verdicts(dataset).order)
    )
    assert len(everything) == len(dataset.claims)
    chosen = core_claims.filter_claims(every, ["cost"], ["nbscience"], ["consistent with evidence"])
    assert set(chosen["id"]) == {"c004-19", "c004-20"}
    assert core_claims.filter_claims(every, [], ["nbscience"], ["misleading"]).empty


def test_claims_with_sources_attributes_every_quote(dataset):
    every = core_claims.claims_with_sources(dataset)
    assert every["seed_file"].str.endswith(".txt").all()
    assert list(every["id"]) == sorted(dataset.claims["id"])


def test_linked_rows_keep_the_order_given(dataset):
    assert list(core_claims.linked_evidence(dataset, ["ma2020", "miles2023"])["id"]) == ["ma2020", "miles2023"]
    assert core_claims.linked_regulatory(dataset, ()).empty


def test_mechanism_matrix_takes_the_firmest_wording():
    ds = tiny(
        topics=[
            {"id": "disc repair", "kind": "mechanism", "evidence_status": "not shown in controlled trials"},
            {"id": "cost", "kind": "cost", "evidence_status": ""},
        ],
        sources=[
            {"id": "a", "short_label": "A", "seed_file": "a.txt"},
            {"id": "b", "short_label": "B", "seed_file": "b.txt"},
        ],
        claims=[
            {"id": "c1", "source_id": "a", "topic": "disc repair", "stated_as": "hedged"},
            {"id": "c2", "source_id": "a", "topic": "disc repair", "stated_as": "as fact"},
            {"id": "c3", "source_id": "b", "topic": "cost", "stated_as": "as fact"},
        ],
    )
    matrix = core_claims.mechanism_matrix(ds).set_index("source_id")
    assert len(matrix) == 2
    assert matrix.loc["a", "stated_as"] == "as fact"
    assert matrix.loc["a", "n_claims"] == 2
    assert matrix.loc["a", "strength"] > matrix.loc["b", "strength"]
    assert matrix.loc["b", "stated_as"] == "not claimed"
    assert matrix.loc["b", "status_short"] == "not shown"
    assert core_claims.who_claims(matrix.reset_index(), "disc repair") == "A (as fact)"


def test_real_matrix_covers_every_source_and_mechanism(dataset):
    matrix = core_claims.mechanism_matrix(dataset)
    assert len(matrix) == 8 * len(dataset.sources)
    assert matrix["n_claims"].sum() == dataset.claims["topic"].isin(matrix["topic"]).sum()


@pytest.mark.parametrize(
    ("date", "expected"), [("2021", "2021-01-01"), ("2012-01", "2012-01-01"), ("2024-12-18", "2024-12-18")]
)
def test_period_start(date, expected):
    assert core_claims.period_start(date) == pd.Timestamp(expected)


def test_timeline_records_date_precision(dataset):
    timeline = core_claims.regulatory_timeline(dataset)
    assert timeline["date_start"].is_monotonic_increasing
    assert set(timeline["precision"]) <= {"year", "month", "day"}
    assert timeline.set_index("id").loc["korea_cartistem_2012", "precision"] == "month"


def test_evidence_overview_builds_links_only_where_ids_exist(dataset):
    overview = core_claims.evidence_overview(dataset).set_index("id")
    assert overview.loc["caplan2017", "pubmed_link"] == "https://pubmed.ncbi.nlm.nih.gov/28452204/"
    assert overview.loc["dream2025", "doi_link"] == "https://doi.org/10.1002/jsp2.70086"
    assert overview.loc["mesoblast_p3", "nct_link"] == "https://clinicaltrials.gov/study/NCT02412735"
    assert overview.loc["miles2023", "size"] == "480 participants"
    assert overview.loc["gupta2016", "doses"].startswith("25 million, 50 million")
    assert dataset.evidence["doses_cells"].map(type).eq(tuple).all()  # the dataset frame is untouched


def test_key_results_are_computed_from_the_rows(dataset):
    results = core_claims.key_results(dataset)
    head_to_head = results[0]
    assert head_to_head.row_ids == ("miles2023",)
    assert "480" in head_to_head.headline
    pooled = next(r for r in results if "meta-analyses" in r.headline)
    assert set(pooled.row_ids) == {"knee_grade_ma", "knee_dose_ma2020", "ma2020", "cochrane2025"}
    disc = next(r for r in results if "disc trials" in r.headline)
    assert "dream2025" in disc.row_ids
    assert "Mesoblast" in disc.detail
    for result in results:
        assert set(result.row_ids) <= set(dataset.evidence["id"])


def test_harms_summary_counts_match_the_table(dataset):
    text = core_claims.harms_summary(dataset)
    assert f"Of the {len(dataset.harms)} harms" in text


def test_label_tables_define_every_label(dataset):
    assert list(vocab.verdicts(dataset).table()["verdict"]) == list(vocab.verdicts(dataset).order)
    assert vocab.certainty_table()["what it means"].str.len().gt(20).all()


@pytest.mark.parametrize(
    ("topic_id", "heading"),
    [("disc repair", "Disc repair"), ("differentiation/replacement", "Differentiation or replacement")],
)
def test_topic_heading_reads_as_words(topic_id, heading):
    assert core_claims.topic_heading(topic_id) == heading


def test_one_order_of_verdicts_in_the_filter_the_chart_and_the_method(dataset):
    from core.views import claims as claims_view

    view = claims_view.claims_page(dataset)
    order = list(vocab.verdicts(dataset).order)
    assert list(view.verdicts.order) == order
    assert list(view.verdicts.table()["verdict"]) == order
    legend = view.summary_chart["vconcat"][0]["encoding"]["color"]["scale"]["domain"]
    assert legend == [view.labels[v] for v in order]
    assert order[0] == "contradicted by evidence"


def test_stated_as_vocabulary_matches_the_schema(dataset):
    fields = dataset.resource("claims")["schema"]["fields"]
    enum = next(f for f in fields if f["name"] == "stated_as")["constraints"]["enum"]
    assert set(vocab.STATED_AS) == set(enum)
    assert set(vocab.UNSUPPORTED) | set(vocab.SUPPORTED) | set(vocab.NO_VERDICT) < set(vocab.verdicts(dataset).order)
