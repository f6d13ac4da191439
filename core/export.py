"""Chart images for download: the chart with its caveat and sources drawn underneath, rendered offline."""

from __future__ import annotations

import textwrap

import altair as alt
import pandas as pd

from core import theme  # noqa: F401  (registers and enables the one chart theme)

CAPTION_WIDTH_CHARS = 95


def with_caveat(chart: alt.TopLevelMixin, caption: str, width: int = 640) -> alt.VConcatChart:
    """The chart above its caption, so the caveat travels with the picture."""
    lines = textwrap.wrap(caption, CAPTION_WIDTH_CHARS)
    text = (
        alt.Chart(pd.DataFrame({"line": lines, "row": range(len(lines))}))
        .mark_text(align="left", baseline="top", fontSize=11, color="#333333")
        .encode(
            text="line:N",
            y=alt.Y("row:O", axis=None),
            x=alt.value(0),
        )
        .properties(width=width, height=alt.Step(15))
    )
    sized = chart.properties(width=width)
    return alt.vconcat(sized, text, spacing=12).properties(description=chart.description)


def render(chart: alt.TopLevelMixin, fmt: str) -> bytes:
    """PNG (2x scale) or SVG bytes of a chart, drawn without a browser or network."""
    import vl_convert as vlc

    spec = chart.to_json()
    if fmt == "png":
        return vlc.vegalite_to_png(spec, scale=2)
    if fmt == "svg":
        return vlc.vegalite_to_svg(spec).encode("utf-8")
    raise ValueError(f"unknown image format {fmt!r}")
