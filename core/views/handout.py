"""The printable one-page handout: key findings, questions to ask a clinic, and a link and QR code to the app."""

from __future__ import annotations

import html
import io
from urllib.parse import urlparse

import segno

from core.data import Dataset
from core.views.home import key_points

QUESTIONS_FOR_A_CLINIC = (
    "Is this product approved by the regulator for my condition? Can I see that in writing?",
    "Is this a registered clinical trial? If so, why am I paying?",
    "What exactly will be injected: whose cells, from where, how many, and into what?",
    "Which published, controlled studies show it works for my condition?",
    "What are the risks, how often do they happen, and who treats me if something goes wrong?",
    "What will the whole course cost, including repeat sessions?",
)

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


def check_app_url(url: str) -> str:
    """The app's address, if it is a plain http(s) URL; otherwise a HandoutError saying why."""
    url = url.strip()
    if len(url) > MAX_URL_CHARS:
        raise HandoutError(
            f"That address is {len(url):,} characters long; the handout's QR code takes at most {MAX_URL_CHARS}. "
            "Use the app's short address."
        )
    parsed = urlparse(url)
    if parsed.scheme not in ("http", "https") or not parsed.netloc or any(c.isspace() for c in url):
        raise HandoutError(f"“{url}” is not a web address starting with http:// or https://")
    return url


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
    """A complete, print-ready HTML page; every piece of data is escaped."""
    url = check_app_url(app_url)
    e = html.escape
    findings = "".join(f"<li><b>{e(f.headline)}</b> {e(f.detail)}</li>" for f in key_points(ds))
    questions = "".join(f"<li>{e(q)}</li>" for q in QUESTIONS_FOR_A_CLINIC)
    return f"""<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Stem-cell shots for knee and back pain: what to know</title>
<style>{PRINT_CSS}</style></head><body>
<h1>Stem-cell shots for knee and back pain: what to know</h1>
<p class="note"><b>Not medical advice.</b> This sheet sums up what five web pages that sell or promote stem-cell
injections claim, and what trials, reviews and regulators found. Talk to a doctor you trust about your own case.</p>
<h2>What we found</h2><ol>{findings}</ol>
<h2>Questions to ask a clinic</h2><ul>{questions}</ul>
<div class="foot">{qr_svg(url)}<div><b>Every claim, quote and study, with sources:</b><br>{e(url)}
<p class="small">Data as of {e(date)}. Studies carry PubMed ids, DOIs or trial numbers; see the app's
Methods page for how sure we are of each.</p></div></div>
</body></html>
"""
