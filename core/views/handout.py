"""The printable one-page handout: key findings, questions to ask a clinic, and a link and QR code to the app."""

from __future__ import annotations

import datetime
import html
import io
from urllib.parse import parse_qsl, urlencode, urlparse, urlunparse

import segno

from core import i18n
from core.data import Dataset
from core.i18n import N_
from core.views.home import key_points

# English msgids, translated where they are shown (the handout and its page).
QUESTIONS_FOR_A_CLINIC = (
    N_("Is this product approved by the regulator for my condition? Can I see that in writing?"),
    N_("Is this a registered clinical trial? If so, why am I paying?"),
    N_("What exactly will be injected: whose cells, from where, how many, and into what?"),
    N_("Which published, controlled studies show it works for my condition?"),
    N_("What are the risks, how often do they happen, and who treats me if something goes wrong?"),
    N_("What will the whole course cost, including repeat sessions?"),
)
FILE_NAME = "stem-cell-claims-handout"

PRINT_CSS = """
@page { size: A4; margin: 14mm; }
body { font-family: "DejaVu Sans", Helvetica, Arial, sans-serif; font-size: 10.5pt; line-height: 1.35; color: #111; }
h1 { font-size: 16pt; margin: 0 0 4pt; } h2 { font-size: 11.5pt; margin: 10pt 0 3pt; }
.note { border: 1px solid #0072B2; padding: 5pt 7pt; } ul, ol { margin: 2pt 0 0 14pt; padding: 0; }
li { margin-bottom: 2pt; } .foot { display: flex; gap: 12pt; align-items: center; margin-top: 10pt; }
.foot svg { width: 28mm; height: 28mm; } .small { font-size: 8.5pt; color: #333; }
"""


class HandoutError(ValueError):
    """The app address given for the handout is not a web address."""


# A longer address makes a QR code too dense to scan across a room; past about 2,300 characters none can hold it.
MAX_URL_CHARS = 300


def check_app_url(url: str, lang: str = i18n.DEFAULT) -> str:
    """The app's address, if it is a plain http(s) URL; otherwise a HandoutError saying why (in the language)."""
    url = url.strip()
    if len(url) > MAX_URL_CHARS:
        raise HandoutError(
            i18n.gettext(
                lang,
                "That address is {length} characters long; the handout's QR code takes at most {limit}. "
                "Use the app's short address.",
            ).format(length=i18n.format_number(len(url), lang), limit=MAX_URL_CHARS)
        )
    parsed = urlparse(url)
    if parsed.scheme not in ("http", "https") or not parsed.netloc or any(c.isspace() for c in url):
        raise HandoutError(
            i18n.gettext(lang, "“{url}” is not a web address starting with http:// or https://").format(url=url)
        )
    return url


def app_link(url: str, lang: str = i18n.DEFAULT) -> str:
    """The checked address the handout prints and its QR code opens: in another language than English it carries
    ?lang=, so a phone that scans a Spanish handout opens the app in Spanish (an English link is left as given)."""
    url = check_app_url(url, lang)
    if lang == i18n.DEFAULT:
        return url
    parts = urlparse(url)
    query = [(k, v) for k, v in parse_qsl(parts.query, keep_blank_values=True) if k != i18n.QUERY_KEY]
    return urlunparse(parts._replace(query=urlencode([*query, (i18n.QUERY_KEY, lang)])))


def file_name(lang: str = i18n.DEFAULT) -> str:
    """The handout's download name: the English one as it always was, other languages with their code (_es)."""
    return f"{FILE_NAME}.html" if lang == i18n.DEFAULT else f"{FILE_NAME}_{lang}.html"


def date_words(iso: str, lang: str = i18n.DEFAULT) -> str:
    """The handout's date: as given (YYYY-MM-DD) in English, in words in another language (30 de noviembre de 2026)."""
    return iso if lang == i18n.DEFAULT else i18n.format_date(datetime.date.fromisoformat(iso), lang)


def qr_png(url: str, scale: int = 10) -> bytes:
    """A QR code for the address as PNG bytes, large enough to scan from a screen across a room."""
    buffer = io.BytesIO()
    segno.make(check_app_url(url), error="m").save(buffer, kind="png", scale=scale, border=2)
    return buffer.getvalue()


def qr_svg(url: str) -> str:
    """An inline SVG QR code for the address (no network, no images to ship)."""
    buffer = io.BytesIO()
    segno.make(check_app_url(url), error="m").save(buffer, kind="svg", scale=4, border=2, xmldecl=False)
    return buffer.getvalue().decode("utf-8")


def handout_html(ds: Dataset, app_url: str, date: str) -> str:
    """A complete, print-ready HTML page in the edition's language (its lang attribute says which); every piece of
    data, and every translated sentence, is escaped."""
    _, lang = i18n.bound(ds.lang), ds.lang
    url = app_link(app_url, lang)
    e = html.escape
    title = e(_("Stem-cell shots for knee and back pain: what to know"))
    findings = "".join(f"<li><b>{e(f.headline)}</b> {e(f.detail)}</li>" for f in key_points(ds))
    questions = "".join(f"<li>{e(_(q))}</li>" for q in QUESTIONS_FOR_A_CLINIC)
    note = e(
        _(
            "This sheet sums up what five web pages that sell or promote stem-cell injections claim, and what "
            "trials, reviews and regulators found. Talk to a doctor you trust about your own case."
        )
    )
    as_of = e(
        _(
            "Data as of {date}. Studies carry PubMed ids, DOIs or trial numbers; see the app's Methods page for "
            "how sure we are of each."
        ).format(date=date_words(date, lang))
    )
    # Looked up here, not inside the f-string below: extraction does not read calls within an f-string.
    not_advice, found, ask = e(_("Not medical advice.")), e(_("What we found")), e(_("Questions to ask a clinic"))
    every = e(_("Every claim, quote and study, with sources:"))
    return f"""<!doctype html>
<html lang="{e(lang)}"><head><meta charset="utf-8"><title>{title}</title>
<style>{PRINT_CSS}</style></head><body>
<h1>{title}</h1>
<p class="note"><b>{not_advice}</b> {note}</p>
<h2>{found}</h2><ol>{findings}</ol>
<h2>{ask}</h2><ul>{questions}</ul>
<div class="foot">{qr_svg(url)}<div><b>{every}</b><br>{e(url)}
<p class="small">{as_of}</p></div></div>
</body></html>
"""
