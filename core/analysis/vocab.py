"""One vocabulary, in one order everywhere: verdict levels, how firmly a claim is stated, and certainty words.

The verdict levels, their order (worst news for a patient first), short labels and meanings are read from
data/verdicts.csv; every list, filter, chart, legend and table takes them from here.
"""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from core import i18n
from core.data import Dataset
from core.i18n import N_

# Verdicts that leave a claim unsupported: what "claims stated as fact but unsupported" counts everywhere.
UNSUPPORTED = ("contradicted by evidence", "misleading", "not shown in controlled trials")
# Verdicts a reader can rely on as right; exercise decoys must be clearly right, not arguable.
SUPPORTED = ("consistent with evidence",)
# Levels that give no verdict at all: nothing to check, or outside our evidence.
NO_VERDICT = ("unverifiable", "not assessed")

# How firmly a page states a claim, firmest first; "not claimed" is the empty cell of the mechanism matrix.
STATED_AS = ("as fact", "unverifiable citation", "hedged", "anecdote or testimonial")
NOT_CLAIMED = "not claimed"
STATED_AS_SHORT = {  # in English; stated_as_short gives them in a language
    "as fact": "fact",
    "unverifiable citation": "cites ?",
    "hedged": "hedged",
    "anecdote or testimonial": "anecdote",
    NOT_CLAIMED: "–",
}

# The topics of claims.csv (ids), as a card names them.
TOPIC_WORDS = {
    topic: topic
    for topic in (
        N_("root cause"), N_("tissue regeneration"), N_("differentiation/replacement"), N_("cartilage regeneration"),
        N_("anti-inflammation"), N_("disc repair"), N_("pain modulation"), N_("long-lasting results"), N_("evidence"),
        N_("pain relief and function"), N_("growth factors"), N_("cell sources"), N_("low-risk procedure"),
        N_("less medication"), N_("safety"), N_("regulation"), N_("cost"), N_("immune modulation"),
    )
}  # fmt: skip


def stated_as_words(stated_as: str, lang: str = i18n.DEFAULT) -> str:
    """How firmly a claim is stated, as the words after "stated" on a claim card ('as fact'; 'como un hecho').

    English shows the value itself, as the card always has; an unknown value is shown as it is."""
    words = {
        "as fact": i18n.pgettext(lang, "stated", "as fact"),
        "unverifiable citation": i18n.pgettext(lang, "stated", "unverifiable citation"),
        "hedged": i18n.pgettext(lang, "stated", "hedged"),
        "anecdote or testimonial": i18n.pgettext(lang, "stated", "anecdote or testimonial"),
        "not claimed": i18n.pgettext(lang, "stated", "not claimed"),
    }
    return words.get(stated_as, stated_as)


def topic_words(topic: str, lang: str = i18n.DEFAULT) -> str:
    """A claim's topic in the reader's language (a topic not listed above is shown as it is)."""
    return i18n.gettext(lang, TOPIC_WORDS.get(topic, topic))


# Kinds of evidence row and jurisdictions of regulator statements (ids of the data), as a citation names them.
STUDY_KIND_WORDS = {
    kind: kind
    for kind in (
        N_("randomised trial"), N_("non-randomised trial"), N_("meta-analysis"), N_("review or commentary"),
        N_("systematic review"), N_("case series"), N_("animal study"), N_("biodistribution study"),
        N_("drug label"), N_("survey"),
    )
}  # fmt: skip
JURISDICTION_WORDS = {
    place: place
    for place in (
        N_("United States"), N_("European Union"), N_("Spain"), N_("South Korea"), N_("Japan"), N_("International")
    )
}  # fmt: skip


def word(value: str, lang: str = i18n.DEFAULT) -> str:
    """A value of one of the vocabularies above (a study kind, a jurisdiction, a topic) in the reader's language;
    one the catalogs do not have is shown as it is."""
    return i18n.gettext(lang, value) if value else value


# GRADE's own definitions (GRADE handbook), in plain words; 'not graded' is ours. Highest certainty first.
CERTAINTY_MEANING: dict[str, str] = {
    "high": N_("We are very confident the true effect is close to what the studies found."),
    "moderate": N_("The true effect is probably close to what was found, but it could be quite different."),
    "low": N_("Our confidence is limited: the true effect may be quite different from what was found."),
    "very low": N_("We have very little confidence: the true effect is likely to be quite different."),
    "not graded": N_(
        "Not a test of benefit that GRADE applies to (a commentary, lab or animal study, survey or drug "
        "label): read it as background."
    ),
}
CERTAINTY = tuple(CERTAINTY_MEANING)


def certainty_word(level: str, lang: str = i18n.DEFAULT) -> str:
    """A GRADE certainty level as a reader's word: 'moderate' stays 'moderate' in English, 'moderada' in Spanish
    (agreeing with 'certeza'); a level we do not know is shown as it is."""
    words = {
        "high": i18n.pgettext(lang, "GRADE certainty", "high"),
        "moderate": i18n.pgettext(lang, "GRADE certainty", "moderate"),
        "low": i18n.pgettext(lang, "GRADE certainty", "low"),
        "very low": i18n.pgettext(lang, "GRADE certainty", "very low"),
        "not graded": i18n.pgettext(lang, "GRADE certainty", "not graded"),
    }
    return words.get(level, level)


def stated_as_short(stated_as: str, lang: str = i18n.DEFAULT) -> str:
    """How firmly a claim is stated, in one short word for a chart cell, in the reader's language."""
    # Its own context: a chart cell holds about eight letters, so "hedged" is "cauto" there, not "con reservas".
    words = {
        "as fact": i18n.pgettext(lang, "stated, one word", "fact"),
        "unverifiable citation": i18n.pgettext(lang, "stated, one word", "cites ?"),
        "hedged": i18n.pgettext(lang, "stated, one word", "hedged"),
        "anecdote or testimonial": i18n.pgettext(lang, "stated, one word", "anecdote"),
    }
    return words.get(stated_as, STATED_AS_SHORT.get(stated_as, stated_as))


@dataclass(frozen=True)
class Verdicts:
    """The verdict levels of the written method, worst news for a patient first."""

    order: tuple[str, ...]
    labels: dict[str, str]
    meanings: dict[str, str]

    def rank(self) -> dict[str, int]:
        """Verdict → 1 for the worst news, 2 for the next, …"""
        return {verdict: rank for rank, verdict in enumerate(self.order, start=1)}

    def table(self, lang: str = i18n.DEFAULT) -> pd.DataFrame:
        """The levels as a table a reader can scan: verdict, short label, what it means (headers in `lang`)."""
        return pd.DataFrame(
            {
                i18n.pgettext(lang, "table column", "verdict"): self.order,
                i18n.pgettext(lang, "table column", "in short"): [self.labels[v] for v in self.order],
                i18n.pgettext(lang, "table column", "what it means"): [self.meanings[v] for v in self.order],
            }
        )


def verdicts(ds: Dataset) -> Verdicts:
    """The verdict levels from verdicts.csv, in its `order` column."""
    table = ds.verdicts.sort_values("order", kind="stable")
    return Verdicts(
        order=tuple(table["verdict"]),
        labels=dict(zip(table["verdict"], table["label"], strict=True)),
        meanings=dict(zip(table["verdict"], table["definition"], strict=True)),
    )


def certainty_table(lang: str = i18n.DEFAULT) -> pd.DataFrame:
    """GRADE's certainty words, highest first, with what each means (in `lang`)."""
    return pd.DataFrame(
        {
            i18n.pgettext(lang, "table column", "certainty"): [certainty_word(c, lang) for c in CERTAINTY],
            i18n.pgettext(lang, "table column", "what it means"): [
                i18n.gettext(lang, CERTAINTY_MEANING[c]) for c in CERTAINTY
            ],
        }
    )
