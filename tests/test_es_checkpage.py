"""The Check a text page in Spanish: no English interface words, the language the checker read, a plain message for
a language it cannot read, Spanish errors and example; the English page keeps its words."""

from __future__ import annotations

import csv
import io
import json
import re
from pathlib import Path

import pytest

import ui
from core import textcheck
from core.data.translate import localised
from core.views import check_a_text as view
from tests.spanish_check import english_on_page, reads_as_english
from tests.test_pages import all_text, open_page

PAGE = "pages/7_Check_a_text.py"
FRENCH = (
    "Notre clinique propose une thérapie par cellules souches pour le genou. Les patients qui ont reçu cette "
    "injection disent que la douleur a disparu et que les résultats sont excellents dans tous les cas."
)
ENGLISH = textcheck.EXAMPLE
SPANISH_CORPUS = Path(__file__).parent / "textcheck_eval" / "corpus" / "spanish.json"
# Real Spanish pages of the evaluation corpus: red flags and a dose, red flags and a harvest, five doses.
CLINICS = ("topdoctors-ar-mesenquimales", "diarioinformacion-mediterranea-svf", "mocell-dosificacion-25-millones")


def clinic_text(page_id: str) -> str:
    pages = json.loads(SPANISH_CORPUS.read_text(encoding="utf-8"))["pages"]
    return " ".join(s["text"] for s in next(p for p in pages if p["id"] == page_id)["sentences"])


def _check(text: str, lang: str = "es", query: dict | None = None):
    at = open_page(PAGE, {"lang": lang, **(query or {})})
    at.text_area(key="text").set_value(text)
    label = "Revisar" if lang == "es" else "Check"
    next(b for b in at.button if b.label == label).click().run()
    assert not at.exception, at.exception
    return at


def _without_the_texts_words(found: str, text: str) -> str:
    """A shown line less what the checked text itself says: its quotes (“…”) and the words the checker picked
    out of it (doses, sure words, a course), which stay in the text's language."""
    report = textcheck.analyze(text)
    picked = [d.text for d in report.doses] + [d.course_text or "" for d in report.doses]
    picked += [h.text for h in report.language]
    rest = re.sub(r"“[^”]*”", " ", found.replace("\\", "").replace("\u2060", "")).lower()
    for part in sorted(picked, key=len, reverse=True):
        rest = rest.replace(" ".join(part.lower().split()), " ") if part else rest
    return rest


def english_left(at, text: str) -> list[str]:
    """english_on_page(at) less the checked text's own words (its quotes, its doses and wording, the whole text with
    its marks): what is left is interface text in English."""
    marked = view.highlighted_markdown(text, textcheck.analyze(text))
    return [
        found
        for found in english_on_page(at)
        if found != marked and reads_as_english(_without_the_texts_words(found, text))
    ]


# --- no English interface words ---------------------------------------------------------------------------------


def test_empty_page_in_spanish_has_no_english():
    at = open_page(PAGE, {"lang": "es"})
    assert not at.exception, at.exception
    assert at.title[0].value == "Revisar un texto"
    assert any("pulse **Revisar**" in i.value for i in at.info)
    assert english_on_page(at) == []


@pytest.mark.parametrize("page_id", CLINICS)
def test_spanish_clinic_page_in_spanish_has_no_english(page_id):
    text = clinic_text(page_id)
    at = _check(text)
    assert at.subheader[0].value == "Señales de alarma"
    assert "El revisor leyó este texto en español." in [c.value for c in at.caption]
    assert english_on_page(at) == []


def test_spanish_example_in_spanish_has_no_english():
    at = _check(view.EXAMPLE_ES)
    assert at.subheader[0].value == "Señales de alarma"
    assert english_on_page(at) == []


def test_english_text_in_spanish_shows_english_only_in_its_own_words():
    at = _check(ENGLISH)
    assert at.subheader[0].value == "Señales de alarma"
    assert english_on_page(at), "the English text's quotes are on the page (the check below must have work to do)"
    assert english_left(at, ENGLISH) == []


def test_guess_mode_in_spanish_has_no_english():
    at = _check(view.EXAMPLE_ES, query={"guess": "1"})
    assert english_on_page(at) == []
    next(c for c in at.checkbox if c.key.startswith("mark_")).check().run()
    next(t for t in at.toggle if t.key == "reveal_flags").set_value(True).run()
    assert not at.exception, at.exception
    assert "Usted y el revisor coinciden en" in all_text(at)
    assert "Señales de alarma" in [s.value for s in at.subheader]
    assert english_on_page(at) == []


# --- the language the checker read -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("lang", "text", "line"),
    [
        ("es", view.EXAMPLE_ES, "El revisor leyó este texto en español."),
        ("es", ENGLISH, "El revisor leyó este texto en inglés."),
        ("en", ENGLISH, "The checker read this text as English."),
        ("en", view.EXAMPLE_ES, "The checker read this text as Spanish."),
    ],
)
def test_the_result_says_which_language_it_read(lang, text, line):
    at = _check(text, lang)
    assert line in [c.value for c in at.caption]


@pytest.mark.parametrize(
    ("lang", "message"),
    [("es", "solo tiene reglas para inglés y español"), ("en", "it has rules for English and Spanish only")],
)
def test_a_language_it_cannot_read_gets_a_plain_message_instead_of_a_report(lang, message):
    at = _check(FRENCH, lang)
    shown = [box.value for box in at.info if message in box.value]
    assert shown == [textcheck.read_as_sentence(textcheck.analyze(FRENCH), lang)]
    assert not at.subheader, "no empty report under the message"
    assert not at.get("download_button")
    if lang == "es":
        assert english_on_page(at) == []


def test_a_report_read_as_none_is_not_shown(monkeypatch):
    monkeypatch.setattr(ui, "analyze_text", lambda text, language="en": textcheck.TextReport(len(text), read_as=None))
    at = _check("Quelques mots.", "es")
    assert any("El revisor no puede leer el idioma" in box.value for box in at.info)
    assert not at.subheader


# --- the example, numbers, the dose table and the guided reading in Spanish --------------------------------------


def test_spanish_example_is_offered_in_spanish_and_labelled_invented():
    at = open_page(PAGE, {"lang": "es"})
    next(b for b in at.button if b.label == "Rellenar con un ejemplo inventado").click().run()
    assert not at.exception, at.exception
    assert at.text_area(key="text").value == textcheck.EXAMPLE_ES
    assert "Ejemplo inventado: no es la página de ninguna clínica real." in [c.value for c in at.caption]


def test_the_page_offers_the_checkers_own_examples():
    # One source: the page shows core.textcheck's examples, the same ones the checker's tests read.
    assert view.example("en") == textcheck.EXAMPLE
    assert view.example("es") == view.EXAMPLE_ES == textcheck.EXAMPLE_ES
    assert textcheck.detect_language(textcheck.EXAMPLE_ES) == "es"


def test_spanish_example_gives_red_flags_doses_and_a_seller_in_spanish():
    at = _check(textcheck.EXAMPLE_ES)
    counts = next(m.value for m in at.markdown if " · " in m.value and "señal" in m.value)
    assert re.match(r"[1-9]\d* señales de alarma · 2 dosis · ", counts), counts
    assert at.warning[0].value.startswith("Léalo como un anuncio")
    assert "50 millones de células" in set(at.dataframe[0].value["cantidad"])


def test_counts_and_dose_table_in_spanish():
    at = _check(ENGLISH)
    counts = next(m.value for m in at.markdown if " · " in m.value and "señal" in m.value)
    assert counts.startswith("5 señales de alarma · 2 dosis · ")
    table = at.dataframe[0].value
    assert set(table.columns) <= set(textcheck.column_headers("es").values())
    assert {"encontrado en el texto", "vía", "comparado con los ensayos"} <= set(table.columns)
    assert "intraarticular en la rodilla" in set(table["vía"])
    assert "Por qué importa: Afirmaciones frente a evidencia" in [link.label for link in at.get("page_link")]
    assert [b.label for b in at.get("download_button")] == ["Descargar el informe (Markdown)",
                                                             "Descargar los hallazgos (CSV)"]  # fmt: skip


def test_doses_meet_the_same_trials_in_both_languages():
    # The Spanish edition of the data translates labels, never the keys the comparison matches on.
    english = _check(ENGLISH, "en").dataframe[0].value
    spanish = _check(ENGLISH).dataframe[0].value
    assert list(spanish["identificadores de los ensayos"]) == list(english["trial ids"])
    assert english["trial ids"].iloc[0], "the example's first dose has trials to meet"
    assert _studies(spanish["ensayos de nuestros datos"]) == _studies(english["trials in our data"])


def _studies(cells) -> list[list[str]]:
    """How many studies each cell counts ("50 million (3 studies)", "50 millones (3 estudios)")."""
    return [re.findall(r"\((\d+) (?:study|studies|estudios?)\)", cell) for cell in cells]


def test_guided_reading_answers_are_spanish_words_over_the_same_values():
    at = _check(ENGLISH)
    radio = next(r for r in at.radio if r.key.startswith("confirm_"))
    assert radio.options == ["Señal de alarma", "No es una señal de alarma"]
    radio.set_value("Señal de alarma").run()  # AppTest picks by the shown words; the page gets CONFIRM, its value
    assert "Confirmó 1, descartó 0" in all_text(at)
    assert english_left(at, ENGLISH) == []


# --- the downloads: the report and the findings in the visitor's language ---------------------------------------


def _report(text: str, dataset, lang: str = "es"):
    """The report and dose comparison as the page makes them for a visitor in `lang`."""
    ds = localised(dataset, lang)
    report = ui.analyze_text(text, lang)
    return report, view.compare_doses(report.doses, ds.evidence, ds.regimens, report.condition, lang)


def _downloads(text: str, dataset, lang: str = "es") -> tuple[str, bytes]:
    """The two downloads for a visitor in `lang`, as ui.textcheck.report_downloads asks the view for them."""
    report, comparison = _report(text, dataset, lang)
    return view.report_markdown(report, comparison, lang), view.report_csv(report, lang)


@pytest.mark.parametrize("text", [clinic_text(CLINICS[0]), textcheck.EXAMPLE_ES, ENGLISH],
                         ids=["spanish-clinic", "spanish-example", "english-text"])  # fmt: skip
def test_downloads_are_in_spanish_for_a_spanish_visitor(text, dataset):
    markdown, findings = _downloads(text, dataset)
    assert markdown.startswith("# Informe de revisión del texto\n")
    assert [line for line in markdown.splitlines() if reads_as_english(_without_the_texts_words(line, text))] == []
    rows = list(csv.DictReader(io.StringIO(findings.decode("utf-8"))))
    assert list(rows[0]) == list(textcheck.finding_headers("es").values())
    headers = textcheck.finding_headers("es")
    shown = [row[headers[column]] for row in rows for column in ("section", "kind")]
    assert [cell for cell in shown if reads_as_english(_without_the_texts_words(cell, text))] == []


def test_the_page_builds_its_downloads_in_the_visitors_language(monkeypatch, dataset):
    from ui import textcheck as check_ui

    made = {}

    class Column:
        def download_button(self, label, data, file_name, **kwargs):
            made[file_name] = data()  # the page hands over a callable: built only when clicked

    monkeypatch.setattr(check_ui.st, "columns", lambda n: [Column() for _ in range(n)])
    monkeypatch.setattr(check_ui, "lang", lambda: "es")
    markdown, findings = _downloads(ENGLISH, dataset)
    check_ui.report_downloads(*_report(ENGLISH, dataset))
    assert made == {"text-check-report.md": markdown.encode("utf-8"), "text-check-findings.csv": findings}


def test_downloads_stay_english_for_an_english_visitor(dataset):
    markdown, findings = _downloads(ENGLISH, dataset, "en")
    assert markdown.startswith("# Text check report\n")
    assert findings.decode("utf-8").startswith("section,found,kind,route,start,end,")


# --- errors and limits: plain Spanish, never a traceback ---------------------------------------------------------


def test_too_long_text_in_spanish():
    at = _check("a" * (textcheck.MAX_CHARS + 1))
    assert "200.001 caracteres; el revisor acepta como máximo 200.000" in at.warning[0].value.replace("\\", "")
    assert not at.error
    assert not at.subheader
    assert english_on_page(at) == []


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("image.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "parece un archivo binario"),
        ("latin.txt", "Stammzellen für das Knie: 50 Millionen".encode("latin-1"), "no es texto UTF-8"),
        ("huge.txt", b"stem cells " * 20_000, "220.000 caracteres de texto; el revisor acepta como máximo 200.000"),
        ("empty.md", b"   ", "no tiene texto"),
        ("scan.pdf", b"%PDF-1.7 fake", "es un PDF"),
        ("page.docx", b"PK\x03\x04 fake", "es un documento de Word"),
    ],
)
def test_bad_uploads_get_a_plain_spanish_message(name, content, message):
    at = open_page(PAGE, {"lang": "es"})
    at.get("file_uploader")[0].upload(name, content, "text/plain").run()
    assert not at.exception, at.exception
    assert not at.error
    assert message in at.warning[0].value.replace("\\", "")
    assert english_on_page(at) == []


def test_an_uploaded_spanish_page_is_checked_in_spanish():
    page = f"<html><body><script>alerta()</script><p>{textcheck.EXAMPLE_ES}</p></body></html>"
    at = open_page(PAGE, {"lang": "es"})
    at.get("file_uploader")[0].upload("anuncio.html", page.encode("utf-8"), "text/html").run()
    assert not at.exception, at.exception
    assert any(c.value.startswith("Revisando el archivo subido “anuncio\\.html”") for c in at.caption)
    assert "El revisor leyó este texto en español." in [c.value for c in at.caption]
    assert english_on_page(at) == []


@pytest.mark.parametrize(
    ("lang", "sentence", "shown"),
    [
        ("es", "Inyectamos 50 (parte de una frase más larga)", "“Inyectamos 50” (parte de una frase más larga)"),
        ("en", "We inject 50 (part of a longer sentence)", "“We inject 50” (part of a longer sentence)"),
        ("es", "Inyectamos 50 millones.", "“Inyectamos 50 millones\\.”"),
    ],
)  # fmt: skip
def test_a_shortened_sentence_says_so_outside_the_quotation_marks(lang, sentence, shown):
    assert view.quoted(sentence, lang) == shown


# --- English unchanged ------------------------------------------------------------------------------------------


def test_english_words_are_unchanged():
    report = textcheck.analyze(ENGLISH)
    assert view.counts_line(report.red_flags, report).startswith("5 red flags · 2 doses · ")
    assert view.read_as_sentence(report) == "The checker read this text as English."
    assert view.kind_label("seller") == "A seller's page (clinic, broker or advert)"
    assert view.flag_groups(report.red_flags)[0].label == "Regulator's name used as a selling point"
