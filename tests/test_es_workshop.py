"""The Spanish edition of Exercises, Methods & caveats, Facilitator guide and Handout: no English interface word,
the same exercises and answers in both languages, GRADE words and Spanish numbers, a Spanish handout that links
back in Spanish, and the glossary in both languages."""

from __future__ import annotations

import re

import pytest
from streamlit.testing.v1 import AppTest

from core.analysis import findings
from core.data.translate import localised
from core.views import exercises as exercises_view
from core.views import handout, methods
from core.workshop import glossary
from core.workshop.exercises import exercises, score
from tests.spanish_check import english_on_page, reads_as_english
from tests.test_pages import open_page

EXERCISES, METHODS, GUIDE, HANDOUT = (
    "pages/8_Exercises.py",
    "pages/9_Methods.py",
    "pages/10_Facilitator_guide.py",
    "pages/11_Handout.py",
)
QUESTION_PAGES = ("1", "2", "3", "4")  # five questions a page


@pytest.fixture(scope="module")
def spanish(dataset):
    return localised(dataset, "es")


@pytest.fixture(scope="module")
def both(dataset, spanish):
    return exercises(dataset), exercises(spanish)


def _reveal_all(at: AppTest) -> AppTest:
    """Press every "reveal" button on the page, one run each (a press redraws the page and its buttons)."""
    while True:
        waiting = [b for b in at.button if (b.key or "").startswith("reveal_")]
        if not waiting:
            return at
        at = waiting[0].click().run()


def _answer_all(at: AppTest) -> AppTest:
    """Pick the first option of every question on the page and check it."""
    for key in [r.key for r in at.radio if (r.key or "").startswith("pick_")]:
        at.radio(key=key).set_value(at.radio(key=key).options[0]).run()
        at.button(key="check_" + key.removeprefix("pick_")).click().run()
    return at


# --- every page in Spanish, as it opens and after the typical use --------------------------------


@pytest.mark.parametrize("path", [EXERCISES, METHODS, GUIDE, HANDOUT])
def test_page_in_spanish_has_no_english_interface_text(path):
    at = open_page(path, {"lang": "es"})
    assert not at.exception
    assert english_on_page(at) == []


@pytest.mark.parametrize("page", QUESTION_PAGES)
def test_exercises_in_spanish_after_answering_have_no_english(page):
    at = _answer_all(open_page(EXERCISES, {"lang": "es", "q": page}))
    assert not at.exception
    assert at.success or at.warning  # an answer was checked and judged
    assert english_on_page(at) == []


@pytest.mark.parametrize("page", QUESTION_PAGES)
def test_exercises_in_spanish_with_every_answer_revealed_have_no_english(page):
    at = _reveal_all(open_page(EXERCISES, {"lang": "es", "q": page, "mode": "facilitator"}))
    assert not at.exception
    assert [m for m in at.markdown if m.value.startswith("**Respuesta:**")]
    assert english_on_page(at) == []


def test_exercise_table_switch_in_spanish_has_no_english():
    at = open_page(EXERCISES, {"lang": "es"})
    at = at.toggle(key="exercise_rows").set_value(True).run()
    assert not at.exception
    assert english_on_page(at) == []


@pytest.mark.parametrize("query", [{"plan": "90 minutes"}, {"file": "evidence_summary"}])
def test_guide_and_methods_choices_in_spanish_have_no_english(query):
    at = open_page(GUIDE if "plan" in query else METHODS, {"lang": "es", **query})
    assert not at.exception
    assert english_on_page(at) == []


# --- exercises: the same questions and answers in both languages ---------------------------------


def test_both_languages_have_the_same_exercises_in_the_same_order(both):
    english, spanish = both
    assert [e.id for e in spanish] == [e.id for e in english]
    assert len(english) >= 15


def test_both_languages_have_the_same_answer_among_the_same_number_of_options(both):
    english, spanish = both
    assert [(e.answer_index, len(e.options)) for e in spanish] == [(e.answer_index, len(e.options)) for e in english]


def test_an_answer_given_by_index_scores_the_same_in_either_language(both):
    english, spanish = both
    answers = {e.id: e.answer_index for e in english[:5]} | {english[5].id: (english[5].answer_index + 1) % 2}
    assert score(answers, english) == score(answers, spanish) == (5, 6)


def test_exercises_read_in_spanish(both):
    _, spanish = both
    by_id = {e.id: e for e in spanish}
    assert by_id["iv_course"].question.startswith("Vega Stem Cell recomienda")
    assert by_id["approved_knee"].answer.startswith("Un parche de células de cartílago")
    assert by_id["spine"].answer.startswith("Empate: ")


def test_spanish_cell_counts_say_millions_never_billones(both):
    _, spanish = both
    course = next(e for e in spanish if e.id == "iv_course")
    assert course.answer == "300 millones–1200 millones" or course.answer == "300 millones–1.200 millones"
    assert "millones de células" in course.explanation
    assert not any(re.search(r"bill[oó]n", f"{e.question} {e.options} {e.explanation}") for e in spanish)


def test_quoted_options_are_picked_by_letter_in_spanish_only(both):
    english, spanish = both
    claim = next(e for e in spanish if e.quoted_options)
    assert set(exercises_view.option_names(claim, "es").values()) == {"Frase A", "Frase B", "Frase C"}
    same = next(e for e in english if e.id == claim.id)
    assert list(exercises_view.option_names(same, "en").values()) == list(same.options)


# --- methods: GRADE words, Spanish headers ---------------------------------------------------------


def test_summary_of_findings_says_grade_certainty_in_spanish(spanish):
    text = " ".join(rows for _, rows in methods.findings_blocks(spanish))
    assert re.search(r"certeza (moderada|baja|muy baja|alta)\.", text)
    assert "certainty" not in text


def test_methods_page_shows_grade_words_in_spanish():
    at = open_page(METHODS, {"lang": "es"})
    text = " ".join(m.value for m in at.markdown)
    assert "certeza moderada" in text
    assert "certeza muy baja" in text


@pytest.mark.parametrize(
    ("view", "header"), [(methods.verification_counts, "verificado"), (methods.findings_table, "fuentes")]
)
def test_methods_tables_have_spanish_headers(spanish, view, header):
    assert header in view(spanish).columns


def test_methods_counts_what_a_native_speaker_has_checked_from_the_data(spanish):
    rows = spanish.translations[spanish.translations["lang"] == "es"]
    ours = rows[rows["source"] == ""]
    note = methods.translation_note(spanish)
    assert f"Textos que tradujimos: {len(ours):,}".replace(",", ".") in note
    assert f"revisados por un hablante nativo: {(ours['reviewed'] == 'yes').sum()}." in note
    assert f"citadas como tales: {(rows['source'] != '').sum()}." in note


def test_methods_page_in_spanish_says_who_translated_it():
    at = open_page(METHODS, {"lang": "es"})
    assert any(m.value.startswith("**Sobre esta edición.**") for m in at.markdown)


def test_english_methods_has_no_translation_note(dataset):
    assert methods.translation_note(dataset) == ""
    assert not any("About this edition" in m.value for m in open_page(METHODS).markdown)


def test_methods_english_is_unchanged(dataset):
    assert list(methods.verification_counts(dataset).columns)[:2] == ["table", "verified"]
    assert methods.method_levels(dataset)[0][0].startswith("contradicted by evidence: ")


# --- handout ---------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def spanish_handout(spanish):
    return handout.handout_html(spanish, "https://claims.example.org/?plan=x", "2026-11-30")


def test_spanish_handout_says_it_is_spanish(spanish_handout):
    assert '<html lang="es">' in spanish_handout
    assert "No es un consejo médico." in spanish_handout


def test_spanish_handout_has_no_english_sentence_of_its_own(spanish_handout):
    # The findings list comes from Home's key points (another area); every other text of the sheet is ours.
    text = re.sub(r"<svg.*?</svg>|<style>.*?</style>|<ol>.*?</ol>", " ", spanish_handout, flags=re.S)
    texts = [t.strip() for t in re.split(r"<[^>]+>", text) if t.strip()]
    assert texts
    assert [t for t in texts if reads_as_english(t)] == []


def test_spanish_handout_has_a_spanish_date(spanish_handout):
    assert "30 de noviembre de 2026" in spanish_handout


def test_spanish_handout_links_back_in_spanish(spanish_handout):
    assert "https://claims.example.org/?plan=x&amp;lang=es" in spanish_handout
    assert handout.app_link("https://claims.example.org/?lang=en", "es") == "https://claims.example.org/?lang=es"
    assert handout.app_link("https://claims.example.org/", "en") == "https://claims.example.org/"


def test_spanish_handout_downloads_under_an_es_file_name():
    assert handout.file_name("es") == "stem-cell-claims-handout_es.html"
    assert handout.file_name("en") == "stem-cell-claims-handout.html"


def test_spanish_handout_escapes_data(spanish, monkeypatch):
    hostile = findings.Finding("<script>alert(1)</script>", "a & b", ("x",))
    monkeypatch.setattr(handout, "key_points", lambda ds: [hostile])
    page = handout.handout_html(spanish, "https://claims.example.org/", "2026-11-30")
    assert "<script>alert" not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page


def test_handout_page_in_spanish_offers_the_spanish_file_and_code():
    at = open_page(HANDOUT, {"lang": "es"})
    assert any("lang=es" in c.value.replace("\\", "") for c in at.caption)
    assert not at.exception


def test_bad_address_is_refused_in_spanish(spanish):
    with pytest.raises(handout.HandoutError, match="no es una dirección web"):
        handout.handout_html(spanish, "javascript:alert(1)", "2026-11-30")


# --- glossary ---------------------------------------------------------------------------------------


def test_glossary_shows_a_spanish_term_with_its_english(spanish):
    assert glossary.shown_term(spanish, "Artrosis") == "Artrosis (Osteoarthritis)"
    assert glossary.shown_term(spanish, "Epidural") == "Epidural"  # the same in both languages


def test_glossary_keeps_english_terms_alone(dataset):
    assert glossary.shown_term(dataset, "Osteoarthritis") == "Osteoarthritis"
    assert glossary.english_terms(dataset) == {}


@pytest.mark.parametrize(
    ("text", "term"),
    [
        ("la artrosis de rodilla", "Artrosis"),
        ("las células madre mesenquimales", "CMM (células madre mesenquimales)"),
        ("“MSCs can turn into cartilage cells”", "CMM (células madre mesenquimales)"),  # a verbatim quote
    ],
)
def test_glossary_finds_terms_in_spanish_and_in_quoted_english(spanish, text, term):
    assert term in list(glossary.glossary_entries(spanish, text)["term"])


def test_glossary_entries_in_english_are_the_terms_found(dataset):
    found = glossary.glossary_entries(dataset, "intrathecal MSCs")
    assert list(found["shown_term"]) == list(found["term"]) == ["MSC", "Intrathecal"]
