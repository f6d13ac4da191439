"""Mechanisms, Claims vs evidence, Evidence & regulation and the Sources checklist, through AppTest with URL filters."""

from __future__ import annotations

import re

from core.analysis import vocab
from core.analysis.claims import topic_heading
from core.analysis.rubric import score_source
from core.views import claims as claims_view
from tests.test_pages import all_text, open_page

MECHANISMS = "pages/4_Mechanisms.py"
CLAIMS = "pages/5_Claims.py"
EVIDENCE = "pages/6_Evidence.py"
SOURCES = "pages/1_Sources.py"


def plain(text: str) -> str:
    """Markdown as a reader sees it: without md_escape's backslashes and invisible word joiners."""
    return text.replace("\\", "").replace("\u2060", "")


# --- Mechanisms ----------------------------------------------------------------------------------


def test_mechanisms_page_shows_every_mechanism_with_evidence(dataset):
    at = open_page(MECHANISMS)
    assert not at.exception
    assert at.title[0].value == "Mechanisms"
    assert [plain(s.value) for s in at.subheader] == [
        topic_heading(t) for t in dataset.topics.loc[dataset.topics["kind"] == "mechanism", "id"]
    ]
    text = plain(all_text(at))
    assert "What studies show:" in text
    assert "Who claims it:" in text


def test_mechanisms_page_filters_from_the_url(dataset):
    at = open_page(MECHANISMS, {"mechanism": "disc repair"})
    assert not at.exception
    assert at.selectbox(key="mechanism").value == "disc repair"
    assert [s.value for s in at.subheader] == ["Disc repair"]
    at.toggle(key="details_disc repair").set_value(True).run()
    text = plain(all_text(at))
    assert "DREAM" in text
    # The quotes of every claim on the topic are shown, attributed to their seed files.
    quotes = dataset.claims.loc[dataset.claims["topic"] == "disc repair", "quote"]
    for quote in quotes:
        assert quote[:40] in text


def test_mechanisms_page_ignores_an_unknown_mechanism():
    at = open_page(MECHANISMS, {"mechanism": "telepathy"})
    assert not at.exception
    assert at.selectbox(key="mechanism").value == "all"
    assert any("ignored" in w.value for w in at.warning)


# --- Claims vs evidence --------------------------------------------------------------------------


def claim_lines(at) -> list[str]:
    """The one-line claims shown (expander labels), in page order."""
    return [e.label for e in at.expander if "“" in e.label]


def expected_lines(dataset, claims, *, guess: bool = False) -> list[str]:
    labels = vocab.verdicts(dataset).labels
    return [claims_view.line_label(c, labels, guess=guess) for c in claims.itertuples()]


def test_claims_page_opens_with_the_summary_chart_and_the_worst_claims(dataset):
    at = open_page(CLAIMS)
    assert not at.exception
    assert at.get("vega_lite_chart")
    assert f"{len(dataset.claims)} of {len(dataset.claims)} claims match" in plain(all_text(at))
    ordered = claims_view.patient_order(dataset)
    lines = claim_lines(at)
    assert lines == expected_lines(dataset, ordered.head(len(lines)))
    assert 10 <= len(lines) <= 20
    assert any("Showing 1–" in c.value for c in at.caption)


def test_claims_are_ordered_worst_verdict_first_then_stated_as_fact(dataset):
    ordered = claims_view.patient_order(dataset)
    rank = vocab.verdicts(dataset).rank()
    ranks = list(ordered["verdict"].map(rank))
    assert ranks == sorted(ranks)
    first_rank = ordered[ordered["verdict"].map(rank) == ranks[0]]
    stated = list(first_rank["stated_as"])
    assert stated == sorted(stated, key=lambda s: s != "as fact")


def test_claim_lines_show_no_ids_or_file_names(dataset):
    text = " ".join(claim_lines(open_page(CLAIMS))) + plain(all_text(open_page(CLAIMS)))
    assert not re.search(r"\b[rc]\d{3}-\d{2}\b|\.txt\b", text)


def test_claims_page_definitions_are_on_the_page(dataset):
    at = open_page(CLAIMS)
    at.toggle(key="labels").set_value(True).run()
    tables = [df.value for df in at.dataframe]
    assert any("verdict" in t.columns and set(dataset.claims["verdict"]) <= set(t["verdict"]) for t in tables)
    assert any("certainty" in t.columns and "very low" in set(t["certainty"]) for t in tables)


def test_claims_page_filters_by_topic_source_and_verdict_from_the_url(dataset):
    at = open_page(CLAIMS, {"topic": "regulation,cost", "source": "nbscience", "verdict": "misleading"})
    assert not at.exception
    assert at.multiselect(key="topic").value == ["regulation", "cost"]
    ordered = claims_view.patient_order(dataset)
    expected = claims_view.filter_ordered(ordered, ["regulation", "cost"], ["nbscience"], ["misleading"])
    assert claim_lines(at) == expected_lines(dataset, expected)
    text = plain(all_text(at))
    assert "Regulators say" in text


def test_claims_card_shows_evidence_with_certainty_and_verification_flags(dataset):
    at = open_page(CLAIMS, {"topic": "pain modulation", "source": "vega"})
    text = plain(all_text(at))
    assert len(claim_lines(at)) == 1
    linked = dataset.evidence[
        dataset.evidence["id"].isin(dataset.claims.set_index("id").loc["c000-07", "evidence_ids"])
    ]
    assert all(f"certainty: {c}" in text for c in linked["certainty"])
    assert ("⚠" in text) == (linked["verification"] != "verified").any()
    assert "000_bc7969e74c9add27.txt" not in text


def test_claims_card_shows_the_verdict_method_certainty_date_and_group(dataset):
    at = open_page(CLAIMS, {"topic": "differentiation/replacement", "source": "vega"})
    text = plain(all_text(at))
    claim = dataset.claims[(dataset.claims["topic"] == "differentiation/replacement")
                           & (dataset.claims["source_id"] == "vega")].iloc[0]  # fmt: skip
    level = dataset.verdicts.set_index("verdict").loc[claim["verdict"]]
    assert f"*What this verdict means:* {level['definition']}" in text
    assert f"*How sure we are:* {claim['certainty']} certainty, evidence checked" in text
    group_size = (dataset.claims["claim_group"] == claim["claim_group"]).sum()
    assert (f"It shares this verdict with {group_size - 1} similar claim" in text) == (group_size > 1)


def test_claims_card_shows_what_pooled_studies_show_when_it_cites_a_pooled_study(dataset):
    at = open_page(CLAIMS, {"topic": "pain relief and function"})
    text = plain(all_text(at))
    assert "What pooled studies show" in text
    # The knee review's abstract does not say how many of its 16 trials each estimate pools (third audit, Dec 2026).
    assert "moderate certainty; size not stated" in text


def test_claims_table_keeps_ids_and_archived_files_one_switch_away():
    at = open_page(CLAIMS, {"topic": "pain modulation", "source": "vega"})
    at.toggle(key="claims_table").set_value(True).run()
    table = next(df.value for df in at.dataframe if "archived_copy" in df.value.columns)
    assert list(table["id"]) == ["c000-07"]
    assert table["archived_copy"].iloc[0] == "000_bc7969e74c9add27.txt"


def test_guess_first_mode_from_the_url_hides_verdicts_until_revealed(dataset):
    at = open_page(CLAIMS, {"guess": "1", "topic": "pain modulation", "source": "vega"})
    assert not at.exception
    assert at.toggle(key="guess").value is True
    assert not at.get("vega_lite_chart")
    assert claim_lines(at) == expected_lines(dataset, dataset.claims[dataset.claims["id"] == "c000-07"], guess=True)
    assert "Our verdict:" not in plain(all_text(at))
    at.toggle(key="reveal_c000-07").set_value(True).run()
    assert "Our verdict:" in plain(all_text(at))


def test_guess_first_mode_writes_itself_into_the_url():
    at = open_page(CLAIMS)
    at.toggle(key="guess").set_value(True).run()
    assert at.query_params["guess"] == "1"


def test_claims_page_paginates_through_the_url(dataset):
    at = open_page(CLAIMS, {"page": "2"})
    assert not at.exception
    first_page = claim_lines(open_page(CLAIMS))
    second_page = claim_lines(at)
    assert second_page
    assert not set(first_page) & set(second_page)


def test_next_page_button_under_the_list_turns_the_page():
    at = open_page(CLAIMS)
    first = claim_lines(at)
    at.button(key="page_next").click().run()
    assert not at.exception
    assert at.selectbox(key="page").value == "2"
    assert claim_lines(at)[0] != first[0]


def test_claims_page_goes_back_to_page_one_when_filters_shrink_the_list():
    at = open_page(CLAIMS, {"page": "5"})
    at.multiselect(key="source").set_value(["a1a9u"]).run()
    assert not at.exception
    assert at.selectbox(key="page").value == "1"


def test_claims_page_ignores_unknown_filter_values():
    at = open_page(CLAIMS, {"verdict": "<b>true</b>", "page": "999"})
    assert not at.exception
    assert len(at.warning) == 2
    assert at.selectbox(key="page").value == "1"


# --- Evidence & regulation -----------------------------------------------------------------------


def test_evidence_page_states_key_results_and_lists_every_study(dataset):
    at = open_page(EVIDENCE)
    assert not at.exception
    text = plain(all_text(at))
    assert "The largest head-to-head knee trial, MILES trial" in text
    assert "randomised disc trials" in text
    studies = next(df.value for df in at.dataframe if "short_name" in df.value.columns and "pmid" in df.value)
    assert len(studies) == len(dataset.evidence)
    assert {"verification", "doi", "nct", "link"} <= set(studies.columns)
    harms = next(df.value for df in at.dataframe if "what_happened" in df.value.columns)
    assert len(harms) == len(dataset.harms)
    assert any("first day" in c.value for c in at.caption)


def test_harms_table_says_not_stated_instead_of_showing_an_empty_count(dataset):
    at = open_page(EVIDENCE)
    harms = next(df.value for df in at.dataframe if "what_happened" in df.value.columns)
    assert harms["n_patients"].notna().all()
    assert ("not stated" in set(harms["n_patients"])) == dataset.harms["n_patients"].isna().any()


def test_evidence_page_filters_the_table_by_condition_from_the_url(dataset):
    at = open_page(EVIDENCE, {"condition": "discogenic low back pain"})
    assert not at.exception
    assert at.selectbox(key="condition").value == "discogenic low back pain"
    studies = next(df.value for df in at.dataframe if "pmid" in df.value.columns)
    assert set(studies["condition"]) == {"discogenic low back pain"}
    assert len(studies) == (dataset.evidence["condition"] == "discogenic low back pain").sum()


# --- Sources: source quality ---------------------------------------------------------------------


def test_sources_page_shows_each_pages_checklist_with_quotes_or_absences(dataset):
    at = open_page(SOURCES, {"source": "shadesofgreen"})
    assert not at.exception
    summary = score_source(dataset, "shadesofgreen").summary()
    assert any(summary in plain(e.label) for e in at.expander)
    text = plain(all_text(at))
    assert "Date: yes." in text
    assert "Nov 11, 2025" in text
    assert "Nothing on the page:" in text
    assert not any("citation" in df.value.columns for df in at.dataframe)  # the rubric tables wait for their switch
    at.toggle(key="rubrics").set_value(True).run()
    rubrics = next(df.value for df in at.dataframe if "citation" in df.value.columns)
    assert rubrics["citation"].str.contains("DISCERN").any()
    assert not at.exception
