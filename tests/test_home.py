"""Home's lead: the approval finding, the dose disagreement and the dose ladder, computed from the data."""

from __future__ import annotations

import re

import pytest

import ui
from core.views import home


def ui_ids(text: str) -> list[str]:
    """Row ids and file names, which belong in tables and downloads, never in sentences."""
    return re.findall(r"\b[rc]\d{3}-\d{2}\b|\.txt\b", text)


@pytest.fixture(scope="module")
def ladder(dataset):
    return home.dose_ladder(dataset)


def test_approval_lead_names_the_one_exception_and_its_rows(dataset):
    lead = home.approval(dataset)
    assert "approved" in lead.headline
    assert "knee or back pain" in lead.headline
    assert "MACI" in lead.short
    assert "fda_maci_2016" in lead.row_ids


def test_ladder_has_each_dosing_page_trials_by_route_and_the_approved_dose(ladder):
    assert set(ladder["group"]) == {"page dose", "page course", "trials", "approved"}
    assert {"Knee trials: one dose", "Disc trials: one dose"} <= set(ladder["rung"])
    approved = ladder[ladder["group"] == "approved"].iloc[0]
    assert "another disease" in approved["rung"]
    assert approved["low"] == pytest.approx(2_000_000 * 70)


@pytest.mark.parametrize(("rung", "low", "high"), [
    ("Vega Stem Cell: one dose", 15e6, 200e6),
    ("Vega Stem Cell: largest course", 300e6, 1.2e9),
    ("Knee trials: one dose", 10e6, 150e6),
])  # fmt: skip
def test_ladder_rungs_carry_the_datas_ranges(ladder, rung, low, high):
    row = ladder.set_index("rung").loc[rung]
    assert (row["low"], row["high"]) == (pytest.approx(low), pytest.approx(high))


def test_dose_lead_states_the_spread_between_pages(ladder):
    lead = home.dose_lead(ladder)
    assert "15 million to 200 million" in lead.headline
    assert "the largest 13 times the smallest" in lead.headline
    assert "Trials tested 6 million to 150 million" in lead.short


def test_dose_lead_is_absent_when_no_page_gives_a_dose(ladder):
    assert home.dose_lead(ladder[ladder["group"] != "page dose"]) is None


def test_lead_sentences_carry_no_row_ids(dataset):
    view = home.home_view(dataset)
    text = home.lead_markdown(view) + home.lead_text(view)
    assert not ui_ids(text)


def test_ladder_chart_titles_its_finding_and_describes_itself(ladder):
    spec = home.dose_ladder_chart(ladder).to_dict()
    title = " ".join(spec["title"]["text"])
    assert "13-fold" in title
    assert all(len(line) <= 38 for line in spec["title"]["text"])
    assert "Approved IV dose, for another disease" in spec["description"]


def test_ladder_chart_colours_pages_as_every_other_chart_does(ladder):
    from core.charts import theme

    spec = home.dose_ladder_chart(ladder).to_dict()
    scales = [layer["encoding"]["color"]["scale"] for layer in spec["layer"] if "scale" in layer["encoding"].get(
        "color", {})]  # fmt: skip
    colours = dict(zip(scales[0]["domain"], scales[0]["range"], strict=True))
    assert colours["vega"] == theme.SOURCE_COLOURS["vega"]
    assert colours["trials"] == theme.TRIAL_GREY


def test_home_view_keeps_ids_in_its_table_not_its_sentences(dataset):
    view = home.home_view(dataset)
    assert "fda_maci_2016" in " ".join(view.sources_table["rows behind it"])
    assert ui_ids(" ".join(view.ladder_table["row_ids"]))


@pytest.mark.parametrize(("page", "back", "forward"), [
    (ui.PAGES[0], None, ui.PAGES[1]),
    (ui.PAGES[3], ui.PAGES[2], ui.PAGES[4]),
    (ui.PAGES[-1], ui.PAGES[-2], None),
    (None, None, None),
])  # fmt: skip
def test_neighbours_follow_the_page_order(page, back, forward):
    assert ui.neighbours(page) == (back, forward)


def test_serve_entry_is_found_by_streamlit_run_and_serves_the_same_app():
    from pathlib import Path

    from streamlit.web.server.app_discovery import discover_asgi_app

    root = Path(__file__).resolve().parent.parent
    found = discover_asgi_app(root / "serve.py")
    assert found.is_asgi_app
    assert 'with_name("streamlit_app.py")' in (root / "serve.py").read_text(encoding="utf-8")


def test_studies_show_gives_one_line_per_question_with_its_comparator_and_certainty(dataset):
    lines = home.studies_show_markdown(dataset).replace("\\", "").splitlines()
    assert len(lines) == dataset.evidence_summary["question"].nunique()
    knee = next(line for line in lines if "ease knee osteoarthritis pain" in line)
    assert "against placebo or usual care" in knee
    # The review's abstract does not say how many of its 16 trials the estimate pools (third audit).
    assert "(moderate certainty; size not stated)" in knee
