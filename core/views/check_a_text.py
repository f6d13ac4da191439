"""What the Check-a-text page shows, as plain data: red flags grouped by kind, dose lines, wording lines."""

from __future__ import annotations

import functools
import inspect
import zlib
from collections.abc import Callable
from dataclasses import dataclass

from core import i18n, site, textcheck
from core.i18n import N_
from core.text import md_escape, normalise_space
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


@functools.lru_cache(maxsize=64)
def _takes_lang(fn: Callable) -> bool:
    try:
        return "lang" in inspect.signature(fn).parameters
    except (TypeError, ValueError):
        return False


def in_lang(lang: str, fn: Callable, *args, **kwargs):
    """fn(*args, lang=lang) when fn takes a language, else fn(*args): core.textcheck's report functions gain a
    `lang` parameter from their own area (textcheck), and the page passes the visitor's language as soon as they do."""
    if _takes_lang(fn):
        kwargs["lang"] = lang
    return fn(*args, **kwargs)


def shown(lang: str, text: str) -> str:
    """A label or sentence from core.textcheck's word lists in the visitor's language: the textcheck area marks its
    constants for the catalogs (N_) and this looks them up where they are shown; unknown text stays as it is."""
    return i18n.gettext(lang, text) if text else text


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
            FlagGroup(kind, shown(lang, label), md_escape(shown(lang, shown_reason)), page,
                      i18n.gettext(lang, site.by_path(page).label), quotes, len(found))
        )  # fmt: skip
    return groups


# The checker's route codes (core.textcheck.model.ROUTES) as a reader sees them; the codes themselves never change.
_ROUTE_WORDS = {
    "intra-articular knee": N_("intra-articular knee"), "intradiscal": N_("intradiscal"),
    "intrathecal": N_("intrathecal"), "epidural": N_("epidural"),
    "intrathecal-or-epidural as stated": N_("intrathecal-or-epidural as stated"),
    "spine, site unspecified": N_("spine, site unspecified"), "intravenous": N_("intravenous"),
    "not stated": N_("not stated"),
}  # fmt: skip


def route_words(route: str, lang: str = "en") -> str:
    """A route code in the visitor's language (a code the checker may add later is shown as it is)."""
    return i18n.gettext(lang, _ROUTE_WORDS[route]) if route in _ROUTE_WORDS else shown(lang, route)


def dose_line(dose: DoseMention, row: dict, lang: str = "en") -> str:
    """One Markdown line for a dose: the words, amount, product, basis, route (and where the route came from)."""
    _ = i18n.bound(lang)
    route = route_words(row["route"], lang)
    if dose.route and dose.route_inferred:
        route = _("{route} (from a nearby line or heading, not the dose's own sentence)").format(route=route)
    parts = [f":orange-background[**{md_escape(normalise_space(dose.text))}**]", md_escape(shown(lang, row["amount"])),
             _("route: {route}").format(route=md_escape(route))]  # fmt: skip
    if course := in_lang(lang, describe_course, dose):
        parts.append(md_escape(course))
    compared = _("Compared with human trials: {comparison}.").format(
        comparison=md_escape(shown(lang, row["compared with trials"]))
    )
    return " · ".join(parts) + "  \n" + compared


# Headers of the dose table on screen: core.textcheck.compare names its columns (kept as keys); these are their words.
_DOSE_HEADERS = {
    "found in text": N_("found in text"), "product": N_("product"), "amount": N_("amount"), "basis": N_("basis"),
    "route": N_("route"), "route from": N_("route from"), "course": N_("course"),
    "trials in our data": N_("trials in our data"), "compared with trials": N_("compared with trials"),
    "trial ids": N_("trial ids"), "the five pages": N_("the five pages"), "page rows": N_("page rows"),
}  # fmt: skip


def dose_table(comparison, lang: str = "en"):
    """The comparison as shown on screen: without the position column, routes and headers in the language."""
    table = comparison.drop(columns="start")
    if "route" in table:
        table["route"] = table["route"].map(lambda r: route_words(r, lang))
    return table.rename(columns={c: i18n.gettext(lang, h) for c, h in _DOSE_HEADERS.items()})


def wording_lines(report: TextReport, lang: str = "en") -> list[str]:
    """Plain lines: how many sure words of each kind in the page's own voice, and what it only quotes."""
    from core.textcheck.report import language_summary

    lines = []
    for _kind, label, count, words in in_lang(lang, language_summary, report):
        listed = md_escape(", ".join(words[:8])) + _more(len(words), lang)
        lines.append(f"**{shown(lang, label)}:** {count}" + (f" ({listed})" if words else ""))
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


def quoted(sentence: str) -> str:
    """A sentence in quotation marks, escaped for Markdown; 'part of a longer sentence' goes outside the marks."""
    body = sentence.removesuffix(SHORTENED)
    return f"“{md_escape(body)}”" + (SHORTENED if body != sentence else "")


def kind_label(kind: str, lang: str = "en") -> str:
    """What kind of page the text reads like, as a heading line ("A seller's page (clinic, broker or advert)")."""
    label = shown(lang, KIND_LABELS.get(kind, kind))
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
        things = md_escape(_(" and ").join(shown(lang, c) for c in other))
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
    for kind, (label, reason, _page) in phrases.FLAG_KINDS.items():
        mine = sorted((s for s in report.suspects if s.kind == kind), key=lambda s: (not s.flagged, s.start))
        if mine:
            # One line per sentence: a rule and the model may both suspect the same one (the reported one is first).
            by_key = {}
            for s in mine:
                by_key.setdefault(_key(f"confirm_{kind.replace(' ', '_')}", s.start, s.end, s.sentence), s)
            lines = tuple(SuspectLine(key, quoted(s.sentence), s.flagged) for key, s in by_key.items())
            groups.append(SuspectGroup(kind, shown(lang, label), md_escape(shown(lang, reason)), lines, lang))
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
        kinds = tuple(dict.fromkeys(shown(lang, phrases.FLAG_KINDS.get(f.kind, (f.kind,))[0])
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


# --- the language the checker read, the example, and problems with the input, in the visitor's language ----------

# An invented advert (no real clinic): a dose, a route and a red flag for a Spanish visitor to try the checker on.
EXAMPLE_ES = (
    "¡Terapia revolucionaria con células madre para el dolor de rodilla y de espalda! Nuestro tratamiento regenera "
    "el cartílago. Inyectamos 50 millones de células madre mesenquimales por vía intraarticular en la rodilla, una "
    "vez al mes durante 3 meses. Es un tratamiento natural y sin riesgos, con un 95 % de éxito. Los pacientes dicen "
    "que vuelven a caminar sin dolor. El tratamiento cuesta 7.500 €. Pida hoy su consulta gratuita."
)


def example(lang: str = "en") -> str:
    return EXAMPLE_ES if lang == "es" else EXAMPLE


def read_as_line(read_as: str | None, lang: str = "en") -> str:
    """Which language's rules read the text, in one plain sentence; for None, that the checker cannot read it yet."""
    _ = i18n.bound(lang)
    lines = {"en": _("We read this text as English."), "es": _("We read this text as Spanish.")}
    return lines.get(read_as) or _(
        "We could not read this text: it seems to be in a language the checker cannot read yet, or it is too short "
        "to tell. The checker reads English and Spanish. If your text is in one of them, paste a longer part of it "
        "(a few full sentences)."
    )


def problem_message(error: Exception, lang: str = "en", name: str = "", data: bytes = b"") -> str:
    """Why a text or an uploaded file was refused, in plain words: the checker's own message when it speaks the
    visitor's language (English, or once core.textcheck takes a language), else said here from the same facts."""
    if lang == "en" or (name and _takes_lang(read_upload)):
        return str(error)
    _ = i18n.bound(lang)
    limit = i18n.format_number(MAX_CHARS, lang, 0)
    if not name:
        return _("The text is too long: the checker takes at most {limit} characters. Paste the part that makes "
                 "the claims.").format(limit=limit)  # fmt: skip
    if isinstance(error, TextTooLongError):
        size = i18n.format_number(textcheck.MAX_UPLOAD_BYTES, lang, 0)
        return _("“{name}” is too long: the checker takes files up to {size} bytes and {limit} characters of text. "
                 "Paste the part that makes the claims instead.").format(name=name, size=size, limit=limit)  # fmt: skip
    extension = name.rsplit(".", 1)[-1].lower() if "." in name else ""
    if extension not in textcheck.UPLOAD_TYPES:
        return _("“{name}” is not a .txt, .md or .html file, which the checker cannot read. Open it, select the text, "
                 "copy it and paste it into the box above; or save the web page as HTML (.html) or plain text (.txt) "
                 "and upload that.").format(name=name)  # fmt: skip
    if b"\x00" in data[:100_000] and not data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return _("“{name}” looks like a binary file (a program, image or document), not text.").format(name=name)
    try:
        data.decode("utf-16" if data.startswith((b"\xff\xfe", b"\xfe\xff")) else "utf-8-sig")
    except UnicodeDecodeError:
        return _("“{name}” is not UTF-8 text. Open it in a text editor, save it as UTF-8 and try again.").format(
            name=name
        )
    return _("“{name}” has no text in it.").format(name=name)


# The checker's parts the page uses, so the page reads only this view (page -> view -> textcheck).
EXAMPLE, KIND_LABELS, MAX_CHARS = textcheck.EXAMPLE, textcheck.KIND_LABELS, textcheck.MAX_CHARS
TextCheckError, TextTooLongError = textcheck.TextCheckError, textcheck.TextTooLongError
compare_doses, dose_flags, summary = textcheck.compare_doses, textcheck.dose_flags, textcheck.summary
highlighted_markdown, truncation_note = textcheck.highlighted_markdown, textcheck.truncation_note
read_upload, report_csv, report_markdown = textcheck.read_upload, textcheck.report_csv, textcheck.report_markdown
