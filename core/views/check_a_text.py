"""What the Check-a-text page shows, as plain data: red flags grouped by kind, dose lines, wording lines."""

from __future__ import annotations

import zlib
from dataclasses import dataclass

from core import i18n, site, textcheck
from core.i18n import N_
from core.text import md_escape, normalise_space
from core.textcheck.flag_kinds import FLAG_KINDS  # only for the kinds' order and the page explaining each
from core.textcheck.model import DoseMention, RedFlag, TextReport
from core.textcheck.spans import SHORTENED

MAX_QUOTES_PER_FLAG = 5
# How the checker (the frozen learned reader) did on real pages it was never trained or tuned on: held-out round 10
# (python -m bench.textcheck_eval --held-out-round10, scored once); the page says it so that "no red flags" is not read
# as a clean bill. tests/test_textcheck_eval.py keeps these in step with the bench.
UNSEEN_PAGES = 64
UNSEEN_RED_FLAG_RECALL = 0.54


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


def counts_line(flags: list[RedFlag], report: TextReport, lang: str = "en") -> str:
    """One line of tallies ("2 red flags · 1 dose · …"), not four metric tiles that push the flags down a phone."""
    parts = (
        i18n.ngettext(lang, "{n} red flag", "{n} red flags", len(flags)).format(n=len(flags)),
        i18n.ngettext(lang, "{n} dose", "{n} doses", len(report.doses)).format(n=len(report.doses)),
        i18n.ngettext(lang, "{n} sure-sounding word", "{n} sure-sounding words", len(report.sure_words)).format(
            n=len(report.sure_words)
        ),
        i18n.ngettext(lang, "{n} hedge", "{n} hedges", len(report.hedges)).format(n=len(report.hedges)),
    )
    return " · ".join(parts)


def flag_groups(flags: list[RedFlag], lang: str = "en") -> list[FlagGroup]:
    """Red flags grouped by kind, in the order of FLAG_KINDS, each quote escaped for Markdown. The flags' reasons
    arrive in `lang` (analyze and dose_flags were given it); a kind whose flags give different reasons shows the
    kind's general one."""
    groups = []
    for kind, (_label, _reason, page) in FLAG_KINDS.items():
        found = [f for f in flags if f.kind == kind]
        if not found:
            continue
        reasons = {f.reason for f in found}
        quotes = tuple(dict.fromkeys(md_escape(normalise_space(f.text)) for f in found))[:MAX_QUOTES_PER_FLAG]
        reason = next(iter(reasons)) if len(reasons) == 1 else textcheck.flag_reason(kind, lang)
        groups.append(
            FlagGroup(kind, textcheck.flag_label(kind, lang), md_escape(reason), page,
                      i18n.gettext(lang, site.by_path(page).label), quotes, len(found))
        )  # fmt: skip
    return groups


def dose_line(dose: DoseMention, row: dict, lang: str = "en") -> str:
    """One Markdown line for a dose: the words, amount, product, basis, route (and where the route came from).
    `row` is the dose's row of compare_doses(..., lang=lang): its cells are already in the visitor's language."""
    _ = i18n.bound(lang)
    route = row["route"]
    if dose.route and dose.route_inferred:
        route = _("{route} (from a nearby line or heading, not the dose's own sentence)").format(route=route)
    parts = [f":orange-background[**{md_escape(normalise_space(dose.text))}**]", md_escape(row["amount"]),
             _("route: {route}").format(route=md_escape(route))]  # fmt: skip
    if row["course"]:
        parts.append(md_escape(row["course"]))
    compared = _("Compared with human trials: {comparison}.").format(comparison=md_escape(row["compared with trials"]))
    return " · ".join(parts) + "  \n" + compared


def dose_table(comparison, lang: str = "en"):
    """The comparison (compare_doses(..., lang=lang)) as shown on screen: without the position column, with the
    headers in the language."""
    return comparison.drop(columns="start").rename(columns=textcheck.column_headers(lang))


def wording_lines(report: TextReport, lang: str = "en") -> list[str]:
    """Plain lines: how many sure words of each kind in the page's own voice, and what it only quotes."""
    lines = []
    for _kind, label, count, words in textcheck.language_summary(report, lang):
        listed = md_escape(", ".join(words[:8])) + _more(len(words), lang)
        lines.append(f"**{label}:** {count}" + (f" ({listed})" if words else ""))
    quoted = sorted({normalise_space(h.text.lower()) for h in report.quoted_words})
    if quoted:
        listed = md_escape(", ".join(quoted[:8])) + _more(len(quoted), lang)
        lines.append(
            i18n.gettext(lang, "**Quoted, reported or denied (not counted against the page):** {count} ({words})")
            .format(count=len(quoted), words=listed)
        )  # fmt: skip
    return lines


def _more(count: int, lang: str = "en", limit: int = 8) -> str:
    """Say how many words are left out, in words: a trailing '…' reads as text cut off."""
    return i18n.gettext(lang, " and {n} more").format(n=count - limit) if count > limit else ""


def quoted(sentence: str, lang: str = "en") -> str:
    """A sentence in quotation marks, escaped for Markdown; 'part of a longer sentence' (in the report's language)
    goes outside the marks."""
    note = i18n.gettext(lang, SHORTENED)
    body = sentence.removesuffix(note)
    return f"“{md_escape(body)}”" + (note if body != sentence else "")


def kind_label(kind: str, lang: str = "en") -> str:
    """What kind of page the text reads like, as a heading line ("A seller's page (clinic, broker or advert)")."""
    label = textcheck.kind_label(kind, lang)
    return label[:1].upper() + label[1:]


def kind_cues_line(cues: tuple[str, ...], text: str, lang: str = "en") -> str:
    """Why the page reads as its kind: the page's own words in quotation marks, other cues (a price, its red
    flags) in plain words, so that nothing the page never said is shown as a quote."""
    plain_text = normalise_space(text).lower()
    said = [c for c in cues if normalise_space(c).lower() in plain_text]
    other = [c for c in cues if c not in said]
    _ = i18n.bound(lang)
    parts = []
    if said:
        parts.append(_("Because it says: {words}.").format(words=", ".join(f"“{md_escape(c)}”" for c in said)))
    if other:
        things = md_escape(_(" and ").join(other))
        parts.append((_("It also has {things}.") if said else _("Because it has {things}.")).format(things=things))
    return " ".join(parts)


def no_flags_line(lang: str = "en") -> str:
    """What an empty red-flag list means, with how often the checker misses warning signs on pages it has not seen."""
    return i18n.gettext(
        lang,
        "None of the warning signs on our list, in the page's own words. That is not proof it is right: on "
        "{pages} real pages it had not seen before, it found only about {found} in 10 of the red flags a careful "
        "reader marked. Read the page yourself too.",
    ).format(pages=UNSEEN_PAGES, found=round(UNSEEN_RED_FLAG_RECALL * 10))


# --- guided reading (issue 19): the reader confirms or dismisses what the checker suspects -----------------------

MAX_GUESS_SENTENCES = 40  # workshop mode: a phone screen of sentences to mark, not a whole book
# The answers' values (kept in the session, so English in every language); answer_words shows them.
CONFIRM, DISMISS = "Red flag", "Not a red flag"
_ANSWER_WORDS = {CONFIRM: N_("Red flag"), DISMISS: N_("Not a red flag")}


def answer_words(value: str, lang: str = "en") -> str:
    return i18n.gettext(lang, _ANSWER_WORDS[value])


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
    lang: str = "en"

    @property
    def title(self) -> str:
        reported = sum(line.flagged for line in self.lines)
        # Two counts, each with its own plural: the part about the reported ones goes into the whole title.
        how_many_reported = i18n.ngettext(
            self.lang, "({n} reported as a red flag)", "({n} reported as red flags)", reported
        ).format(n=reported)
        return i18n.ngettext(
            self.lang, "{label}: {n} sentence to read {reported}", "{label}: {n} sentences to read {reported}",
            len(self.lines),
        ).format(label=self.label, n=len(self.lines), reported=how_many_reported)  # fmt: skip


def _key(prefix: str, start: int, end: int, sentence: str) -> str:
    # The sentence's place and a checksum of its words: a new text never inherits the last one's answers.
    return f"{prefix}_{start}_{end}_{zlib.crc32(sentence.encode('utf-8')):08x}"


def suspect_groups(report: TextReport, lang: str = "en") -> list[SuspectGroup]:
    """Per red-flag kind, the sentences the reader suspects (reported ones first), each for a person to judge."""
    groups = []
    for kind in FLAG_KINDS:
        mine = sorted((s for s in report.suspects if s.kind == kind), key=lambda s: (not s.flagged, s.start))
        if mine:
            # One line per sentence: a rule and the model may both suspect the same one (the reported one is first).
            by_key = {}
            for s in mine:
                by_key.setdefault(_key(f"confirm_{kind.replace(' ', '_')}", s.start, s.end, s.sentence), s)
            lines = tuple(SuspectLine(key, quoted(s.sentence, lang), s.flagged) for key, s in by_key.items())
            groups.append(SuspectGroup(kind, textcheck.flag_label(kind, lang),
                                       md_escape(textcheck.flag_reason(kind, lang)), lines, lang))  # fmt: skip
    return groups


def confirmed_tally(groups: list[SuspectGroup], answers: dict[str, str | None], lang: str = "en") -> str:
    """What the reader decided so far, in one plain line."""
    lines = [line for g in groups for line in g.lines]
    confirmed = sum(answers.get(line.key) == CONFIRM for line in lines)
    dismissed = sum(answers.get(line.key) == DISMISS for line in lines)
    open_ = len(lines) - confirmed - dismissed
    # The English reads the same for one or many left; Spanish says "queda 1" but "quedan 2".
    return i18n.ngettext(lang, "You confirmed {confirmed}, dismissed {dismissed}; {left} still to read.",
                         "You confirmed {confirmed}, dismissed {dismissed}; {left} still to read.", open_).format(
        confirmed=confirmed, dismissed=dismissed, left=open_
    )  # fmt: skip


_QUESTIONS = {
    "risks": N_("What are the risks and side effects of this treatment, and how often do they happen?"),
    "costs": N_("What does the whole course cost, with every fee, and what is refunded if it does not help?"),
    "studies": N_("Which published studies of this exact treatment can I read (a trial number, a DOI or a PubMed id)?"),
    "regulation": N_(
        "Has a regulator approved this product for knee or back pain? If not, under which rules is it given?"
    ),
}


def questions_to_ask(report: TextReport, lang: str = "en") -> list[str]:
    """What the page leaves out (risks, costs, evidence, regulator status), as questions to ask the clinic."""
    _ = i18n.bound(lang)
    questions = [_(_QUESTIONS[item.key]) for item in report.checklist if item.key in _QUESTIONS and not item.found]
    kinds = {f.kind for f in report.red_flags}
    if "success" in kinds:
        questions.append(_("How was “success” measured, in how many patients, and compared with whom?"))
    if "regulated product" in kinds:
        questions.append(_("What exactly is injected, who makes it, and is it licensed as a medicine where you are?"))
    return questions


@dataclass(frozen=True)
class GuessLine:
    key: str
    sentence: str
    checker: tuple[str, ...]  # labels of the red flags the checker reports on this sentence


def guess_lines(report: TextReport, text: str, lang: str = "en") -> list[GuessLine]:
    """The text's sentences for the room to mark, each with the checker's answer (shown only after the reveal)."""
    from core.textcheck.learned import segments
    from core.textcheck.spans import Sentences

    out = []
    for start, end in segments(text, Sentences(text))[:MAX_GUESS_SENTENCES]:
        sentence = normalise_space(text[start:end])
        kinds = tuple(dict.fromkeys(textcheck.flag_label(f.kind, lang)
                                    for f in report.red_flags if f.start < end and f.end > start))  # fmt: skip
        out.append(GuessLine(_key("mark", start, end, sentence), md_escape(sentence), kinds))
    return out


def guess_comparison(lines: list[GuessLine], marked: set[str], lang: str = "en") -> str:
    """How the room's marks compare with the checker's, in words."""
    both = sum(line.key in marked and bool(line.checker) for line in lines)
    only_you = sum(line.key in marked and not line.checker for line in lines)
    only_checker = sum(line.key not in marked and bool(line.checker) for line in lines)
    return i18n.ngettext(
        lang,
        "You and the checker agree on {n} sentence; you marked {only_you} it did not report; it reports "
        "{only_checker} you did not mark. Talk through each difference: the checker misses many red flags, and it "
        "can be wrong.",
        "You and the checker agree on {n} sentences; you marked {only_you} it did not report; it reports "
        "{only_checker} you did not mark. Talk through each difference: the checker misses many red flags, and it "
        "can be wrong.",
        both,
    ).format(n=both, only_you=only_you, only_checker=only_checker)


# The checker's parts the page uses, so the page reads only this view (page -> view -> textcheck).
EXAMPLE_ES, MAX_CHARS, example = textcheck.EXAMPLE_ES, textcheck.MAX_CHARS, textcheck.example
TextCheckError, TextTooLongError = textcheck.TextCheckError, textcheck.TextTooLongError
compare_doses, dose_flags, summary = textcheck.compare_doses, textcheck.dose_flags, textcheck.summary
highlighted_markdown, truncation_note = textcheck.highlighted_markdown, textcheck.truncation_note
read_upload, report_csv, report_markdown = textcheck.read_upload, textcheck.report_csv, textcheck.report_markdown
read_as_sentence = textcheck.read_as_sentence
