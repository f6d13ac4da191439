"""The five pages, Claims vs evidence and Evidence & regulation in Spanish: no English of ours, the same counts."""

from __future__ import annotations

import re

import pytest

from core.analysis import claimreview, rubric, vocab
from core.analysis import claims as claims_analysis
from core.analysis.claims import evidence_overview, key_results, regulatory_timeline
from core.charts import claims as claim_charts
from core.data.translate import localised
from core.views import claims as claims_view
from core.views import sources as sources_view
from tests.spanish_check import english_on_page
from tests.test_pages import open_page

SOURCES, CLAIMS, EVIDENCE = "pages/1_Sources.py", "pages/5_Claims.py", "pages/6_Evidence.py"

# Not interface text: a protocol row's reading (data) quotes the page's own English column headers, "Vía (Route)".
DATA_QUOTING_ENGLISH = re.compile(r"Vía \\\(Route\\\)")


def open_everything(at):
    """Turn on every switch a reader can (reveals, data tables, a card's extras), except the guess-first mode."""
    for toggle in at.toggle:
        if toggle.key not in ("guess", "studies") and not toggle.value:
            toggle.set_value(True)
    return at.run()


@pytest.fixture(scope="module")
def both(dataset):
    return dataset, localised(dataset, "es")


# --- pages ------------------------------------------------------------------------------------------

VIEWS = [
    (SOURCES, {}),
    (SOURCES, {"source": "stemcellu"}),
    (SOURCES, {"source": "shadesofgreen"}),
    (SOURCES, {"source": "vega"}),
    (CLAIMS, {}),
    (CLAIMS, {"guess": "1"}),
    (CLAIMS, {"topic": "regulation,cost", "source": "nbscience", "verdict": "misleading"}),
    (CLAIMS, {"claim": "c000-04"}),
    (EVIDENCE, {}),
    (EVIDENCE, {"studies": "all", "condition": "knee osteoarthritis"}),
]


@pytest.mark.parametrize(("path", "query"), VIEWS)
def test_page_in_spanish_has_no_english_at_all(path, query):
    at = open_everything(open_page(path, {"lang": "es", **query}))
    assert not at.exception
    assert [text for text in english_on_page(at) if not DATA_QUOTING_ENGLISH.search(text)] == []


def test_guess_first_mode_reveals_a_verdict_in_spanish():
    at = open_page(CLAIMS, {"lang": "es", "guess": "1"})
    first = next(t for t in at.toggle if t.key.startswith("reveal_"))
    at = first.set_value(True).run()
    assert not at.exception
    assert any(m.value.startswith("**Nuestro veredicto:") for m in at.markdown)
    assert [text for text in english_on_page(at) if not DATA_QUOTING_ENGLISH.search(text)] == []


def test_filters_show_spanish_and_keep_codes_in_the_link():
    at = open_page(CLAIMS, {"lang": "es", "topic": "cost"})
    topic = at.multiselect(key="topic")
    assert topic.value == ["cost"]
    assert "coste" in topic.options
    at = topic.select("root cause").run()
    assert at.query_params["topic"] in ("cost,root cause", ["cost,root cause"])


def test_condition_filter_shows_spanish_and_keeps_the_code():
    at = open_page(EVIDENCE, {"lang": "es", "condition": "knee osteoarthritis"})
    assert at.selectbox(key="condition").value == "knee osteoarthritis"
    assert "artrosis de rodilla" in at.selectbox(key="condition").options


def test_a_shown_date_reads_in_spanish():
    at = open_page(SOURCES, {"lang": "es", "source": "shadesofgreen"})
    assert any("11 de noviembre de 2025" in m.value for m in at.markdown)


def test_claim_quote_is_verbatim_on_the_card_and_the_line_gives_our_translation(both):
    ds, es = both
    at = open_page(CLAIMS, {"lang": "es", "claim": "c000-04"})
    quote = ds.claims.set_index("id").loc["c000-04", "quote"]
    card = next(m.value for m in at.markdown if "> “" + quote.split(",")[0] in m.value)
    translation = es.claims.set_index("id").loc["c000-04", "quote_translation"]
    assert "Traducción nuestra" in card
    assert translation.split(",")[0] in card
    line = at.expander[[e.label for e in at.expander].index(next(e.label for e in at.expander if "nuestra" in e.label))]
    assert "(traducción nuestra)" in line.label
    assert quote not in line.label


def test_the_sources_page_shows_our_translation_under_each_quote(both):
    _, es = both
    at = open_page(SOURCES, {"lang": "es", "source": "stemcellu"})
    text = "\n".join(m.value for m in at.markdown) + "\n".join(c.value for c in at.caption)
    assert "Traducción nuestra" in text
    first = es.claims.loc[es.claims["source_id"] == "stemcellu", "quote_translation"].iloc[0]
    assert first[:30] in text.replace("\\", "")


# --- quotes in the data -------------------------------------------------------------------------


def test_quotes_are_verbatim_in_both_editions_with_a_translation_only_in_spanish(both):
    ds, es = both
    assert es.claims["quote"].equals(ds.claims["quote"])
    assert "quote_translation" not in ds.claims.columns
    assert (es.claims["quote_translation"] != "").all()
    assert (es.claims["quote_translation"] != es.claims["quote"]).all()


@pytest.mark.parametrize("source_id", ["vega", "stemcellu"])
def test_the_sources_view_hands_quotes_with_their_translation(both, source_id):
    ds, es = both
    detail = sources_view.source_detail(es, source_id)
    assert {"quote", "quote_translation", "short_label", "seed_file"} <= set(detail.claims.columns)
    assert (detail.doses["quote_translation"] != "").all()
    quoted = detail.checklist[detail.checklist["quote"] != ""]
    assert (quoted["quote_translation"] != "").all()
    assert "quote_translation" not in sources_view.source_detail(ds, source_id).claims.columns


def test_billion_never_becomes_billon_in_a_quote_translation(both):
    _, es = both
    texts = [
        *es.claims["quote_translation"],
        *es.regimens["quote_translation"],
        *es.regimens["schedule_quote_translation"],
    ]
    assert not [t for t in texts if re.search(r"\bbill[oó]n", t, re.IGNORECASE)]


# --- the same facts in both languages -----------------------------------------------------------


def test_claims_per_verdict_are_the_same_in_both_languages(both):
    ds, es = both
    english, spanish = claims_view.claims_page(ds), claims_view.claims_page(es)
    assert (
        english.counts[["facet", "verdict", "claims"]]
        .groupby(["facet", "verdict"])
        .sum()
        .equals(spanish.counts[["facet", "verdict", "claims"]].groupby(["facet", "verdict"]).sum())
    )
    assert list(english.ordered["id"]) == list(spanish.ordered["id"])


def test_studies_fall_in_the_same_comparison_group_in_both_languages(both):
    ds, es = both
    assert list(evidence_overview(ds)["comparison"]) == list(evidence_overview(es)["comparison"])
    assert [r.row_ids for r in key_results(ds)] == [r.row_ids for r in key_results(es)]


def test_approvals_are_read_alike_in_both_languages(both):
    ds, es = both
    english, spanish = regulatory_timeline(ds), regulatory_timeline(es)
    approvals = english["kind"] == "approval"
    assert [claim_charts.approval_label(t) for t in english.loc[approvals, "title"]] == [
        claim_charts.approval_label(t, "es") for t in spanish.loc[approvals, "title"]
    ]
    assert claim_charts.regulatory_title(english).startswith("None of the 5 approvals is a shot")
    assert claim_charts.regulatory_title(spanish, "es").startswith("Ninguna de las 5 aprobaciones es una inyección")


# --- charts -----------------------------------------------------------------------------------------


def _title(spec: dict) -> str:
    return " ".join(spec["title"]["text"])


def test_verdict_chart_title_states_the_finding_in_spanish(both):
    ds, es = both
    spec = claims_view.claims_page(es).summary_chart
    unsupported = int(ds.claims["verdict"].isin(vocab.UNSUPPORTED).sum())
    assert _title(spec) == (
        f"{unsupported} de {len(ds.claims)} afirmaciones son engañosas, contradichas o no demostradas en ensayos"
    )
    assert spec["description"].startswith("Gráfico de barras apiladas")


def test_evidence_chart_speaks_spanish(both):
    _, es = both
    spec = claim_charts.evidence_chart(evidence_overview(es), "es").to_dict()
    assert _title(spec).startswith("Solo ")
    assert spec["encoding"]["x"]["title"] == "Año de publicación"
    assert spec["encoding"]["color"]["title"] == "Comparado con"
    assert "placebo o simulación" in spec["encoding"]["color"]["scale"]["domain"]
    assert {t["title"] for t in spec["encoding"]["tooltip"]} >= {"Estudio", "Certeza", "Comprobado"}


def test_english_chart_titles_are_unchanged(dataset):
    spec = claim_charts.evidence_chart(evidence_overview(dataset)).to_dict()
    assert _title(spec).startswith("Only ")
    assert spec["encoding"]["x"]["title"] == "Year published"


# --- ClaimReview ------------------------------------------------------------------------------------


def test_spanish_claimreview_is_in_spanish_and_quotes_the_claim_verbatim(both):
    ds, es = both
    english, spanish = claimreview.records_by_id(ds)["c000-04"], claimreview.records_by_id(es)["c000-04"]
    assert (english["inLanguage"], spanish["inLanguage"]) == ("en", "es")
    assert spanish["claimReviewed"] == english["claimReviewed"]
    label = es.verdicts.set_index("verdict").loc[es.claims.set_index("id").loc["c000-04", "verdict"], "label"]
    assert spanish["reviewRating"]["alternateName"] == label[:1].upper() + label[1:]
    assert spanish["reviewRating"]["ratingExplanation"] == es.claims.set_index("id").loc["c000-04", "verdict_note"]
    assert spanish["reviewRating"].get("ratingValue") == english["reviewRating"].get("ratingValue")


def test_the_five_pages_charts_speak_spanish(both):
    _, es = both
    view = sources_view.sources_page(es)
    assert _title(view.claims_chart).startswith(f"{int((es.claims['stated_as'] == 'as fact').sum())} de las ")
    assert _title(view.grid_chart).startswith("Las páginas obtienen del ")
    assert " % al " in _title(view.grid_chart)
    assert "afirmaciones" in view.profile.columns


def test_the_mechanism_grid_speaks_spanish_for_the_mechanisms_page(both):
    _, es = both
    spec = claim_charts.mechanism_matrix_chart(claims_analysis.mechanism_matrix(es), "es").to_dict()
    assert "ninguno de estos 8 mecanismos" in _title(spec)
    assert spec["layer"][0]["encoding"]["color"]["scale"]["domain"][0] == "como un hecho"


@pytest.mark.parametrize(
    ("points", "most", "expected"), [(2.5, 4, "2,5 de 4 puntos (62 %)"), (2, 13, "2 de 13 puntos (15 %)")]
)
def test_checklist_score_reads_with_a_decimal_comma(points, most, expected):
    assert rubric.RubricScore(None, points, most).summary("es") == expected
