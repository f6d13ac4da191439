"""AppTest for the live room's pages: the facilitator's "Run a session" and the participants' "Join"."""

from __future__ import annotations

from pathlib import Path

import pytest
import sqlalchemy as sa
from streamlit.testing.v1 import AppTest

from core.room import rules as room_rules
from core.room import schema as room_schema
from tests.test_pages import open_page

RUN, JOIN = "pages/12_Run_a_session.py", "pages/13_Join.py"


@pytest.fixture(autouse=True)
def room_db(tmp_path, monkeypatch) -> str:
    """A private SQLite room database per test (the cached store is keyed by this URL)."""
    url = f"sqlite:///{tmp_path / 'room.sqlite'}"
    monkeypatch.setenv(room_rules.URL_ENV, url)
    return url


def started_room(plan: str | None = None) -> tuple[AppTest, str]:
    """A facilitator's page with a fresh room showing its first question; returns the page and the room code."""
    at = open_page(RUN)
    at.button(key="room_start").click().run()
    code = at.header[0].value.replace(" ", "")
    if plan:
        at.radio(key="room_plan").set_value(plan).run()
    at.button(key="room_go").click().run()
    return at, code


def joined(code: str, extra: dict[str, str] | None = None) -> AppTest:
    return open_page(JOIN, {"room": code, **(extra or {})})


def option_buttons(at: AppTest) -> list:
    return [b for b in at.button if b.key and b.key.startswith("pick_")]


def answers_metric(at: AppTest) -> str:
    return next(m.value for m in at.metric if m.label == "Answers")


def no_failure_shown(at: AppTest) -> bool:
    return not at.exception and not at.error


# --- facilitator --------------------------------------------------------------------------------


def test_starting_a_room_shows_a_code_a_link_and_a_qr_code():
    at = open_page(RUN)
    at.button(key="room_start").click().run()
    code = at.header[0].value.replace(" ", "")
    assert len(code) == 8
    assert at.text_input(key="join_link_12").value.endswith(f"/Join?room={code}")
    assert len(at.get("image")) == 1
    assert no_failure_shown(at)


def test_the_public_url_sets_the_join_link_without_a_warning(monkeypatch):
    monkeypatch.setenv("STEMCELL_PUBLIC_URL", "https://workshop.example.org/app/")
    at = open_page(RUN)
    at.button(key="room_start").click().run()
    code = at.header[0].value.replace(" ", "")
    assert at.text_input(key="join_link_12").value == f"https://workshop.example.org/app/Join?room={code}"
    assert not any("phones cannot use it" in w.value for w in at.warning)


def test_a_loopback_facilitator_is_warned_that_phones_cannot_open_the_link(monkeypatch):
    monkeypatch.delenv("STEMCELL_PUBLIC_URL", raising=False)
    at = open_page(RUN)
    at.button(key="room_start").click().run()
    assert any("phones cannot use it" in w.value for w in at.warning)


def test_the_handout_qr_code_uses_the_public_url(monkeypatch):
    monkeypatch.setenv("STEMCELL_PUBLIC_URL", "https://workshop.example.org")
    at = open_page("pages/11_Handout.py")
    assert at.text_input(key="app_url").value == "https://workshop.example.org"


def test_the_facilitator_key_is_never_in_the_address_or_on_screen():
    at = open_page(RUN)
    at.button(key="room_start").click().run()
    _, token = at.session_state["room_facilitator"]
    assert token not in str(dict(at.query_params))
    shown = [e.value for kind in ("markdown", "caption", "header", "text_input") for e in getattr(at, kind)]
    assert not any(token in str(value) for value in shown)


def test_the_45_minute_plan_starts_at_question_one():
    at, _ = started_room()
    assert at.subheader[0].value == "Question 1 of 8"
    assert answers_metric(at) == "0 of 0 phones"


def test_a_hand_picked_plan_asks_only_the_picked_questions():
    at = open_page(RUN)
    at.button(key="room_start").click().run()
    at.radio(key="room_plan").set_value("Pick questions").run()
    at.multiselect(key="room_picked").set_value(["dose_knee", "dose_disc"]).run()
    at.button(key="room_go").click().run()
    assert at.subheader[0].value == "Question 1 of 2"
    assert "How many cells did trials inject into a knee" in at.markdown[-1].value or any(
        "into a knee" in m.value for m in at.markdown
    )


def test_resuming_with_a_wrong_key_is_refused_in_words():
    at = open_page(RUN)
    at.button(key="room_start").click().run()
    code = at.header[0].value.replace(" ", "")
    other = open_page(RUN)
    other.text_input(key="resume_code").set_value(code)
    other.text_input(key="resume_key").set_value("x" * 32).run()
    other.button(key="room_resume").click().run()
    assert "Only the facilitator" in other.warning[0].value
    assert "room_facilitator" not in other.session_state


def test_resuming_with_the_saved_key_reopens_the_room():
    at = open_page(RUN)
    at.button(key="room_start").click().run()
    code, token = at.session_state["room_facilitator"]
    other = open_page(RUN)
    other.text_input(key="resume_code").set_value(code.lower())
    other.text_input(key="resume_key").set_value(token).run()
    other.button(key="room_resume").click().run()
    assert other.header[0].value.replace(" ", "") == code


# --- participants -------------------------------------------------------------------------------


def test_a_participant_sees_the_question_and_one_button_per_option():
    _, code = started_room()
    phone = joined(code)
    letters = [b.label[:2] for b in option_buttons(phone)]
    assert len(letters) >= 2
    assert letters == [f"{c}." for c in "ABCDEFGHIJKL"[: len(letters)]]
    assert no_failure_shown(phone)


def test_an_answer_reaches_the_facilitators_tally():
    at, code = started_room()
    phone = joined(code)
    option_buttons(phone)[1].click().run()
    at.run()
    assert answers_metric(at) == "1 of 1 phone"


def test_changing_an_answer_replaces_it():
    at, code = started_room()
    phone = joined(code)
    option_buttons(phone)[0].click().run()
    option_buttons(phone)[2].click().run()
    at.run()
    assert answers_metric(at) == "1 of 1 phone"
    assert [b.proto.type for b in option_buttons(phone)][:3] == ["secondary", "secondary", "primary"]


def test_rejoining_on_the_same_phone_keeps_the_answer():
    _, code = started_room()
    phone = joined(code)
    option_buttons(phone)[1].click().run()
    again = joined(code, {"p": phone.query_params["p"]})
    assert again.query_params["p"] == phone.query_params["p"]
    assert option_buttons(again)[1].proto.type == "primary"


def test_join_leave_join_on_one_phone_keeps_one_id():
    at, code = started_room()
    phone = joined(code)
    first = phone.query_params["p"]
    for _ in range(3):
        phone.button(key="room_leave").click().run()
        phone.text_input(key="room_code_typed").set_value(code)
        phone.button[0].click().run()
        assert phone.query_params["p"] == first
    at.run()
    assert answers_metric(at) == "0 of 1 phone"


def test_the_lobby_counts_phones_as_they_join():
    at = open_page(RUN)
    at.button(key="room_start").click().run()
    code = at.header[0].value.replace(" ", "")
    joined(code)
    joined(code)
    at.run()
    assert any(m.value == "**2 phones in the room**" for m in at.markdown)


def test_a_closed_room_turns_newcomers_away_in_words():
    at, code = started_room()
    at.toggle(key="room_locked_False").set_value(True).run()
    phone = joined(code)
    assert no_failure_shown(phone)
    assert "closed this room to newcomers" in phone.warning[0].value
    assert not option_buttons(phone)


def test_the_projector_view_puts_the_options_in_large_headings():
    at, _ = started_room()
    at.toggle(key="view").set_value(True).run()
    assert at.query_params["view"] == "projector"
    headings = [m.value for m in at.markdown if m.value.startswith("### A. ")]
    assert headings
    assert "### B. " in headings[0]


def test_the_summary_lists_only_the_questions_asked():
    at, _ = started_room()
    at.button(key="room_end").click().run()
    assert len(at.dataframe[0].value) == 1


def test_a_deleted_room_file_is_said_plainly_to_the_facilitator(room_db):
    at, _ = started_room()
    path = room_db.removeprefix("sqlite:///")
    for suffix in ("", "-wal", "-shm"):
        Path(path + suffix).unlink(missing_ok=True)
    at.run()
    assert any("deleted or replaced" in w.value for w in at.warning)
    assert no_failure_shown(at)


def test_the_reveal_reaches_the_phone_and_closes_answers():
    at, code = started_room()
    phone = joined(code)
    option_buttons(phone)[0].click().run()
    at.button(key="room_reveal").click().run()
    phone.run()
    assert not option_buttons(phone)
    assert any(m.value.startswith("**Answer:") for m in phone.markdown)
    assert phone.success or phone.warning


def test_ending_the_session_shows_a_downloadable_summary():
    at, code = started_room()
    phone = joined(code)
    option_buttons(phone)[0].click().run()
    at.button(key="room_end").click().run()
    assert "hardest" in at.subheader[0].value
    assert {"room_summary_md", f"csv_room-{code}-summary"} <= {b.key for b in at.get("download_button")}
    phone.run()
    assert "has ended" in phone.success[0].value


def test_the_nickname_stays_on_the_phone(room_db):
    _, code = started_room()
    phone = joined(code)
    phone.text_input(key="room_nickname").set_value("Zebedee-Nickname").run()
    option_buttons(phone)[0].click().run()
    assert any("Zebedee" in m.value for m in phone.markdown)
    engine = sa.create_engine(room_db)
    with engine.connect() as conn:
        dump = [row for table in room_schema.metadata.sorted_tables for row in conn.execute(sa.select(table))]
    engine.dispose()
    assert dump
    assert "Zebedee" not in str(dump)


@pytest.mark.parametrize(
    "code",
    ["<script>alert(1)</script>", "'; DROP TABLE answer; --", "A" * 10_000, "ZZZZZZ", "K7DP3", "![x](http://e.test)"],
)
def test_a_bad_code_in_the_link_gets_a_plain_message(code):
    phone = open_page(JOIN, {"room": code})
    assert no_failure_shown(phone)
    assert phone.warning
    assert "room code" in phone.warning[0].value.lower() or "no room" in phone.warning[0].value.lower()
    assert phone.text_input(key="room_code_typed")


@pytest.mark.parametrize("pid", ["<script>alert(1)</script>", "x" * 10_000, "AAAAAAAAAAAAAAAA"])
def test_a_mangled_participant_id_in_the_link_just_joins_afresh(pid):
    _, code = started_room()
    phone = joined(code, {"p": pid})
    assert no_failure_shown(phone)
    assert not phone.warning
    assert phone.query_params["p"] != pid
    assert option_buttons(phone)


def test_a_typed_code_joins_the_room():
    _, code = started_room()
    phone = open_page(JOIN)
    phone.text_input(key="room_code_typed").set_value(f" {code[:3].lower()} {code[3:]} ")
    phone.get("form_submit_button")[0].click().run()
    assert phone.query_params["room"] == code
    assert option_buttons(phone)


def test_an_ended_room_reads_to_a_newcomer_like_any_code_that_opens_no_room():
    at, code = started_room()
    at.button(key="room_end").click().run()
    phone = joined(code)
    assert no_failure_shown(phone)
    assert "does not open a room" in phone.warning[0].value


def test_an_unreachable_database_is_a_plain_message(monkeypatch):
    monkeypatch.setenv(room_rules.URL_ENV, "postgresql://room@127.0.0.1:1/none")
    for path in (RUN, JOIN):
        at = open_page(path)
        assert no_failure_shown(at)
        assert "cannot be reached" in at.warning[0].value
