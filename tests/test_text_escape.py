"""md_escape turns any string into Markdown that Streamlit shows as exactly that text, with no live construct."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from markdown_it import MarkdownIt

from core.text import WORD_JOINER, md_escape

# Hostile strings, one per construct Streamlit's Markdown renders. The browser test feeds the same list through
# URL parameters, the text box, an upload and every free-text data column.
PROBES = [
    "www.example-clinic.test",
    "Visit WWW.Example-Clinic.test/offer today",
    "http://example-clinic.test/a?b=1",
    "HTTPS://example-clinic.test",
    "write to info@example-clinic.test",
    "mailto:info@example-clinic.test",
    "<http://example-clinic.test>",
    "Setext heading probe\n===",
    "Setext heading probe two\n---",
    "# Heading probe",
    "###### Small heading probe",
    "    indented code probe",
    "\tindented code probe",
    "```\nfenced code probe\n```",
    "~~~mermaid\ngraph TD; A-->B\n~~~",
    "`inline code probe`",
    ":material/bug_report: icon probe",
    ":smile: :+1: :streamlit: shortcode probe",
    ":red[redprobe] :blue-background[blueprobe] :green-badge[badgeprobe] :small[smallprobe]",
    "![imageprobe](http://example-clinic.test/pixel.png)",
    "[linkprobe](http://example-clinic.test)",
    "[refprobe]\n\n[refprobe]: http://example-clinic.test",
    "<img src=x onerror=alert(1)>",
    "<script>alert('x')</script>",
    "<b>htmlprobe</b>",
    "| tcellprobe | b |\n|---|---|\n| 1 | 2 |",
    "$x^2$ and $$y$$",
    "$$\n\\int x\\,dx\n$$",
    "> quoted probe",
    "- list item probe",
    "+ list item probe",
    "* list item probe",
    "1. list item probe",
    "2) list item probe",
    "- [ ] task probe",
    "***",
    "___",
    "**boldprobe** _italicprobe_ ~~struckprobe~~ ~struckprobe~",
    "&lt;b&gt; &copy; &#42;",
    "footnote probe[^1]\n\n[^1]: the note",
    "A -> B <= C -- D ~= E",
    "line ending in a backslash\\\nnext",
    "trailing spaces  \nnext",
    "\r\n# after a carriage return\r===",
]

# What Streamlit's renderer (remark-gfm, remark-emoji and its own plugins) finds in the text left after parsing:
# bare addresses, e-mail addresses, shortcodes, icons and typographic arrows. A match here would become markup.
TEXT_LEVEL_PATTERNS = {
    "www autolink": re.compile(r"www(?=\.)", re.IGNORECASE),
    "scheme autolink": re.compile(r"[a-z][a-z0-9+.-]*://", re.IGNORECASE),
    "e-mail autolink": re.compile(r"[-.\w+]@[-\w]"),
    "shortcode": re.compile(r":[\w+/-]+:"),
    "material icon": re.compile(r":material[/_]"),
    "typographic arrow": re.compile(r"(^|\s)(<->|->|<-|--|>=|<=|~=)(\s|$)"),
}

PARSER = MarkdownIt("commonmark").enable(["table", "strikethrough"])
PLAIN_INLINE = {"text", "softbreak", "hardbreak"}


def rendered(markdown: str) -> tuple[list[str], str]:
    """The block and inline token types a CommonMark + GFM parser makes of the Markdown, and its text."""
    kinds, text = [], []
    for token in PARSER.parse(markdown):
        kinds.append(token.type)
        for child in token.children or []:
            kinds.append(child.type)
            text.append(child.content if child.type == "text" else "\n")
        if token.type == "paragraph_close":
            text.append("\n\n")
    return kinds, "".join(text).strip()


def expected_text(raw: str) -> str:
    """The literal text a reader should see: line endings unified, edge spaces and blank-line runs dropped."""
    lines = [line.strip(" \t") for line in raw.replace("\r\n", "\n").replace("\r", "\n").split("\n")]
    return re.sub(r"\n{2,}", "\n\n", "\n".join(lines).replace("\t", " ")).strip()


@pytest.mark.parametrize("probe", PROBES)
def test_escaped_probe_parses_as_plain_paragraphs(probe):
    kinds, _ = rendered(md_escape(probe))
    assert set(kinds) <= {"paragraph_open", "paragraph_close", "inline", *PLAIN_INLINE}, kinds


@pytest.mark.parametrize("probe", PROBES)
def test_escaped_probe_reads_as_the_original_text(probe):
    _, text = rendered(md_escape(probe))
    assert re.sub(r"\n{2,}", "\n\n", text.replace(WORD_JOINER, "")) == expected_text(probe)


@pytest.mark.parametrize("probe", PROBES)
@pytest.mark.parametrize("pattern", TEXT_LEVEL_PATTERNS.values(), ids=TEXT_LEVEL_PATTERNS.keys())
def test_escaped_probe_leaves_nothing_for_text_level_plugins(probe, pattern):
    _, text = rendered(md_escape(probe))
    assert not pattern.search(text)


@pytest.mark.parametrize("pattern", TEXT_LEVEL_PATTERNS.values(), ids=TEXT_LEVEL_PATTERNS.keys())
def test_each_text_level_pattern_is_probed(pattern):
    # Guards the test above: every pattern it looks for really occurs in some unescaped probe.
    assert any(pattern.search(probe) for probe in PROBES)


def test_escaping_leaves_ordinary_words_alone():
    assert md_escape("Stem cells for knee pain") == "Stem cells for knee pain"


MARKDOWN_ALPHABET = st.sampled_from([*"ab w1@:/.-_*#>|=`~$[]()!<&\\+ \n\t\r", "www.", "http://", ":smile:"])


@settings(max_examples=300, deadline=None)
@given(st.lists(MARKDOWN_ALPHABET, max_size=40).map("".join))
def test_any_text_escapes_to_plain_text(raw):
    kinds, text = rendered(md_escape(raw))
    assert set(kinds) <= {"paragraph_open", "paragraph_close", "inline", *PLAIN_INLINE}
    assert not any(pattern.search(text) for pattern in TEXT_LEVEL_PATTERNS.values())
