"""The Mechanisms view: how the pages say cells work, set against what studies found."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import pandas as pd

from core import i18n
from core.analysis import claims as analysis_claims
from core.analysis import vocab
from core.analysis.claims import (
    claims_with_sources,
    linked_evidence,
    mechanism_matrix,
    mechanism_topics,
)
from core.charts import claims as claim_charts
from core.charts.export import Spec, to_spec
from core.data import Dataset
from core.i18n import N_
from core.text import md_escape
from core.views.cite import study_line
from core.views.doses import on_screen as on_screen  # for the page, which reads only this view
from core.views.doses import verdict_words


@dataclass(frozen=True)
class MechanismSection:
    topic: dict[str, Any]
    studies: pd.DataFrame
    claims: pd.DataFrame
    who: str
    lang: str = "en"

    @property
    def study_lines(self) -> list[str]:
        """Each study behind the mechanism, cited with its reference and links instead of its finding."""
        return [
            study_line(s, finding=md_escape(s["citation"]), lang=self.lang) for s in self.studies.to_dict("records")
        ]


@dataclass(frozen=True)
class MechanismsView:
    matrix: pd.DataFrame
    matrix_chart: Spec
    sections: list[MechanismSection]


def mechanisms_page(ds: Dataset, chosen: str) -> MechanismsView:
    topics = mechanism_topics(ds)
    matrix = mechanism_matrix(ds)
    claims = claims_with_sources(ds)
    shown = topics if chosen == "all" else topics[topics["id"] == chosen]
    return MechanismsView(
        matrix=matrix,
        matrix_chart=to_spec(claim_charts.mechanism_matrix_chart(matrix, ds.lang)),
        sections=[
            MechanismSection(
                topic=topic.to_dict(),
                studies=linked_evidence(ds, topic["evidence_ids"]),
                claims=claims[claims["topic"] == topic["id"]],
                who=who_claims(matrix, topic["id"], ds.lang),
                lang=ds.lang,
            )
            for _, topic in shown.iterrows()
        ],
    )


# --- words for the page ----------------------------------------------------------------------------------------

# The mechanism topics (data/topics.csv ids) as headings; the English is analysis.claims.topic_heading's.
TOPIC_NAMES = {
    "cartilage regeneration": N_("Cartilage regeneration"),
    "disc repair": N_("Disc repair"),
    "differentiation/replacement": N_("Differentiation or replacement"),
    "tissue regeneration": N_("Tissue regeneration"),
    "anti-inflammation": N_("Anti-inflammation"),
    "immune modulation": N_("Immune modulation"),
    "growth factors": N_("Growth factors"),
    "pain modulation": N_("Pain modulation"),
}


def status_words(status: str, lang: str = "en") -> str:
    """What studies show for a mechanism (topics.evidence_status) in words; '' is "not rated"."""
    words = {
        "established": i18n.pgettext(lang, "trials show", "established"),
        "plausible, unproven in patients": i18n.pgettext(lang, "trials show", "plausible, unproven in patients"),
        "not shown in controlled trials": i18n.pgettext(lang, "trials show", "not shown in controlled trials"),
        "contradicted": i18n.pgettext(lang, "trials show", "contradicted"),
        "": i18n.pgettext(lang, "trials show", "not rated"),
    }
    return words.get(status, status)


def stated_words(stated_as: str, lang: str = "en") -> str:
    """How firmly a page words a claim (claims.stated_as), as it reads after "Stated" ("as fact" / "como un hecho")."""
    return vocab.stated_as_words(stated_as, lang)


def topic_heading(topic_id: str, lang: str = "en") -> str:
    """A mechanism's id as a heading: "differentiation/replacement" -> "Differentiation or replacement"."""
    if topic_id in TOPIC_NAMES:
        return i18n.gettext(lang, TOPIC_NAMES[topic_id])
    return analysis_claims.topic_heading(topic_id)


def topic_choice(topic_id: str, lang: str = "en") -> str:
    """An option of the mechanism box: a mechanism's heading, or "All mechanisms"."""
    return i18n.gettext(lang, "All mechanisms") if topic_id == "all" else topic_heading(topic_id, lang)


def who_claims(matrix: pd.DataFrame, topic: str, lang: str = "en") -> str:
    """The pages that claim a mechanism, each with its firmest wording, e.g. '000 Vega Stem Cell (as fact)'."""
    rows = matrix[(matrix["topic"] == topic) & (matrix["n_claims"] > 0)]
    return ", ".join(f"{r.short_label} ({stated_words(r.stated_as, lang)})" for r in rows.itertuples())


def summary_markdown(section: MechanismSection, lang: str = "en") -> str:
    """The idea in plain words, what studies show and who claims it, as escaped Markdown."""
    _ = i18n.bound(lang)
    topic = section.topic
    who = md_escape(section.who) if section.who else _("none of the five pages.")
    status = status_words(topic["evidence_status"] or "", lang)
    return _("{explanation}\n\n**What studies show: {status}.** **Who claims it:** {who}").format(
        explanation=md_escape(topic["plain_explanation"]), status=md_escape(status), who=who
    )


def details_label(section: MechanismSection, lang: str = "en") -> str:
    """The switch that opens what studies found and the pages' claims, with their counts."""
    studies, claims = len(section.studies), len(section.claims)
    return i18n.gettext(lang, "Show what studies found: {studies}, and the pages' {claims}").format(
        studies=i18n.ngettext(lang, "{n} study", "{n} studies", studies).format(n=studies),
        claims=i18n.ngettext(lang, "{n} claim", "{n} claims", claims).format(n=claims),
    )


def evidence_markdown(section: MechanismSection, lang: str = "en") -> str:
    summary = section.topic["evidence_summary"]
    return md_escape(summary) if summary else i18n.gettext(lang, "We have no evidence rows for this mechanism.")


def claim_note(ds: Dataset, claim) -> str:
    """The line under a claim's quote: how firmly the page says it, our verdict and why."""
    return i18n.gettext(ds.lang, "Stated {stated} · our verdict: {verdict}. {note}").format(
        stated=md_escape(stated_words(claim.stated_as, ds.lang)),
        verdict=md_escape(verdict_words(ds, claim.verdict)),
        note=md_escape(claim.verdict_note),
    )


def matrix_on_screen(matrix: pd.DataFrame, lang: str = "en") -> pd.DataFrame:
    """The grid's data as shown and downloaded: in English as it is; otherwise codes in words, headers in words, and
    without the chart's own short cell labels (the full words are in the columns beside them)."""
    if lang == "en":
        return matrix
    worded = matrix.drop(columns=["label", "status_short"], errors="ignore").assign(
        topic=matrix["topic"].map(lambda t: topic_heading(t, lang)),
        stated_as=matrix["stated_as"].map(lambda s: stated_words(s, lang)),
        evidence_status=matrix["evidence_status"].map(lambda s: status_words(s, lang)),
    )
    return on_screen(worded, lang)
