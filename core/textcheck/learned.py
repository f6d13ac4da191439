"""The learned reader: linear models over words, letter groups and the rules' findings, applied with numpy.

The weights live in reader.npz next to this module, written by scripts/train_reader.py from the tuning corpus
(tests/textcheck_eval/corpus/train.json; held_out_round3 to 6, 8 and 9, each tuning data since it was scored
once; and tuning_round7; round 10 is held out). They are plain arrays loaded with allow_pickle=False: nothing from
outside the repo is ever unpickled, and nothing downloads.
The exact rules (numbers, units, doses, denials, voice) stay in the other modules; the models decide the fuzzy
parts: which sentences carry a red flag of each kind, which sound like hype, and what kind of page it is.
"""

from __future__ import annotations

import bisect
import itertools
import math
import re
from dataclasses import dataclass
from functools import cache, cached_property, lru_cache
from pathlib import Path

import numpy as np

from core.textcheck import model_gates, phrases
from core.textcheck.model import MAX_FINDINGS, LanguageHit, PageKind, RedFlag
from core.textcheck.spans import Sentences, ascii_lower

WEIGHTS = Path(__file__).with_name("reader.npz")
FLAG_KINDS = ("approval", "success", "no risk", "testimonial", "cure", "regenerate", "price lure",
              "regulated product", "instead of surgery")  # fmt: skip
# "any flag" learns from every flagged sentence at once (ten times the examples of a rare kind); a sentence it is
# sure about is reported under the kind the per-kind models find likeliest.
HEADS = (*FLAG_KINDS, "any flag", "hype")
PAGE_KINDS = ("seller", "regulator", "news", "study-registry", "health-info", "unknown")
MAX_SENTENCE_CHARS = 400  # the model reads the start of a very long "sentence" (a table, a list without stops)
MAX_SEGMENT = 600  # text without sentence ends is read in pieces of this many characters
MAX_PAGE_CHARS = 20_000  # the page-kind model reads the start of the page: a page shows its kind early
MAX_SUSPECTS_PER_KIND = 12
MIN_PAGE_SENTENCES = 3

_WORD = re.compile(r"[a-z0-9]+(?:['’][a-z]+)?")
_DIGIT = re.compile(r"[0-9]")
_NEGATOR = re.compile(phrases.NEGATOR, re.IGNORECASE)
_RULE_KINDS = (*FLAG_KINDS, "product as cells")
_HEAD = {kind: n for n, kind in enumerate(HEADS)}
_HEDGEABLE = re.compile(r"regenerat|restor|regrow|repair")  # as in language.py: "may regrow" is a hedge


@cache
def _word_grams(word: str) -> tuple[str, ...]:
    """Letter groups of 3 to 5 inside one word, with its edges marked: 'regrow' -> ' re', 'reg', ... 'ow '."""
    padded = f" {word} "
    return tuple(f"c:{padded[i : i + n]}" for n in (3, 4, 5) for i in range(len(padded) - n + 1))


def tokens(sentence: str, limit: int = MAX_SENTENCE_CHARS) -> list[str]:
    """The features a sentence is read by: words, word pairs and letter groups (digits all read as 0)."""
    words = _WORD.findall(_DIGIT.sub("0", ascii_lower(sentence[:limit])))
    out = [f"w:{w}" for w in words]
    out += [f"b:{a} {b}" for a, b in itertools.pairwise(words)]
    for word in words:
        out += _word_grams(word)
    return out


# --- what the rules found in a sentence, as features the models may lean on --------------------------------------

SENTENCE_EXTRAS = (
    *(f"rule:{k}" for k in _RULE_KINDS), "rule:any", "rule:hype", "rule:certainty", "rule:testimonial words",
    "rule:hedge", "rule:not own", "negation", "question", "short", "long", "percent", "page:seller", "page:regulator",
    "page:news", "page:study-registry", "page:unknown", "page:price", "page:flags",
)  # fmt: skip
PAGE_EXTRAS = ("page:seller", "page:regulator", "page:news", "page:study-registry", "page:unknown", "page:price",
               "page:flags", "page:hedges", "page:sure words")  # fmt: skip


@dataclass(frozen=True)
class RuleFindings:
    """The rules' reading of a whole text: what the learned models take as extra features."""

    flags: list[RedFlag]
    language: list[LanguageHit]
    kind: PageKind
    has_price: bool

    @cached_property
    def flag_starts(self) -> list[int]:
        return [f.start for f in self.flags]

    @cached_property
    def language_starts(self) -> list[int]:
        return [h.start for h in self.language]


def sentence_extras(text: str, start: int, end: int, found: RuleFindings, page: dict[str, float]) -> list[float]:
    sentence = text[start:end]
    kinds = {f.kind for f in _inside(found.flags, start, end, found.flag_starts)}
    hits = _inside(found.language, start, end, found.language_starts)
    if not kinds and not hits:
        # Then they depend on the words alone: a line repeated thousands of times costs one look.
        return _plain_extras(sentence, tuple(page.items()))
    return _extras(sentence, kinds, hits, page)


@lru_cache(maxsize=512)
def _plain_extras(sentence: str, page: tuple[tuple[str, float], ...]) -> list[float]:
    return _extras(sentence, set(), [], dict(page))


def _extras(sentence: str, kinds: set[str], hits: list, page: dict[str, float]) -> list[float]:
    own = {h.kind for h in hits if h.voice == "own"}
    words = len(sentence.split())
    values = {f"rule:{k}": float(k in kinds) for k in _RULE_KINDS}
    values |= {
        "rule:any": float(bool(kinds)), "rule:hype": float("hype" in own), "rule:certainty": float("certainty" in own),
        "rule:testimonial words": float("testimonial" in own), "rule:hedge": float("hedge" in own),
        "rule:not own": float(any(h.voice != "own" for h in hits)),
        "negation": float(bool(_NEGATOR.search(sentence[:MAX_SENTENCE_CHARS]))),
        "question": float(sentence.rstrip().endswith("?")), "short": float(words < 7), "long": float(words > 30),
        "percent": float("%" in sentence[:MAX_SENTENCE_CHARS]),
    }  # fmt: skip
    values |= page
    return [values[name] for name in SENTENCE_EXTRAS]


def page_extras(found: RuleFindings) -> dict[str, float]:
    own = [h for h in found.language if h.voice == "own"]
    values = {f"page:{k}": float(found.kind.kind == k) for k in ("seller", "regulator", "news", "study-registry",
                                                                  "unknown")}  # fmt: skip
    values["page:price"] = float(found.has_price)
    values["page:flags"] = min(len(found.flags), 5) / 5
    values["page:hedges"] = min(sum(h.kind == "hedge" for h in own), 5) / 5
    values["page:sure words"] = min(sum(h.kind != "hedge" for h in own), 5) / 5
    return values


def _inside(items: list, start: int, end: int, starts: list[int] | None = None) -> list:
    """Findings (sorted by start) that start inside [start, end); `starts` are their starts, when known."""
    starts = [i.start for i in items] if starts is None else starts
    return items[bisect.bisect_left(starts, start) : bisect.bisect_left(starts, end)]


def segments(text: str, sentences: Sentences) -> list[tuple[int, int]]:
    """The sentences the models read, as (start, end) without surrounding spaces; long runs cut into pieces, and
    pieces without a letter or digit left out (a run of '. . .' would be thousands of empty sentences)."""
    out = []
    bounds = [*sentences.starts, len(text)]
    for left, right in itertools.pairwise(bounds):
        while left < right and text[left].isspace():
            left += 1
        stop = right
        while stop > left and text[stop - 1].isspace():
            stop -= 1
        for piece in range(left, stop, MAX_SEGMENT):
            end = min(piece + MAX_SEGMENT, stop)
            if any(c.isalnum() for c in text[piece:end]):
                out.append((piece, end))
    return out


# --- applying the exported weights ---------------------------------------------------------------------------------


class Weights:
    """The exported models: one vocabulary with idf weights, the sentence heads and the page-kind model."""

    def __init__(self, arrays: dict[str, np.ndarray]):
        self.vocab = {str(t): i for i, t in enumerate(arrays["vocab"])}
        self.idf = arrays["idf"]
        self.coef = arrays["coef"]  # heads x (vocabulary + sentence extras)
        self.intercept = arrays["intercept"]
        self.threshold = dict(zip(HEADS, arrays["threshold"].tolist(), strict=True))
        self.veto = dict(zip(HEADS, arrays["veto"].tolist(), strict=True))
        self.ask = dict(zip(HEADS, arrays["ask"].tolist(), strict=True))
        self.kind_classes = [str(k) for k in arrays["kind_classes"]]
        self.kind_coef = arrays["kind_coef"]  # classes x (vocabulary + page extras)
        self.kind_intercept = arrays["kind_intercept"]

    def tfidf(self, texts: list[str], limit: int = MAX_SENTENCE_CHARS) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """Rows, columns and values of the l2-normalised, sublinear tf-idf matrix (as scikit-learn computes it)."""
        rows, cols, vals = [], [], []
        for row, text in enumerate(texts):
            counts: dict[int, int] = {}
            for token in tokens(text, limit):
                if (index := self.vocab.get(token)) is not None:
                    counts[index] = counts.get(index, 0) + 1
            if not counts:
                continue
            idx = np.fromiter(counts, dtype=np.int64, count=len(counts))
            weight = (1.0 + np.log(np.fromiter(counts.values(), dtype=np.float64, count=len(counts)))) * self.idf[idx]
            weight /= math.sqrt(float(weight @ weight))
            rows.append(np.full(len(idx), row))
            cols.append(idx)
            vals.append(weight)
        if not rows:
            return np.zeros(0, np.int64), np.zeros(0, np.int64), np.zeros(0)
        return np.concatenate(rows), np.concatenate(cols), np.concatenate(vals)

    def scores(self, coef, intercept, texts: list[str], extras: np.ndarray, limit: int = MAX_SENTENCE_CHARS):
        rows, cols, vals = self.tfidf(texts, limit)
        vocabulary = len(self.vocab)
        out = extras @ coef[:, vocabulary:].T + intercept
        np.add.at(out, rows, coef[:, cols].T * vals[:, None])
        return out

    def sentence_probabilities(self, texts: list[str], extras: np.ndarray) -> np.ndarray:
        return 1.0 / (1.0 + np.exp(-self.scores(self.coef, self.intercept, texts, extras)))

    def page_kind_probabilities(self, text: str, extras: np.ndarray) -> np.ndarray:
        logits = self.scores(self.kind_coef, self.kind_intercept, [text], extras[None, :], MAX_PAGE_CHARS)[0]
        logits = np.exp(logits - logits.max())
        return logits / logits.sum()


def load(path: Path = WEIGHTS) -> Weights:
    with np.load(path, allow_pickle=False) as arrays:
        return Weights({name: arrays[name] for name in arrays.files})


@cache
def weights() -> Weights:
    """The committed weights, loaded once per process."""
    return load()


@dataclass(frozen=True)
class Suspect:
    """A sentence the reader suspects of one red-flag kind: its place, words, the model's probability, and whether
    it is reported as a red flag (above the threshold, or found by a rule the model does not strongly doubt)."""

    kind: str
    start: int
    end: int
    sentence: str
    probability: float
    flagged: bool
    by_rule: bool


@dataclass(frozen=True)
class Reading:
    flags: list[RedFlag]
    hype: list[LanguageHit]
    kind: PageKind
    suspects: list[Suspect]


def read(text: str, sentences: Sentences, found: RuleFindings, model: Weights | None = None) -> Reading:
    """Combine the rules' findings with the models: a flag where the model is sure enough, or where a rule fires
    and the model does not strongly disagree."""
    from core.textcheck.flags import make_flag

    model = model or weights()
    spans = segments(text, sentences)
    page = page_extras(found)
    unique = sorted({text[a:b] for a, b in spans})
    position = {s: i for i, s in enumerate(unique)}
    # Repeated sentences are read once: a pasted list of the same line costs no more than the line.
    extras = np.array([sentence_extras(text, a, b, found, page) for a, b in spans]) if spans else np.zeros((0, 0))
    probabilities = np.zeros((len(spans), len(HEADS)))  # read as plain floats below (tolist): numpy cells are slow
    if spans:
        first_of = {}
        for n, (a, b) in enumerate(spans):
            first_of.setdefault(text[a:b], n)
        rows = [first_of[s] for s in unique]
        unique_probabilities = model.sentence_probabilities(unique, extras[rows])
        probabilities = unique_probabilities[[position[text[a:b]] for a, b in spans]]
    flags: list[RedFlag] = []
    suspects: list[Suspect] = []
    hype: list[LanguageHit] = []
    starts = [f.start for f in found.flags]
    own_sure = [h for h in found.language if h.voice == "own" and h.kind != "hedge"]
    own_sure_starts = [h.start for h in own_sure]
    # Sure words the rules found quoted, reported or denied: the sentence is about somebody else's claim, and the
    # model's hype word must not overrule that. (Added after the held-out round was scored; it only removes hits.)
    held_off = [h for h in found.language if h.voice != "own" and h.kind != "hedge"]
    held_off_starts = [h.start for h in held_off]
    for (a, b), row_p in zip(spans, probabilities.tolist(), strict=True):
        inside = found.flags[bisect.bisect_left(starts, a) : bisect.bisect_left(starts, b)]
        # A rule's flag stands unless the model strongly disagrees (its probability below the veto).
        kept = [f for f in inside if f.kind not in FLAG_KINDS or row_p[_HEAD[f.kind]] >= model.veto[f.kind]]
        by_rules, kept_kinds = {f.kind for f in inside}, {f.kind for f in kept}
        model_only = []
        for h, kind in enumerate(FLAG_KINDS):
            p = row_p[h]
            by_rule = kind in by_rules
            flagged = kind in kept_kinds or p >= model.threshold[kind]
            if (
                flagged
                and not by_rule
                and not (_said_own(model, sentences, h, a, b) and _allowed(kind, sentences, a, b))
            ):
                flagged = False  # the model's claim word is denied, quoted or reported: the rules' voice decides
            if flagged and not by_rule:
                model_only.append((p, kind))
            if (p >= model.ask[kind] or by_rule) and len(suspects) < MAX_SUSPECTS_PER_KIND * len(FLAG_KINDS) * 4:
                suspects.append(Suspect(kind, a, b, " ".join(text[a:b].split()), p, flagged, by_rule))
        flags += kept
        p_any = row_p[_HEAD["any flag"]]
        if not kept and not model_only and p_any >= model.threshold["any flag"]:
            head = max(range(len(FLAG_KINDS)), key=row_p.__getitem__)  # the first of equals, as np.argmax
            if _said_own(model, sentences, _HEAD["any flag"], a, b) and _allowed(FLAG_KINDS[head], sentences, a, b):
                model_only.append((p_any, FLAG_KINDS[head]))
                suspects.append(Suspect(FLAG_KINDS[head], a, b, " ".join(text[a:b].split()), p_any, True, False))
        if model_only and not kept:
            # One flag per sentence, so that spans never overlap; the other kinds stay among the suspects.
            _p, kind = max(model_only)
            flags.append(make_flag(kind, text[a:b], a, b, " ".join(text[a:b].split())))
        if (
            len(hype) < MAX_FINDINGS
            and row_p[-1] >= model.threshold["hype"]
            and not _inside(own_sure, a, b, own_sure_starts)
            and not _inside(held_off, a, b, held_off_starts)
            and (hit := _hype_hit(model, text, sentences, a, b))
        ):
            hype.append(hit)
    kind = _page_kind(model, text, found, len(unique))
    return Reading(flags, hype, kind, _cap_per_kind(suspects))


def _hype_hit(model: Weights, text: str, sentences: Sentences, a: int, b: int) -> LanguageHit | None:
    """The sentence's most hype-raising word, when it is in the page's own voice."""
    word = _key_word(model, _HEAD["hype"], sentences.lower[a:b])
    if word is None:
        return None
    start, end = a + word[0], a + word[1]
    # As for red flags, the rules' voice decides: a quoted, reported or denied word is not the page's boast.
    # (Fixed after the held-out round was scored: the frozen reader counted such words.)
    if sentences.voice(start, end, hedgeable=bool(_HEDGEABLE.match(sentences.lower, start))) != "own":
        return None
    return LanguageHit(text[start:end], start, end, "hype", " ".join(text[a:b].split()))


def _cap_per_kind(suspects: list[Suspect]) -> list[Suspect]:
    """At most MAX_SUSPECTS_PER_KIND per kind: flagged ones first, then the most probable; shown in page order."""
    kept: list[Suspect] = []
    for kind in FLAG_KINDS:
        mine = [s for s in suspects if s.kind == kind]
        mine.sort(key=lambda s: (not s.flagged, -s.probability, s.start))
        kept += mine[:MAX_SUSPECTS_PER_KIND]
    return sorted(kept, key=lambda s: (s.start, FLAG_KINDS.index(s.kind)))


def _allowed(kind: str, sentences: Sentences, start: int, end: int) -> bool:
    """The exact rules' exclusions for a sentence the model flags without a rule (model_gates.py)."""
    return model_gates.allowed(kind, sentences.lower[start : min(end, start + MAX_SENTENCE_CHARS)])


def _said_own(model: Weights, sentences: Sentences, head: int, start: int, end: int) -> bool:
    """Whether the word that most raised this kind's score is in the page's own voice (not denied, quoted,
    reported or, for regrowth, hoped for), as the exact rules judge it. A quoted patient story still counts."""
    word = _key_word(model, head, sentences.lower[start:end])
    if word is None:
        return True
    voice = sentences.voice(start + word[0], start + word[1], hedgeable=HEADS[head] == "regenerate")
    return voice == "own" or (HEADS[head] == "testimonial" and voice in ("quoted", "reported"))


@lru_cache(maxsize=1024)
def _key_word(model: Weights, head: int, lower: str) -> tuple[int, int] | None:
    """Where in the (lower-cased) sentence is the word that most raises this head's score (for hype: shown as the
    sure-sounding word; for a red flag: the word whose voice is checked)."""
    column = model.coef[head]
    best, where = 0.0, None
    for match in _WORD.finditer(lower, 0, MAX_SENTENCE_CHARS):
        word = _DIGIT.sub("0", match.group(0))
        weight = sum(column[i] for t in (f"w:{word}", *_word_grams(word)) if (i := model.vocab.get(t)) is not None)
        if weight > best:
            best, where = weight, match.span()
    return where


def _page_kind(model: Weights, text: str, found: RuleFindings, sentences: int) -> PageKind:
    if sentences < MIN_PAGE_SENTENCES:
        return found.kind  # the model learned from whole pages; a line or two is left to the rules' cues
    page = page_extras(found)
    probabilities = model.page_kind_probabilities(text, np.array([page[name] for name in PAGE_EXTRAS]))
    kind = model.kind_classes[int(np.argmax(probabilities))]
    return PageKind(kind, found.kind.cues if kind == found.kind.kind else ())
