"""A report's own sentences in the visitor's language: red-flag reasons and the note on shortened sentences."""

from __future__ import annotations

from dataclasses import replace

from core import i18n
from core.textcheck.model import TextReport
from core.textcheck.spans import SHORTENED


def localised(report: TextReport, lang: str) -> TextReport:
    """The report with its reasons and shortened-sentence notes in `lang` (quotes from the text stay as written).

    Checklist questions and page-kind cues are written in `lang` where they are made; this does the rest."""
    if lang == "en":
        return report
    _ = i18n.bound(lang)
    note = _(SHORTENED)

    def sentence(text: str) -> str:
        return text[: -len(SHORTENED)] + note if text.endswith(SHORTENED) else text

    return replace(
        report,
        doses=[replace(d, sentence=sentence(d.sentence)) for d in report.doses],
        language=[replace(h, sentence=sentence(h.sentence)) for h in report.language],
        amounts=[replace(a, sentence=sentence(a.sentence)) for a in report.amounts],
        red_flags=[replace(f, reason=_(f.reason), sentence=sentence(f.sentence)) for f in report.red_flags],
        checklist=[replace(c, evidence=sentence(c.evidence)) for c in report.checklist],
    )
