"""The live room in Spanish: both pages read in Spanish, a mixed room counts one answer once per phone whatever
its language, and the join link names a language only when the facilitator picks one."""

from __future__ import annotations

import json

import pytest
from streamlit.testing.v1 import AppTest

from core.room import rules as room_rules
from core.views import room as view
from tests.spanish_check import english_on_page
from tests.test_pages import open_page

RUN, JOIN = "pages/12_Run_a_session.py", "pages/13_Join.py"
PLAN = ["dose_knee", "card_c000-01"]  # a dose question and a claim card: every word of both is the room's own


@pytest.fixture(autouse=True)
def room_db(tmp_path, monkeypatch) -> str:
    """A private SQLite room database per test (the cached store is keyed by this URL)."""
    url = f"sqlite:///{tmp_path / 'room.sqlite'}"
    monkeypatch.setenv(room_rules.URL_ENV, url)
    return url


def english_left(at: AppTest) -> list[str]:
    """english_on_page: every area is translated now, so nothing is excused."""
    return english_on_page(at)


def started_room(lang: str, plan_label: str = "Elegir preguntas") -> tuple[AppTest, str]:
    """A facilitator's page in `lang` with a fresh room asking PLAN, at question 1; the page and the room code."""
    at = open_page(RUN, {"lang": lang})
    at.button(key="room_start").click().run()
    code = at.header[0].value.replace(" ", "")
    at.radio(key="room_plan").set_value(plan_label).run()
    at.multiselect(key="room_picked").set_value(PLAN).run()
    at.button(key="room_go").click().run()
    return at, code


def option_buttons(at: AppTest) -> list:
    return [b for b in at.button if b.key and b.key.startswith("pick_")]


def answers_metric(at: AppTest) -> str:
    return at.metric[0].value


def chart_specs(at: AppTest) -> list[dict]:
    return [json.loads(chart.proto.spec) for chart in at.get("vega_lite_chart")]


def chart_titles(at: AppTest) -> list[str]:
    return [" ".join(spec["title"]["text"]) for spec in chart_specs(at)]


def plain(markdown: str) -> str:
    """Text as a reader sees it, without the escapes md_escape puts in (backslashes, word joiners)."""
    return markdown.replace("\\", "").replace("\u2060", "")


# --- both pages in Spanish --------------------------------------------------------------------------


def test_the_facilitators_lobby_reads_in_spanish():
    at = open_page(RUN, {"lang": "es"})
    assert english_left(at) == []
    at.button(key="room_start").click().run()
    assert not at.exception
    assert english_left(at) == []
    assert any(m.value == "**0 teléfonos en la sala**" for m in at.markdown)
    assert at.button(key="room_go").label == "Empezar: mostrar la pregunta 1"


def test_an_open_question_reads_in_spanish_on_the_facilitators_page_and_the_phone():
    at, code = started_room("es")
    phone = open_page(JOIN, {"room": code, "lang": "es"})
    option_buttons(phone)[0].click().run()
    at.run()
    at.toggle(key="data_room_dose_knee").set_value(True).run()  # the data behind the chart, and downloads
    for page in (at, phone):
        assert not page.exception
        assert english_left(page) == []
    assert list(at.dataframe[0].value.columns) == ["letra", "etiqueta", "opción", "respuestas", "estado"]
    assert set(at.dataframe[0].value["estado"]) == {"respuestas hasta ahora"}
    assert at.subheader[0].value == "Pregunta 1 de 2"
    assert answers_metric(at) == "1 de 1 teléfono"
    assert "¿Cuántas células inyectaron los ensayos en una rodilla" in " ".join(m.value for m in phone.markdown)
    assert chart_titles(at) == ["1 respuesta hasta ahora"]


def test_the_projector_view_reads_in_spanish():
    at, _ = started_room("es")
    at.toggle(key="view").set_value(True).run()
    assert not at.exception
    assert english_left(at) == []


def test_a_revealed_answer_reads_in_spanish_with_a_spanish_chart():
    at, code = started_room("es")
    phone = open_page(JOIN, {"room": code, "lang": "es"})
    option_buttons(phone)[0].click().run()
    at.button(key="room_reveal").click().run()
    phone.run()
    for page in (at, phone):
        assert not page.exception
        assert english_left(page) == []
    spec = chart_specs(phone)[0]
    assert spec["title"]["text"][0] == "El 0\xa0% de la sala eligió la respuesta"
    assert spec["layer"][0]["encoding"]["x"]["title"] == "Respuestas (personas)"
    assert "Gráfico de barras de las respuestas por opción" in spec["description"]
    assert phone.warning[0].value == "Esta vez no. Este es el motivo."


def test_the_ended_session_reads_in_spanish():
    at, code = started_room("es")
    phone = open_page(JOIN, {"room": code, "lang": "es"})
    option_buttons(phone)[0].click().run()
    at.button(key="room_end").click().run()
    phone.run()
    for page in (at, phone):
        assert not page.exception
        assert english_left(page) == []
    assert at.subheader[0].value == "La sesión ha terminado: lo que a la sala le resultó más difícil"
    assert {"pregunta", "respuesta", "la más elegida"} <= set(at.dataframe[0].value.columns)
    assert phone.success[0].value == "La sesión ha terminado. ¡Gracias por participar!"


@pytest.mark.parametrize(
    ("query", "said"),
    [
        ({"room": "ZZZZZZZZ"}, "Ese código no abre ninguna sala. Un código de sala tiene 8 letras y cifras"),
        ({"room": "<script>alert(1)</script>"}, "Ese código no abre ninguna sala."),
    ],
)
def test_a_wrong_code_is_a_plain_spanish_message(query, said):
    phone = open_page(JOIN, {**query, "lang": "es"})
    assert not phone.exception
    assert plain(phone.warning[0].value).startswith(said)
    assert english_left(phone) == []


def test_a_closed_room_turns_a_spanish_phone_away_in_spanish():
    at, code = started_room("en", plan_label="Pick questions")
    at.toggle(key="room_locked_False").set_value(True).run()
    phone = open_page(JOIN, {"room": code, "lang": "es"})
    assert plain(phone.warning[0].value).startswith("La persona facilitadora cerró esta sala")
    assert not option_buttons(phone)


# --- one answer, counted the same in both languages -----------------------------------------------


def test_a_spanish_and_an_english_phone_choosing_one_option_count_two_in_both_languages():
    at, code = started_room("en", plan_label="Pick questions")
    at.button(key="room_next").click().run()  # the claim card: its options are verdict names in each language
    spanish, english = (open_page(JOIN, {"room": code, "lang": lang}) for lang in ("es", "en"))
    es_label, en_label = option_buttons(spanish)[1].label, option_buttons(english)[1].label
    assert (es_label, en_label) == ("B. engañoso", "B. misleading")  # different words, one option
    option_buttons(spanish)[1].click().run()
    option_buttons(english)[1].click().run()
    at.toggle(key="data_room_card_c000-01").set_value(True).run()
    assert answers_metric(at) == "2 of 2 phones"
    english_counts = at.dataframe[0].value.set_index("letter")["answers"].to_dict()
    at.query_params["lang"] = "es"  # the same facilitator, reading the room in Spanish
    at.run()
    assert answers_metric(at) == "2 de 2 teléfonos"
    spanish_counts = at.dataframe[0].value.set_index("letra")["respuestas"].to_dict()
    assert english_counts["B"] == spanish_counts["B"] == 2
    assert english_counts == spanish_counts
    assert sum(english_counts.values()) == 2


def test_a_phone_switching_language_keeps_its_answer_highlighted():
    _, code = started_room("en", plan_label="Pick questions")
    phone = open_page(JOIN, {"room": code, "lang": "en"})
    option_buttons(phone)[2].click().run()
    again = open_page(JOIN, {"room": code, "p": phone.query_params["p"], "lang": "es"})
    assert [b.proto.type for b in option_buttons(again)][:3] == ["secondary", "secondary", "primary"]


# --- the join link ---------------------------------------------------------------------------------


def test_the_join_link_names_no_language_unless_one_is_chosen():
    assert view.join_link_at("https://w.example/app", "K7DP3XAC") == "https://w.example/app/Join?room=K7DP3XAC"
    assert view.join_link_at("https://w.example/app", "K7DP3XAC", "es") == (
        "https://w.example/app/Join?room=K7DP3XAC&lang=es"
    )


@pytest.mark.parametrize(("lang", "choice", "ending"), [
    ("es", None, "/Join?room={code}"),  # a Spanish facilitator's phones each open in their own language
    ("en", None, "/Join?room={code}"),
    ("es", "Español", "/Join?room={code}&lang=es"),
    ("es", "English", "/Join?room={code}&lang=en"),
    ("en", "Español", "/Join?room={code}&lang=es"),
])  # fmt: skip
def test_the_facilitator_picks_the_phones_language_for_the_link_and_its_qr_code(lang, choice, ending):
    at = open_page(RUN, {"lang": lang})
    at.button(key="room_start").click().run()
    code = at.header[0].value.replace(" ", "")
    if choice:
        at.radio(key="room_phone_lang_12").set_value(choice).run()
    assert at.text_input(key="join_link_12").value.endswith(ending.format(code=code))


def test_the_join_page_keeps_the_room_and_the_phone_when_it_changes_language():
    _, code = started_room("en", plan_label="Pick questions")
    phone = open_page(JOIN, {"room": code, "lang": "es"})
    nav = next(h.proto.body for h in phone.get("html") if "room-language" in h.proto.body)
    assert f'href="?room={code}&amp;p={phone.query_params["p"]}&amp;lang=en"' in nav
    assert f"Sala {code}" in [c.value for c in phone.caption]


def test_resuming_with_a_wrong_key_is_refused_in_spanish():
    at = open_page(RUN, {"lang": "es"})
    at.button(key="room_start").click().run()
    code = at.header[0].value.replace(" ", "")
    other = open_page(RUN, {"lang": "es"})
    other.text_input(key="resume_code").set_value(code)
    other.text_input(key="resume_key").set_value("x" * 32).run()
    other.button(key="room_resume").click().run()
    assert plain(other.warning[0].value) == "Solo la persona facilitadora que abrió esta sala puede hacer eso."
    assert english_left(other) == []


def test_a_spanish_facilitator_resumes_with_the_saved_key_file():
    at = open_page(RUN, {"lang": "es"})
    at.button(key="room_start").click().run()
    code, token = at.session_state["room_facilitator"]
    other = open_page(RUN, {"lang": "es"})
    other.text_input(key="resume_code").set_value(code)
    other.text_input(key="resume_key").set_value(token).run()
    other.button(key="room_resume").click().run()
    assert other.header[0].value.replace(" ", "") == code
    assert other.get("download_button")[0].proto.label.startswith("Guardar la clave de la persona facilitadora")


def test_the_phones_language_chosen_in_the_lobby_stays_chosen_once_the_session_runs():
    at = open_page(RUN, {"lang": "es"})
    at.button(key="room_start").click().run()
    code = at.header[0].value.replace(" ", "")
    at.radio(key="room_phone_lang_12").set_value("English").run()
    at.button(key="room_go").click().run()
    assert at.radio(key="room_phone_lang_8").value == "English"
    assert at.text_input(key="join_link_8").value.endswith(f"/Join?room={code}&lang=en")
