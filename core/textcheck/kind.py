"""What kind of page a text reads like: seller, regulator, news, study or registry record, or unknown."""

from __future__ import annotations

import re

from core import i18n
from core.i18n import N_
from core.text import normalise_space
from core.textcheck import page_cues
from core.textcheck.model import Amount, PageKind
from core.textcheck.spans import PhraseScanner, ascii_lower

_CUES = PhraseScanner([pattern.lower() for _kind, _weight, pattern in page_cues.PAGE_CUES])
MAX_CUES_PER_PATTERN = 3  # a page does not become more of a seller by repeating "our clinic" a hundred times
KIND_LABELS = {
    "seller": N_("a seller's page (clinic, broker or advert)"),
    "regulator": N_("a regulator's page"),
    "news": N_("a news or magazine story"),
    "study-registry": N_("a study or trial record"),
    "health-info": N_("a hospital or health-information page"),
    "unknown": N_("not clear"),
}


def kind_label(kind: str, lang: str = "en") -> str:
    """What kind of page, in words of `lang` ("a regulator's page")."""
    return i18n.gettext(lang, KIND_LABELS[kind])


_SHORT_END = re.compile(r"\b(?:a|an|your|the|us|our|we)$", re.IGNORECASE)
_NEXT_WORD = re.compile(r"\s{1,2}[\w’'-]{1,20}")


def _cue_text(text: str, start: int, end: int) -> str:
    """The cue as shown to a reader: 'Book a' reads better as 'Book a free'."""
    cue = normalise_space(text[start:end])
    if _SHORT_END.search(cue) and (more := _NEXT_WORD.match(text, end)):
        cue = normalise_space(text[start : more.end()])
    return cue


def page_kind(
    text: str, prices: list[Amount], lower: str | None = None, selling_claims: int = 0, lang: str = "en"
) -> PageKind:
    """The kind of page with the highest score from its cues; a seller needs a booking cue or two selling cues."""
    found = list(_CUES.finditer(lower if lower is not None else ascii_lower(text)))
    hits = [(page_cues.PAGE_CUES[index][0], page_cues.PAGE_CUES[index][1], start, end) for index, start, end in found]
    return score_cues(text, hits, prices, selling_claims, [index for index, _start, _end in found], lang)


def score_cues(
    text: str,
    hits: list[tuple[str, int, int, int]],
    prices: list[Amount],
    selling_claims: int = 0,
    patterns: list[int] | None = None,
    lang: str = "en",
) -> PageKind:
    """Score (kind, weight, start, end) cue hits: each pattern counts at most MAX_CUES_PER_PATTERN times."""
    scores = {"seller": 0, "regulator": 0, "news": 0, "study-registry": 0}
    cues: dict[str, list[str]] = {k: [] for k in scores}
    booking = 0
    seen: dict[object, int] = {}
    for n, (kind, weight, start, end) in enumerate(hits):
        key = patterns[n] if patterns is not None else (kind, weight, text[start:end].lower())
        seen[key] = seen.get(key, 0) + 1
        if seen[key] > MAX_CUES_PER_PATTERN:
            continue
        target = {"booking": "seller", "study": "study-registry"}.get(kind, kind)
        scores[target] += weight
        booking += kind == "booking"
        cue = _cue_text(text, start, end)
        if cue.lower() not in (c.lower() for c in cues[target]):
            cues[target].append(cue)
    if prices:
        scores["seller"] += 1
        cues["seller"].append(i18n.gettext(lang, "a price ({price})").format(price=normalise_space(prices[0].text)))
    if selling_claims:
        # Red flags in the page's own voice are selling claims: a page that makes them is selling.
        scores["seller"] += min(selling_claims, 3)
        claims = i18n.ngettext(lang, "{n} red flag in its own words", "{n} red flags in its own words", selling_claims)
        cues["seller"].append(claims.format(n=selling_claims))
    if not booking and scores["seller"] < 2:
        scores["seller"] = 0
    best = max(scores, key=lambda k: (scores[k], k == "regulator", k == "study-registry"))
    if scores[best] < 2:
        return PageKind("unknown", ())
    return PageKind(best, tuple(cues[best][:6]))
