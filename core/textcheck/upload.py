"""Reading an uploaded file: plain text, Markdown or the visible text of an HTML page."""

from __future__ import annotations

import re
from html.parser import HTMLParser

from core.text import normalise_space
from core.textcheck.model import MAX_CHARS, MAX_UPLOAD_BYTES, UPLOAD_TYPES, TextTooLongError, UploadError

# Kinds people try first: each gets a sentence that says what to do instead.
_OTHER_FORMATS = {
    "pdf": "a PDF",
    "doc": "a Word document",
    "docx": "a Word document",
    "odt": "a word-processor document",
    "rtf": "a word-processor document",
    "pages": "a Pages document",
    "jpg": "a picture",
    "jpeg": "a picture",
    "png": "a picture",
}


class _TextOfHtml(HTMLParser):
    """Keeps an HTML page's visible text: script and style contents are dropped, blocks become lines."""

    _SKIP = frozenset({"script", "style", "noscript", "template", "svg", "head"})
    _BLOCK = frozenset({"p", "div", "br", "li", "tr", "h1", "h2", "h3", "h4", "h5", "h6", "section", "article",
                        "table", "ul", "ol", "blockquote", "header", "footer", "td", "th", "pre", "hr"})  # fmt: skip

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.skipping = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in self._SKIP:
            self.skipping += 1
        elif tag in self._BLOCK:
            self.parts.append("\n")

    def handle_endtag(self, tag: str) -> None:
        if tag in self._SKIP:
            self.skipping = max(0, self.skipping - 1)
        elif tag in self._BLOCK:
            self.parts.append("\n")

    def handle_data(self, data: str) -> None:
        if not self.skipping:
            self.parts.append(data)


def html_to_text(html: str) -> str:
    """The visible text of an HTML document, one line per block, without scripts or styles."""
    parser = _TextOfHtml()
    parser.feed(html)
    parser.close()
    lines = (normalise_space(line) for line in "".join(parser.parts).splitlines())
    return re.sub(r"\n{3,}", "\n\n", "\n".join(lines)).strip()


def unsupported_message(name: str) -> str:
    """Plain words for a file type the checker cannot read, saying what to do instead."""
    extension = name.rsplit(".", 1)[-1].lower() if "." in name else ""
    kind = _OTHER_FORMATS.get(extension)
    what = f"“{name}” is {kind}" if kind else f"“{name}” is not a .txt, .md or .html file"
    return (
        f"{what}, which the checker cannot read. Open it, select the text, copy it and paste it into the box "
        "above; or save the web page as HTML (.html) or plain text (.txt) and upload that."
    )


def read_upload(name: str, data: bytes) -> str:
    """The text of an uploaded .txt, .md or .html file; UploadError (or TextTooLongError) says what is wrong."""
    extension = name.rsplit(".", 1)[-1].lower() if "." in name else ""
    if extension not in UPLOAD_TYPES:
        raise UploadError(unsupported_message(name))
    if len(data) > MAX_UPLOAD_BYTES:
        raise TextTooLongError(f"“{name}” is {len(data):,} bytes; files up to {MAX_UPLOAD_BYTES:,} bytes are taken.")
    if b"\x00" in data[:100_000] and not data.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise UploadError(f"“{name}” looks like a binary file (a program, image or document), not text.")
    text = _decode(name, data)
    if extension in ("html", "htm"):
        text = html_to_text(text)
    if not text.strip():
        raise UploadError(f"“{name}” has no text in it.")
    if len(text) > MAX_CHARS:
        raise TextTooLongError(
            f"“{name}” has {len(text):,} characters of text; the checker takes at most {MAX_CHARS:,}. "
            "Paste the part that makes the claims instead."
        )
    return text


def _decode(name: str, data: bytes) -> str:
    encoding = "utf-16" if data.startswith((b"\xff\xfe", b"\xfe\xff")) else "utf-8-sig"
    try:
        text = data.decode(encoding)
    except UnicodeDecodeError as error:
        raise UploadError(
            f"“{name}” is not UTF-8 text (unreadable byte at position {error.start}). "
            "Open it in a text editor, save it as UTF-8 and try again."
        ) from None
    if "\x00" in text:
        raise UploadError(f"“{name}” looks like a binary file, not text.")
    return text
