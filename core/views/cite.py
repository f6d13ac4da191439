"""One line per cited row: a study, a regulator or court statement, a harm report, as escaped Markdown.

Every page that lists the rows behind a finding (claim cards, routes, mechanisms, discrepancies) cites them here,
so a study reads the same everywhere: its name, what kind of study and when, what it found, any doubt about the
row, and links to its PubMed, DOI or trial record.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any
from urllib.parse import quote

from core import i18n
from core.analysis import vocab
from core.data.translate import OFFICIAL_LABEL, OFFICIAL_SUFFIX
from core.links import study_links
from core.text import md_escape, verification_flag

# Every function takes the reader's language (`lang`, English by default): the rows come from the reader's edition
# of the data already, and these add only the connecting words, kinds of study and places. "PMID", "DOI" and
# "PubMed" stay as they are: they are names.


def study_links_markdown(study: Mapping[str, Any], lang: str = i18n.DEFAULT) -> str:
    """' · [PubMed 123](https://…) · [DOI …](https://doi.org/…)': built from validated identifiers only."""
    return "".join(f" · [{md_escape(link.label)}]({link.url})" for link in study_links(study, lang))


def study_line(
    study: Mapping[str, Any], *, finding: str | None = None, links: bool = True, lang: str = i18n.DEFAULT
) -> str:
    """'**Name** (kind, year; certainty: …). What it found · ⚠ doubt · [PubMed …](…)'.

    `finding` replaces the study's own main finding ('' leaves it out), for a card that summed it up already.
    """
    said = md_escape(study["main_finding"]) if finding is None else finding
    certainty = ""
    if study.get("certainty"):
        level = vocab.certainty_word(study["certainty"], lang)
        certainty = i18n.gettext(lang, "; certainty: {level}").format(level=md_escape(level))
    kind = md_escape(vocab.word(study["kind"], lang))
    head = f"**{md_escape(study['short_name'])}** ({kind}, {study['year']}{certainty})."
    return (
        " ".join(part for part in (head, said) if part)
        + verification_flag(study["verification"], lang)
        + (study_links_markdown(study, lang) if links else "")
    )


def regulator_line(statement: Mapping[str, Any], *, summary: bool = True, lang: str = i18n.DEFAULT) -> str:
    """'**Jurisdiction, date** (body): what it says · ⚠ doubt'."""
    head = (
        f"**{md_escape(vocab.word(statement['jurisdiction'], lang))}, {md_escape(str(statement['date']))}** "
        f"({md_escape(statement['body'])})"
    )
    said = f": {md_escape(statement['summary'])}" if summary else f": {md_escape(statement['title'])}"
    return head + said + verification_flag(statement["verification"], lang) + official_version(statement, lang)


def official_version(statement: Mapping[str, Any], lang: str = i18n.DEFAULT) -> str:
    """' · [Versión oficial en español](address)' when the body publishes the statement in the reader's language."""
    address = statement.get("title" + OFFICIAL_SUFFIX) or ""
    if not isinstance(address, str) or not address.startswith(("https://", "http://")):
        return ""
    # Quoted, so that a bracket or space in the address cannot end the Markdown link early.
    return f" · [{md_escape(OFFICIAL_LABEL.get(lang, ''))}]({quote(address, safe=':/?&=%#+~.,-_')})"


def harm_line(harm: Mapping[str, Any], lang: str = i18n.DEFAULT) -> str:
    """'**Name** (year). What happened · ⚠ doubt'."""
    return (
        f"**{md_escape(harm['short_name'])}** ({harm['year']}). {md_escape(harm['what_happened'])}"
        + verification_flag(harm["verification"], lang)
    )
