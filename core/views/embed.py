"""Charts others can embed: the one place that names each embeddable chart, its caption, page and address.

The chart-only view is the app's root address with ?embed_chart=<chart id> (EMBED_PATH, EMBED_QUERY_KEY): the
only view other sites may put in a frame. Security headers that forbid framing should exempt exactly the
requests is_embed_request() accepts. (Streamlit keeps `?embed=` for itself, and `&embed=true` hides its toolbar.)
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any
from urllib.parse import parse_qs

import pandas as pd

from core import i18n, site
from core.analysis import doses
from core.data import Dataset
from core.i18n import N_
from core.links import page_url
from core.text import md_escape

EMBED_PATH = "/"  # relative to the app's root (its base path, if any)
EMBED_QUERY_KEY = "embed_chart"
# Shown under an embedded chart, linking back to the full page.
CREDIT = N_("Stem-cell claims vs evidence")  # the site's name (ui.frame.SITE_NAME), translated where shown
IFRAME_HEIGHT = 844  # px: one phone screen (390 x 844), which the chart, its caption and credit fit into

# --- captions: what each chart cannot tell, its units and sources (shared by its page and its embed) ------

# In English, with {weight} where a body weight goes; CAPTIONS below has them filled in, caption() translates them.
_CAPTION_TEXTS = {
    "claims_by_verdict": N_(
        "What this cannot tell you: how much each claim matters, or whether a treatment works for you. Verdicts are "
        "ours, each resting on the studies and regulator statements on its card; the page counts are of claims we "
        "found, not of sentences. Source: the five archived pages."
    ),
    "claims_per_source": N_(
        "What this cannot tell: whether a claim is true (see each claim's verdict), and longer pages simply say "
        "more. Counts of claims we recorded in each page, by how firmly the page words them. Source: our reading "
        "of the five pages."
    ),
    "source_quality_scores": N_(
        "What this cannot tell: whether the claims are true (see each claim's verdict); a score measures how open "
        "and complete a page is. Scores rest on the copied text only: a byline or date lost in copying would "
        "count as missing. Sources: our reading of the five pages against the rubrics listed on its page."
    ),
    "route_dose_spread": N_(
        "What this cannot tell: whether any dose works. Lines span the lowest to highest cells per dose; pages and "
        "studies count per knee, disc, injection, session or day, and vein doses from studies are per kg, shown "
        "for a {weight}-kg person. A route with no study line has no study dose we list. "
        "Sources: the five pages' own words and the studies we list."
    ),
    "route_evidence_strength": N_(
        "What this cannot tell: anything about harms, or whether a route is safe. It is our reading of the strongest "
        "evidence that each route helps knee or back pain, in GRADE words; 'none' means no study we list tested it "
        "for these conditions. Sources: the studies, harm reports and regulator statements we list."
    ),
    "mechanism_matrix": N_(
        "What this cannot tell: whether a mechanism is true; it counts wording, and a page that says more has more "
        'chances to claim. Each cell shows the firmest wording a page uses: fact, hedged ("may", "potential"), '
        "anecdote, or a dash when the page does not claim it. Sources: our reading of the five pages; what trials "
        "show comes from the studies listed under each mechanism on its page."
    ),
    "regulatory_timeline": N_(
        "What this cannot tell: every rule in each country; it shows only the statements we list. Dates are as "
        "precise as we could verify them (year, month or day); a year or month is drawn on its first day. "
        "Sources: regulators' own pages and court records."
    ),
}
CAPTIONS = {key: text.replace("{weight}", f"{doses.DEFAULT_WEIGHT_KG:g}") for key, text in _CAPTION_TEXTS.items()}


def _weight(weight: float, lang: str) -> str:
    return f"{weight:g}" if lang == i18n.DEFAULT else i18n.format_number(weight, lang)


def caption(chart_id: str, lang: str = i18n.DEFAULT) -> str:
    """The caption of a chart of CAPTIONS in the reader's language (the same words as CAPTIONS in English)."""
    return i18n.gettext(lang, _CAPTION_TEXTS[chart_id]).replace("{weight}", _weight(doses.DEFAULT_WEIGHT_KG, lang))


def credit_label(lang: str = i18n.DEFAULT) -> str:
    """The words of the link under an embedded chart back to its full page."""
    return i18n.gettext(lang, "{site}: the full page, with its data and sources").format(
        site=i18n.gettext(lang, CREDIT)
    )


def evidence_caption(show_all: bool, *, embedded: bool = False, lang: str = i18n.DEFAULT) -> str:
    _ = i18n.bound(lang)
    parts = [
        _(
            "What this cannot tell: how good or how large a study was, or whether the cells worked; tap a dot for "
            "its design, size, doses, comparator and finding. Studies without a placebo or sham cannot separate the "
            "cells' effect from hope and natural ups and downs."
        )
    ]
    if not show_all:
        parts.append(
            _("Studies of other diseases, animals and the lab are on the full page.")
            if embedded
            else _("Studies of other diseases, animals and the lab are behind the switch above.")
        )
    parts.append(_("Sources: PubMed, journals and trial registries (each study is listed in the table on its page)."))
    return " ".join(parts)


def doses_caption(left_out: str, weight: float, lang: str = i18n.DEFAULT) -> str:
    """`left_out` comes in the reader's language, as a whole sentence ending in a space, or ''."""
    return i18n.gettext(
        lang,
        "What this cannot tell: whether any dose works or is safe (see the Routes page), or how many of the "
        "cells are alive or are stem cells at all. Each page counts per knee, injection, session or day, so the "
        "same number can mean different amounts. {left_out}Sources: the five pages' own words and the "
        "studies we list (per-kg study doses converted at {weight} kg).",
    ).format(left_out=md_escape(left_out), weight=_weight(weight, lang))


def vein_caption(weight: float, lang: str = i18n.DEFAULT) -> str:
    return i18n.gettext(
        lang,
        "What this cannot tell: whether a vein dose is right for pain. The approved dose is for a different "
        "disease (see the list on its page), not for joints or backs. Each page's vein dose is divided by a body "
        "weight of {weight} kg. Sources: the pages, the studies and the approved label we list.",
    ).format(weight=_weight(weight, lang))


def courses_caption(lang: str = i18n.DEFAULT) -> str:
    return i18n.gettext(
        lang,
        "What this cannot tell: how many cells a person would really get; pages rarely say how many sessions. "
        "Our convention: {convention} Totals marked computed are our arithmetic on the page's "
        "dose and schedule; the page itself never states them. Where a page allows follow-ups without a limit, "
        "only the smallest course is drawn. Numbers that are not cells are not added. Source: the pages' own words.",
    ).format(convention=doses.course_convention(lang))


# --- the registry --------------------------------------------------------------------------------


@dataclass(frozen=True)
class EmbedChart:
    """An embeddable chart: the page it lives on (Streamlit's address, "" for Home) and how to draw its default view."""

    chart_id: str
    page: str
    build: Callable[[Dataset], tuple[Any, str]]  # -> (chart spec, caption)
    # Plot height in the chart-only view, as a share of the page's: a tall chart is drawn shorter so that it, its
    # caption and credit fit one phone screen (390 x 844 px; tests/browser/test_embed.py measures each).
    scale: float = 1.0


def _address(key: str) -> str:
    """Streamlit's address of a registered page, without its slash ("" for Home)."""
    return site.page(key).url_path.strip("/")


def _home(ds: Dataset):
    from core.views.home import home_view, ladder_caption

    return home_view(ds).ladder_chart, ladder_caption(ds.lang)


def _claims(ds: Dataset):
    from core.views.claims import claims_page

    return claims_page(ds).summary_chart, caption("claims_by_verdict", ds.lang)


def _sources(attribute: str, chart_id: str):
    def build(ds: Dataset):
        from core.views.sources import sources_page

        return getattr(sources_page(ds), attribute), caption(chart_id, ds.lang)

    return build


def _doses(attribute: str):
    def build(ds: Dataset):
        from core.views.doses import doses_page

        everything = doses.normalise(ds)
        routes, sources = tuple(doses.dosed_routes(everything)), tuple(doses.dosing_sources(everything))
        view = doses_page(ds, doses.DEFAULT_WEIGHT_KG, routes, sources)
        captions = {
            "dots_chart": doses_caption(view.left_out, doses.DEFAULT_WEIGHT_KG, ds.lang),
            "per_kg_chart": vein_caption(doses.DEFAULT_WEIGHT_KG, ds.lang),
            "courses_chart": courses_caption(ds.lang),
        }
        return getattr(view, attribute), captions[attribute]

    return build


def _routes(attribute: str, chart_id: str):
    def build(ds: Dataset):
        from core.views.routes import routes_page

        return getattr(routes_page(ds, tuple(ds.routes["id"])), attribute), caption(chart_id, ds.lang)

    return build


def _mechanisms(ds: Dataset):
    from core.views.mechanisms import mechanisms_page

    return mechanisms_page(ds, "all").matrix_chart, caption("mechanism_matrix", ds.lang)


def _evidence(attribute: str):
    def build(ds: Dataset):
        from core.views.evidence import evidence_page

        view = evidence_page(ds)
        if attribute == "knee_back_chart":
            text = evidence_caption(False, embedded=True, lang=ds.lang)
        else:
            text = caption("regulatory_timeline", ds.lang)
        return getattr(view, attribute), text

    return build


CHARTS: dict[str, EmbedChart] = {
    chart.chart_id: chart
    for chart in (
        EmbedChart("dose_ladder", _address("home"), _home),
        EmbedChart("claims_per_source", _address("sources"), _sources("claims_chart", "claims_per_source")),
        EmbedChart("source_quality_scores", _address("sources"), _sources("grid_chart", "source_quality_scores"), 0.5),
        EmbedChart("doses_per_administration", _address("doses"), _doses("dots_chart"), 0.75),
        EmbedChart("vein_doses_per_kg", _address("doses"), _doses("per_kg_chart")),
        EmbedChart("course_totals", _address("doses"), _doses("courses_chart"), 0.75),
        EmbedChart("route_dose_spread", _address("routes"), _routes("spread_chart", "route_dose_spread")),
        EmbedChart("route_evidence_strength", _address("routes"), _routes("strength_chart", "route_evidence_strength")),
        # Not shortened: its page names run over two or three lines each, and shorter rows overlap them.
        EmbedChart("mechanism_matrix", _address("mechanisms"), _mechanisms),
        EmbedChart("claims_by_verdict", _address("claims"), _claims, 0.45),
        EmbedChart("evidence_studies", _address("evidence"), _evidence("knee_back_chart")),
        EmbedChart("regulatory_timeline", _address("evidence"), _evidence("timeline_chart"), 0.9),
    )
}


def is_embeddable(chart_id: str) -> bool:
    return chart_id in CHARTS


def is_embed_request(path: str, query: str, base_path: str = "") -> bool:
    """True for the chart-only view's address (the one page other sites may frame), e.g. /?embed_chart=dose_ladder."""
    root = "/" + base_path.strip("/") if base_path.strip("/") else ""
    if path.rstrip("/") != root:
        return False
    asked = parse_qs(query).get(EMBED_QUERY_KEY, [])
    return len(asked) == 1 and is_embeddable(asked[0])


def _language(lang: str) -> dict[str, str]:
    # English addresses stay as they always were; another language rides along, so a framed chart keeps it.
    return {} if lang == i18n.DEFAULT else {i18n.QUERY_KEY: lang}


def embed_url(root: str, chart_id: str, lang: str = i18n.DEFAULT) -> str:
    """The chart-only view: Streamlit's own embed mode (no toolbar, no padding) showing one chart."""
    return page_url(root, EMBED_PATH.strip("/"), {EMBED_QUERY_KEY: chart_id, "embed": "true", **_language(lang)})


def full_page_url(root: str, chart_id: str, lang: str = i18n.DEFAULT) -> str:
    return page_url(root, CHARTS[chart_id].page, _language(lang))


def chart_title(spec: Mapping[str, Any]) -> str:
    """A chart's title as one line of text (Vega-Lite titles may be a string, a list or an object with text)."""
    title = spec.get("title", "")
    if isinstance(title, Mapping):
        title = title.get("text", "")
    if isinstance(title, list | tuple):
        title = " ".join(str(part) for part in title)
    return " ".join(str(title).split())


def iframe_snippet(root: str, chart_id: str, title: str, lang: str = i18n.DEFAULT) -> str:
    """HTML for another site to paste (shown as code text, never rendered here); attribute values are escaped."""
    from html import escape

    return (
        f'<iframe src="{escape(embed_url(root, chart_id, lang))}" title="{escape(title)}" width="100%" '
        f'height="{IFRAME_HEIGHT}" style="border:0;max-width:720px" loading="lazy"></iframe>'
    )


@dataclass(frozen=True)
class EmbedView:
    chart_id: str
    spec: Any
    title: str
    caption: str
    page: str


def embed_view(ds: Dataset, chart_id: str) -> EmbedView:
    """One chart's default view for the chart-only page: spec, title and caption (KeyError for an unknown id)."""
    chart = CHARTS[chart_id]
    spec, caption = chart.build(ds)
    if spec is None:
        raise KeyError(chart_id)
    return EmbedView(chart_id, shorter(spec, chart.scale), chart_title(spec), caption, chart.page)


def shorter(spec: Mapping[str, Any], scale: float) -> Any:
    """A copy of a spec whose plot heights (fixed, or a step per row) are `scale` times the original's, for the
    chart itself and each chart it stacks; widths, fonts and data are untouched."""
    if scale == 1.0:
        return spec

    def height(value: Any) -> Any:
        if isinstance(value, int | float):
            return round(value * scale)
        if isinstance(value, Mapping) and isinstance(value.get("step"), int | float):
            return {**value, "step": round(value["step"] * scale)}
        return value

    out = dict(spec)
    if "height" in out:
        out["height"] = height(out["height"])
    for stack in ("vconcat", "hconcat", "concat"):
        if isinstance(out.get(stack), list):
            out[stack] = [shorter(part, scale) if isinstance(part, Mapping) else part for part in out[stack]]
    return out


def charts_table() -> pd.DataFrame:
    """Every embeddable chart and its page, for the README and tests."""
    return pd.DataFrame([{"chart": c.chart_id, "page": c.page or "Home"} for c in CHARTS.values()])
