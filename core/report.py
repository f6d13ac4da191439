"""'Report an error' links: an issue tracker's new-issue address or an e-mail, prefilled with what the reader saw."""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from urllib.parse import parse_qsl, quote, urlencode, urlsplit, urlunsplit

from core import i18n
from core.i18n import N_

REPORT_URL_ENV = "STEMCELL_REPORT_URL"  # e.g. https://github.com/<owner>/<repo>/issues/new
REPORT_EMAIL_ENV = "STEMCELL_REPORT_EMAIL"
REPORT_KEYS = (REPORT_URL_ENV, REPORT_EMAIL_ENV)
LABEL = N_("Report an error")  # the words on the button and in sentences: translated where shown
# Without an address, the reader still learns how to reach the maintainers (plain text, never a dead link).
NO_ADDRESS = N_(
    "Report an error: this copy of the site has no reporting address set up. Tell whoever runs it (the workshop "
    "facilitator, or the site's host) what is wrong, with a link to your source."
)
# Browsers and trackers cut very long addresses; a quote is shortened well before that.
MAX_QUOTE_CHARS = 600
MAX_TITLE_CHARS = 120
_EMAIL = re.compile(r"[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}")


@dataclass(frozen=True)
class ReportLink:
    """Where a report goes (url is None when no address is set) and the words to show with it."""

    url: str | None
    label: str
    subject: str
    body: str


def destination(config: Mapping[str, str]) -> tuple[str, str] | None:
    """("url", address) or ("email", address) from the settings, the tracker first; None if neither is usable."""
    url = str(config.get(REPORT_URL_ENV) or "").strip()
    parts = urlsplit(url)
    if parts.scheme in ("http", "https") and parts.netloc and not any(c.isspace() for c in url):
        return "url", url
    email = str(config.get(REPORT_EMAIL_ENV) or "").strip()
    if _EMAIL.fullmatch(email):
        return "email", email
    return None


def report_link(config: Mapping[str, str], subject: str, body: str, lang: str = i18n.DEFAULT) -> ReportLink:
    """A prefilled report: the tracker's address with title and body, or a mailto: with subject and body; the words
    shown with it in `lang`."""
    where = destination(config)
    if where is None:
        return ReportLink(None, i18n.gettext(lang, NO_ADDRESS), subject, body)
    kind, address = where
    if kind == "url":
        parts = urlsplit(address)
        # Keep the tracker's own parameters (a template, labels); ours replace only title and body.
        query = [(k, v) for k, v in parse_qsl(parts.query, keep_blank_values=True) if k not in ("title", "body")]
        query += [("title", subject), ("body", body)]
        url = urlunsplit((parts.scheme, parts.netloc, parts.path, urlencode(query, quote_via=quote), ""))
    else:
        # mailto: wants %20 for spaces (RFC 6068), not the + of form encoding.
        url = f"mailto:{address}?subject={quote(subject, safe='')}&body={quote(body, safe='')}"
    return ReportLink(url, i18n.gettext(lang, LABEL), subject, body)


def _short(text: str, limit: int) -> str:
    text = " ".join(str(text).split())
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


_ASK_FOR_SOURCE = N_("What is wrong, and your source (a link, PMID or DOI):")


def _item_report(config: Mapping[str, str], subject: str, lines: tuple[str, ...], ask: str, lang: str) -> ReportLink:
    """A report on one thing the reader was looking at: its subject, what it is and where, then what to tell us
    (the prefilled words in the reader's language, who writes the rest)."""
    return report_link(config, subject, "\n".join(lines) + "\n\n" + i18n.gettext(lang, ask) + "\n", lang)


def claim_report(
    config: Mapping[str, str], claim_id: str, quote_text: str, permalink: str, lang: str = i18n.DEFAULT
) -> ReportLink:
    _ = i18n.bound(lang)
    subject = _("Error in claim {id}: {text}").format(id=claim_id, text=_short(quote_text, MAX_TITLE_CHARS - 20))
    lines = (
        _("Claim: “{text}”").format(text=_short(quote_text, MAX_QUOTE_CHARS)),
        _("Claim id: {id}").format(id=claim_id),
        _("Link: {url}").format(url=permalink),
    )
    return _item_report(config, subject, lines, _ASK_FOR_SOURCE, lang)


def study_report(
    config: Mapping[str, str], study_id: str, title: str, page: str, lang: str = i18n.DEFAULT
) -> ReportLink:
    _ = i18n.bound(lang)
    subject = _("Error in study {id}: {text}").format(id=study_id, text=_short(title, MAX_TITLE_CHARS - 20))
    lines = (
        _("Study: {text}").format(text=_short(title, MAX_QUOTE_CHARS)),
        _("Row id: {id}").format(id=study_id),
        _("Page: {url}").format(url=page),
    )
    return _item_report(config, subject, lines, _ASK_FOR_SOURCE, lang)


def chart_report(
    config: Mapping[str, str], chart_id: str, title: str, permalink: str, lang: str = i18n.DEFAULT
) -> ReportLink:
    _ = i18n.bound(lang)
    subject = _("Error in chart: {text}").format(text=_short(title, MAX_TITLE_CHARS - 16))
    lines = (
        _("Chart: {text}").format(text=_short(title, MAX_QUOTE_CHARS)),
        _("Chart id: {id}").format(id=chart_id),
        _("Link: {url}").format(url=permalink),
    )
    return _item_report(config, subject, lines, N_("What is wrong, and your source:"), lang)
