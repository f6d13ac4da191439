"""'Report an error' links: an issue tracker's new-issue address or an e-mail, prefilled with what the reader saw."""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from urllib.parse import parse_qsl, quote, urlencode, urlsplit, urlunsplit

REPORT_URL_ENV = "STEMCELL_REPORT_URL"  # e.g. https://github.com/<owner>/<repo>/issues/new
REPORT_EMAIL_ENV = "STEMCELL_REPORT_EMAIL"
REPORT_KEYS = (REPORT_URL_ENV, REPORT_EMAIL_ENV)
LABEL = "Report an error"
# Without an address, the reader still learns how to reach the maintainers (plain text, never a dead link).
NO_ADDRESS = (
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


def report_link(config: Mapping[str, str], subject: str, body: str) -> ReportLink:
    """A prefilled report: the tracker's address with title and body, or a mailto: with subject and body."""
    where = destination(config)
    if where is None:
        return ReportLink(None, NO_ADDRESS, subject, body)
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
    return ReportLink(url, LABEL, subject, body)


def _short(text: str, limit: int) -> str:
    text = " ".join(str(text).split())
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


_ASK_FOR_SOURCE = "What is wrong, and your source (a link, PMID or DOI):\n"


def _item_report(config: Mapping[str, str], subject: str, lines: tuple[str, ...], ask: str) -> ReportLink:
    """A report on one thing the reader was looking at: its subject, what it is and where, then what to tell us."""
    return report_link(config, subject, "\n".join(lines) + "\n\n" + ask)


def claim_report(config: Mapping[str, str], claim_id: str, quote_text: str, permalink: str) -> ReportLink:
    subject = f"Error in claim {claim_id}: {_short(quote_text, MAX_TITLE_CHARS - 20)}"
    lines = (f"Claim: “{_short(quote_text, MAX_QUOTE_CHARS)}”", f"Claim id: {claim_id}", f"Link: {permalink}")
    return _item_report(config, subject, lines, _ASK_FOR_SOURCE)


def study_report(config: Mapping[str, str], study_id: str, title: str, page: str) -> ReportLink:
    subject = f"Error in study {study_id}: {_short(title, MAX_TITLE_CHARS - 20)}"
    lines = (f"Study: {_short(title, MAX_QUOTE_CHARS)}", f"Row id: {study_id}", f"Page: {page}")
    return _item_report(config, subject, lines, _ASK_FOR_SOURCE)


def chart_report(config: Mapping[str, str], chart_id: str, title: str, permalink: str) -> ReportLink:
    subject = f"Error in chart: {_short(title, MAX_TITLE_CHARS - 16)}"
    lines = (f"Chart: {_short(title, MAX_QUOTE_CHARS)}", f"Chart id: {chart_id}", f"Link: {permalink}")
    return _item_report(config, subject, lines, "What is wrong, and your source:\n")
