"""The room's questions come from the data; its chart, summary, join link and QR code are right."""

from __future__ import annotations

from pathlib import Path

import pytest

from core.charts import theme
from core.room import limits, results
from core.room import questions as rq
from core.room.rules import _QUESTION_ID, MAX_OPTIONS, RoomError, RoomState
from core.views import room as view

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def all_questions(dataset):
    return rq.all_questions(dataset)


def test_every_question_has_its_answer_among_its_options(all_questions):
    assert all_questions
    assert all(q.answer in q.options for q in all_questions)


def test_question_ids_are_unique_and_storable(all_questions):
    ids = [q.id for q in all_questions]
    assert len(ids) == len(set(ids))
    assert all(_QUESTION_ID.fullmatch(i) for i in ids)


def test_options_fit_a_room(all_questions):
    assert all(2 <= len(q.options) <= MAX_OPTIONS and len(set(q.options)) == len(q.options) for q in all_questions)


def test_every_question_links_to_a_page_that_exists(all_questions):
    assert all((ROOT / q.explains_page).is_file() for q in all_questions)


def test_there_are_exercises_claim_cards_and_dose_questions(all_questions):
    assert {q.kind for q in all_questions} == {"exercise", "claim card", "dose"}


def test_claim_cards_quote_the_claims_table_verbatim(dataset):
    claims = dataset.claims.set_index("id")
    for card in rq.claim_cards(dataset):
        claim = claims.loc[card.row_ids[0]]
        assert card.card_quote.text == claim["quote"]
        assert card.answer == claim["verdict"]


def test_claim_cards_cover_each_page_once(dataset):
    sources = [card.prompt.split(" says")[0] for card in rq.claim_cards(dataset)]
    assert sorted(sources) == sorted(dataset.sources["short_label"])


def test_the_knee_dose_answer_spans_the_knee_trials_doses(dataset):
    ev = dataset.evidence
    knee = ev[(ev["dose_basis"] == "per knee injection") & ev["kind"].isin(rq.TRIAL_KINDS)]
    doses = [d for row in knee["doses_cells"] for d in row]
    question = next(q for q in rq.dose_questions(dataset) if q.id == "dose_knee")
    assert question.answer == rq.cells_range(min(doses), max(doses))
    assert set(question.row_ids) == set(knee["id"])


def test_session_plans_follow_the_guide_sizes(all_questions):
    plans = rq.session_plans(all_questions)
    known = {q.id for q in all_questions}
    assert len(plans["45 minutes"]) == min(8, len(all_questions))
    assert len(plans["90 minutes"]) == min(15, len(all_questions))
    assert all(set(ids) <= known and len(set(ids)) == len(ids) for ids in plans.values())


def test_a_hand_picked_plan_keeps_the_order_and_drops_unknown_ids(all_questions):
    by_id = {q.id: q for q in all_questions}
    picked = view.plan_questions(view.PICK_PLAN, {}, ["dose_disc", "nope", "dose_knee"], by_id)
    assert [q.id for q in picked] == ["dose_disc", "dose_knee"]


# --- chart and summary --------------------------------------------------------------------------

QUESTION = rq.RoomQuestion(
    id="q", kind="dose", prompt="How many?", options=("few", "some", "many"), answer="some", explanation="Because.",
    quotes=(), row_ids=("r1",), topic="doses", explains_page="pages/2_Doses.py",
)  # fmt: skip


def test_the_tally_hides_the_answer_until_revealed():
    frame = results.tally_frame(QUESTION, {"B": 3, "C": 1}, revealed=False)
    assert set(frame["status"]) == {"answers so far"}
    spec = results.tally_chart(frame, revealed=False).to_dict()
    assert "hidden" in spec["description"]


def test_the_revealed_tally_marks_the_answer_and_states_the_share():
    frame = results.tally_frame(QUESTION, {"B": 3, "C": 1}, revealed=True)
    assert frame.set_index("option")["status"].to_dict() == {
        "few": "other options", "some": "the answer", "many": "other options"}  # fmt: skip
    spec = results.tally_chart(frame, revealed=True).to_dict()
    assert spec["title"]["text"] == ["75% of the room chose the answer"]
    assert "option B" in spec["description"]


def test_the_summary_puts_the_most_missed_question_first():
    easy = QUESTION
    hard = rq.RoomQuestion(**{**QUESTION.__dict__, "id": "h", "prompt": "Hard?"})
    frame = results.summary([easy, hard], {"q": {"B": 4}, "h": {"A": 3, "B": 1}})
    assert list(frame["question_id"]) == ["h", "q"]
    assert list(frame["share_right"]) == [0.25, 1.0]


@pytest.mark.parametrize(
    ("tally", "named"),
    [
        ({"A": 1, "B": 3, "C": 0}, "some"),
        ({"A": 2, "B": 2, "C": 0}, "few and some (tied)"),
        ({"A": 1, "B": 1, "C": 1}, "few, some and many (tied)"),
    ],
)
def test_the_summary_names_the_most_chosen_option_and_ties(tally, named):
    frame = results.summary([QUESTION], {"q": tally})
    assert frame.loc[0, "most_chosen"] == named


def test_the_projector_chart_has_labels_of_at_least_20_px():
    frame = results.tally_frame(QUESTION, {"B": 3}, revealed=False)
    config = results.tally_chart(frame, revealed=False, projector=True).to_dict()["config"]
    assert config["axis"]["labelFontSize"] >= 20
    assert config["text"]["fontSize"] >= 20
    assert config["title"]["fontSize"] >= 20


def test_the_default_chart_keeps_its_sizes():
    frame = results.tally_frame(QUESTION, {"B": 3}, revealed=False)
    config = results.tally_chart(frame, revealed=False).to_dict().get("config", {})
    assert config.get("axis", {}).get("labelFontSize", theme.LABEL_SIZE) == theme.LABEL_SIZE


def test_the_summary_file_links_each_question_to_its_page():
    frame = results.summary([QUESTION], {"q": {"A": 1}})
    text = results.summary_markdown(frame, "https://app.example/", "K7DP3X")
    assert "https://app.example/Doses" in text
    assert "0 of 1 right" in text


# --- join link and QR ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("page_url", "link"),
    [
        ("http://127.0.0.1:8501/Run_a_session", "http://127.0.0.1:8501/Join?room=K7DP3X"),
        ("https://host.example/app/Run_a_session?x=1", "https://host.example/app/Join?room=K7DP3X"),
        ("", "http://localhost:8501/Join?room=K7DP3X"),
    ],
)
def test_the_join_link_sits_beside_the_facilitators_page(page_url, link):
    assert view.join_link(page_url, "K7DP3X") == link


def test_an_overlong_address_is_refused_for_the_qr_code():
    with pytest.raises(ValueError, match="too long"):
        view.join_link("https://host.example/" + "a" * 2400 + "/Run_a_session", "K7DP3X")


def test_the_qr_code_is_large_enough_for_a_projector():
    png = view.qr_png("http://127.0.0.1:8501/Join?room=K7DP3X")
    width = int.from_bytes(png[16:20], "big")
    assert png.startswith(b"\x89PNG")
    assert width >= 300


def test_feedback_after_a_reveal_says_right_wrong_or_unanswered():
    assert view.answer_feedback(QUESTION, "B")[0] == "success"
    assert view.answer_feedback(QUESTION, "A")[0] == "warning"
    assert view.answer_feedback(QUESTION, None)[0] == "info"


def test_progress_reads_question_n_of_total():
    state = RoomState("K7DP3X", 2, 8, "q", ("a", "b"), False, False, 3, 0.0)
    assert view.progress(state) == "Question 3 of 8"


@pytest.mark.parametrize(("phones", "servers", "seconds"), [(5, 1, 1.5), (90, 1, 1.5), (200, 1, 3.5), (200, 2, 2.0),
                                                           (5000, 1, 5.0)])  # fmt: skip
def test_phones_check_less_often_in_a_big_room(phones, servers, seconds):
    assert view.phone_interval(phones, servers) == seconds


# --- the pages' models: plans, summaries, joining -----------------------------------------------


def test_an_overlong_address_falls_back_to_the_local_join_link():
    link = view.join_link_or_local("https://host.example/" + "a" * 2400 + "/Run_a_session", "K7DP3X")
    assert link == "http://localhost:8501/Join?room=K7DP3X"


def test_the_summarys_links_start_from_the_apps_address():
    assert view.app_url("https://host.example/app/Join?room=K7DP3X") == "https://host.example/app"


def test_the_plan_list_is_numbered_escaped_or_says_none_yet():
    tricky = rq.RoomQuestion(**{**QUESTION.__dict__, "id": "t", "prompt": "<b>Bold</b> *claim*?"})
    listing = view.plan_markdown([QUESTION, tricky])
    assert listing.splitlines()[0].startswith("1. ")
    assert listing.splitlines()[1].startswith("2. ")
    assert r"\<b\>Bold" in listing
    assert view.plan_markdown([]) == "None yet."


def test_the_hardest_questions_leave_out_the_unanswered_and_the_all_right():
    missed = rq.RoomQuestion(**{**QUESTION.__dict__, "id": "m", "prompt": "Missed?"})
    unasked = rq.RoomQuestion(**{**QUESTION.__dict__, "id": "u", "prompt": "Unanswered?"})
    summary = view.session_summary(
        {q.id: q for q in (QUESTION, missed, unasked)}, {"q": {"B": 2}, "m": {"A": 1}, "u": {}, "gone": {"A": 1}}
    )
    assert list(summary["question_id"]) == ["m", "q", "u"]  # an id this server lacks is left out
    assert list(view.hardest(summary)["question_id"]) == ["m"]


def test_the_key_file_names_the_room_and_its_key():
    text = view.key_file_text("K7DP3X", "secret-token")
    assert "Room K7DP3X" in text
    assert "Facilitator key: secret-token" in text


@pytest.fixture
def room_store(tmp_path):
    from core.room import RoomStore

    instance = RoomStore(f"sqlite:///{tmp_path / 'room.sqlite'}")
    yield instance
    instance.dispose()


PHONE = (limits.RateLimiter(), limits.Client("session", "203.0.113.9"))


def test_a_returning_phone_keeps_its_id_and_a_mangled_one_joins_afresh(room_store):
    code, _ = room_store.create_room()
    _, pid = view.join_room(room_store, code.lower(), None, *PHONE)
    assert view.join_room(room_store, code, pid, *PHONE) == (code, pid)
    _, fresh = view.join_room(room_store, code, "<script>", *PHONE)
    assert fresh not in (pid, "<script>")


def test_an_ended_room_takes_back_its_phones_but_no_newcomers(room_store):
    code, token = room_store.create_room()
    view.start_plan(room_store, code, token, [QUESTION])
    _, pid = view.join_room(room_store, code, None, *PHONE)
    room_store.end(code, token)
    assert view.join_room(room_store, code, pid, *PHONE) == (code, pid)
    with pytest.raises(RoomError, match="does not open a room"):
        view.join_room(room_store, code, None, *PHONE)


@pytest.mark.parametrize(("current", "wanted", "redraw"), [(None, 1.5, True), (1.5, 2.0, False), (1.5, 2.5, True),
                                                          (3.5, 3.0, False), (3.5, 2.5, True)])  # fmt: skip
def test_a_phone_redraws_only_for_a_beat_a_second_or_more_away(current, wanted, redraw):
    assert view.beat_changed(current, wanted) is redraw


def test_phones_beats_are_spread_a_little():
    ids = [f"participant{n:05d}" for n in range(50)]
    beats = {view.phone_beat(2.0, pid) for pid in ids}
    assert len(beats) > 1  # not all in step
    assert all(2.0 <= beat <= 2.4 for beat in beats)  # and never far off the room's beat
