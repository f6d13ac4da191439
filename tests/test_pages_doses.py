"""The Dose discrepancies and Routes pages through AppTest: content, body weight, URL state valid and invalid."""

from __future__ import annotations

import re

from tests.test_pages import all_text, open_page

DOSES = "pages/2_Doses.py"
ROUTES = "pages/3_Routes.py"


def plain(at) -> str:
    """The page's text as a reader sees it: Markdown escapes and invisible word joiners removed."""
    return all_text(at).replace("\\", "").replace("\u2060", "")


def item_lines(at) -> list[str]:
    """The one-line labels of the discrepancy list (each opens to its explanation)."""
    return [e.label.replace("\\", "") for e in at.expander if e.label.startswith("**")]


def chart_titles(at) -> list[str]:
    import json

    specs = [json.loads(chart.proto.spec) for chart in at.get("vega_lite_chart")]
    return [" ".join(spec["title"]["text"]) for spec in specs]


def test_doses_page_shows_charts_findings_and_quotes():
    at = open_page(DOSES)
    assert not at.exception, at.exception
    assert at.title[0].value == "Dose discrepancies"
    assert [s.value.replace("\\", "") for s in at.subheader][:2] == ["What we found", "Cells per dose"]
    titles = chart_titles(at)
    assert len(titles) == 3
    assert titles[0].startswith("The pages' doses run from")
    text = plain(at)
    assert "Promised disc repair, but the injection does not go into the disc." in text
    assert "Our convention: A course of N doses" in text
    assert "First session: 50 million stem cells injected into the knee" not in text  # quotes wait to be asked for


def test_discrepancy_list_pages_through_every_item():
    pages = [open_page(DOSES, {"at": str(n)}) for n in (1, 2, 3)]
    lines = [line for at in pages for line in item_lines(at)]
    total = int(re.search(r"(\d+) items:", plain(pages[0])).group(1))
    assert len(lines) == len(set(lines)) == total  # every item once, across the pages
    assert "300 million–1.2 billion cells (computed)" in "".join(plain(at) for at in pages)
    assert any(line.startswith("**Checked: consistent:**") for line in lines)


def test_revealing_an_item_shows_its_quotes():
    at = open_page(DOSES, {"kind": "implied_course_total"})
    for toggle in at.toggle:
        toggle.set_value(True)
    at.run()
    assert not at.exception
    assert "First session: 50 million stem cells injected into the knee" in plain(at)


def test_changing_the_body_weight_recomputes_per_kg_doses():
    at = open_page(DOSES)
    assert "For a person of 70 kg" in all_text(at)
    at.number_input(key="weight").set_value(100.0).run()
    assert not at.exception
    text = all_text(at)
    assert "For a person of 100 kg" in text
    assert any("up to 1.0×" in t for t in chart_titles(at))
    assert at.query_params["weight"] == "100"


def test_doses_page_opens_from_a_permalink():
    at = open_page(DOSES, {"routes": "intravenous", "weight": "90", "sources": "vega", "kind": "iv_vs_approved"})
    assert not at.exception
    assert not at.warning
    assert at.multiselect(key="routes").value == ["intravenous"]
    assert at.multiselect(key="sources").value == ["vega"]
    assert at.number_input(key="weight").value == 90
    items = [line for line in item_lines(at) if "Vein dose is" in line]
    assert len(items) == 1  # only the chosen kind and page
    assert "For a person of 90 kg" in all_text(at)


def test_doses_page_ignores_invalid_link_values_with_a_notice():
    at = open_page(DOSES, {"routes": "nowhere", "weight": "heavy", "kind": "<b>x</b>"})
    assert not at.exception
    warnings = " ".join(w.value for w in at.warning)
    assert warnings.count("ignored") == 3
    assert at.number_input(key="weight").value == 70
    assert len(at.multiselect(key="routes").value) == len(at.multiselect(key="routes").options)


def test_doses_page_out_of_range_weight_is_ignored():
    at = open_page(DOSES, {"weight": "5000"})
    assert any("not a number from 20 to 250" in w.value for w in at.warning)
    assert at.number_input(key="weight").value == 70


def test_routes_page_has_one_section_per_route():
    at = open_page(ROUTES)
    assert not at.exception, at.exception
    assert [s.value.replace("\\", "") for s in at.subheader] == [
        "Into the knee joint",
        "Into the disc",
        "Into the spinal fluid",
        "Into the epidural space",
        "Into a vein (drip)",
        "Drips with no cells in them",
        "Into the spine, place not named",
    ]
    assert len(chart_titles(at)) == 2
    text = all_text(at)
    assert "Where the needle goes" in text
    assert "lodge first in the lungs" not in text  # the longer text waits to be asked for
    at.toggle(key="summary_vein").set_value(True).run()
    assert "lodge first in the lungs" in all_text(at)


def test_routes_page_opens_one_route_from_the_url_and_flags_partial_rows():
    at = open_page(ROUTES, {"routes": "vein"})
    assert not at.exception
    assert [s.value.replace("\\", "") for s in at.subheader] == ["Into a vein (drip)"]
    at.toggle(key="summary_vein").set_value(True).run()
    text = plain(at)
    assert "partly verified" in text
    assert "Ryoncil" in text


def test_routes_page_ignores_unknown_route():
    at = open_page(ROUTES, {"routes": "nose"})
    assert any("ignored" in w.value for w in at.warning)
    assert len(at.subheader) == 7


def test_routes_details_show_quotes_studies_and_harms_on_request(dataset):
    vein = dataset.routes.set_index("id").loc["vein"]
    study = dataset.evidence.set_index("id").loc[vein["evidence_ids"][0], "short_name"]
    body = dataset.regulatory.set_index("id").loc[vein["regulatory_ids"][0], "body"]
    at = open_page(ROUTES, {"routes": "vein"})
    assert "IV50,000,0003150,000,000" not in plain(at)
    at.toggle(key="details_vein").set_value(True).run()
    text = plain(at)
    assert "IV50,000,0003150,000,000" in text
    assert study in text
    assert body in text


def test_a_new_weight_normalises_the_doses_once_and_searches_discrepancies_once(dataset, monkeypatch):
    from core.analysis import discrepancies, doses
    from core.views import doses as doses_view

    calls = {"normalise": 0, "find_in": 0}

    def counted(name, original):
        def wrapper(*args, **kwargs):
            calls[name] += 1
            return original(*args, **kwargs)

        return wrapper

    monkeypatch.setattr(doses, "normalise", counted("normalise", doses.normalise))
    monkeypatch.setattr(discrepancies, "find_in", counted("find_in", discrepancies.find_in))
    routes, sources = tuple(doses_view.choices(dataset).routes), tuple(dataset.sources["id"])
    calls.update(normalise=0, find_in=0)
    view = doses_view.doses_page(dataset, 83.0, routes, sources)
    assert calls == {"normalise": 1, "find_in": 1}
    assert set(view.rows_behind) == set(view.found.index)
