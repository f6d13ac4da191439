"""The room's pure parts in Spanish: questions that line up with the English ones option by option, the chart,
the summary and its file, refusals, resume words and the key file."""

from __future__ import annotations

import pytest

from core.data import load
from core.data.translate import localised
from core.room import address, limits, results, resume
from core.room import questions as rq
from core.room.rules import RoomError, RoomState, no_room
from core.views import room as view


@pytest.fixture(scope="module")
def editions() -> dict[str, dict[str, rq.RoomQuestion]]:
    ds = load()
    return {lang: {q.id: q for q in rq.all_questions(localised(ds, lang))} for lang in ("en", "es")}


QUESTION = rq.RoomQuestion(
    id="q", kind="dose", prompt="¿Cuántas?", options=("pocas", "algunas", "muchas"), answer="algunas",
    explanation="Porque.", quotes=(), row_ids=("r1",), topic="doses", explains_page="pages/2_Doses.py",
)  # fmt: skip


# --- one option, one id, in both languages --------------------------------------------------------


def test_a_questions_options_are_stored_by_letter():
    assert QUESTION.option_ids == ("A", "B", "C")
    assert QUESTION.answer_id == "B"
    assert QUESTION.option_text("C") == "muchas"
    assert QUESTION.option_text(None) is None


def test_every_question_in_both_editions_has_the_same_options_by_letter_and_the_same_answer(editions):
    english, spanish = editions["en"], editions["es"]
    both = english.keys() & spanish.keys()
    assert len(both) >= 20
    for qid in both:
        assert spanish[qid].option_ids == english[qid].option_ids, qid
        assert spanish[qid].answer_id == english[qid].answer_id, qid


def test_both_editions_ask_the_same_questions(editions):
    assert editions["es"].keys() == editions["en"].keys()


def test_a_dose_questions_options_read_in_spanish_numbers(editions):
    question = editions["es"]["dose_knee"]
    # Never "billón" for a thousand million: a Spanish billón is a million million.
    assert question.options == ("1.000–15.000", "100.000–1,5 millones", "10 millones–150 millones",
                                "1.000 millones–15.000 millones")  # fmt: skip
    assert editions["en"]["dose_knee"].options[-1] == "1 billion–15 billion"
    assert question.answer == "10 millones–150 millones"
    assert question.prompt == "¿Cuántas células inyectaron los ensayos en una rodilla, en una sola inyección?"
    assert question.explanation.startswith("Número de células por inyección: 10 millones–150 millones, en 8 ensayos")


def test_a_claim_cards_options_are_verdict_names_in_spanish(editions):
    card = next(q for q in editions["es"].values() if q.kind == "claim card")
    english = editions["en"][card.id]
    assert card.options[:2] == ("contradicho por la evidencia", "engañoso")
    assert english.options[:2] == ("contradicted by evidence", "misleading")
    assert card.prompt.endswith("dice esto. ¿Cuál es nuestro veredicto?")
    assert card.explanation.startswith("Nuestro veredicto: ")


# --- chart and summary -----------------------------------------------------------------------------


def test_the_spanish_tally_counts_by_letter_and_names_its_statuses_in_spanish():
    frame = results.tally_frame(QUESTION, {"B": 3, "C": 1}, revealed=True, lang="es")
    assert frame.set_index("letter")["answers"].to_dict() == {"A": 0, "B": 3, "C": 1}
    assert list(frame["status"]) == ["otras opciones", "la respuesta", "otras opciones"]
    assert list(frame["label"]) == ["A", "B ✓ respuesta", "C"]


@pytest.mark.parametrize(("revealed", "title"), [(True, "El 75\xa0% de la sala eligió la respuesta"),
                                                 (False, "4 respuestas hasta ahora")])  # fmt: skip
def test_the_spanish_chart_states_its_finding_in_spanish(revealed, title):
    frame = results.tally_frame(QUESTION, {"B": 3, "C": 1}, revealed=revealed, lang="es")
    spec = results.tally_chart(frame, revealed, lang="es").to_dict()
    assert spec["title"]["text"][0] == title
    encodings = spec["layer"][0]["encoding"]
    assert (encodings["x"]["title"], encodings["y"]["title"]) == ("Respuestas (personas)", "Opción")
    assert [t["title"] for t in encodings["tooltip"]] == ["Opción", "Texto", "Respuestas"]
    assert spec["description"].startswith("Gráfico de barras de las respuestas por opción: opción A, 0; opción B, 3")


def test_the_english_chart_is_unchanged():
    frame = results.tally_frame(QUESTION, {"B": 3, "C": 1}, revealed=True)
    spec = results.tally_chart(frame, True).to_dict()
    assert spec["title"]["text"] == ["75% of the room chose the answer"]
    assert spec["description"] == "Bar chart of answers per option: option A, 0; option B, 3; option C, 1. The " \
        "answer is B."  # fmt: skip


def test_the_summary_and_its_file_read_in_the_facilitators_language():
    frame = results.summary([QUESTION], {"q": {"A": 2, "B": 2}}, lang="es")
    assert frame.loc[0, "most_chosen"] == "pocas y algunas (empate)"
    table = results.headed(frame, results.SUMMARY_HEADERS, "es")
    assert {"número", "pregunta", "respuesta", "la más elegida", "proporción de aciertos"} <= set(table.columns)
    text = results.summary_markdown(frame, "https://app.example", "K7DP3XAC", lang="es")
    assert text.startswith("# Sala de taller K7DP3XAC: lo que respondió la sala")
    assert "- Respuesta: algunas" in text
    assert "- 2 de 4 acertaron (50\xa0%); la más elegida: pocas y algunas (empate)" in text
    assert "No es un consejo médico." in text


def test_a_spanish_phone_and_an_english_phone_count_as_one_option_in_the_summary():
    english = rq.RoomQuestion(**{**QUESTION.__dict__, "options": ("few", "some", "many"), "answer": "some"})
    tally = {"A": 0, "B": 2, "C": 0}  # one phone tapped "algunas", one "some": both stored as B
    for question, lang, named in ((QUESTION, "es", "algunas"), (english, "en", "some")):
        row = results.summary([question], {"q": tally}, lang=lang).iloc[0]
        assert (row["right"], row["answered"], row["most_chosen"]) == (2, 2, named)


# --- words a phone or facilitator reads --------------------------------------------------------------


@pytest.mark.parametrize(
    ("error", "spanish"),
    [
        (no_room(), "Ese código no abre ninguna sala. Un código de sala tiene 8 letras y cifras"),
        (RoomError("Room {code} is full.", code="K7DP3XAC"), "La sala K7DP3XAC está llena."),
        (RoomError(limits.WRONG_CODES_PER_SESSION.refusal), "Varios códigos seguidos no abrieron ninguna sala."),
        (RoomError(limits.ROOMS_PER_SESSION.refusal), "Este navegador acaba de abrir varias salas."),
    ],
)
def test_refusals_read_in_spanish_and_stay_english_in_english(error, spanish):
    assert error.words("es").startswith(spanish)
    assert error.words("en") == str(error)
    assert not any(word in error.words("es") for word in ("room", "code", "browser"))


def test_the_no_room_words_name_the_code_length():
    assert "8 letters and digits" in str(no_room())


STATES = {
    "lobby": RoomState("K7DP3XAC", -1, 8, None, (), False, False, 1, 0.0),
    "live": RoomState("K7DP3XAC", 2, 8, "q", ("A", "B"), False, False, 12, 0.0),
    "ended": RoomState("K7DP3XAC", 7, 8, "q", ("A", "B"), False, True, 12, 0.0),
}


@pytest.mark.parametrize(
    ("state", "english", "spanish"),
    [
        ("lobby", "not started yet, 1 phone in the room", "aún sin empezar, 1 teléfono en la sala"),
        ("live", "question 3 of 8 is on screen, 12 phones in the room",
         "la pregunta 3 de 8 está en pantalla, 12 teléfonos en la sala"),
        ("ended", "the session has ended; its summary is still there (12 phones took part)",
         "la sesión ha terminado; su resumen sigue disponible (participaron 12 teléfonos)"),
    ],
)  # fmt: skip
def test_resume_words_in_both_languages(state, english, spanish):
    assert view.resume_words(STATES[state]) == english
    assert view.resume_words(STATES[state], "es") == spanish


def test_a_spanish_key_file_still_resumes_the_room():
    text = view.key_file_text("K7DP3XAC", "k" * 32, "es")
    assert "Guárdelo en privado: controla la sala." in text
    assert resume.read_key_file(text) == ("K7DP3XAC", "k" * 32)


@pytest.mark.parametrize(("mine", "kind", "words"), [("B", "success", "¡Acertó!"), ("A", "warning", "Esta vez no."),
                                                     (None, "info", "No respondió a esta.")])  # fmt: skip
def test_a_phones_feedback_compares_letters_and_reads_in_spanish(mine, kind, words):
    said = view.answer_feedback(QUESTION, mine, "es")
    assert said[0] == kind
    assert said[1].startswith(words)


def test_the_loopback_warning_reads_in_spanish():
    said = address.loopback_warning("http://localhost:8501/Run", None, "http://192.0.2.7:8501", "es")
    assert said.startswith("La dirección de esta página (localhost) solo se abre en este ordenador")
    assert "http://192.0.2.7:8501" in said
    assert address.PUBLIC_URL_ENV in said


def test_the_plan_list_says_none_yet_in_spanish():
    assert view.plan_markdown([], "es") == "Ninguna todavía."
    assert view.progress(STATES["live"], "es") == "Pregunta 3 de 8"
