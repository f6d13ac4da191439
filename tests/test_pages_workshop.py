"""AppTest for the workshop pages: the facilitator guide and the handout."""

from __future__ import annotations

from tests.test_pages import open_page


def test_guide_shows_the_45_minute_plan_by_default():
    at = open_page("pages/10_Facilitator_guide.py")
    assert not at.exception
    assert at.selectbox(key="plan").value == "45 minutes"
    assert "45 minutes in all." in [c.value for c in at.caption]
    assert len(at.checkbox) >= 5


def test_guide_opens_the_90_minute_plan_from_the_url():
    at = open_page("pages/10_Facilitator_guide.py", {"plan": "90 minutes"})
    assert "90 minutes in all." in [c.value for c in at.caption]


def test_handout_offers_a_printable_file():
    at = open_page("pages/11_Handout.py")
    assert not at.exception
    assert any("What we found" in s.value for s in at.subheader)
    assert not at.error


def test_handout_shows_the_qr_code_on_screen():
    # Its drawn size (large enough to scan) is checked in tests/browser/test_layout.py.
    at = open_page("pages/11_Handout.py")
    assert at.get("image")
    assert any("The code opens" in c.value for c in at.caption)


def test_handout_leads_with_the_approval_finding():
    at = open_page("pages/11_Handout.py")
    findings = [m.value.replace("\\", "") for m in at.markdown if m.value.startswith("- **")]
    assert "approved" in findings[0]
    assert "knee or back pain" in findings[0]


def test_handout_rejects_a_bad_address():
    at = open_page("pages/11_Handout.py")
    at.text_input(key="app_url").set_value("javascript:alert(1)").run()
    assert not at.exception
    assert any("is not a web address" in w.value for w in at.warning)


def test_exercises_show_no_score_before_the_first_answer():
    at = open_page("pages/8_Exercises.py")
    assert not at.exception
    assert not at.metric
    assert "0 of 0" not in " ".join(m.value for m in at.markdown)


def test_exercise_answer_is_scored_and_explained():
    at = open_page("pages/8_Exercises.py")
    assert not at.exception
    at.radio(key="pick_iv_course").set_value("300 million–1.2 billion").run()
    at.button(key="check_iv_course").click().run()
    assert at.metric[0].value == "1 of 1"
    assert any("Right!" in s.value for s in at.success)


def test_wrong_exercise_answer_says_not_quite():
    at = open_page("pages/8_Exercises.py")
    at.radio(key="pick_iv_course").set_value("100 million–200 million").run()
    at.button(key="check_iv_course").click().run()
    assert at.metric[0].value == "0 of 1"
    assert any("Not quite" in w.value for w in at.warning)


def test_facilitator_mode_hides_answers_until_revealed():
    at = open_page("pages/8_Exercises.py", {"mode": "facilitator"})
    assert not at.radio
    assert not at.metric
    assert not any(m.value.startswith("**Answer:**") for m in at.markdown)
    at.button(key="reveal_spine").click().run()
    answers = [m.value for m in at.markdown if m.value.startswith("**Answer:**")]
    assert len(answers) == 1
    assert "A tie" in answers[0]


def test_facilitator_mode_lists_options_one_a_line_with_letters():
    at = open_page("pages/8_Exercises.py", {"mode": "facilitator"})
    options = next(m.value for m in at.markdown if m.value.startswith("- **A.**"))
    assert [line[:8] for line in options.splitlines()][:3] == ["- **A.**", "- **B.**", "- **C.**"]
