"""Every page renders through AppTest with its key content, honours its URL state and shows data errors plainly."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

import ui
from tests.conftest import set_cell

ENTRYPOINT = "streamlit_app.py"
ROOT = Path(__file__).resolve().parent.parent


def open_page(path: str, query: dict[str, str] | None = None) -> AppTest:
    at = AppTest.from_file(str(ROOT / ENTRYPOINT), default_timeout=60)
    if path != ENTRYPOINT:
        at.switch_page(path)
    for key, value in (query or {}).items():
        at.query_params[key] = value
    return at.run()


def all_text(at: AppTest) -> str:
    parts = [m.value for m in at.markdown] + [c.value for c in at.caption] + [h.value for h in at.header]
    parts += [s.value for s in at.subheader] + [t.value for t in at.title] + [i.value for i in at.info]
    return "\n".join(parts)


@pytest.mark.parametrize(
    ("path", "title", "must_show"),
    [
        (ENTRYPOINT, "claims vs evidence", "More of what we found"),
        ("pages/1_Sources.py", "The five pages", "Vega Stem Cell"),
        ("pages/9_Methods.py", "Methods & caveats", "How sure we are"),
    ],
)
def test_page_renders_with_frame(path, title, must_show):
    at = open_page(path)
    assert not at.exception, at.exception
    assert title in at.title[0].value
    text = all_text(at)
    assert must_show in text
    assert "Not medical advice" in at.info[0].value


def test_every_page_file_is_in_the_navigation():
    files = {"streamlit_app.py", *(f"pages/{p.name}" for p in (ROOT / "pages").glob("*.py"))}
    assert files == {p.path for p in ui.PAGES}


def test_home_leads_with_the_approval_finding_before_the_disclaimer():
    at = open_page(ENTRYPOINT)
    assert not at.exception
    first = at.main.markdown[0].value.replace("\\", "")
    assert "approved in the US for knee or back pain" in first or "approved for knee or back pain" in first
    assert "MACI" in first
    assert "the largest 13 times the smallest" in first
    assert "Not medical advice" in at.info[0].value


def test_home_draws_the_dose_ladder_first():
    at = open_page(ENTRYPOINT)
    charts = at.get("vega_lite_chart")
    assert charts
    assert "Dose ladder" in charts[0].proto.spec


def test_home_keeps_row_ids_in_a_table_not_in_its_text():
    at = open_page(ENTRYPOINT)
    assert not re.search(r"\b[rc]\d{3}-\d{2}\b", all_text(at))
    at.toggle(key="finding_rows").set_value(True).run()
    rows = next(df.value for df in at.dataframe if "rows behind it" in df.value.columns)
    assert rows["rows behind it"].str.contains("r000-01").any()


@pytest.mark.parametrize(("path", "back", "forward"), [
    (ENTRYPOINT, None, "Next: The five pages"),
    ("pages/5_Claims.py", "Back: Mechanisms", "Next: Evidence & regulation"),
    ("pages/9_Methods.py", "Back: Handout", None),
])  # fmt: skip
def test_every_page_ends_with_back_and_next_links(path, back, forward):
    at = open_page(path)
    labels = [link.proto.label for link in at.main.get("page_link")]
    assert labels[-2:] == [x for x in (back, forward) if x] or labels[-1:] == [x for x in (back, forward) if x]


def test_every_page_has_a_labelled_menu_at_the_top():
    at = open_page("pages/2_Doses.py")
    menu = at.main.get("popover")[0]
    assert menu.proto.popover.label == "Menu: all pages"
    assert {link.proto.label for link in menu.get("page_link")} == {p.label for p in ui.PAGES}


def test_sources_page_filters_to_one_source_from_the_url():
    at = open_page("pages/1_Sources.py", {"source": "nbscience"})
    assert not at.exception
    assert at.selectbox(key="source").value == "nbscience"
    assert [s.value for s in at.subheader] == ["NBScience"]


def test_sources_page_ignores_unknown_source_with_a_notice():
    at = open_page("pages/1_Sources.py", {"source": "<b>nope</b>"})
    assert not at.exception
    assert at.selectbox(key="source").value == "all"
    assert any("this page does not have; ignored" in w.value for w in at.warning)
    assert len(at.subheader) == 5


def test_sources_page_quotes_name_their_archived_file_in_the_tooltip_not_the_text():
    at = open_page("pages/1_Sources.py", {"source": "stemcellu"})
    assert not any("512eded7f9d8cf8d" in m.value for m in at.markdown)
    assert any("512eded7f9d8cf8d" in m.proto.help for m in at.markdown)
    assert any("IV50,000,0003150,000,000" in m.value.replace("\\", "") for m in at.markdown)


def test_sources_page_shows_no_clinic_contacts():
    at = open_page("pages/1_Sources.py")
    text = all_text(at)
    assert "447778936902" not in text
    assert "head_office@" not in text


def test_changing_the_source_selectbox_rerenders():
    at = open_page("pages/1_Sources.py")
    at.selectbox(key="source").set_value("a1a9u").run()
    assert [s.value for s in at.subheader] == ["a1a9u blog post"]


def test_methods_page_counts_verification_statuses(dataset):
    at = open_page("pages/9_Methods.py")
    counts = at.dataframe[0].value.set_index("table")
    assert counts.loc["evidence", "rows"] == len(dataset.evidence)
    assert counts.loc["harms", "verified"] == (dataset.harms["verification"] == "verified").sum()


@pytest.mark.parametrize("path", [p.path for p in ui.PAGES])
def test_broken_data_shows_message_not_traceback(data_copy, monkeypatch, path):
    set_cell(data_copy, "regimens.csv", 3, "dose_high", "lots")
    monkeypatch.setenv("STEMCELL_DATA_DIR", str(data_copy))
    at = open_page(path)
    assert not at.exception
    message = at.error[0].value.replace("\\", "")
    assert "regimens.csv, row 3 (line 4), column 'dose_high'" in message
    assert "'lots' is not a number" in message


@pytest.mark.parametrize(("path", "shown"), [("seeds", "seeds: is a folder"), ("harms\x00.csv", "harms?.csv: is not")])
def test_odd_resource_path_shows_message_not_traceback(data_copy, monkeypatch, path, shown):
    package = json.loads((data_copy / "datapackage.json").read_text(encoding="utf-8"))
    next(r for r in package["resources"] if r["name"] == "harms")["path"] = path
    (data_copy / "datapackage.json").write_text(json.dumps(package), encoding="utf-8")
    monkeypatch.setenv("STEMCELL_DATA_DIR", str(data_copy))
    at = open_page(ENTRYPOINT)
    assert not at.exception
    assert shown in at.error[0].value.replace("\\", "").replace("\u2060", "")


def test_chart_data_and_downloads_are_one_switch_away():
    at = open_page("pages/1_Sources.py")
    tables_before = len(at.dataframe)
    at.toggle(key="data_claims_per_source").set_value(True).run()
    assert not at.exception
    assert len(at.dataframe) == tables_before + 1
    labels = [b.proto.label for b in at.get("download_button")]
    assert {"Download CSV", "Download PNG", "Download SVG"} <= set(labels)


@pytest.mark.parametrize(
    ("url", "params", "expected"),
    [
        ("http://h/Doses", {"weight": "90", "routes": "vein"}, "http://h/Doses?weight=90&routes=vein"),
        ("http://h/Doses", {}, "http://h/Doses"),
        ("http://h/Sources", {"source": "<b>"}, "http://h/Sources?source=%3Cb%3E"),
    ],
)
def test_share_link_carries_the_view(url, params, expected):
    assert ui.share_link(url, params) == expected


def test_every_page_ends_with_a_link_to_its_current_view():
    at = open_page("pages/1_Sources.py", {"source": "nbscience"})
    assert at.text_input[-1].value.endswith("?source=nbscience")


def test_pages_explain_the_glossary_words_they_use(dataset):
    at = open_page("pages/3_Routes.py")
    notes = [e for e in at.expander if e.label.startswith("Words on this page, explained")]
    assert notes
    assert "Intrathecal" in notes[0].markdown[0].value
