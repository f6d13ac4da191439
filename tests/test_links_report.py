"""Permalinks, study links and prefilled 'Report an error' addresses: pure URL building in core."""

from __future__ import annotations

from urllib.parse import parse_qs, urlsplit

import pytest

from core import links, report


@pytest.mark.parametrize(
    ("row", "expected"),
    [
        ({"pmid": "37919438", "doi": "", "nct": ""}, ["https://pubmed.ncbi.nlm.nih.gov/37919438/"]),
        ({"pmid": "", "doi": "10.1002/stem.1634", "nct": ""}, ["https://doi.org/10.1002/stem.1634"]),
        ({"pmid": "", "doi": "", "nct": "NCT03818737"}, ["https://clinicaltrials.gov/study/NCT03818737"]),
        ({"pmid": "", "doi": "10.1016/S0140(20)x", "nct": ""}, ["https://doi.org/10.1016/S0140%2820%29x"]),
        ({"pmid": "12a", "doi": "not a doi", "nct": "NCT1"}, []),
        ({"pmid": None, "doi": None}, []),
    ],
)
def test_study_links(row, expected):
    assert [link.url for link in links.study_links(row)] == expected


@pytest.mark.parametrize(
    ("url", "root"),
    [
        ("http://localhost:8501/Claims?claim=c000-01", "http://localhost:8501"),
        ("https://host.org/app/Claims", "https://host.org/app"),
        ("https://host.org/app/", "https://host.org/app"),
        ("https://host.org/", "https://host.org"),
        ("javascript:alert(1)", ""),
        ("", ""),
    ],
)
def test_app_root(url, root):
    assert links.app_root(url, ["Claims", "Evidence"]) == root


def test_claim_permalink_quotes_its_id():
    assert links.claim_permalink("https://h.org/", "c000-01") == "https://h.org/Claims?claim=c000-01"
    assert links.claim_permalink("https://h.org", "a b&c") == "https://h.org/Claims?claim=a%20b%26c"


# --- report an error -----------------------------------------------------------------------------


def test_without_an_address_the_report_says_how_to_reach_the_maintainers():
    made = report.claim_report({}, "c000-01", "Stem cells cure all", "https://h.org/Claims?claim=c000-01")
    assert made.url is None
    assert "no reporting address" in made.label


def test_a_tracker_address_gets_title_and_body():
    config = {report.REPORT_URL_ENV: "https://github.com/o/r/issues/new?labels=data&title=old"}
    made = report.claim_report(config, "c000-01", "Stem cells cure all", "https://h.org/Claims?claim=c000-01")
    parts = urlsplit(made.url)
    assert (parts.scheme, parts.netloc, parts.path) == ("https", "github.com", "/o/r/issues/new")
    query = parse_qs(parts.query)
    assert query["labels"] == ["data"]
    assert query["title"] == ["Error in claim c000-01: Stem cells cure all"]
    assert "“Stem cells cure all”" in query["body"][0]
    assert "https://h.org/Claims?claim=c000-01" in query["body"][0]


def test_an_email_address_gets_a_mailto_with_subject_and_body():
    made = report.study_report({report.REPORT_EMAIL_ENV: "fix@example.org"}, "miles2023", "MILES trial", "Evidence")
    assert made.url.startswith("mailto:fix@example.org?subject=Error%20in%20study%20miles2023")
    assert "+" not in made.url
    assert "MILES%20trial" in made.url


@pytest.mark.parametrize(
    "config",
    [
        {report.REPORT_URL_ENV: "javascript:alert(1)"},
        {report.REPORT_URL_ENV: "https://x.org/a b"},
        {report.REPORT_EMAIL_ENV: "not an address"},
        {report.REPORT_EMAIL_ENV: "a@b.org?cc=evil@x.org"},
    ],
)
def test_an_unusable_setting_gives_no_link(config):
    assert report.chart_report(config, "dose_ladder", "Dose ladder", "https://h.org/?embed=dose_ladder").url is None


def test_the_tracker_wins_over_the_email():
    config = {report.REPORT_URL_ENV: "https://t.org/new", report.REPORT_EMAIL_ENV: "a@b.org"}
    assert report.destination(config) == ("url", "https://t.org/new")


def test_a_long_quote_is_shortened():
    made = report.claim_report({report.REPORT_EMAIL_ENV: "a@b.org"}, "c1", "word " * 1000, "https://h.org")
    assert len(made.body) < report.MAX_QUOTE_CHARS + 300
    assert len(made.subject) <= report.MAX_TITLE_CHARS


def test_a_hostile_doi_stays_inside_its_own_link():
    from core.views.cite import study_links_markdown

    text = study_links_markdown({"pmid": "", "doi": "10.1234/x)](javascript:alert(1)", "nct": ""})
    assert text.count("](") == 1
    assert "](https://doi.org/10.1234/x%29%5D%28javascript:alert%281%29)" in text


@pytest.mark.parametrize(("lang", "shown"), [("es", True), ("en", False)])
def test_a_study_links_its_publishers_own_spanish_summary_on_the_spanish_edition(dataset, lang, shown):
    from core.links import study_links

    row = dataset.evidence.set_index("id").loc["cochrane2025"].to_dict()
    labels = {link.label: link.url for link in study_links(row, lang)}
    assert ("Resumen oficial en español" in labels) is shown
    if shown:
        assert labels["Resumen oficial en español"].startswith("https://cochrane.org/es/CD013342/")
