"""Result types, limits and errors of the text checker."""

from __future__ import annotations

from dataclasses import dataclass, field

MAX_CHARS = 200_000
MAX_UPLOAD_BYTES = 5_000_000
UPLOAD_TYPES = ("txt", "md", "html", "htm")
MIN_CELLS = 10_000  # a cell dose is never this small; smaller "doses" are counts of something else
MAX_FINDINGS = 200  # per list: a pasted book of doses would otherwise fill the phone screen and the memory

ROUTES = (
    "intra-articular knee",
    "intradiscal",
    "intrathecal",
    "epidural",
    "intrathecal-or-epidural as stated",
    "spine, site unspecified",
    "intravenous",
)


class TextCheckError(ValueError):
    """Input the checker cannot take; the message is written for the person who gave it."""


class TextTooLongError(TextCheckError):
    """The text has more than MAX_CHARS characters."""


class UploadError(TextCheckError):
    """An uploaded file that is not a readable .txt, .md or .html text file."""


@dataclass(frozen=True)
class DoseMention:
    """One dose found in the text.

    `text` is `input[start:end]`. `cells_low`/`cells_high` are the numbers (equal for a single number), of cells
    when `what` is "cells", else of the product named in `what` (exosomes, particles, platelets). `per_kg` is True
    for doses per kilogram of body weight; `basis` says what the number is counted per ("per knee", "per mL",
    "course total", ...) when the text says so. `bound` is "at most" or "at least" for "up to"/"over"/"100M+".
    `route` is one of ROUTES; `route_inferred` is True when it came from a nearby line or heading, not the
    dose's own sentence. `course_count` is how many times the dose is given when the text says so, and
    `course_low`/`course_high` the resulting total.
    """

    text: str
    start: int
    end: int
    cells_low: float
    cells_high: float
    per_kg: bool
    route: str | None
    unit_stated: bool
    sentence: str
    what: str = "cells"
    basis: str | None = None
    bound: str | None = None
    route_inferred: bool = False
    course_count: int | None = None
    course_text: str = ""
    course_low: float | None = None
    course_high: float | None = None


@dataclass(frozen=True)
class Amount:
    """A harvest volume ('60 cc of bone marrow') or a price ('$6,500'), kept apart from doses."""

    kind: str  # "harvest" or "price"
    text: str
    start: int
    end: int
    sentence: str


@dataclass(frozen=True)
class LanguageHit:
    """A word or phrase that makes a claim sound sure ('certainty', 'hype', 'testimonial') or unsure ('hedge').

    `voice` is "own" when the page says it in its own voice; "quoted" inside quotation marks, "reported" when the
    page reports what others claim, "negated" when it denies it. Only "own" words count against the page.
    """

    text: str
    start: int
    end: int
    kind: str
    sentence: str
    voice: str = "own"


@dataclass(frozen=True)
class RedFlag:
    """A warning sign with its words, a plain reason and the app page that explains it."""

    kind: str
    text: str
    start: int
    end: int
    reason: str
    page: str
    sentence: str


@dataclass(frozen=True)
class PageKind:
    """What kind of page the text reads like, and the words that decided it."""

    kind: str  # seller, regulator, news, study-registry or unknown
    cues: tuple[str, ...] = ()


@dataclass(frozen=True)
class CheckItem:
    """One question of the source-quality checklist, answered from the text with the snippet that decided it."""

    key: str
    question: str
    found: bool
    good_if_found: bool
    evidence: str
    note: str

    @property
    def good(self) -> bool:
        return self.found == self.good_if_found


@dataclass(frozen=True)
class TextReport:
    """What analyze() found. Every list is sorted by position; spans within a list never overlap."""

    length: int
    doses: list[DoseMention] = field(default_factory=list)
    language: list[LanguageHit] = field(default_factory=list)
    checklist: list[CheckItem] = field(default_factory=list)
    red_flags: list[RedFlag] = field(default_factory=list)
    page_kind: PageKind = PageKind("unknown")
    amounts: list[Amount] = field(default_factory=list)
    condition: str | None = None
    truncated: tuple[str, ...] = ()  # the lists cut at MAX_FINDINGS
    suspects: list = field(default_factory=list)  # learned.Suspect: sentences the reader asks a person to judge
    read_as: str | None = "en"  # the language whose rules read the text (detect_language); None: one we cannot read

    @property
    def sure_words(self) -> list[LanguageHit]:
        return [h for h in self.language if h.kind != "hedge" and h.voice == "own"]

    @property
    def hedges(self) -> list[LanguageHit]:
        return [h for h in self.language if h.kind == "hedge"]

    @property
    def quoted_words(self) -> list[LanguageHit]:
        return [h for h in self.language if h.kind != "hedge" and h.voice != "own"]

    @property
    def harvests(self) -> list[Amount]:
        return [a for a in self.amounts if a.kind == "harvest"]

    @property
    def prices(self) -> list[Amount]:
        return [a for a in self.amounts if a.kind == "price"]


def cut_lists(doses: bool, amounts: bool, language: bool, red_flags: bool) -> tuple[str, ...]:
    """The names of the finding lists a reader cut at MAX_FINDINGS (TextReport.truncated), in report order."""
    lists = (("doses", doses), ("amounts", amounts), ("language", language), ("red flags", red_flags))
    return tuple(name for name, cut in lists if cut)
