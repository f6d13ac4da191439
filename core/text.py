"""Helpers that make data and user text safe and readable as Markdown."""

from __future__ import annotations

import re

from core import i18n
from core.i18n import N_, format_cells

# Every ASCII punctuation character: CommonMark lets a backslash escape any of them, which stops every construct
# the parser itself recognises (emphasis, links, images, HTML, headings and setext underlines, lists, quotes,
# rules, tables, fences, LaTeX `$`, `:red[...]` directives, entities).
_ESCAPE_PUNCTUATION = str.maketrans({char: "\\" + char for char in "!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~"})
# Streamlit's renderer also rewrites the *text* left after parsing, where backslash escapes are already gone:
# bare-address autolinks (`www.`, `http://`, e-mail), `:emoji:`, `:material/…:` and `:streamlit:` shortcodes, and
# arrows made of `->` or `<=`. An invisible WORD JOINER breaks each pattern without changing what a reader sees.
WORD_JOINER = "\u2060"
# Breaks go after every colon, before every @, between "www" and its dot, and inside every two-symbol arrow.
_BREAKS = re.compile(r"(?i:www(?=\.))|[-<>~](?=[-<>=])")
_LINE_EDGE_SPACE = " \t\f\v"  # leading: four spaces or a tab make a code block; trailing: two make a line break
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f]")


def md_escape(text: str) -> str:
    """Make any string render as the literal text it is in Streamlit's Markdown: no link, heading, code, list,
    image, icon, emoji, colour, LaTeX or HTML, whatever it contains (tests/test_text_escape.py probes each)."""
    text = _CONTROL.sub("", str(text).replace("\r\n", "\n").replace("\r", "\n"))
    text = "\n".join(_one_edge_space(line) for line in text.split("\n")).replace("\t", " ")
    text = text.replace(":", ":" + WORD_JOINER).replace("@", WORD_JOINER + "@")
    text = _BREAKS.sub(lambda match: match.group() + WORD_JOINER, text)
    return text.translate(_ESCAPE_PUNCTUATION)


def _one_edge_space(line: str) -> str:
    # At most one space at each end: harmless in Markdown, and it keeps "a " + fragment + " b" reading right.
    inner = line.strip(_LINE_EDGE_SPACE)
    lead = " " if line[:1] in _LINE_EDGE_SPACE and line else ""
    trail = " " if inner and line[-1] in _LINE_EDGE_SPACE else ""
    return lead + inner + trail


def normalise_space(text: str) -> str:
    """Collapse every run of whitespace to one space, as used when comparing quotes with seed files."""
    return re.sub(r"\s+", " ", text).strip()


def format_count(value: float, lang: str = "en") -> str:
    """A cell or patient count in words a reader can take in: 1500000 -> '1.5 million' ('1,5 millones' in es)."""
    return format_cells(value, lang)


VERIFICATION_WORDS = {"verified": N_("verified"), "partial": N_("partly verified"), "unverified": N_("not verified")}


def verification_words(status: str, lang: str = i18n.DEFAULT) -> str:
    """How far a cited row was checked, in words (see data/README.md), in the reader's language."""
    return i18n.gettext(lang, VERIFICATION_WORDS.get(status, VERIFICATION_WORDS["unverified"]))


def verification_flag(status: str, lang: str = i18n.DEFAULT) -> str:
    """Nothing for a verified row; otherwise ' · ⚠ partly verified' (or 'not verified') to append to its line."""
    return "" if status == "verified" else f" · ⚠ {verification_words(status, lang)}"


def plural(n: float, word: str, many: str | None = None, lang: str = i18n.DEFAULT) -> str:
    """'1 harm', '2 harms', '1 study', '3 studies': a count with its noun in the right number.

    In another language the whole phrase is looked up as a plural entry of the catalogs, "{n} study" / "{n}
    studies" (mark it where the noun is written, e.g. `i18n.ngettext(lang, "{n} study", "{n} studies", n)`), and the
    number takes the language's conventions; a phrase no catalog has stays in English.
    """
    many = many or word + "s"
    if lang == i18n.DEFAULT:
        return f"{n:g} {word if n == 1 else many}"
    count = int(n) if float(n).is_integer() else 2  # a fraction takes the plural, as "1.5 studies" does
    one, other = "{n} " + word, "{n} " + many  # names, not literals, in the call: extraction takes no stray "{n} "
    return i18n.ngettext(lang, one, other, count).format(n=i18n.format_number(n, lang))
