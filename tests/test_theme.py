"""The one chart theme and semantic palette: colour-blind-safe colours, ordered verdicts, app font, phone titles."""

from __future__ import annotations

import altair as alt
import pytest

from core.analysis import vocab
from core.charts import theme

OKABE_ITO = {"#0072B2", "#E69F00", "#009E73", "#D55E00", "#CC79A7", "#56B4E9", "#F0E442", "#000000"}


def test_every_verdict_has_a_colour(dataset):
    assert set(theme.VERDICT_COLOURS) == set(vocab.verdicts(dataset).order)


def test_assessed_verdicts_use_okabe_ito_colours_and_the_unassessed_are_grey():
    assessed = [v for v in theme.VERDICT_COLOURS if v not in vocab.NO_VERDICT]
    assert {theme.VERDICT_COLOURS[v] for v in assessed} <= OKABE_ITO
    for verdict in vocab.NO_VERDICT:
        hex_ = theme.VERDICT_COLOURS[verdict].lstrip("#")
        assert hex_[0:2] == hex_[2:4] == hex_[4:6], f"{verdict} should be a grey"


def test_verdict_colours_run_warm_to_cool_in_the_vocabulary_order(dataset):
    order = [v for v in vocab.verdicts(dataset).order if v not in vocab.NO_VERDICT]
    ramp = [theme.VERMILLION, theme.ORANGE, theme.YELLOW, theme.SKY, theme.BLUE]
    assert [theme.VERDICT_COLOURS[v] for v in order] == ramp


def test_every_wording_has_a_colour_darkest_for_plain_fact():
    assert list(theme.STATED_AS_COLOURS) == [*vocab.STATED_AS, vocab.NOT_CLAIMED]
    darkness = [sum(int(c.lstrip("#")[i : i + 2], 16) for i in (0, 2, 4)) for c in theme.STATED_AS_COLOURS.values()]
    assert darkness == sorted(darkness), "firmer wording should be darker"


def test_every_page_has_its_own_colour(dataset):
    assert set(dataset.sources["id"]) <= set(theme.SOURCE_COLOURS)
    assert len(set(theme.SOURCE_COLOURS.values())) == len(theme.SOURCE_COLOURS)


def test_colour_scale_keeps_each_value_colour_in_any_domain_order():
    scale = theme.colour_scale(theme.VERDICT_COLOURS, ["misleading", "partly supported", "a new verdict"]).to_dict()
    assert scale["range"][:2] == [theme.ORANGE, theme.SKY]
    assert scale["range"][2] in theme.SPARE_COLOURS


@pytest.mark.parametrize(
    "text",
    [
        "None of the 4 approvals is a shot for knee or back pain; the 2 for knees are put in by surgery",
        "short",
        "A-very-long-hyphenated-word-that-cannot-break-anywhere-at-all and more",
    ],
)
def test_wrapped_titles_fit_a_phone(text):
    title = theme.wrapped_title(text, "A subtitle that says what the chart shows and what it leaves out").to_dict()
    assert " ".join(title["text"]).split() == text.split()
    assert all(len(line) <= theme.TITLE_CHARS for line in title["text"] if " " in line)
    assert all(len(line) <= theme.SUBTITLE_CHARS for line in title["subtitle"])


def test_chart_text_uses_the_app_font_at_projector_sizes():
    config = alt.theme.get()()["config"]
    assert alt.theme.active == theme.THEME_NAME
    assert config["font"].startswith('"Source Sans"')
    assert config["title"]["fontSize"] >= 18
    assert config["axis"]["labelFontSize"] >= 14
    assert config["legend"]["labelFontSize"] >= 14
    assert config["axis"]["labelLimit"] == config["legend"]["labelLimit"] == 0


@pytest.mark.parametrize(("fill", "text"), [("#0072B2", "#ffffff"), ("#F0E442", theme.TEXT), ("#6a1f53", "#ffffff")])
def test_text_on_a_fill_is_the_readable_one(fill, text):
    assert theme.text_on(fill) == text


def test_split_label_breaks_long_labels_without_losing_words():
    label = "Into the spine, place not named"
    assert theme.split_label(label, 16).replace("|", " ") == label
    assert all(len(part) <= 16 for part in theme.split_label(label, 16).split("|"))
