"""The chart pages through AppTest: plain words on screen, filters that change the first screen, Evidence's switch."""

from __future__ import annotations

import json
import re

import pytest

from tests.test_pages import open_page
from tests.test_pages_doses import plain

SOURCES, DOSES, ROUTES, MECHANISMS, EVIDENCE = (
    "pages/1_Sources.py",
    "pages/2_Doses.py",
    "pages/3_Routes.py",
    "pages/4_Mechanisms.py",
    "pages/6_Evidence.py",
)
# Row ids, protocol ids, file names, Python's None and plurals written with "(s)".
PLUMBING = re.compile(r"\b[rc]\d{3}-\d{2}\b|\bp\d{3}-table\b|\w+\.(?:csv|txt)\b|\bNone\.|\(None\)|\w\(s\)")
WRONG_PLURALS = re.compile(r"\b1 (?:harms|studies|claims|statements|numbers|dose quotes|harm reports)\b")


def _text_with_everything_open(path: str, query: dict[str, str] | None = None) -> str:
    at = open_page(path, query)
    for toggle in at.toggle:
        if not toggle.key or not toggle.key.startswith("data_"):  # tables are where ids belong
            toggle.set_value(True)
    at.run()
    assert not at.exception, at.exception
    return plain(at)


@pytest.mark.parametrize(
    ("path", "query"),
    [(SOURCES, {"source": "stemcellu"}), (DOSES, None), (ROUTES, None), (MECHANISMS, None), (EVIDENCE, None)],
)
def test_page_text_has_no_ids_file_names_or_wrong_plurals(path, query):
    text = _text_with_everything_open(path, query)
    assert not PLUMBING.findall(text)
    assert not WRONG_PLURALS.findall(text)


def _first_index(at, predicate) -> int:
    return next(i for i, element in enumerate(at.main) if predicate(element))


def test_choosing_a_page_puts_it_first():
    at = open_page(SOURCES, {"source": "stemcellu"})
    card = _first_index(at, lambda e: type(e).__name__ == "Subheader" and e.value == "StemCellU")
    chart = _first_index(at, lambda e: type(e).__name__ == "UnknownElement" and e.type == "vega_lite_chart")
    assert card < chart


def test_all_pages_show_the_charts_first():
    at = open_page(SOURCES)
    assert at.header[0].value == "Source quality: a checklist"
    assert at.subheader[0].value == "Vega Stem Cell"


def test_seed_002_protocol_shows_as_a_table_with_the_raw_lines_one_switch_away():
    at = open_page(DOSES, {"sources": "stemcellu"})
    tables = [t.value for t in at.dataframe]
    protocol = next(t for t in tables if "Total cells (as printed)" in t.columns)
    assert protocol.iloc[0]["Dose"] == "50,000,000"
    assert "IV50,000,0003150,000,000" not in plain(at)
    at.toggle(key="protocol_raw").set_value(True).run()
    assert "IV50,000,0003150,000,000" in " ".join(t.value for t in at.text)


def test_what_we_found_follows_the_route_filter():
    def found(query):
        return next(m.value for m in open_page(DOSES, query).markdown if m.value.startswith(("- **", "No problems")))

    everything, knee = found(None), found({"routes": "intra-articular knee"})
    assert knee != everything
    assert "vein" not in knee.replace("\\", "")


def _titles(at) -> list[str]:
    return [" ".join(json.loads(chart.proto.spec)["title"]["text"]) for chart in at.get("vega_lite_chart")]


def test_evidence_defaults_to_knee_and_back_studies():
    at = open_page(EVIDENCE)
    title = _titles(at)[0]
    assert "knee and back studies" in title
    assert "other diseases" not in title


def test_evidence_switch_shows_every_study_and_lives_in_the_url():
    at = open_page(EVIDENCE)
    at.toggle(key="studies").set_value(True).run()
    assert at.query_params["studies"] == ["all"] or at.query_params["studies"] == "all"
    assert "more are on other diseases" in _titles(at)[0]
    reopened = open_page(EVIDENCE, {"studies": "all"})
    assert reopened.toggle(key="studies").value is True


def test_evidence_timeline_title_says_what_the_approvals_are_for():
    at = open_page(EVIDENCE)
    assert any(t.startswith("None of the") and "knee or back pain" in t for t in _titles(at))


def test_ids_live_in_a_table_behind_the_details(dataset):
    at = open_page(ROUTES, {"routes": "vein"})
    at.toggle(key="details_vein").set_value(True).run()
    ids = next(t.value for t in at.dataframe if list(t.value.columns) == ["row", "id"])
    vein = dataset.routes.set_index("id").loc["vein"]
    assert set(vein["evidence_ids"]) <= set(ids["id"])
    assert not PLUMBING.findall(plain(at))
