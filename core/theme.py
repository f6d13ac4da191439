"""One Altair theme for every chart, using the palette set once in .streamlit/config.toml."""

from __future__ import annotations

import tomllib
from functools import cache
from pathlib import Path

import altair as alt

CONFIG_FILE = Path(__file__).resolve().parent.parent / ".streamlit" / "config.toml"
THEME_NAME = "claims_vs_evidence"
FONT = "Source Sans Pro, Helvetica, Arial, sans-serif"


@cache
def palette() -> tuple[str, ...]:
    """The categorical colours, in order, as configured for the app."""
    config = tomllib.loads(CONFIG_FILE.read_text(encoding="utf-8"))
    return tuple(config["theme"]["chartCategoricalColors"])


@alt.theme.register(THEME_NAME, enable=True)
def claims_theme() -> alt.theme.ThemeConfig:
    return {
        "config": {
            "font": FONT,
            "range": {"category": list(palette())},
            "title": {"anchor": "start", "fontSize": 15, "subtitleFontSize": 12, "subtitleColor": "#444444"},
            "axis": {"labelFontSize": 12, "titleFontSize": 12, "gridColor": "#e6e6e6"},
            "legend": {"labelFontSize": 12, "titleFontSize": 12, "orient": "bottom", "direction": "vertical"},
            "view": {"stroke": None},
            "background": "#ffffff",
        }
    }
