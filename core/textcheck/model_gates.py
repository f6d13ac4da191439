"""The exact rules' exclusions, applied to a sentence the learned reader flags where no rule fired."""

from __future__ import annotations

import re

from core.textcheck import phrases

# As in the rules: a wish, a hope or a study is no promise to avoid surgery (unless the page calls the alternative one
# that works; "new hope" sells rather than wishes), and a past-tense report is no offer.
_NOT_A_PROMISE = re.compile(rf"\b(?:{phrases.WISH_HEDGE_OR_STUDY})\b")
_WORKING_ALTERNATIVE = re.compile(phrases.WORKING_ALTERNATIVE)
_PAST_GIVING = re.compile(phrases.PAST_GIVING)
# A study's own approval, reported ("the trial was approved by the ethics committee"), is no selling stamp.
_STUDY_APPROVAL = re.compile(
    r"\b(?:trials?|stud(?:y|ies)|protocols?|research)\b[^.;]{0,80}?\b(?:was|were|had\s{1,3}been|has\s{1,3}been)"
    r"\s{1,3}approved\b"
)
# "A non-surgical alternative to traditional treatments" offers no way round an operation, as the rules read it too.
_ALTERNATIVE_TO = re.compile(r"\balternatives?\s{1,3}to\b")
_SURGERY_NOUN = re.compile(r"\b(?:surger(?:y|ies)|operations?|replacements?|arthroplast(?:y|ies)|fusions?|knife)\b")


def allowed(kind: str, lower: str) -> bool:
    """May the model flag this lower-cased sentence as `kind` without a rule? Not a question, wish or study."""
    if lower.rstrip().endswith("?"):
        return False
    if kind == "instead of surgery":
        if _ALTERNATIVE_TO.search(lower) and not _SURGERY_NOUN.search(lower):
            return False
        return not _NOT_A_PROMISE.search(lower) or bool(_WORKING_ALTERNATIVE.search(lower))
    if kind == "regulated product":
        return not _PAST_GIVING.search(lower)
    if kind == "approval":
        return not _STUDY_APPROVAL.search(lower)
    return True
