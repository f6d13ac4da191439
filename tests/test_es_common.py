"""The Spanish edition of Home and of the shared frame, blocks and tools: no English interface word, Spanish numbers,
a Spanish dose ladder, our translation under a verbatim quote, and English exactly as before."""

from __future__ import annotations

import base64
import hashlib
import html
import json
import re

import pytest
from streamlit.testing.v1 import AppTest

import ui
from core import data, report
from core.data.translate import localised
from core.text import plural, verification_words
from core.views import cite, embed, home
from tests.spanish_check import english_on_page, reads_as_english
from tests.test_pages import ENTRYPOINT, open_page

# The frame says so until the lead has merged every area; it is Spanish, but it is not this area's to judge.
STILL_TRANSLATING = "Esta edición aún se está traduciendo: partes de esta página siguen en inglés."


def spanish_english(at: AppTest) -> list[str]:
    return [text for text in english_on_page(at) if text != STILL_TRANSLATING]


@pytest.fixture(scope="module")
def spanish(dataset):
    return localised(dataset, "es")


@pytest.fixture(scope="module")
def spanish_home():
    return open_page(ENTRYPOINT, {"lang": "es"})


@pytest.fixture(scope="module")
def spanish_home_opened():
    at = open_page(ENTRYPOINT, {"lang": "es"})
    for switch in at.toggle:
        switch.set_value(True)
    return at.run()


# --- the page ------------------------------------------------------------------------------------


def test_spanish_home_has_no_english_interface_text(spanish_home):
    assert not spanish_home.exception
    assert spanish_english(spanish_home) == []


def test_spanish_home_with_every_switch_on_has_no_english_interface_text(spanish_home_opened):
    assert not spanish_home_opened.exception
    assert len(spanish_home_opened.toggle) == 2  # the chart's one switch, and where each finding comes from
    assert all(t.value for t in spanish_home_opened.toggle)
    assert spanish_english(spanish_home_opened) == []


def test_spanish_home_names_its_sections_and_switches_in_spanish(spanish_home_opened):
    headers = [h.value for h in spanish_home_opened.header]
    assert headers == ["Lo que muestran los estudios", "Más de lo que encontramos", "Cómo usar este sitio"]
    switches = [t.label for t in spanish_home_opened.toggle]
    assert switches[0] == "Datos de este gráfico, descargas y formas de compartirlo"
    labels = {b.proto.label for b in spanish_home_opened.get("download_button")}
    assert labels == {"Descargar CSV", "Descargar PNG", "Descargar SVG"}


def test_spanish_home_shows_its_data_tables_under_spanish_headers(spanish_home_opened):
    columns = [list(frame.value.columns) for frame in spanish_home_opened.dataframe]
    assert ["qué", "células", "células_mín", "células_máx", "nota", "ids_de_fila"] in columns
    assert ["hallazgo", "filas en las que se basa"] in columns


def test_english_home_is_unchanged():
    at = open_page(ENTRYPOINT)
    assert not at.exception
    assert at.title[0].value == "Stem-cell shots: claims vs evidence"
    assert [h.value for h in at.header] == ["What studies show", "More of what we found", "How to use this site"]
    lead = at.markdown[0].value.replace("\\", "")
    assert "The two pages that give cell doses ask for 15 million to 200 million cells a dose" in lead
    assert not at.caption or "still being translated" not in " ".join(c.value for c in at.caption)


# --- numbers -------------------------------------------------------------------------------------


def test_spanish_lead_counts_cells_in_millions_with_de(spanish):
    lead = home.lead_text(home.lead_view(spanish))
    assert "de 15 millones a 200 millones de células por dosis" in lead
    assert "1.200 millones de células" in lead  # 10^9 in Spanish is "mil millones", never a "billón"
    assert "billón" not in lead
    assert "billion" not in lead
    assert "million " not in lead


@pytest.mark.parametrize(
    ("value", "words"),
    [(1.5e6, "1,5 millones de células"), (2e6, "2 millones de células"), (500_000, "500.000 células")],
)
def test_spanish_cell_counts_take_a_decimal_comma_and_de(value, words):
    assert home._cells(value, "es") == words


def test_english_cell_counts_are_as_before():
    assert home._cells(1.2e9, "en") == "1.2 billion cells"


def test_spanish_axis_names_ten_to_the_ninth_in_millions():
    expression = home.doses_axis_label("es")
    assert "' millones'" in expression
    assert "billion" not in expression
    assert "1e9" not in expression  # no separate word for a thousand million


# --- the dose ladder -----------------------------------------------------------------------------


@pytest.fixture(scope="module")
def spanish_ladder_spec(spanish):
    return home.dose_ladder_chart(home.dose_ladder(spanish), "es").to_dict()


def test_spanish_ladder_title_states_the_finding_in_spanish(spanish_ladder_spec):
    title = " ".join(spanish_ladder_spec["title"]["text"])
    assert title.startswith("La dosis más alta de las páginas es 13 veces la más baja; los ensayos probaron de 6")
    assert "Células por dosis" in " ".join(spanish_ladder_spec["title"]["subtitle"])


def test_spanish_ladder_axis_and_tooltips_are_spanish(spanish_ladder_spec):
    text = json.dumps(spanish_ladder_spec, ensure_ascii=False)
    assert '"title": "Células (escala logarítmica)"' in text
    for tooltip in ("Qué", "Células", "Nota"):
        assert f'"title": "{tooltip}"' in text
    assert '"title": "What"' not in text
    assert "Cells (log scale)" not in text


def test_spanish_ladder_description_and_rungs_are_spanish(spanish_ladder_spec, spanish):
    assert spanish_ladder_spec["description"].startswith(
        "Escalera de dosis. La dosis más alta de las páginas es 13 veces"
    )
    rungs = set(home.dose_ladder(spanish)["rung"])
    assert {"Ensayos en rodilla: una dosis", "Dosis intravenosa aprobada, para otra enfermedad"} <= rungs


def test_ladder_groups_and_colours_are_the_same_in_both_languages(dataset, spanish):
    english, translated = home.dose_ladder(dataset), home.dose_ladder(spanish)
    columns = ["group", "colour_key", "low", "high", "worked_out"]
    assert english[columns].equals(translated[columns])


def test_spanish_caption_says_what_the_ladder_cannot_tell():
    assert home.ladder_caption("es").startswith("Lo que esto no puede decirle: qué dosis funciona.")
    assert home.ladder_caption("en") == home.LADDER_CAPTION


# --- findings and what studies show --------------------------------------------------------------


def test_spanish_findings_read_in_spanish_with_the_same_counts(dataset, spanish):
    english, translated = home._other_findings(dataset), home._other_findings(spanish)
    assert [f.row_ids for f in english] == [f.row_ids for f in translated]
    assert translated[0].detail.startswith("De las 107 afirmaciones de las cinco páginas, 78 se presentan")
    assert "muerte, discapacidad permanente, grave" in translated[1].detail


def test_spanish_approval_names_the_knee_exception(spanish):
    lead = home.approval(spanish)
    assert lead.headline.startswith("En EE. UU. no hay ninguna inyección de células madre")
    assert "MACI (2016)" in lead.short
    assert "fda_maci_2016" in lead.row_ids


def test_spanish_studies_show_names_certainty_and_comparator_in_spanish(spanish):
    lines = home.studies_show_markdown(spanish).replace("\\", "").splitlines()
    assert any(", frente a placebo o atención habitual" in line for line in lines)
    assert any("(certeza moderada; tamaño no indicado)" in line for line in lines)
    assert not any("certainty" in line or "against" in line for line in lines)


# --- quotes and our translation ------------------------------------------------------------------


def _quote_app(translation: str):
    import ui

    ui.quote("Stem cells regrow cartilage.", "Example Clinic", "001 example.txt", translation)


def _quotes_app():
    import pandas as pd

    import ui

    rows = pd.DataFrame({
        "quote": ["First quote.", "Second quote."],
        "short_label": ["Example Clinic", "Example Clinic"],
        "seed_file": ["001 example.txt", "001 example.txt"],
        "quote_translation": ["Primera cita.", float("nan")],
    })  # fmt: skip
    ui.quotes(rows, lambda row: "Nota.")


def _run(script, *args, lang: str = "es") -> AppTest:
    at = AppTest.from_function(script, args=args, default_timeout=30)
    at.query_params["lang"] = lang
    return at.run()


def test_quote_shows_our_translation_under_it_labelled_in_spanish():
    at = _run(_quote_app, "Las células madre regeneran el cartílago.")
    assert not at.exception
    quote, translation = at.markdown[0].value.split("\n\n")
    assert quote.startswith("> “Stem cells regrow cartilage")  # the verbatim quote, untouched
    assert translation == "*Traducción nuestra:* Las células madre regeneran el cartílago\\."
    assert at.markdown[0].proto.help == "Copia archivada de la página: 001 example\\.txt"


def test_quote_without_a_translation_shows_no_label():
    at = _run(_quote_app, "")
    assert "Traducción" not in at.markdown[0].value


def test_quotes_pass_each_rows_translation_and_skip_an_empty_one():
    at = _run(_quotes_app)
    first, second = (m.value for m in at.markdown)  # each quote one element, with its translation and note
    assert "*Traducción nuestra:* Primera cita\\." in first.split("\n\n")
    assert "Traducción" not in second
    assert first.endswith(":small[Nota.]")


def test_english_quote_is_unchanged():
    at = _run(_quote_app, "", lang="en")
    assert at.markdown[0].proto.help == "Archived copy of the page: 001 example\\.txt"


# --- widgets and downloads -----------------------------------------------------------------------


def _paginated_app():
    import pandas as pd

    import ui

    frame = pd.DataFrame({"n": range(30)})
    ui.paginate(frame, "page", per_page=10, noun=ui._("rows"))
    ui.page_buttons(len(frame), "page", per_page=10)


def test_pagination_is_spanish():
    at = _run(_paginated_app)
    assert not at.exception
    assert at.caption[0].value == "Se muestran 1–10 de 30 filas."
    assert [b.label for b in at.button] == ["Página anterior", "Página siguiente"]
    assert spanish_english(at) == []


@pytest.mark.parametrize(
    ("language", "name"), [("en", "dose_ladder.csv"), ("es", "dose_ladder_es.csv")]
)  # fmt: skip
def test_download_names_carry_the_language_when_not_english(language, name):
    from ui.blocks import download_name

    assert download_name("dose_ladder", "csv", language) == name


# --- the embed view and the shared core words ----------------------------------------------------


def test_spanish_embedded_ladder_credit_and_caption_are_spanish():
    at = open_page(ENTRYPOINT, {embed.EMBED_QUERY_KEY: "dose_ladder", "lang": "es"})
    assert not at.exception
    assert at.caption[0].value == home.ladder_caption("es")
    button = at.get("link_button")[0].proto
    assert button.label == "Células madre: afirmaciones frente a evidencia: la página completa, con sus datos y fuentes"
    assert button.url.endswith("?lang=es")
    assert spanish_english(at) == []


def test_embed_addresses_stay_english_by_default():
    assert embed.full_page_url("https://h.org", "dose_ladder") == "https://h.org/"
    assert embed.embed_url("https://h.org", "dose_ladder", "es").endswith("embed=true&lang=es")
    assert embed.caption("route_dose_spread") == embed.CAPTIONS["route_dose_spread"]
    assert "70 kg" in embed.caption("route_dose_spread", "es")


def test_spanish_report_without_an_address_says_so_in_spanish():
    made = report.claim_report({}, "c001-01", "A quote.", "https://h.org/Claims?claim=c001-01", "es")
    assert made.url is None
    assert made.label.startswith("Informar de un error: esta copia del sitio")
    assert report.claim_report({}, "c001-01", "A quote.", "https://h.org").label == report.NO_ADDRESS


def test_spanish_report_link_prefills_spanish_words():
    config = {report.REPORT_URL_ENV: "https://example.org/issues/new"}
    made = report.chart_report(config, "dose_ladder", "Escalera", "https://h.org/", "es")
    assert made.label == "Informar de un error"
    assert made.body.endswith("Qué está mal, y su fuente:\n")


def test_spanish_citation_keeps_names_and_translates_the_words(dataset, spanish):
    study = spanish.evidence.set_index("id").loc["miles2023"].to_dict() | {"id": "miles2023"}
    line = cite.study_line(study, lang="es").replace("\\", "")
    assert "(ensayo aleatorizado, 2023; certeza: " in line
    assert "PubMed" in line
    english = dataset.evidence.set_index("id").loc["miles2023"].to_dict() | {"id": "miles2023"}
    assert "(randomised trial, 2023" in cite.study_line(english).replace("\\", "")


@pytest.mark.parametrize(("status", "en", "es"), [
    ("verified", "verified", "verificado"),
    ("partial", "partly verified", "verificado en parte"),
    ("", "not verified", "no verificado"),
])  # fmt: skip
def test_verification_words_in_both_languages(status, en, es):
    assert (verification_words(status), verification_words(status, "es")) == (en, es)


def test_plural_keeps_english_and_formats_spanish_numbers():
    assert plural(2, "study", "studies") == "2 studies"
    assert plural(1500, "trial", lang="es") == "1.500 ensayos"  # a plural entry of common.po


def test_spanish_data_error_is_worded_in_spanish(data_copy, monkeypatch):
    (data_copy / "harms.csv").unlink()
    monkeypatch.setenv(data.DATA_DIR_ENV, str(data_copy))
    ui._load_cached.clear()
    try:
        at = open_page(ENTRYPOINT, {"lang": "es"})
    finally:
        ui._load_cached.clear()
    message = at.error[0].value
    assert message.startswith("**No se pudieron cargar los datos, así que esta página no se puede mostrar.**")
    assert message.endswith("Corrija esa celda (las reglas están en data/README.md) y vuelva a cargar la página.")
    # The middle paragraph is the DataError's own text, for whoever maintains the data: in English, and labelled so;
    # every word around it is Spanish.
    ours = [part for part in message.split("\n\n") if "harms" not in part]
    assert len(ours) == 2
    assert not any(reads_as_english(part) for part in ours)
    assert message.split("\n\n")[1].startswith("Detalle técnico para quien mantiene los datos (en inglés): ")


@pytest.mark.parametrize("chart_id", list(embed.CHARTS))
def test_every_embedded_chart_has_a_spanish_caption_and_credit(chart_id):
    at = open_page(ENTRYPOINT, {embed.EMBED_QUERY_KEY: chart_id, "lang": "es"})
    assert not at.exception
    assert at.caption[0].value.startswith("Lo que esto no puede decirle:")
    assert at.get("link_button")[0].proto.label.endswith("la página completa, con sus datos y fuentes")
    assert spanish_english(at) == []


# --- Streamlit's own words -----------------------------------------------------------------------


def _chrome_app():
    from ui.chrome_words import chrome_words

    chrome_words()


@pytest.mark.parametrize("lang", ["es", "en"])
def test_streamlits_words_are_given_ours_only_in_another_language(lang):
    bodies = [h.proto.body for h in _run(_chrome_app, lang=lang).get("html")]
    if lang == "en":
        assert bodies == []  # Streamlit's own English stays
        return
    words = json.loads(html.unescape(re.search(r'data-chrome-words="([^"]*)"', bodies[0]).group(1)))
    assert words["texts"]["Upload"] == "Subir un archivo"
    assert words["texts"]["5MB per file"] == "Hasta 5 MB por archivo"
    assert words["texts"]["Press Enter to submit form"] == "Pulse Intro para enviar"
    assert words["prefixes"]["Help for "] == "Ayuda: "
    assert words["roles"]["visualization"] == "gráfico"


def test_chrome_words_script_is_allowed_by_the_security_policy():
    import hosting
    from ui.chrome_words import SCRIPT

    digest = base64.b64encode(hashlib.sha256(SCRIPT.encode()).digest()).decode()
    assert f"'sha256-{digest}'" in hosting.app_inline_script_hashes()
