"""Find interface text left in English on a page opened in Spanish (AppTest), for the Spanish edition's tests.

A text reads as English when it holds English words that Spanish never uses: two of them anywhere, or one in a
short label ("Download CSV"). Verbatim quotes (Markdown block quotes), tables and code are left out: quotes stay in
their own language, and tables carry ids and file names.
"""

from __future__ import annotations

import re

from streamlit.testing.v1 import AppTest

# Common English words with no Spanish homograph (so "no", "a", "de", "media", "error" are not here).
_ENGLISH_ONLY_WORDS = """
    the and with what this that which from are was were have has for you your how why who each every their they
    these those page pages shows show trial trials claim claims dose doses here there about more than only into
    does did can will would should our we its been being other some any all when where while them then also
    such may might must could study studies evidence download downloads data chart table next back open close
    choose pick search filter start join room answer answers question questions share report embed image
    sources source weight cells knee back spine route routes verdict verdicts read reads see says said found
    none yet still both between without within under over after before upload uploads drag drop browse file
    files
"""
ENGLISH_ONLY = frozenset(_ENGLISH_ONLY_WORDS.split())
WORD = re.compile(r"[A-Za-zÁÉÍÓÚÜÑáéíóúüñ]+")
SHORT = 3  # words: a label this short is English with one English word


def english_words(text: str) -> list[str]:
    """The English-only words in `text`, in order (block-quote lines, inline code and links' addresses left out)."""
    kept = "\n".join(line for line in text.splitlines() if not line.lstrip().startswith(">"))
    kept = re.sub(r"`[^`]*`", " ", kept)
    kept = re.sub(r"\]\([^)]*\)", "]", kept)
    kept = re.sub(r"https?://\S+", " ", kept)
    return [w for w in WORD.findall(kept) if w.lower() in ENGLISH_ONLY]


def reads_as_english(text: str) -> bool:
    found = english_words(text)
    return len(set(map(str.lower, found))) >= 2 or (bool(found) and len(WORD.findall(text)) <= SHORT)


def _visible_html_text(body: str) -> str:
    # An st.html element: the text a reader sees, without scripts, styles, tags or their attributes.
    body = re.sub(r"(?is)<(script|style)\b.*?</\1>", " ", body)
    return re.sub(r"<[^>]*>", " ", body)


def _texts(node) -> list[str]:
    proto = getattr(node, "proto", None)
    if getattr(node, "type", "") == "html":
        return [_visible_html_text(getattr(proto, "body", ""))]
    texts = []
    for name in ("body", "label", "help", "placeholder", "caption"):
        value = getattr(proto, name, None) if proto is not None else None
        if isinstance(value, str) and value:
            texts.append(value)
    if proto is not None and hasattr(proto, "options"):
        texts += [o for o in proto.options if isinstance(o, str)]
    value = getattr(node, "value", None)
    if isinstance(value, str) and getattr(node, "type", "") in ("markdown", "caption", "title", "header", "subheader"):
        texts.append(value)
    popover = getattr(proto, "popover", None)
    if popover is not None and getattr(popover, "label", ""):
        texts.append(popover.label)
    expandable = getattr(proto, "expandable", None)
    if expandable is not None and getattr(expandable, "label", ""):
        texts.append(expandable.label)
    return texts


def _walk(node):
    yield node
    for child in getattr(node, "children", {}).values():
        yield from _walk(child)


def english_on_page(at: AppTest) -> list[str]:
    """Every distinct text on the page (main area and sidebar) that reads as English, in page order."""
    found: list[str] = []
    for root in (at.main, at.sidebar):
        for node in _walk(root):
            if getattr(node, "type", "") in ("dataframe", "arrow_data_frame", "table", "code", "json"):
                continue
            for text in _texts(node):
                if reads_as_english(text) and text not in found:
                    found.append(text)
    return found
