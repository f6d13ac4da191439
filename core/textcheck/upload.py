"""Reading an uploaded file: plain text, Markdown or the visible text of an HTML page."""

from __future__ import annotations

import re
from html.parser import HTMLParser

from core import i18n
from core.i18n import N_
from core.text import normalise_space
from core.textcheck.model import MAX_CHARS, MAX_UPLOAD_BYTES, UPLOAD_TYPES, TextTooLongError, UploadError

# Kinds people try first: each gets a sentence that says what to do instead.
_OTHER_FORMATS = {
    "pdf": N_("a PDF"),
    "doc": N_("a Word document"),
    "docx": N_("a Word document"),
    "odt": N_("a word-processor document"),
    "rtf": N_("a word-processor document"),
    "pages": N_("a Pages document"),
    "jpg": N_("a picture"),
    "jpeg": N_("a picture"),
    "png": N_("a picture"),
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


def _count(value: int, lang: str) -> str:
    return f"{value:,}" if lang == "en" else i18n.format_number(value, lang, 0)


def unsupported_message(name: str, lang: str = "en") -> str:
    """Plain words for a file type the checker cannot read, saying what to do instead."""
    _ = i18n.bound(lang)
    extension = name.rsplit(".", 1)[-1].lower() if "." in name else ""
    kind = _OTHER_FORMATS.get(extension)
    if kind:
        message = _(
            "“{name}” is {kind}, which the checker cannot read. Open it, select the text, copy it and paste it into "
            "the box above; or save the web page as HTML (.html) or plain text (.txt) and upload that."
        )
    else:
        message = _(
            "“{name}” is not a .txt, .md or .html file, which the checker cannot read. Open it, select the text, "
            "copy it and paste it into the box above; or save the web page as HTML (.html) or plain text (.txt) and "
            "upload that."
        )
    return message.format(name=name, kind=_(kind) if kind else "")


def read_upload(name: str, data: bytes, lang: str = "en") -> str:
    """The text of an uploaded .txt, .md or .html file; UploadError (or TextTooLongError) says what is wrong, in
    words of `lang`."""
    _ = i18n.bound(lang)
    extension = name.rsplit(".", 1)[-1].lower() if "." in name else ""
    if extension not in UPLOAD_TYPES:
        raise UploadError(unsupported_message(name, lang))
    if len(data) > MAX_UPLOAD_BYTES:
        raise TextTooLongError(
            _("“{name}” is {n} bytes; files up to {most} bytes are taken.").format(
                name=name, n=_count(len(data), lang), most=_count(MAX_UPLOAD_BYTES, lang)
            )
        )
    if b"\x00" in data[:100_000] and not data.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise UploadError(
            _("“{name}” looks like a binary file (a program, image or document), not text.").format(name=name)
        )
    text = _decode(name, data, lang)
    if extension in ("html", "htm"):
        text = html_to_text(text)
    if not text.strip():
        raise UploadError(_("“{name}” has no text in it.").format(name=name))
    if len(text) > MAX_CHARS:
        raise TextTooLongError(
            _(
                "“{name}” has {n} characters of text; the checker takes at most {most}. "
                "Paste the part that makes the claims instead."
            ).format(name=name, n=_count(len(text), lang), most=_count(MAX_CHARS, lang))
        )
    return text


def _decode(name: str, data: bytes, lang: str = "en") -> str:
    _ = i18n.bound(lang)
    encoding = "utf-16" if data.startswith((b"\xff\xfe", b"\xfe\xff")) else "utf-8-sig"
    try:
        text = data.decode(encoding)
    except UnicodeDecodeError as error:
        raise UploadError(
            _(
                "“{name}” is not UTF-8 text (unreadable byte at position {position}). "
                "Open it in a text editor, save it as UTF-8 and try again."
            ).format(name=name, position=error.start)
        ) from None
    if "\x00" in text:
        raise UploadError(_("“{name}” looks like a binary file, not text.").format(name=name))
    return text
