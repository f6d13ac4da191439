"""The source-quality checklist, answered the way a careful reader would answer it."""

from __future__ import annotations

import re
from collections.abc import Sequence

from core import i18n
from core.i18n import N_
from core.text import normalise_space
from core.textcheck.model import Amount, CheckItem, PageKind
from core.textcheck.spans import SHORTENED, Sentences

_RISK = (
    re.compile(
        r"\b(?:side[\s-]{1,2}effects?|complications?|adverse|infections?|bleeding|nerve\s{1,3}damage|tumou?rs?|tumou?r"
        r"\s{1,3}formation|blindness|death|paralysis|harms?|swelling)\b",
        re.IGNORECASE,
    ),
    re.compile(r"\b(?:risks?|dangers?|dangerous)\b", re.IGNORECASE),
)
# A sentence that denies risks ("all but non-existent", "no side effects") does not name them.
_RISK_DENIED = re.compile(
    r"\b(?:no|without|zero|free\s{1,3}of|minimal|little\s{1,3}to\s{1,3}no|reduces?|lowers?|avoid)\s{1,3}(?:[\w-]{1,20}\s{1,3}){0,3}"
    r"(?:risks?|side[\s-]{1,2}effects?|adverse|complications?|infections?|rejection)\b|all\s{1,3}but\s{1,3}non[\s-]?existent"
    r"|\b(?:completely|totally|100%)\s{1,3}safe\b",
    re.IGNORECASE,
)
# A risk of surgery or pills is not a risk of the stem-cell treatment the text sells.
_OTHER_TREATMENT = re.compile(r"\b(?:traditional|conventional|surgery|surgical|medications?|drugs|steroids?)\b", re.I)
_COST_WORDS = re.compile(r"\b(?:costs?|price[sd]?|pricing|expensive|fees?|afford\w{0,6}|insurance)\b", re.IGNORECASE)
_STUDY_ID = re.compile(
    r"\b10\.\d{4,9}/[^\s\"<>]{1,100}|\bPMID:?\s{0,2}\d{5,9}\b|\bPMC\d{5,9}\b|\bNCT\d{8}\b"
    r"|pubmed\.ncbi\.nlm\.nih\.gov/\d{1,10}|clinicaltrials\.gov/[^\s]{1,100}",
    re.IGNORECASE,
)
# Author and year: needs capitals, so it runs on the original text; it starts with a character class so the
# search skips ahead in C, and every repeat is bounded ("A-A-A-…" once took minutes with an open-ended one).
_AUTHOR_YEAR = re.compile(
    r"[A-Z](?<![A-Za-z][A-Z])[A-Za-z'’-]{1,30}\s{1,3}et\s{1,3}al\.?,?\s{0,3}\(?(?:19|20)\d{2}\b"
    r"|\(\s{0,3}[A-Z][A-Za-z'’-]{1,30}(?:\s{1,3}(?:and|&)\s{1,3}[A-Z][A-Za-z'’-]{1,30})?,?\s{1,3}(?:19|20)\d{2}\s{0,3}\)"
)
_VAGUE_STUDY = (
    re.compile(r"\ba\s{1,3}(?:19|20)\d{2}\s{1,3}study\b|\bpublished\s{1,3}in\b", re.IGNORECASE),
    re.compile(
        r"\b(?:studies|research|trials|evidence|science)\s{1,3}(?:show|shows|suggest|suggests|prove|proves|supports?"
        r"|has\s{1,3}shown|have\s{1,3}shown)\b|\brecent\s{1,3}studies\b",
        re.IGNORECASE,
    ),
    re.compile(r"\bclinical\s{1,3}(?:studies|evidence|trials)\b", re.IGNORECASE),
)
# What regulators allow: a statement about approval status, not a regulator's name used as a stamp of quality
# ("our FDA-registered lab", "IRB-approved") and not the verb of biology ("regulate the cell function").
_REGULATION = re.compile(
    r"\b(?:not|never|no|none|neither|nor|has\s{1,3}not|have\s{1,3}not|hasn['’]t|isn['’]t|aren['’]t)\s{1,3}"
    r"(?:[\w-]{1,20}\s{1,3}){0,4}(?:approved|licensed|cleared|authori[sz]ed)\b"
    r"|\bunapproved\b|\bunlicensed\b|\binvestigational\b|\brequire[sd]?\s{1,3}(?:FDA\s{1,3})?(?:approval|licensure)"
    r"|\b(?:regulatory\s{1,3}gr[ae]y\s{1,3}area)\b|\ballows?\s{1,3}(?:the\s{1,3})?use\s{1,3}of\s{1,3}[\w\s-]{1,40}\s{1,3}only\b"
    r"|\bapproved\s{1,3}(?:only\s{1,3})?for\s{1,3}(?:the\s{1,3})?(?:treatment\s{1,3}of\s{1,3})?(?:certain|use|patients)"
    r"|\bclinical\s{1,3}trial\s{1,3}for\s{1,3}which\s{1,3}FDA\s{1,3}has\s{1,3}oversight|\bwithout\s{1,3}(?:FDA\s{1,3})?approval",
    re.IGNORECASE,
)
_CONTACT_DETAIL = re.compile(
    r"\+\d[\d\s().-]{7,20}\d|\(?\b\d{3}\)?[\s.-]\d{3}[\s.-]\d{4}\b|(?<![\w.+-])[\w.+-]{1,64}@[\w-]{1,63}(?:\.[\w-]{1,63}){1,8}"
)
_BOOKING = re.compile(
    r"\bwhats\s?app\b|\bcall\s{1,3}(?:us|now|today)\b|\bbook\s{1,3}(?:a|an|your|now|appointment)\b|\bfree\s{1,3}consultation\b"
    r"|\bschedule\s{1,3}(?:a|your)\s{1,3}(?:consultation|appointment|call)\b|\bviber\b|\btelegram\b|\bcontact\s{1,3}us\b"
    r"|\brequest\s{1,3}(?:a|more|your)\s{1,3}(?:quote|information|info|consultation|booklet)\b"
    r"|\bcomplete\s{1,3}our\s{1,3}(?:online\s{1,3})?(?:medical\s{1,3}history|form|questionnaire)\b",
    re.IGNORECASE,
)


def _first(
    patterns: re.Pattern[str] | Sequence[re.Pattern[str]],
    text: str,
    sentences: Sentences,
    *,
    denied: re.Pattern[str] | None = None,
    other: re.Pattern[str] | None = None,
    limit: int = 50,
) -> str:
    """The sentence around the first hit of the most telling pattern, skipping denials and other treatments."""
    for pattern in patterns if isinstance(patterns, Sequence) else (patterns,):
        # Case-insensitive patterns run lower-cased on lower-cased text: several times faster (see PhraseScanner).
        haystack = sentences.lower if pattern.flags & re.IGNORECASE else text
        for tried, match in enumerate(_lowered(pattern).finditer(haystack)):
            if tried >= limit:
                break
            sentence = sentences.sentence(match.start(), match.end())
            if (denied and denied.search(sentence)) or (other and other.search(sentence)):
                continue
            return _snippet(sentence, match.group(0))
    return ""


_LOWERED: dict[str, re.Pattern[str]] = {}


def _lowered(pattern: re.Pattern[str]) -> re.Pattern[str]:
    if not pattern.flags & re.IGNORECASE:
        return pattern
    if pattern.pattern not in _LOWERED:
        _LOWERED[pattern.pattern] = re.compile(pattern.pattern.lower())
    return _LOWERED[pattern.pattern]


def _snippet(sentence: str, focus: str, width: int = 450) -> str:
    """The sentence as evidence; a very long one is cut at whole words and says so in words, not with '…'."""
    if len(sentence) <= width:
        return sentence
    sentence = sentence.removesuffix(SHORTENED)
    at = max(sentence.find(normalise_space(focus)), 0)
    left = max(0, min(at - width // 3, len(sentence) - width))
    words = sentence[left : left + width].split(" ")
    kept = " ".join(words[1 if left else 0 : -1 if left + width < len(sentence) else None])
    return kept + SHORTENED


_NO_REGULATION = N_(
    "It says nothing about what is approved (a registered lab or an ethics-board stamp is not approval)."
)


def checklist(
    text: str, sentences: Sentences, prices: list[Amount], kind: PageKind, lang: str = "en"
) -> list[CheckItem]:
    """The source-quality checklist, each answer with the text that decided it."""
    risk = _first(_RISK, text, sentences, denied=_RISK_DENIED, other=_OTHER_TREATMENT)
    cost_words = "" if prices else _first(_COST_WORDS, text, sentences)
    study = study_named(text, sentences)
    vague = "" if study else _first(_VAGUE_STUDY, text, sentences)
    regulation = _first(_REGULATION, text, sentences)
    booking = _first(_BOOKING, text, sentences)
    contact = booking or (contact_detail(text, sentences) if kind.kind == "seller" else "")
    return items(risk, prices, cost_words, study, vague, regulation, contact, lang)


def first_in(patterns: Sequence[re.Pattern[str]], sentences: Sentences, **kwargs) -> str:
    """_first for patterns written in lower case, run on the text's lower-cased form (the Spanish lists)."""
    return _first([_as_lowered(p) for p in patterns], sentences.lower, sentences, **kwargs)


def _as_lowered(pattern: re.Pattern[str]) -> re.Pattern[str]:
    return pattern if pattern.flags & re.IGNORECASE else re.compile(pattern.pattern, re.IGNORECASE)


def study_named(text: str, sentences: Sentences) -> str:
    """The sentence naming a study one can look up (DOI, PMID, trial number, author and year), else ''."""
    return _first((_STUDY_ID, _AUTHOR_YEAR), text, sentences)


def contact_detail(text: str, sentences: Sentences) -> str:
    return _first(_CONTACT_DETAIL, text, sentences)


def items(
    risk: str,
    prices: list[Amount],
    cost_words: str,
    study: str,
    vague: str,
    regulation: str,
    contact: str,
    lang: str = "en",
) -> list[CheckItem]:
    """The five answers as checklist items, with their questions and plain notes in words of `lang`."""
    _ = i18n.bound(lang)
    price = _snippet(prices[0].sentence, prices[0].text) if prices else ""
    return [
        CheckItem("risks", _("Does it name risks or side effects?"), bool(risk), True, risk,
                  "" if risk else _("No risk or side effect is named (saying there is no risk does not count).")),
        CheckItem("costs", _("Does it give costs with numbers?"), bool(price), True, price or cost_words,
                  "" if price else _("It talks about cost but gives no price.") if cost_words
                  else _("No cost is given.")),
        CheckItem("studies", _("Does it name studies you can look up (DOI, PMID, trial number, author and year)?"),
                  bool(study), True, study or vague,
                  "" if study else _("It mentions studies but names none you could find.") if vague
                  else _("No study is named.")),
        CheckItem("regulation", _("Does it say what regulators have or have not approved?"), bool(regulation), True,
                  regulation, "" if regulation else _(_NO_REGULATION)),
        CheckItem("contact", _("Does it ask you to book, enquire or call (a sales contact)?"), bool(contact), False,
                  contact, _("A seller's page: read it as an advert.") if contact else ""),
    ]  # fmt: skip
