"""Chart specs for display and download: the spec once serialised, and images with the caveat drawn in."""

from __future__ import annotations

import json
import textwrap
from collections.abc import Mapping
from typing import Any

import altair as alt
import pandas as pd

from core.charts import theme

CAPTION_WIDTH_CHARS = 80
# Keys that Vega-Lite allows only at the top of a spec, so they move up when the chart is stacked on its caption.
TOP_LEVEL_ONLY = ("$schema", "config", "datasets", "background", "padding", "autosize", "usermeta")

Spec = dict[str, Any]


def to_spec(chart: alt.TopLevelMixin | Mapping[str, Any]) -> Spec:
    """The chart as a Vega-Lite dict, for the app.

    Not validated here: JSON-schema validation was about 1 s of a new Dose view (profiled), and every chart
    builder's output is validated by its unit tests through `to_dict()`. The edge padding is set on the spec
    itself, not only in the theme: Streamlit replaces the theme's padding.
    """
    spec = dict(chart) if isinstance(chart, Mapping) else chart.to_dict(validate=False)
    spec.setdefault("padding", dict(theme.PADDING))
    return spec


def _caption_spec(caption: str, width: int) -> Spec:
    lines = textwrap.wrap(caption, CAPTION_WIDTH_CHARS)
    return (
        alt.Chart(pd.DataFrame({"line": lines, "row": range(len(lines))}))
        .mark_text(align="left", baseline="top", fontSize=theme.LABEL_SIZE, color=theme.SUBTLE_TEXT)
        .encode(text="line:N", y=alt.Y("row:O", axis=None), x=alt.value(0))
        .properties(width=width, height=alt.Step(19))
        .to_dict()
    )


def with_caveat(chart: alt.TopLevelMixin | Mapping[str, Any], caption: str, width: int = 640) -> Spec:
    """One spec: the chart above its caption, so the caveat travels with the picture."""
    spec, note = to_spec(chart), _caption_spec(caption, width)
    combined: Spec = {key: spec[key] for key in TOP_LEVEL_ONLY if key in spec}
    combined["datasets"] = {**spec.get("datasets", {}), **note.get("datasets", {})}
    combined["vconcat"] = [
        {k: v for k, v in spec.items() if k not in TOP_LEVEL_ONLY},
        {k: v for k, v in note.items() if k not in TOP_LEVEL_ONLY},
    ]
    combined["spacing"] = 12
    if "description" in spec:
        combined["description"] = spec["description"]
    return combined


def render(spec: Mapping[str, Any], fmt: str) -> bytes:
    """PNG (2x scale) or SVG bytes of a spec, drawn without a browser or network."""
    import vl_convert as vlc

    text = json.dumps(spec)
    if fmt == "png":
        return vlc.vegalite_to_png(text, scale=2)
    if fmt == "svg":
        return vlc.vegalite_to_svg(text).encode("utf-8")
    raise ValueError(f"unknown image format {fmt!r}")
