"""Taking our work away, through AppTest: claim permalinks, ClaimReview downloads, error reports, embeds."""

from __future__ import annotations

import json

import pytest

from core import report
from core.views import claims as claims_view
from core.views import embed
from tests.test_pages import ENTRYPOINT, open_page

CLAIMS = "pages/5_Claims.py"
EVIDENCE = "pages/6_Evidence.py"
METHODS = "pages/9_Methods.py"


def claim_expanders(at):
    return [e for e in at.expander if "“" in e.label]


@pytest.mark.parametrize("claim_id", ["c002-05", "c004-03"])
def test_a_permalink_opens_its_claim_first_and_expanded(dataset, claim_id):
    at = open_page(CLAIMS, {"claim": claim_id})
    assert not at.exception
    first = claim_expanders(at)[0]
    claim = claims_view.patient_order(dataset).set_index("id").loc[claim_id]
    assert claim["quote"][:30].replace(",", "\\,").replace(".", "\\.") in first.label
    assert first.proto.expanded
    # The linked claim is not listed a second time under the summary.
    assert sum(claim["quote"][:30].replace(",", "\\,") in e.label for e in claim_expanders(at)) == 1


def test_a_permalink_opens_above_the_filters_and_the_chart():
    at = open_page(CLAIMS, {"claim": "c002-05"})
    kinds = [type(e).__name__ for e in at.main]
    assert kinds.index("Expander") < kinds.index("UnknownElement")  # the vega-lite chart
    assert at.main.subheader[0].value == "The claim you were linked to"


def test_an_unknown_claim_id_is_ignored_with_a_notice():
    at = open_page(CLAIMS, {"claim": "<b>nope</b>"})
    assert not at.exception
    assert any("ignored" in w.value for w in at.warning)
    assert not any(s.value == "The claim you were linked to" for s in at.subheader)


def test_every_open_card_offers_its_claimreview_record_and_a_report_line():
    at = open_page(CLAIMS, {"claim": "c000-01"})
    keys = [b.proto.id for b in at.get("download_button")]
    assert any("claimreview_pinned_c000-01" in key for key in keys)
    assert any(report.NO_ADDRESS[:40] in c.value.replace("\\", "").replace("\u2060", "") for c in at.caption)


def test_a_card_links_its_studies_to_pubmed_doi_and_the_trial_record():
    at = open_page(CLAIMS, {"claim": "c000-01"})
    text = "\n".join(m.value for m in at.markdown)
    assert "(https://pubmed.ncbi.nlm.nih.gov/37919438/)" in text
    assert "(https://clinicaltrials.gov/study/NCT03818737)" in text
    assert "(https://doi.org/10.1038/s41591-023-02632-w)" in text


def test_a_pooled_result_is_listed_once_per_card(dataset):
    at = open_page(CLAIMS, {"claim": "c000-01"})
    card = next(m.value for m in at.markdown if "What pooled studies show" in m.value)
    assert card.count("Do stem cell shots ease knee osteoarthritis pain") == 1
    assert card.count("About 0\\.7 points less pain on a 0\\-10 scale \\(0\\.74 cm") == 1


def test_the_report_link_is_prefilled_when_an_address_is_set(monkeypatch):
    monkeypatch.setenv(report.REPORT_URL_ENV, "https://tracker.example.org/issues/new")
    at = open_page(CLAIMS, {"claim": "c000-01"})
    buttons = [b.proto for b in at.get("link_button") if b.proto.label == report.LABEL]
    assert buttons
    assert buttons[0].url.startswith("https://tracker.example.org/issues/new?title=Error%20in%20claim%20c000-01")
    assert "Claims%3Fclaim%3Dc000-01" in buttons[0].url


def test_the_summary_chart_follows_the_filters(dataset):
    at = open_page(CLAIMS, {"verdict": "misleading"})
    at.toggle(key="data_claims_by_verdict").set_value(True).run()
    counts = next(df.value for df in at.dataframe if "facet" in df.value.columns)
    shown = (dataset.claims["verdict"] == "misleading").sum()
    assert counts.loc[counts["facet"] == "By page", "claims"].sum() == shown
    assert set(counts["verdict"]) == {"misleading"}


def test_claim_pages_are_named_without_file_order_numbers():
    at = open_page(CLAIMS, {"claim": "c000-01"})
    # The small print above the linked claim's quote names its page, with no file-order number.
    where = next(m.value for m in at.markdown if m.value.startswith(":small["))
    assert where.startswith(":small[Vega Stem Cell ·")


def test_methods_offers_every_claimreview_record():
    at = open_page(METHODS)
    assert not at.exception
    assert any("claimreview_all" in b.proto.id for b in at.get("download_button"))


def test_evidence_table_lists_identifiers_first_and_says_not_stated():
    at = open_page(EVIDENCE)
    studies = next(df.value for df in at.dataframe if "pmid" in df.value.columns)
    assert list(studies.columns[:5]) == ["short_name", "pmid", "doi", "nct", "link"]
    assert studies[["pmid", "doi", "nct", "funding"]].notna().all().all()
    assert "not stated" in set(studies["pmid"])
    assert studies["link"].notna().all()


# --- charts --------------------------------------------------------------------------------------


def test_a_chart_offers_its_embed_snippet_and_downloads():
    at = open_page(CLAIMS)
    at.toggle(key="data_claims_by_verdict").set_value(True).run()
    assert not at.exception
    code = next(c.value for c in at.code)
    assert "<iframe" in code
    assert "embed_chart=claims_by_verdict" in code
    keys = [b.proto.id for b in at.get("download_button")]
    for kind in ("csv", "png", "svg"):
        assert any(f"{kind}_claims_by_verdict" in key for key in keys)


@pytest.mark.parametrize("chart_id", sorted(embed.CHARTS))
def test_the_chart_only_view_shows_the_chart_its_caption_and_a_credit(chart_id):
    at = open_page(ENTRYPOINT, {embed.EMBED_QUERY_KEY: chart_id})
    assert not at.exception
    assert len(at.get("vega_lite_chart")) == 1
    assert len(at.caption) == 1
    assert next(b.proto.label for b in at.get("link_button")).startswith(embed.CREDIT)
    # Nothing else: no title, navigation, disclaimer box or sidebar.
    assert not at.title
    assert not at.sidebar.children
    assert not at.get("page_link")


def test_an_unknown_chart_id_says_so_plainly():
    at = open_page(ENTRYPOINT, {embed.EMBED_QUERY_KEY: "<script>"})
    assert not at.exception
    assert not at.get("vega_lite_chart")
    assert "not available" in at.info[0].value


def test_the_embed_view_works_from_any_page_address():
    at = open_page(CLAIMS, {embed.EMBED_QUERY_KEY: "dose_ladder"})
    assert not at.exception
    assert "Dose ladder" in at.get("vega_lite_chart")[0].proto.spec
    assert not at.title


def test_the_claimreview_record_in_a_card_is_the_exported_one(dataset):
    from core.analysis import claimreview

    record = claimreview.rooted(claimreview.records_by_id(dataset)["c000-01"], "https://h.org")
    assert record == claimreview.claim_review(dataset, "c000-01", "https://h.org")
    assert json.loads(claimreview.to_jsonld(record)) == record


def test_evidence_rows_offer_a_report_link_when_an_address_is_set(monkeypatch):
    monkeypatch.setenv(report.REPORT_URL_ENV, "https://tracker.example.org/issues/new")
    at = open_page(EVIDENCE)
    studies = next(df.value for df in at.dataframe if "pmid" in df.value.columns)
    assert studies["report"].str.startswith("https://tracker.example.org/issues/new?title=Error%20in%20study").all()


def test_evidence_rows_say_how_to_report_without_an_address():
    at = open_page(EVIDENCE)
    studies = next(df.value for df in at.dataframe if "pmid" in df.value.columns)
    assert "report" not in studies.columns
    assert any("no reporting address" in c.value.replace("\\", "") for c in at.caption)
