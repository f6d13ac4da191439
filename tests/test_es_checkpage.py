"""The Check a text page in Spanish: no English interface words, the language the checker read, a plain message for
a language it cannot read, Spanish errors and example; the English page keeps its words."""

from __future__ import annotations

import dataclasses
import functools
import re

import pytest

import ui
from core import textcheck
from core.data.translate import localised
from core.textcheck import detect_language, phrases
from core.views import check_a_text as view
from tests.spanish_check import english_on_page, reads_as_english
from tests.test_pages import all_text, open_page

PAGE = "pages/7_Check_a_text.py"
FRENCH = (
    "Notre clinique propose une thérapie par cellules souches pour le genou. Les patients qui ont reçu cette "
    "injection disent que la douleur a disparu et que les résultats sont excellents dans tous les cas."
)
ENGLISH = textcheck.EXAMPLE
# Interface text of the page frame, from area "common" (ui/frame.py: the sidebar's blurb, the share box, the
# glossary expander) and a hidden scroll script (ui/scroll.py, area common) that the English check reads as words.
OWED_BY_COMMON = (
    "Knee and back pain: what five web pages claim",
    "Share this view: this link keeps your choices",
    "Words on this page, explained (",
    '<span data-scroll-key="',
)


@pytest.fixture(autouse=True)
def read_as_detected(monkeypatch):
    """core.textcheck.analyze sets read_as itself once area textcheck's Spanish reading lands; until then the tests
    set it as detect_language.detect() tells, which is what analyze will do."""
    real = textcheck.analyze

    @functools.wraps(real)
    def analyze(text, *args, **kwargs):
        return dataclasses.replace(real(text, *args, **kwargs), read_as=detect_language.detect(text))

    monkeypatch.setattr(textcheck, "analyze", analyze)
    cached = ui.analyze_text  # a test may swap it out; its cache must not keep reports made with the stand-in
    cached.clear()
    yield
    cached.clear()


def _check(text: str, lang: str = "es", query: dict | None = None):
    at = open_page(PAGE, {"lang": lang, **(query or {})})
    at.text_area(key="text").set_value(text)
    label = "Revisar" if lang == "es" else "Check"
    next(b for b in at.button if b.label == label).click().run()
    assert not at.exception, at.exception
    return at


def owed_by_textcheck(text: str, dataset) -> list[str]:
    """The English that core/textcheck writes into this text's report (area textcheck translates it): summary(),
    FLAG_KINDS labels and reasons, the flags' reasons, checklist questions and notes, kind.py's cues,
    language_summary() labels, compare_doses()' amount, position and course."""
    ds = localised(dataset, "es")
    report = textcheck.analyze(text)
    comparison = textcheck.compare_doses(report.doses, ds.evidence, ds.regimens, report.condition)
    flags = report.red_flags + textcheck.dose_flags(report.doses, ds.evidence, report.condition)
    owed = [textcheck.summary(report)[1], *report.page_kind.cues, *(f.reason for f in flags)]
    owed += [part for label, reason, _page in phrases.FLAG_KINDS.values() for part in (label, reason)]
    owed += [part for item in report.checklist for part in (item.question, item.note) if part]
    owed += [label for _kind, label, _count, _words in textcheck.language_summary(report)]
    owed += [row[c] for row in comparison.to_dict("records") for c in ("amount", "compared with trials", "course")]
    return sorted({o for o in owed if o}, key=len, reverse=True)


def english_left(at, text: str = "", owed: list[str] = ()) -> list[str]:
    """english_on_page(at) less what others owe (named above) and the checked text's own words: its quotes, its
    doses and wording, and the whole text with its marks."""
    report = textcheck.analyze(text) if text else None
    users = [d.text for d in report.doses] + [h.text for h in report.language] if report else []
    marked = view.highlighted_markdown(text, report) if report else None
    left = []
    for found in english_on_page(at):
        if found.startswith(OWED_BY_COMMON) or found == marked:
            continue
        rest = found.replace("\\", "").replace("\u2060", "")
        for part in owed:
            rest = rest.replace(part, " ")
        rest = re.sub(r"“[^”]*”", " ", rest).lower()
        for part in sorted(users, key=len, reverse=True):
            rest = rest.replace(" ".join(part.lower().split()), " ")
        if reads_as_english(rest):
            left.append(found)
    return left


# --- no English interface words ---------------------------------------------------------------------------------


def test_empty_page_in_spanish_has_no_english():
    at = open_page(PAGE, {"lang": "es"})
    assert not at.exception, at.exception
    assert at.title[0].value == "Revisar un texto"
    assert any("pulse **Revisar**" in i.value for i in at.info)
    assert english_left(at) == []


@pytest.mark.parametrize("text", [view.EXAMPLE_ES, ENGLISH], ids=["spanish-example", "english-text"])
def test_checked_page_in_spanish_has_no_english_but_what_textcheck_owes(text, dataset):
    at = _check(text)
    assert at.subheader[0].value == "Señales de alarma"
    assert english_left(at, text, owed_by_textcheck(text, dataset)) == []


def test_guess_mode_in_spanish_has_no_english(dataset):
    at = _check(view.EXAMPLE_ES, query={"guess": "1"})
    assert english_left(at, view.EXAMPLE_ES) == []
    next(c for c in at.checkbox if c.key.startswith("mark_")).check().run()
    next(t for t in at.toggle if t.key == "reveal_flags").set_value(True).run()
    assert not at.exception, at.exception
    assert "Usted y el revisor coinciden en" in all_text(at)
    assert english_left(at, view.EXAMPLE_ES, owed_by_textcheck(view.EXAMPLE_ES, dataset)) == []


# --- the language the checker read -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("lang", "text", "line"),
    [
        ("es", view.EXAMPLE_ES, "Leímos este texto como español."),
        ("es", ENGLISH, "Leímos este texto como inglés."),
        ("en", ENGLISH, "We read this text as English."),
        ("en", view.EXAMPLE_ES, "We read this text as Spanish."),
    ],
)
def test_the_result_says_which_language_it_read(lang, text, line):
    at = _check(text, lang)
    assert line in [c.value for c in at.caption]


@pytest.mark.parametrize(
    ("lang", "message"),
    [("es", "El revisor lee inglés y español"), ("en", "The checker reads English and Spanish")],
)
def test_a_language_it_cannot_read_gets_a_plain_message_instead_of_a_report(lang, message):
    at = _check(FRENCH, lang)
    assert any(message in box.value for box in at.info)
    assert not at.subheader, "no empty report under the message"
    assert not at.get("download_button")
    if lang == "es":
        assert english_left(at) == []


def test_a_report_read_as_none_is_not_shown(monkeypatch):
    monkeypatch.setattr(ui, "analyze_text", lambda text, language="en": textcheck.TextReport(len(text), read_as=None))
    at = _check("Quelques mots.", "es")
    assert any("No pudimos leer este texto" in box.value for box in at.info)
    assert not at.subheader


# --- the example, numbers, the dose table and the guided reading in Spanish --------------------------------------


def test_spanish_example_is_offered_in_spanish_and_labelled_invented():
    at = open_page(PAGE, {"lang": "es"})
    next(b for b in at.button if b.label == "Rellenar con un ejemplo inventado").click().run()
    assert not at.exception, at.exception
    assert at.text_area(key="text").value == view.EXAMPLE_ES
    assert "Ejemplo inventado: no es la página de ninguna clínica real." in [c.value for c in at.caption]


@pytest.mark.parametrize("words", ["50 millones de células", "intraarticular", "sin riesgos"])
def test_spanish_example_has_a_dose_a_route_and_a_red_flag_to_find(words):
    assert words in view.EXAMPLE_ES
    assert detect_language.detect(view.EXAMPLE_ES) == "es"


def test_english_example_stays_for_english():
    assert view.example("en") == textcheck.EXAMPLE
    assert view.example("es") == view.EXAMPLE_ES


def test_counts_and_dose_table_in_spanish():
    at = _check(ENGLISH)
    counts = next(m.value for m in at.markdown if " · " in m.value and "señal" in m.value)
    assert counts.startswith("4 señales de alarma · 2 dosis · ")
    table = at.dataframe[0].value
    assert {"encontrada en el texto", "vía", "comparada con los ensayos"} <= set(table.columns)
    assert "intraarticular en la rodilla" in set(table["vía"])
    assert "Por qué importa: Afirmaciones frente a evidencia" in [link.label for link in at.get("page_link")]
    assert [b.label for b in at.get("download_button")] == ["Descargar el informe (Markdown)",
                                                             "Descargar los hallazgos (CSV)"]  # fmt: skip


def test_doses_meet_the_same_trials_in_both_languages():
    # The Spanish edition of the data translates labels, never the keys the comparison matches on.
    english = _check(ENGLISH, "en").dataframe[0].value
    spanish = _check(ENGLISH).dataframe[0].value
    assert list(spanish["ensayos en nuestros datos"]) == list(english["trials in our data"])
    assert list(spanish["identificadores de los ensayos"]) == list(english["trial ids"])
    assert english["trial ids"].iloc[0], "the example's first dose has trials to meet"


def test_guided_reading_answers_are_spanish_words_over_the_same_values():
    at = _check(ENGLISH)
    radio = next(r for r in at.radio if r.key.startswith("confirm_"))
    assert radio.options == ["Señal de alarma", "No es una señal de alarma"]
    radio.set_value("Señal de alarma").run()  # AppTest picks by the shown words; the page gets CONFIRM, its value
    assert "Confirmó 1, descartó 0" in all_text(at)


# --- errors and limits: plain Spanish, never a traceback ---------------------------------------------------------


def test_too_long_text_in_spanish():
    at = _check("a" * (textcheck.MAX_CHARS + 1))
    assert "como máximo 200.000 caracteres" in at.warning[0].value.replace("\\", "")
    assert not at.error
    assert english_left(at) == []


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("image.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "archivo binario"),
        ("latin.txt", "Stammzellen für das Knie: 50 Millionen".encode("latin-1"), "no es texto UTF-8"),
        ("huge.txt", b"stem cells " * 20_000, "200.000 caracteres"),
        ("empty.md", b"   ", "no contiene texto"),
        ("scan.pdf", b"%PDF-1.7 fake", "no es un archivo .txt"),
        ("page.docx", b"PK\x03\x04 fake", "no es un archivo .txt"),
    ],
)
def test_bad_uploads_get_a_plain_spanish_message(name, content, message):
    at = open_page(PAGE, {"lang": "es"})
    at.get("file_uploader")[0].upload(name, content, "text/plain").run()
    assert not at.exception, at.exception
    assert not at.error
    assert message in at.warning[0].value.replace("\\", "")
    assert english_left(at) == []


# --- the view's language plumbing -------------------------------------------------------------------------------


def test_in_lang_passes_the_language_only_to_functions_that_take_one():
    def speaks(text, lang="en"):
        return f"{text}:{lang}"

    def english_only(text):
        return text

    assert view.in_lang("es", speaks, "x") == "x:es"
    assert view.in_lang("es", english_only, "x") == "x"


def test_english_words_are_unchanged():
    report = textcheck.analyze(ENGLISH)
    assert view.counts_line(report.red_flags, report).startswith("4 red flags · 2 doses · ")
    assert view.read_as_line("en") == "We read this text as English."
    assert view.problem_message(textcheck.UploadError("as the checker says"), "en", "a.pdf") == "as the checker says"
    assert view.kind_label("seller") == "A seller's page (clinic, broker or advert)"
