"""Mechanisms, Claims vs evidence, Evidence & regulation and the Sources checklist, through AppTest with URL filters."""

from __future__ import annotations

from core.claims import claims_with_sources, filter_claims
from core.rubric import score_source
from tests.test_pages import all_text, open_page

MECHANISMS = "pages/4_Mechanisms.py"
CLAIMS = "pages/5_Claims.py"
EVIDENCE = "pages/6_Evidence.py"
SOURCES = "pages/1_Sources.py"


def plain(text: str) -> str:
    return text.replace("\\", "")


def card_ids(at) -> list[str]:
    """The claim ids of the cards shown, read from each card's header line ('… · `c000-07`')."""
    headers = (m.value.split("\n", 1)[0] for m in at.markdown if "· stated" in m.value and "`c" in m.value)
    return [header.rsplit("`", 2)[1] for header in headers]


# --- Mechanisms ----------------------------------------------------------------------------------


def test_mechanisms_page_shows_every_mechanism_with_evidence(dataset):
    at = open_page(MECHANISMS)
    assert not at.exception
    assert at.title[0].value == "Mechanisms"
    assert [s.value for s in at.subheader] == list(dataset.topics.loc[dataset.topics["kind"] == "mechanism", "id"])
    text = plain(all_text(at))
    assert "What studies show: contradicted." in text
    assert "Who claims it:" in text


def test_mechanisms_page_filters_from_the_url(dataset):
    at = open_page(MECHANISMS, {"mechanism": "disc repair"})
    assert not at.exception
    assert at.selectbox(key="mechanism").value == "disc repair"
    assert [s.value for s in at.subheader] == ["disc repair"]
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


def test_claims_page_shows_a_first_page_of_cards(dataset):
    at = open_page(CLAIMS)
    assert not at.exception
    assert f"{len(dataset.claims)} of {len(dataset.claims)} claims match" in plain(all_text(at))
    ids = card_ids(at)
    assert ids == sorted(dataset.claims["id"])[: len(ids)]
    assert 5 <= len(ids) <= 20
    assert any("Showing 1–" in c.value for c in at.caption)


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
    expected = filter_claims(claims_with_sources(dataset), ["regulation", "cost"], ["nbscience"], ["misleading"])
    assert card_ids(at) == list(expected["id"])
    text = plain(all_text(at))
    assert "The page says" in text
    assert "Regulators say" in text
    assert "Spain, 2021" in text


def test_claims_card_shows_evidence_with_certainty_and_verification_flags():
    at = open_page(CLAIMS, {"topic": "pain modulation", "source": "vega"})
    text = plain(all_text(at))
    assert card_ids(at) == ["c000-07"]
    assert "certainty: moderate" in text
    assert "⚠ partly verified" in text  # knee_grade_ma is only partly verified
    assert "000_bc7969e74c9add27.txt" in text


def test_claims_page_paginates_through_the_url(dataset):
    at = open_page(CLAIMS, {"page": "2"})
    assert not at.exception
    first_page = card_ids(open_page(CLAIMS))
    second_page = card_ids(at)
    assert second_page
    assert not set(first_page) & set(second_page)
    assert second_page[0] == sorted(dataset.claims["id"])[len(first_page)]


def test_claims_page_goes_back_to_page_one_when_filters_shrink_the_list():
    at = open_page(CLAIMS, {"page": "5"})
    at.multiselect(key="source").set_value(["a1a9u"]).run()
    assert not at.exception
    assert at.selectbox(key="page").value == "1"
    assert all(i.startswith("c003") for i in card_ids(at))


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
    studies = next(df.value for df in at.dataframe if "short_name" in df.value.columns and "pubmed_link" in df.value)
    assert len(studies) == len(dataset.evidence)
    assert {"verification", "doi_link", "nct_link"} <= set(studies.columns)
    harms = next(df.value for df in at.dataframe if "what_happened" in df.value.columns)
    assert len(harms) == len(dataset.harms)
    assert any("first day" in c.value for c in at.caption)


def test_evidence_page_filters_the_table_by_condition_from_the_url(dataset):
    at = open_page(EVIDENCE, {"condition": "discogenic low back pain"})
    assert not at.exception
    assert at.selectbox(key="condition").value == "discogenic low back pain"
    studies = next(df.value for df in at.dataframe if "pubmed_link" in df.value.columns)
    assert set(studies["condition"]) == {"discogenic low back pain"}
    assert len(studies) == (dataset.evidence["condition"] == "discogenic low back pain").sum()


# --- Sources: source quality ---------------------------------------------------------------------


def test_sources_page_shows_each_pages_checklist_with_quotes_or_absences(dataset):
    at = open_page(SOURCES, {"source": "shadesofgreen"})
    assert not at.exception
    summary = score_source(dataset, "shadesofgreen").summary()
    assert any(summary in e.label for e in at.expander)
    text = plain(all_text(at))
    assert "Date: yes." in text
    assert "Nov 11, 2025" in text
    assert "Nothing on the page:" in text
    rubrics = next(df.value for df in at.dataframe if "citation" in df.value.columns)
    assert rubrics["citation"].str.contains("DISCERN").any()
    assert not at.exception
