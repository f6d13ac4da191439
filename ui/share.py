"""Taking our work away: claim permalinks and records, 'Report an error', embed-or-share and the chart-only view."""

from __future__ import annotations

import os
import re
import time
from collections.abc import Mapping
from pathlib import Path
from typing import Any

import streamlit as st

from core import links, report, site
from core.analysis import claimreview, vocab
from core.charts.theme import localized
from core.text import md_escape
from core.views import embed
from ui.blocks import download_name
from ui.frame import PAGES, SITE_NAME
from ui.language import _, lang, page_link
from ui.loading import derived

PAGE_NAMES = tuple(re.sub(r"^[0-9]+_", "", Path(page.path).stem) for page in PAGES if page.path.startswith("pages/"))


_SECRETS_TTL_SECONDS = 30.0
_secrets_read: dict[str, tuple[float, str]] = {}


def _setting(key: str) -> str:
    """An environment variable, else the same key in Streamlit secrets, else "".

    Secrets are read at most every 30 seconds per key: a Claims page asks three times per card, fifteen cards a
    rerun, and each read of st.secrets costs about a tenth of a millisecond.
    """
    if os.environ.get(key):
        return os.environ[key]
    now = time.monotonic()
    remembered = _secrets_read.get(key)
    if remembered and now - remembered[0] < _SECRETS_TTL_SECONDS:
        return remembered[1]
    try:
        value = str(st.secrets.get(key) or "")
    except Exception:  # no secrets file at all is the usual case for `streamlit run`
        value = ""
    _secrets_read[key] = (now, value)
    return value


def app_root() -> str:
    """The app's public root address: $STEMCELL_APP_URL when set, else the address this reader opened."""
    configured = links.app_root(_setting(links.APP_URL_ENV))
    return configured or links.app_root(st.context.url or "", PAGE_NAMES) or links.DEFAULT_APP_URL


def report_config() -> dict[str, str]:
    return {key: _setting(key) for key in report.REPORT_KEYS}


def report_button(made: report.ReportLink, key: str) -> None:
    """The prefilled report link, or, without an address, plain words on how to reach the maintainers."""
    if made.url:
        st.link_button(made.label, made.url, icon=":material/flag:", key=key)
    else:
        st.caption(md_escape(made.label))


# --- claims --------------------------------------------------------------------------------------


def claim_extras(claim_id: str, quote: str, record: Mapping[str, Any], *, key: str) -> None:
    """Under a claim card: its permalink, its ClaimReview record (download) and 'Report an error'."""
    root = app_root()  # read here: a deferred download runs without this reader's context
    permalink = links.claim_permalink(root, claim_id)
    left, middle = st.columns(2)
    with left:
        page_link(site.path("claims"), label=_("Link to this claim"), icon=":material/link:",
                     query_params={links.CLAIM_QUERY_KEY: claim_id}, help=permalink)  # fmt: skip
    with middle:
        st.download_button(
            _("Fact-check record (ClaimReview)"),
            data=lambda: claimreview.to_jsonld(claimreview.rooted(record, root)).encode("utf-8"),
            file_name=download_name(f"claimreview-{claim_id}", "jsonld"),
            mime="application/ld+json",
            key=f"claimreview_{key}",
            icon=":material/download:",
            on_click="ignore",
            help=_("This verdict as a schema.org ClaimReview record (JSON-LD), for fact-checking tools."),
        )
    made = report.claim_report(report_config(), claim_id, quote, permalink, lang())
    report_button(made, key=f"report_{key}")


def claimreview_download(records: Mapping[str, dict[str, Any]]) -> None:
    """Every claim's ClaimReview record in one JSON-LD file, as scripts/export_claimreview.py writes it."""
    root = app_root()
    st.download_button(
        _("Download every verdict as fact-check records (ClaimReview, JSON-LD)"),
        data=lambda: claimreview.to_jsonld([claimreview.rooted(r, root) for r in records.values()]).encode("utf-8"),
        file_name=download_name(*claimreview.FILE_NAME.rsplit(".", 1)),
        mime=claimreview.MEDIA_TYPE,
        key="claimreview_all",
        icon=":material/download:",
        on_click="ignore",
        help=_(
            "The format fact-checkers publish and Google's Fact Check Explorer reads: each claim's exact words, "
            "where it was made, our verdict (on a 1 to 5 scale where it judges truth), the date we checked it and "
            "its link here. Each claim card offers its own record."
        ),
    )


# --- charts --------------------------------------------------------------------------------------


def embed_or_share(spec: Mapping[str, Any], file_stem: str) -> None:
    """Under a chart's data and downloads: its address, an iframe snippet for other sites, and 'Report an error'."""
    root = app_root()
    title = embed.chart_title(spec) or file_stem
    if embed.is_embeddable(file_stem):
        address = embed.embed_url(root, file_stem, lang())
        st.text_input(_("Link to this chart (select it all and copy)"), value=address, key=f"link_{file_stem}")
        st.markdown(
            "**{}** {}".format(
                _("Embed it in your page:"), _("paste this HTML; the chart comes with its caption and a link back.")
            )
        )
        st.code(embed.iframe_snippet(root, file_stem, title, lang()), language="html", wrap_lines=True)
    else:
        address = st.context.url or root
        st.text_input(_("Link to this view (select it all and copy)"), value=address, key=f"link_{file_stem}")
    made = report.chart_report(report_config(), file_stem, title, address, lang())
    report_button(made, key=f"report_{file_stem}")


def embed_page(chart_id: str) -> None:
    """The chart-only view other sites frame: the chart, its caption (units, sources) and a credit link back.

    It reads a view shared by every reader (ui.derived, one per chart and data version), so each framed reader
    costs the server only its session and this short script run.
    """
    page_title = _("Chart · {site}").format(site=_(SITE_NAME))
    st.set_page_config(page_title=page_title, page_icon="🔬", layout="centered",
                       initial_sidebar_state="collapsed")  # fmt: skip
    if not embed.is_embeddable(chart_id):
        st.info(_("This chart is not available. Open the full site to see every chart with its sources."))
        return
    try:
        view = derived(embed.embed_view, chart_id)
    except KeyError:
        st.info(_("This chart has nothing to show with the current data."))
        return
    # In the visitor's language's number formats, and with Vega's English screen-reader words hidden (theme).
    st.vega_lite_chart(spec=localized(view.spec, lang()), width="stretch", theme=None)
    st.caption(view.caption)
    # A link button opens the full site in a new tab, out of the frame; its address is never parsed as Markdown.
    st.link_button(
        embed.credit_label(lang()),
        embed.full_page_url(app_root(), chart_id, lang()),
        icon=":material/open_in_new:",
        help=_("Not medical advice. Every number on the full page comes with its source and a table of the data."),
    )


def claim_card(
    claim: Any, card_markdown: str, record: Mapping[str, Any], *, guess: bool, key: str, extras: bool
) -> None:
    """One claim's card: where it was said, the verbatim quote, then (unless the room guesses first) our verdict
    with its evidence, and with `extras` the claim's permalink, ClaimReview record and 'Report an error' (always on
    the card a link opened; behind one switch for a whole list, where one switch per card was most of a rerun)."""
    from ui.blocks import quote

    language = lang()
    where = _("{page} · topic: {topic} · stated {how}").format(
        page=md_escape(claim.short_label),
        topic=md_escape(vocab.topic_words(claim.topic, language)),
        how=md_escape(vocab.stated_as_words(claim.stated_as, language)),
    )
    translation = getattr(claim, "quote_translation", "")
    # Without guess-first, the verdict goes into the quote's own element: one element per card, not two.
    quote(claim.quote, claim.short_label, claim.seed_file, translation if isinstance(translation, str) else "",
          before=where, then="" if guess else card_markdown)  # fmt: skip
    if guess:
        if not st.toggle(_("Reveal our verdict"), key=f"reveal_{key}"):
            return
        st.markdown(card_markdown)
    if extras:
        claim_extras(claim.id, claim.quote, record, key=key)
