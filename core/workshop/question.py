"""One guess-then-reveal question: its options, one answer, an explanation, the quotes and rows behind it."""

from __future__ import annotations

import random
import re
from collections.abc import Iterable
from dataclasses import dataclass

import pandas as pd

from core import i18n, site
from core.analysis.doses import cells_range

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
    # The options are verbatim quotes from the pages: they stay in their own language in every edition, so a page
    # in another language shows them as quotes and lets the reader pick one by its letter.
    quoted_options: bool = False

    @property
    def answer_index(self) -> int:
        """The answer's place among the options: the same in every language (the options' order never depends on
        their wording), so an answer stored by index is checked the same whatever language it was given in."""
        return self.options.index(self.answer)


def topic_label(topic: str, lang: str = i18n.DEFAULT) -> str:
    """A topic of TOPICS in words, in the language (the topic itself stays the key)."""
    labels = {
        "doses": i18n.pgettext(lang, "exercise topic", "doses"),
        "routes": i18n.pgettext(lang, "exercise topic", "routes"),
        "mechanisms": i18n.pgettext(lang, "exercise topic", "mechanisms"),
        "evidence": i18n.pgettext(lang, "exercise topic", "evidence"),
        "regulation": i18n.pgettext(lang, "exercise topic", "regulation"),
        "harms": i18n.pgettext(lang, "exercise topic", "harms"),
    }
    return labels.get(topic, topic)


def cells(low: float, high: float, lang: str = i18n.DEFAULT) -> str:
    """A cell count or range ("15 million–50 million"; "15 millones–50 millones"), never "billón" for 10^9."""
    return cells_range(low, high, lang)


def cells_phrase(amount: str, lang: str = i18n.DEFAULT) -> str:
    """A count with its noun: "15 million cells"; Spanish puts "de" after millions ("15 millones de células")."""
    if re.search(r"(millón|millones|billón|billones)$", amount):
        return i18n.pgettext(lang, "after a count of millions", "{n} cells").format(n=amount)
    return i18n.gettext(lang, "{n} cells").format(n=amount)


def joined(items: Iterable[str], lang: str = i18n.DEFAULT, sep: str = " and ") -> str:
    """Items in one phrase: English keeps the separator it always used; Spanish writes "a, b y c"."""
    items = list(items)
    if lang == i18n.DEFAULT or len(items) < 2:
        return sep.join(items)
    return i18n.gettext(lang, "{first} and {last}").format(first=", ".join(items[:-1]), last=items[-1])


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
    quoted_options: bool = False,
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
        quoted_options=quoted_options,
    )


def _study_quote(row: pd.Series, label_column: str = "short_name") -> Quote:
    return Quote(row["quote"], row[label_column], "")


def _regulator_quote(row: pd.Series) -> Quote:
    return Quote(row["quote"] or row["summary"], f"{row['body']}, {row['date']}", "")


def topic_name(topic: str, lang: str = i18n.DEFAULT) -> str:
    """A mechanism topic of the data (its id, in English) in words of the language, for a question about it."""
    names = {
        "cartilage regeneration": i18n.pgettext(lang, "mechanism topic", "cartilage regeneration"),
        "disc repair": i18n.pgettext(lang, "mechanism topic", "disc repair"),
        "differentiation/replacement": i18n.pgettext(lang, "mechanism topic", "differentiation/replacement"),
        "tissue regeneration": i18n.pgettext(lang, "mechanism topic", "tissue regeneration"),
        "anti-inflammation": i18n.pgettext(lang, "mechanism topic", "anti-inflammation"),
        "immune modulation": i18n.pgettext(lang, "mechanism topic", "immune modulation"),
        "growth factors": i18n.pgettext(lang, "mechanism topic", "growth factors"),
        "pain modulation": i18n.pgettext(lang, "mechanism topic", "pain modulation"),
    }
    return names.get(topic, topic)
