"""The embeddable charts: one registry, a chart-only address that header rules can exempt, and safe snippets."""

from __future__ import annotations

import pytest

from core import report
from core.views import embed
from core.views import evidence as evidence_table


@pytest.mark.parametrize("chart_id", sorted(embed.CHARTS))
def test_every_embeddable_chart_has_a_title_a_caption_and_its_sources(dataset, chart_id):
    view = embed.embed_view(dataset, chart_id)
    assert view.title
    assert "cannot tell" in view.caption
    assert "Source" in view.caption
    assert view.spec.get("description")


@pytest.mark.parametrize(
    ("path", "query", "base", "expected"),
    [
        ("/", "embed_chart=dose_ladder&embed=true", "", True),
        ("", "embed_chart=dose_ladder", "", True),
        ("/app/", "embed_chart=claims_by_verdict", "app", True),
        ("/Claims", "embed_chart=dose_ladder", "", False),  # the canonical address is the root
        ("/", "embed_chart=nope", "", False),
        ("/", "embed_chart=dose_ladder&embed_chart=mechanism_matrix", "", False),
        ("/", "chart=dose_ladder", "", False),
        ("/", "", "", False),
    ],
)
def test_only_the_chart_only_address_may_be_framed(path, query, base, expected):
    assert embed.is_embed_request(path, query, base) is expected


def test_the_embed_address_uses_streamlits_own_embed_mode():
    assert embed.embed_url("https://h.org/app", "dose_ladder") == (
        "https://h.org/app/?embed_chart=dose_ladder&embed=true"
    )


def test_the_iframe_snippet_escapes_its_title():
    snippet = embed.iframe_snippet("https://h.org", "dose_ladder", 'A "quoted" <b>title</b>')
    assert "<b>" not in snippet
    assert 'title="A &quot;quoted&quot; &lt;b&gt;title&lt;/b&gt;"' in snippet
    assert 'src="https://h.org/?embed_chart=dose_ladder&amp;embed=true"' in snippet


@pytest.mark.parametrize(
    ("spec", "expected"),
    [
        ({"height": 600}, {"height": 300}),
        ({"height": {"step": 40}}, {"height": {"step": 20}}),
        ({"vconcat": [{"height": 100}, {"height": 50}]}, {"vconcat": [{"height": 50}, {"height": 25}]}),
        ({"width": 300}, {"width": 300}),
    ],
)
def test_shorter_scales_plot_heights_only(spec, expected):
    assert embed.shorter(spec, 0.5) == expected


def test_shorter_leaves_the_original_spec_alone():
    spec = {"height": 600, "vconcat": [{"height": 100}]}
    embed.shorter(spec, 0.5)
    assert spec == {"height": 600, "vconcat": [{"height": 100}]}


@pytest.mark.parametrize(
    ("spec", "title"),
    [({"title": "One"}, "One"), ({"title": {"text": ["Two", "lines"]}}, "Two lines"), ({}, "")],
)
def test_chart_title(spec, title):
    assert embed.chart_title(spec) == title


# --- the Evidence page's study table -------------------------------------------------------------


def test_study_table_puts_identifiers_first_and_fills_gaps(dataset):
    from core.analysis.claims import evidence_overview

    table = evidence_table.study_table(evidence_overview(dataset), {}, "https://h.org/Evidence")
    assert list(table.columns[:5]) == ["short_name", "pmid", "doi", "nct", "link"]
    assert (table[["pmid", "doi", "nct"]] != "").all().all()
    assert "None" not in set(table["pmid"]) | set(table["doi"]) | set(table["nct"])
    assert table["report"].isna().all()
    row = table.set_index("id").loc["miles2023"]
    assert row["link"] == "https://pubmed.ncbi.nlm.nih.gov/37919438/"


def test_study_table_carries_a_prefilled_report_per_study(dataset):
    from core.analysis.claims import evidence_overview

    config = {report.REPORT_EMAIL_ENV: "fix@example.org"}
    table = evidence_table.study_table(evidence_overview(dataset), config, "https://h.org/Evidence")
    assert table.set_index("id").loc["miles2023", "report"].startswith("mailto:fix@example.org?subject=Error")
    assert table["report"].str.contains("Error%20in%20study").all()
