"""One chart theme and one semantic palette: a concept keeps its colour on every page and in every chart."""

from __future__ import annotations

import copy
import json
import textwrap
from collections.abc import Iterable, Mapping, Sequence

import altair as alt

THEME_NAME = "claims_vs_evidence"
# Streamlit's own text font (theme.font = "sans-serif" is Source Sans, served with the app), so chart text
# reads as part of the page; the fallbacks cover exported images rendered outside the browser.
FONT = '"Source Sans", "Source Sans Pro", "Source Sans 3", Helvetica, Arial, sans-serif'
TEXT = "#1a1a1a"
SUBTLE_TEXT = "#444444"

# Projector sizes: labels no smaller than 14 px, titles about 18 px.
TITLE_SIZE, SUBTITLE_SIZE, LABEL_SIZE, MARK_TEXT_SIZE = 18, 15, 14, 14
# A title line of this many characters fits a 390-px phone at TITLE_SIZE (Vega never wraps titles itself).
TITLE_CHARS, SUBTITLE_CHARS = 38, 44
# A projector seen from the back of a room (about 10 m): labels of 24 px, titles of 30 px (the live room's
# projector view). A variant, not the default: on a laptop or phone these sizes crowd the chart.
PROJECTOR_SIZES = {"title": 30, "subtitle": 24, "label": 24, "mark_text": 26, "bar_step": 36}
PROJECTOR_CHARS = 26  # a title or subtitle line at those sizes that fits a chart half a 1280-px screen wide


def projector_config(chart: alt.TopLevelMixin) -> alt.TopLevelMixin:
    """The chart with projector sizes for its titles, axis labels and mark text (see PROJECTOR_SIZES)."""
    sizes = PROJECTOR_SIZES
    return (
        chart.configure_title(fontSize=sizes["title"], subtitleFontSize=sizes["subtitle"])
        .configure_axis(labelFontSize=sizes["label"], titleFontSize=sizes["label"])
        .configure_text(fontSize=sizes["mark_text"])
    )


# Okabe & Ito (2008) colours, distinguishable with the common forms of colour blindness.
BLUE, ORANGE, GREEN, VERMILLION = "#0072B2", "#E69F00", "#009E73", "#D55E00"
PURPLE, SKY, YELLOW, BLACK = "#CC79A7", "#56B4E9", "#F0E442", "#000000"
GREY, LIGHT_GREY, MUTED = "#8c8c8c", "#c8c8c8", "#f2f4f7"
# Room at the edges so the first title line and the widest label are never clipped by the chart's box.
PADDING = {"left": 8, "right": 8, "top": 8, "bottom": 6}
TRIAL_GREY = "#6b6b6b"  # studies and approved labels: grey, so that colour always means "which page"

# Verdicts from worst to best for a patient: a warm-to-cool ramp (vermillion, orange, yellow, sky, blue) that
# keeps its order in lightness and hue for colour-blind readers; the two "no verdict" values are grey.
VERDICT_COLOURS: dict[str, str] = {
    "contradicted by evidence": VERMILLION,
    "misleading": ORANGE,
    "not shown in controlled trials": YELLOW,
    "partly supported": SKY,
    "consistent with evidence": BLUE,
    "unverifiable": GREY,
    "not assessed": LIGHT_GREY,
}

# How firmly a page states a claim, firmest first: one purple ramp, dark to light, so "as fact" is always the
# darkest and never shares a hue with a verdict; an empty cell ("not claimed") is white.
STATED_AS_COLOURS: dict[str, str] = {
    "as fact": "#6a1f53",
    "unverifiable citation": "#a4477f",
    "hedged": PURPLE,
    "anecdote or testimonial": "#ebc6dc",
    "not claimed": "#ffffff",
}

# The five pages, by source id, in seed order; a page is also drawn with its own shape wherever it appears.
SOURCE_COLOURS: dict[str, str] = {
    "vega": BLUE,
    "shadesofgreen": ORANGE,
    "stemcellu": GREEN,
    "a1a9u": VERMILLION,
    "nbscience": PURPLE,
}
SOURCE_SHAPES = ("circle", "square", "triangle-up", "diamond", "triangle-down", "cross")
# A sixth page added to the data still gets a colour, in this order, until it is named above.
SPARE_COLOURS = (SKY, BLACK, "#7f5f00", "#4d4d4d")

# What a study compared the cells with: the one design that can isolate the cells' effect is green.
COMPARISON_COLOURS: dict[str, str] = {
    "placebo or sham": GREEN,
    "another treatment or mixed controls": SKY,
    "no comparison group": ORANGE,
    "not a test of benefit": GREY,
}
COMPARISON_SHAPES = ("circle", "square", "triangle-up", "cross")

# Regulator and court statements: approvals blue, statements against unproven products warm, rules grey-black.
STATEMENT_COLOURS: dict[str, str] = {
    "approval": BLUE,
    "consumer warning": ORANGE,
    "safety alert": VERMILLION,
    "court ruling": BLACK,
    "rule or framework": GREY,
    "professional guidance": GREEN,
}
STATEMENT_SHAPES = ("circle", "triangle-up", "diamond", "square", "cross", "triangle-down")

# Source-quality checklist: does the page meet the item?
RUBRIC_COLOURS: dict[str, str] = {"yes": BLUE, "partly": SKY, "no": VERMILLION, "not applicable": MUTED}

# Certainty of the best evidence of benefit (GRADE words), none to high: one blue ramp.
STRENGTH_COLOURS: dict[str, str] = {
    "none": LIGHT_GREY,
    "very low": "#b3d4ea",
    "low": SKY,
    "moderate": "#2b8cc4",
    "high": BLUE,
}

# Who a dose comes from on the Routes chart.
DOSE_SOURCE_COLOURS: dict[str, str] = {"pages": BLUE, "trials": TRIAL_GREY}


def colour_scale(mapping: Mapping[str, str], domain: Sequence[str] | None = None) -> alt.Scale:
    """A colour scale that gives each value its colour from the palette; unknown values get spare colours."""
    values = list(domain) if domain is not None else list(mapping)
    spare = iter(SPARE_COLOURS * (1 + len(values) // len(SPARE_COLOURS)))
    return alt.Scale(domain=values, range=[mapping[v] if v in mapping else next(spare) for v in values])


def source_colours(labels_by_id: Mapping[str, str]) -> dict[str, str]:
    """Page label → colour, for charts that show pages by their readable label rather than their id."""
    spare = iter(SPARE_COLOURS * (1 + len(labels_by_id)))
    return {label: SOURCE_COLOURS.get(source_id) or next(spare) for source_id, label in labels_by_id.items()}


def text_on(fill: str) -> str:
    """Black or white, whichever reads better on the given fill colour (WCAG relative luminance)."""
    channels = [int(fill.lstrip("#")[i : i + 2], 16) / 255 for i in (0, 2, 4)]
    linear = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    luminance = 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]
    return "#ffffff" if (1.05 / (luminance + 0.05)) > ((luminance + 0.05) / 0.05) else TEXT


def wrap(text: str, width: int) -> list[str]:
    """Lines of at most `width` characters, broken between words (a word longer than that keeps its own line)."""
    return textwrap.wrap(text, width, break_long_words=False, break_on_hyphens=False) or [""]


def wrapped_title(text: str, subtitle: str | None = None, *, projector: bool = False) -> alt.Title:
    """A chart title as lines that fit a 390-px phone (or, for `projector`, half a 1280-px screen at the
    projector sizes), with an optional wrapped subtitle."""
    title_chars, subtitle_chars = (PROJECTOR_CHARS, PROJECTOR_CHARS) if projector else (TITLE_CHARS, SUBTITLE_CHARS)
    if subtitle:
        return alt.Title(wrap(text, title_chars), subtitle=wrap(subtitle, subtitle_chars))
    return alt.Title(wrap(text, title_chars))


def title_lines(title: alt.Title) -> int:
    """How many lines a wrapped title and its subtitle take (used to size a chart so the plot keeps its room)."""
    subtitle = title.subtitle if isinstance(title.subtitle, list) else []
    return len(title.text) + len(subtitle)


def split_label(label: str, width: int = 16) -> str:
    """A long axis label with '|' where it should break; draw it with LABEL_LINES so nothing is cut off."""
    return "|".join(wrap(label, width))


# Vega draws an array of strings as lines: axis labels carry '|' where split_label breaks them.
LABEL_LINES = "split(datum.label, '|')"


def wrapped_axis(**kwargs) -> alt.Axis:
    """An axis whose labels are drawn whole, broken into lines at '|', never cut off with an ellipsis."""
    # Overlap checks would drop every other multi-line label: rows are sized so that they do not overlap.
    return alt.Axis(labelExpr=LABEL_LINES, labelLimit=0, labelOverlap=False, **kwargs)


def lines(values: Iterable[str], width: int = 16) -> list[str]:
    return [split_label(v, width) for v in values]


@alt.theme.register(THEME_NAME, enable=True)
def claims_theme() -> alt.theme.ThemeConfig:
    label = {"labelFont": FONT, "titleFont": FONT, "labelFontSize": LABEL_SIZE, "titleFontSize": LABEL_SIZE,
             "labelColor": TEXT, "titleColor": TEXT, "labelLimit": 0}  # fmt: skip
    return {
        "config": {
            "font": FONT,
            "range": {"category": [BLUE, ORANGE, GREEN, VERMILLION, PURPLE, SKY, BLACK, YELLOW]},
            "title": {
                "anchor": "start",
                "font": FONT,
                "fontSize": TITLE_SIZE,
                "fontWeight": 600,
                "color": TEXT,
                "subtitleFont": FONT,
                "subtitleFontSize": SUBTITLE_SIZE,
                "subtitleColor": SUBTLE_TEXT,
                "subtitlePadding": 4,
                "offset": 10,
                "limit": 0,
            },
            "axis": {**label, "gridColor": "#e6e6e6", "titleFontWeight": 400, "labelOverlap": True},
            "legend": {
                **label,
                "orient": "bottom",
                "direction": "vertical",
                "titleFontWeight": 600,
                "symbolSize": 120,
                "columns": 1,
            },
            "header": {"labelFont": FONT, "titleFont": FONT, "labelFontSize": LABEL_SIZE, "labelLimit": 0},
            "text": {"font": FONT, "fontSize": MARK_TEXT_SIZE, "color": TEXT},
            "view": {"stroke": None},
            "padding": PADDING,
            "background": "#ffffff",
        }
    }


def palette() -> tuple[str, ...]:
    """The categorical colours in order (kept for older callers; new code uses the named mappings)."""
    return (BLUE, ORANGE, GREEN, VERMILLION, PURPLE, SKY, BLACK, YELLOW)


# Vega's format locales (d3-format and d3-time-format), by language: axes, legends and tooltips then write
# "1.500.000" and "1,5" in Spanish charts. English is Vega's default, so it needs none.
CHART_LOCALES: dict[str, dict] = {
    "es": {
        "number": {"decimal": ",", "thousands": ".", "grouping": [3], "currency": ["", "\u00a0€"]},
        "time": {
            "dateTime": "%A, %e de %B de %Y, %X",
            "date": "%d/%m/%Y",
            "time": "%H:%M:%S",
            "periods": ["AM", "PM"],
            "days": ["domingo", "lunes", "martes", "miércoles", "jueves", "viernes", "sábado"],
            "shortDays": ["dom", "lun", "mar", "mié", "jue", "vie", "sáb"],
            "months": [
                "enero",
                "febrero",
                "marzo",
                "abril",
                "mayo",
                "junio",
                "julio",
                "agosto",
                "septiembre",
                "octubre",
                "noviembre",
                "diciembre",
            ],
            "shortMonths": ["ene", "feb", "mar", "abr", "may", "jun", "jul", "ago", "sep", "oct", "nov", "dic"],
        },
    },
}


# Vega writes its own ARIA labels in English on axes, legends and titles ("X-axis titled ... for a log scale with
# values from ...", "Title text '...'") and on every mark, from field names ("row: ...; low: ..."), with English role
# descriptions ("rule mark"). In another language these are hidden from screen readers (aria-hidden): the chart's
# `description`, in the page's language, is its text alternative, and its data table is one switch away.
# `aria: false` alone is not enough: it hides the guides and drops the marks' descriptions, but Vega then draws each
# mark's group as a nameless role="graphics-symbol" (axe-core: svg-img-alt). `mark.aria: false` hides those groups,
# and `title.aria: false` the title and subtitle, which `aria: false` leaves labelled "Title text '...'".
ARIA_HIDDEN: dict[str, dict] = {"mark": {"aria": False}, "title": {"aria": False}}


def localized(chart: alt.TopLevelMixin | Mapping, lang: str) -> alt.TopLevelMixin | dict:
    """The chart (an Altair chart or a Vega-Lite dict) with the language's number and date formats in its config,
    and, in a language other than English, Vega's own (English) ARIA labels hidden (see ARIA_HIDDEN).

    Per chart, not in the registered theme: the theme is one for the whole process, which serves visitors in
    different languages at once. The chart passed in is left unchanged (and returned as it is for English).
    """
    if lang == "en":
        return chart
    locale = CHART_LOCALES.get(lang)
    if isinstance(chart, Mapping):
        # A shallow copy: the datasets inside can be large, and nothing else below the top level changes.
        config = dict(chart.get("config", {}))
        config["aria"] = False
        for key, value in ARIA_HIDDEN.items():
            config[key] = {**config.get(key, {}), **value}
        if locale:
            config["locale"] = copy.deepcopy(locale)
        return _titles_hidden({**chart, "config": config})
    chart = chart.copy(deep=True)
    if chart.config is alt.Undefined:
        chart.config = alt.Config()
    chart.config.aria = False
    if chart.config.mark is alt.Undefined:
        chart.config.mark = alt.MarkConfig()
    chart.config.mark.aria = False
    if chart.config.title is alt.Undefined:
        chart.config.title = alt.TitleConfig()
    chart.config.title.aria = False
    if locale:
        chart.config.locale = alt.Locale(**locale)
    _hide_titles(chart)
    return chart


# Vega-Lite gives config.title.aria to the title's text only; Vega labels the title's group "Title text '...'"
# unless the title itself says aria: false.
_COMPOSED = ("layer", "vconcat", "hconcat", "concat")


def _title_hidden(title):
    if title is None or title is alt.Undefined:
        return title
    if isinstance(title, Mapping):
        return {**title, "aria": False}
    if isinstance(title, alt.TitleParams):
        title = title.copy(deep=True)
        title.aria = False
        return title
    return {"text": title, "aria": False}


def _titles_hidden(spec: Mapping) -> dict:
    """A Vega-Lite dict whose titles, at every level, carry aria: false (copied where changed)."""
    out = dict(spec)
    if "title" in out:
        out["title"] = _title_hidden(out["title"])
    for key in _COMPOSED:
        if isinstance(out.get(key), list):
            out[key] = [_titles_hidden(part) if isinstance(part, Mapping) else part for part in out[key]]
    return out


def _hide_titles(chart) -> None:
    """The same for an Altair chart, in place (it is already a deep copy)."""
    if getattr(chart, "title", alt.Undefined) is not alt.Undefined:
        chart.title = _title_hidden(chart.title)
    for key in _COMPOSED:
        for part in getattr(chart, key, None) or []:
            if isinstance(part, alt.SchemaBase):
                _hide_titles(part)


def fitted(text: str, width: int) -> str | list[str]:
    """The text as it is if it has at most `width` characters, else as lines of about equal length (broken after a
    colon where it has one): a legend or axis title Vega would otherwise cut with "…" or draw past the chart's edge."""
    if len(text) <= width:
        return text
    head, colon, tail = text.partition(": ")
    if colon and len(head) < width and len(tail) <= width:
        return [head + ":", tail]
    count = len(wrap(text, width))
    # The narrowest width that still needs no more lines: the lines come out about equally long.
    narrowest = next(w for w in range(1, width + 1) if len(wrap(text, w)) <= count)
    return wrap(text, narrowest)


def wrapped_legend(values: Iterable[str], width: int, **kwargs) -> alt.Legend:
    """A one-column legend whose labels longer than `width` characters are drawn on two or more lines, never cut
    off; shorter labels (all the English ones, by the widths callers choose) are drawn as before."""
    long = {v: fitted(v, width) for v in values if len(v) > width}
    expression = "datum.label"
    for value, label_lines in long.items():
        value_text, lines_text = json.dumps(value, ensure_ascii=False), json.dumps(label_lines, ensure_ascii=False)
        expression = f"datum.label === {value_text} ? {lines_text} : {expression}"
    if long:
        kwargs["labelExpr"] = expression
    return alt.Legend(columns=1, labelLimit=0, **kwargs)
