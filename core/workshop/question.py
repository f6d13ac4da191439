"""One guess-then-reveal question: its options, one answer, an explanation, the quotes and rows behind it."""

from __future__ import annotations

import random
from collections.abc import Iterable
from dataclasses import dataclass

import pandas as pd

from core import site

CLAIM_QUESTIONS = 3
TOPICS = ("doses", "routes", "mechanisms", "evidence", "regulation", "harms")
DOSES, ROUTES, MECHANISMS = site.path("doses"), site.path("routes"), site.path("mechanisms")
CLAIMS, EVIDENCE = site.path("claims"), site.path("evidence")


@dataclass(frozen=True)
class Quote:
    text: str
    source_label: str
    seed_file: str  # the archived page a clinic quote comes from; "" for a study or regulator quote


@dataclass(frozen=True)
class Exercise:
    id: str
    question: str
    options: tuple[str, ...]
    answer: str
    explanation: str
    quotes: tuple[Quote, ...]
    row_ids: tuple[str, ...]
    topic: str = "doses"  # one of TOPICS
    explains_page: str = site.path("doses")  # the page a facilitator opens to go deeper


def _shuffled(options: list[str], seed: str) -> tuple[str, ...]:
    # Seeded by the question, so every participant sees the same order and a facilitator can say "option B".
    unique = list(dict.fromkeys(options))
    random.Random(seed).shuffle(unique)
    return tuple(unique)


def _quote(row: pd.Series, text_column: str = "quote") -> Quote:
    return Quote(row[text_column], row["short_label"], row["seed_file"])


def _question(
    id: str,
    question: str,
    answer: str,
    decoys: Iterable[str],
    explanation: str,
    quotes: Iterable[Quote],
    rows: Iterable[str],
    topic: str = "doses",
    page: str = DOSES,
    seed: str | None = None,
) -> Exercise:
    """An exercise whose options are the answer then its decoys, in an order seeded by the id (or `seed`)."""
    return Exercise(
        id=id,
        question=question,
        options=_shuffled([answer, *decoys], seed or id),
        answer=answer,
        explanation=explanation,
        quotes=tuple(quotes),
        row_ids=tuple(rows),
        topic=topic,
        explains_page=page,
    )


def _study_quote(row: pd.Series, label_column: str = "short_name") -> Quote:
    return Quote(row["quote"], row[label_column], "")


def _regulator_quote(row: pd.Series) -> Quote:
    return Quote(row["quote"] or row["summary"], f"{row['body']}, {row['date']}", "")
