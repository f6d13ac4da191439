"""core.textcheck on hostile input: the fixed worst cases each take well under a second; findings are capped."""

from __future__ import annotations

import time

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from bench.textcheck_eval import WORST_CASES
from core import textcheck
from core.textcheck import MAX_CHARS, MAX_FINDINGS, analyze

# CPU seconds, not wall-clock: the suite shares two cores, and a loaded machine must not fail a correct checker.
LIMIT_SECONDS = 1.0


@pytest.mark.parametrize("name", list(WORST_CASES))
def test_worst_case_finishes_well_under_a_second(name):
    text = WORST_CASES[name]
    assert len(text) == MAX_CHARS
    started = time.process_time()
    analyze(text)
    assert time.process_time() - started < LIMIT_SECONDS


def test_findings_are_capped_with_a_note():
    report = analyze(("50 million stem cells into the knee. " * 6000)[:MAX_CHARS])
    assert len(report.doses) == MAX_FINDINGS
    assert "doses" in report.truncated
    assert str(MAX_FINDINGS) in textcheck.truncation_note(report)


def test_short_text_has_no_truncation_note():
    assert textcheck.truncation_note(analyze("50 million cells")) == ""


_PIECES = st.sampled_from(
    [".", "A-", "1", "1,", "(", ")", " ", "\n", '"', "“", "”", "'", "’", "x 10^7", "×10⁶", "million", "M+", "cells",
     "exosomes", "per kg", "/mL", "±", "$", "up to", "over", "25, 50", "or", "knee", "IV", "Route: ", "cure", "no risk",
     "FDA-approved", "may", "e7", "twenty-five", "a@b.", "NCT0", "et al. 2019"]
)  # fmt: skip


@settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(st.lists(_PIECES, min_size=1, max_size=6))
def test_any_repeated_pattern_at_the_limit_is_fast(pieces):
    chunk = "".join(pieces)
    text = (chunk * (MAX_CHARS // len(chunk) + 1))[:MAX_CHARS]
    started = time.process_time()
    analyze(text)
    assert time.process_time() - started < LIMIT_SECONDS
