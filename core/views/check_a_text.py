"""What the Check-a-text page shows, as plain data: red flags grouped by kind, dose lines, wording lines."""

from __future__ import annotations

import zlib
from dataclasses import dataclass

from core import site, textcheck
from core.text import md_escape, normalise_space, plural
from core.textcheck import phrases
from core.textcheck.compare import describe_course
from core.textcheck.model import DoseMention, RedFlag, TextReport
from core.textcheck.spans import SHORTENED

MAX_QUOTES_PER_FLAG = 5
# How the checker (the frozen learned reader) did on real pages it was never trained or tuned on: held-out round 3
# (python -m bench.textcheck_eval --held-out-round3, scored once); the page says it so that "no red flags" is not read
# as a clean bill. tests/test_textcheck_eval.py keeps these in step with the bench.
UNSEEN_PAGES = 46
UNSEEN_RED_FLAG_RECALL = 0.32


@dataclass(frozen=True)
class FlagGroup:
    """All red flags of one kind: a label, why it matters, the app page that explains it, the words found."""

    kind: str
    label: str
    reason: str
    page: str
    page_label: str
    quotes: tuple[str, ...]
    count: int


def counts_line(flags: list[RedFlag], report: TextReport) -> str:
    """One line of tallies ("2 red flags · 1 dose · …"), not four metric tiles that push the flags down a phone."""
    counts = ((len(flags), "red flag"), (len(report.doses), "dose"), (len(report.sure_words), "sure-sounding word"),
              (len(report.hedges), "hedge"))  # fmt: skip
    return " · ".join(plural(n, word) for n, word in counts)


def flag_groups(flags: list[RedFlag]) -> list[FlagGroup]:
    """Red flags grouped by kind, in the order of FLAG_KINDS, each quote escaped for Markdown."""
    groups = []
    for kind, (label, reason, page) in phrases.FLAG_KINDS.items():
        found = [f for f in flags if f.kind == kind]
        if not found:
            continue
        reasons = {f.reason for f in found}
        quotes = tuple(dict.fromkeys(md_escape(normalise_space(f.text)) for f in found))[:MAX_QUOTES_PER_FLAG]
        shown_reason = reason if len(reasons) != 1 else next(iter(reasons))
        groups.append(
            FlagGroup(kind, label, md_escape(shown_reason), page, site.by_path(page).label, quotes, len(found))
        )
    return groups


def dose_line(dose: DoseMention, row: dict) -> str:
    """One Markdown line for a dose: the words, amount, product, basis, route (and where the route came from)."""
    route = row["route"]
    if dose.route and dose.route_inferred:
        route += " (from a nearby line or heading, not the dose's own sentence)"
    parts = [f":orange-background[**{md_escape(normalise_space(dose.text))}**]", md_escape(row["amount"]),
             f"route: {md_escape(route)}"]  # fmt: skip
    if course := describe_course(dose):
        parts.append(md_escape(course))
    return " · ".join(parts) + f"  \nCompared with human trials: {md_escape(row['compared with trials'])}."


def wording_lines(report: TextReport) -> list[str]:
    """Plain lines: how many sure words of each kind in the page's own voice, and what it only quotes."""
    from core.textcheck.report import language_summary

    lines = []
    for _kind, label, count, words in language_summary(report):
        shown = md_escape(", ".join(words[:8])) + _more(len(words))
        lines.append(f"**{label}:** {count}" + (f" ({shown})" if words else ""))
    quoted = sorted({normalise_space(h.text.lower()) for h in report.quoted_words})
    if quoted:
        shown = md_escape(", ".join(quoted[:8])) + _more(len(quoted))
        lines.append(f"**Quoted, reported or denied (not counted against the page):** {len(quoted)} ({shown})")
    return lines


def _more(count: int, shown: int = 8) -> str:
    """Say how many words are left out, in words: a trailing '…' reads as text cut off."""
    return f" and {count - shown} more" if count > shown else ""


def quoted(sentence: str) -> str:
    """A sentence in quotation marks, escaped for Markdown; 'part of a longer sentence' goes outside the marks."""
    body = sentence.removesuffix(SHORTENED)
    return f"“{md_escape(body)}”" + (SHORTENED if body != sentence else "")


def kind_cues_line(cues: tuple[str, ...], text: str) -> str:
    """Why the page reads as its kind: the page's own words in quotation marks, other cues (a price, its red
    flags) in plain words, so that nothing the page never said is shown as a quote."""
    plain_text = normalise_space(text).lower()
    said = [c for c in cues if normalise_space(c).lower() in plain_text]
    other = [c for c in cues if c not in said]
    parts = []
    if said:
        parts.append("Because it says: " + ", ".join(f"“{md_escape(c)}”" for c in said) + ".")
    if other:
        parts.append(("It also has " if said else "Because it has ") + md_escape(" and ".join(other)) + ".")
    return " ".join(parts)


def no_flags_line() -> str:
    """What an empty red-flag list means, with how often the checker misses warning signs on pages it has not seen."""
    return (
        "None of the warning signs on our list, in the page's own words. That is not proof it is right: on "
        f"{UNSEEN_PAGES} real pages it had not seen before, it found only about {round(UNSEEN_RED_FLAG_RECALL * 10)} "
        "in 10 of the red flags a careful reader marked. Read the page yourself too."
    )


# --- guided reading (issue 19): the reader confirms or dismisses what the checker suspects -----------------------

MAX_GUESS_SENTENCES = 40  # workshop mode: a phone screen of sentences to mark, not a whole book
CONFIRM, DISMISS = "Red flag", "Not a red flag"


@dataclass(frozen=True)
class SuspectLine:
    """One suspected sentence: a session key, the sentence escaped for Markdown, and whether the checker reports it."""

    key: str
    sentence: str
    flagged: bool


@dataclass(frozen=True)
class SuspectGroup:
    kind: str
    label: str
    reason: str
    lines: tuple[SuspectLine, ...]

    @property
    def title(self) -> str:
        reported = sum(line.flagged for line in self.lines)
        flags = "a red flag" if reported == 1 else "red flags"
        return f"{self.label}: {plural(len(self.lines), 'sentence')} to read ({reported} reported as {flags})"


def _key(prefix: str, start: int, end: int, sentence: str) -> str:
    # The sentence's place and a checksum of its words: a new text never inherits the last one's answers.
    return f"{prefix}_{start}_{end}_{zlib.crc32(sentence.encode('utf-8')):08x}"


def suspect_groups(report: TextReport) -> list[SuspectGroup]:
    """Per red-flag kind, the sentences the reader suspects (reported ones first), each for a person to judge."""
    groups = []
    for kind, (label, reason, _page) in phrases.FLAG_KINDS.items():
        mine = sorted((s for s in report.suspects if s.kind == kind), key=lambda s: (not s.flagged, s.start))
        if mine:
            # One line per sentence: a rule and the model may both suspect the same one (the reported one is first).
            by_key = {}
            for s in mine:
                by_key.setdefault(_key(f"confirm_{kind.replace(' ', '_')}", s.start, s.end, s.sentence), s)
            lines = tuple(SuspectLine(key, quoted(s.sentence), s.flagged) for key, s in by_key.items())
            groups.append(SuspectGroup(kind, label, md_escape(reason), lines))
    return groups


def confirmed_tally(groups: list[SuspectGroup], answers: dict[str, str | None]) -> str:
    """What the reader decided so far, in one plain line."""
    lines = [line for g in groups for line in g.lines]
    confirmed = sum(answers.get(line.key) == CONFIRM for line in lines)
    dismissed = sum(answers.get(line.key) == DISMISS for line in lines)
    open_ = len(lines) - confirmed - dismissed
    return f"You confirmed {confirmed}, dismissed {dismissed}; {open_} still to read."


_QUESTIONS = {
    "risks": "What are the risks and side effects of this treatment, and how often do they happen?",
    "costs": "What does the whole course cost, with every fee, and what is refunded if it does not help?",
    "studies": "Which published studies of this exact treatment can I read (a trial number, a DOI or a PubMed id)?",
    "regulation": "Has a regulator approved this product for knee or back pain? If not, under which rules is it given?",
}


def questions_to_ask(report: TextReport) -> list[str]:
    """What the page leaves out (risks, costs, evidence, regulator status), as questions to ask the clinic."""
    questions = [_QUESTIONS[item.key] for item in report.checklist if item.key in _QUESTIONS and not item.found]
    kinds = {f.kind for f in report.red_flags}
    if "success" in kinds:
        questions.append("How was “success” measured, in how many patients, and compared with whom?")
    if "regulated product" in kinds:
        questions.append("What exactly is injected, who makes it, and is it licensed as a medicine where you are?")
    return questions


@dataclass(frozen=True)
class GuessLine:
    key: str
    sentence: str
    checker: tuple[str, ...]  # labels of the red flags the checker reports on this sentence


def guess_lines(report: TextReport, text: str) -> list[GuessLine]:
    """The text's sentences for the room to mark, each with the checker's answer (shown only after the reveal)."""
    from core.textcheck.learned import segments
    from core.textcheck.spans import Sentences

    out = []
    for start, end in segments(text, Sentences(text))[:MAX_GUESS_SENTENCES]:
        sentence = normalise_space(text[start:end])
        kinds = tuple(dict.fromkeys(phrases.FLAG_KINDS.get(f.kind, (f.kind,))[0] for f in report.red_flags
                                    if f.start < end and f.end > start))  # fmt: skip
        out.append(GuessLine(_key("mark", start, end, sentence), md_escape(sentence), kinds))
    return out


def guess_comparison(lines: list[GuessLine], marked: set[str]) -> str:
    """How the room's marks compare with the checker's, in words."""
    both = sum(line.key in marked and bool(line.checker) for line in lines)
    only_you = sum(line.key in marked and not line.checker for line in lines)
    only_checker = sum(line.key not in marked and bool(line.checker) for line in lines)
    return (f"You and the checker agree on {plural(both, 'sentence')}; you marked {only_you} it did not report; "
            f"it reports {only_checker} you did not mark. Talk through each difference: the checker misses many "
            "red flags, and it can be wrong.")  # fmt: skip


# The checker's parts the page uses, so the page reads only this view (page -> view -> textcheck).
EXAMPLE, KIND_LABELS, MAX_CHARS = textcheck.EXAMPLE, textcheck.KIND_LABELS, textcheck.MAX_CHARS
TextCheckError, TextTooLongError = textcheck.TextCheckError, textcheck.TextTooLongError
compare_doses, dose_flags, summary = textcheck.compare_doses, textcheck.dose_flags, textcheck.summary
highlighted_markdown, truncation_note = textcheck.highlighted_markdown, textcheck.truncation_note
read_upload, report_csv, report_markdown = textcheck.read_upload, textcheck.report_csv, textcheck.report_markdown
