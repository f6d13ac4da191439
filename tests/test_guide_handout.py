"""The facilitator guide's plans add up and point at real pages; the handout is escaped, printable and links back."""

from __future__ import annotations

import re

import pytest

import ui
from core.views import handout
from core.workshop import guide


@pytest.mark.parametrize(("plan", "minutes"), [("45 minutes", 45), ("90 minutes", 90)])
def test_plan_fills_its_time(plan, minutes):
    assert guide.plan_minutes(plan) == minutes


@pytest.mark.parametrize("plan", list(guide.PLANS))
def test_plan_steps_open_pages_that_exist(plan):
    pages = {p.path for p in ui.PAGES}
    assert {step.page for step in guide.PLANS[plan]} <= pages


@pytest.fixture(scope="module")
def page(dataset):
    return handout.handout_html(dataset, "https://claims.example.org/", "2026-11-21")


def test_handout_has_findings_questions_and_disclaimer(page, dataset):
    assert "Not medical advice" in page
    assert page.count("<li>") >= len(handout.QUESTIONS_FOR_A_CLINIC)
    assert "What we found" in page
    assert "Questions to ask a clinic" in page


def test_handout_leads_with_what_is_and_is_not_approved(page):
    first = page.split("<h2>What we found</h2><ol>", 1)[1].split("</li>", 1)[0]
    assert "approved" in first
    assert "MACI" in first


def test_handout_carries_the_dose_finding(page):
    assert "the largest 13 times the smallest" in page


def test_handout_qr_code_for_the_screen_is_a_png(dataset):
    assert handout.qr_png("https://claims.example.org/").startswith(b"\x89PNG")


def test_handout_links_back_with_a_qr_code(page):
    assert "https://claims.example.org/" in page
    assert re.search(r"<svg[^>]*>.*<path", page, flags=re.S)


def test_handout_prints_on_a4(page):
    assert "@page { size: A4" in page


def test_handout_escapes_data(dataset, monkeypatch):
    from core.analysis import findings

    hostile = findings.Finding("<script>alert(1)</script>", "a & b", ("x",))
    monkeypatch.setattr(handout, "key_points", lambda ds: [hostile])
    page = handout.handout_html(dataset, "https://claims.example.org/", "2026-11-21")
    assert "<script>alert" not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page


@pytest.mark.parametrize("bad", ["javascript:alert(1)", "claims.example.org", "", "https://a b.org", "ftp://x.org"])
def test_handout_refuses_addresses_that_are_not_web_links(dataset, bad):
    with pytest.raises(handout.HandoutError):
        handout.handout_html(dataset, bad, "2026-11-21")
