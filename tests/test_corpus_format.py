"""The sentence-level corpus files follow their format, and the checker that says so catches each kind of mistake."""

import copy
import json

import pytest

from scripts import corpus_check


def make_page(**changes):
    page = {
        "id": "example-clinic-knee",
        "url": "https://www.example-clinic.com/knee/",
        "site": "example-clinic.com",
        "country": "XX",
        "language": "en",
        "group": "advert",
        "kind": "seller",
        "topic": "knee",
        "retrieved": "2026-12-07",
        "sentences": [
            {
                "text": f"Plain sentence number {i}.",
                "flags": [],
                "hype": [],
                "hedge": False,
                "voice": "own",
                "doses": [],
            }
            for i in range(6)
        ],
        "note": "A made-up page for the tests.",
    }
    page["sentences"][0] = {
        "text": "Our revolutionary shot of 50 million cells into the knee regrows cartilage.",
        "flags": ["regenerate"],
        "hype": ["revolutionary"],
        "hedge": False,
        "voice": "own",
        "doses": [
            {
                "span": "50 million cells",
                "low": 50_000_000,
                "high": 50_000_000,
                "what": "cells",
                "basis": "per injection",
                "route": "intra-articular knee",
                "bound": None,
            }
        ],
    }
    page.update(changes)
    return page


def write(tmp_path, name, pages):
    path = tmp_path / name
    path.write_text(json.dumps({"about": "test set", "pages": pages}), encoding="utf-8")
    return path


def problems_for(tmp_path, pages):
    problems, _, _ = corpus_check.check_files([write(tmp_path, "set.json", pages)])
    return problems


def test_repository_corpus_has_no_problems():
    paths = sorted(corpus_check.CORPUS.glob("*.json"))
    assert paths, "no corpus files found"
    problems, _, pages = corpus_check.check_files(paths)
    assert problems == []
    assert len(pages) >= 150


def test_good_page_passes(tmp_path):
    assert problems_for(tmp_path, [make_page()]) == []


@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("group", "shop"),
        ("kind", "blog"),
        ("topic", "hip"),
        ("language", "fr"),
        ("country", "Mexico"),
        ("retrieved", "7 December 2026"),
        ("site", "other-site.com"),
    ],
)
def test_page_field_outside_allowed_values(tmp_path, field, value):
    assert problems_for(tmp_path, [make_page(**{field: value})])


@pytest.mark.parametrize("field", corpus_check.PAGE_FIELDS)
def test_missing_page_field(tmp_path, field):
    page = make_page()
    del page[field]
    assert problems_for(tmp_path, [page])


@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("flags", ["miracle"]),
        ("flags", ["cure", "cure"]),
        ("hype", ["not in the text"]),
        ("hedge", "yes"),
        ("voice", "theirs"),
    ],
)
def test_sentence_field_outside_allowed_values(tmp_path, field, value):
    page = make_page()
    page["sentences"][1][field] = value
    assert problems_for(tmp_path, [page])


@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("span", "60 million cells"),
        ("low", 0),
        ("high", 1_000),
        ("low", 5e7),
        ("what", "platelets"),
        ("basis", "per hip"),
        ("route", "into the knee"),
        ("bound", "about"),
    ],
)
def test_bad_dose(tmp_path, field, value):
    page = make_page()
    page["sentences"][0]["doses"][0][field] = value
    assert problems_for(tmp_path, [page])


@pytest.mark.parametrize(
    "text",
    [
        "Write to info@example-clinic.com for a quote.",
        "Call +1 303 555 0199 today.",
        "Call (303) 555-0199 today.",
        "Phone 02 9231 0102 to book.",
    ],
)
def test_contact_details_are_refused(tmp_path, text):
    page = make_page()
    page["sentences"][2]["text"] = text
    assert problems_for(tmp_path, [page])


@pytest.mark.parametrize(
    "text",
    [
        "Patients received 1 × 10^7 cells / 3mL (NCT03357770).",
        "In early 2010, a US patent (patent no: US 8,377,432 B2) was filed.",
        "P = 0,0001 at 12 months, 2020-2022.",
    ],
)
def test_numbers_that_are_not_contact_details_pass(tmp_path, text):
    page = make_page()
    page["sentences"][2]["text"] = text
    assert problems_for(tmp_path, [page]) == []


def test_ids_must_be_unique_across_files(tmp_path):
    first = write(tmp_path, "a.json", [make_page()])
    second = write(tmp_path, "b.json", [make_page(url="https://example-clinic.com/other")])
    problems, _, _ = corpus_check.check_files([first, second])
    assert any("also used in a.json" in p for p in problems)


@pytest.mark.parametrize(("origin", "is_problem"), [(None, True), ("cases", False)])
def test_short_pages_only_allowed_when_converted(tmp_path, origin, is_problem):
    page = make_page()
    page["sentences"] = page["sentences"][:3]
    if origin:
        page["origin"] = origin
    problems, warnings, _ = corpus_check.check_files([write(tmp_path, "set.json", [page])])
    assert bool(problems) is is_problem
    assert bool(warnings) is not is_problem


def test_counts_report_flags_and_groups():
    pages = [make_page(), make_page(id="other", group="neutral", kind="news")]
    pages[1]["sentences"] = copy.deepcopy(pages[1]["sentences"][1:])
    table = corpus_check.counts(pages)
    assert table["group"] == {"advert": 1, "neutral": 1}
    assert table["flags"] == {"regenerate": 1}
    assert table["sentences"]["doses"] == 1
