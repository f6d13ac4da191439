"""Helpers that make data and user text safe and readable as Markdown."""

from __future__ import annotations

import re

_MARKDOWN_SPECIAL = re.compile(r"([\\`*_{}\[\]()<>#+\-.!|~$:])")


def md_escape(text: str) -> str:
    """Escape Markdown syntax so a string renders as the literal text it is (no links, HTML or styling)."""
    return _MARKDOWN_SPECIAL.sub(r"\\\1", text)


def normalise_space(text: str) -> str:
    """Collapse every run of whitespace to one space, as used when comparing quotes with seed files."""
    return re.sub(r"\s+", " ", text).strip()


def format_count(value: float) -> str:
    """A cell or patient count in words a reader can take in: 1500000 -> '1.5 million'."""
    for size, word in ((1e9, "billion"), (1e6, "million")):
        if abs(value) >= size:
            return f"{value / size:,.1f}".rstrip("0").rstrip(".") + f" {word}"
    return f"{value:,.0f}"


VERIFICATION_WORDS = {"verified": "verified", "partial": "partly verified", "unverified": "not verified"}


def verification_words(status: str) -> str:
    """How far a cited row was checked, in words (see data/README.md)."""
    return VERIFICATION_WORDS.get(status, "not verified")


def verification_flag(status: str) -> str:
    """Nothing for a verified row; otherwise ' · ⚠ partly verified' (or 'not verified') to append to its line."""
    return "" if status == "verified" else f" · ⚠ {verification_words(status)}"
