"""ClaimReview records: one per claim, valid against the JSON Schema written from schema.org and Google's guidance."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import jsonschema
import pytest

from core.analysis import claimreview
from core.analysis.vocab import NO_VERDICT

ROOT = Path(__file__).resolve().parent.parent
SCHEMA = json.loads((ROOT / "tests" / "schemas" / "claimreview.schema.json").read_text(encoding="utf-8"))
APP = "https://example.org/app"


@pytest.fixture(scope="module")
def records(dataset):
    return claimreview.claim_reviews(dataset, APP)


def test_the_schema_itself_is_valid():
    jsonschema.Draft202012Validator.check_schema(SCHEMA)


def test_every_claim_has_one_record(dataset, records):
    assert sorted(r["url"].rsplit("=", 1)[1] for r in records) == sorted(dataset.claims["id"])


def test_every_record_is_valid(records):
    validator = jsonschema.Draft202012Validator(SCHEMA)
    problems = [f"{r['url']}: {e.message}" for r in records for e in validator.iter_errors(r)]
    assert problems == []


@pytest.mark.parametrize(
    "breakage",
    [
        lambda r: r.pop("claimReviewed"),
        lambda r: r["reviewRating"].pop("alternateName"),
        lambda r: r["reviewRating"].pop("bestRating"),
        lambda r: r.update(url="javascript:alert(1)"),
        lambda r: r.update(datePublished="30 November 2026"),
        lambda r: r["itemReviewed"].update({"@type": "CreativeWork"}),
        lambda r: r["itemReviewed"]["appearance"].pop("url"),
    ],
)
def test_the_schema_refuses_a_broken_record(records, breakage):
    record = json.loads(json.dumps(next(r for r in records if "url" in r["itemReviewed"]["appearance"])))
    breakage(record)
    assert list(jsonschema.Draft202012Validator(SCHEMA).iter_errors(record))


def test_the_quote_is_reviewed_verbatim(dataset, records):
    quotes = dict(zip(dataset.claims["id"], dataset.claims["quote"], strict=True))
    assert all(r["claimReviewed"] == quotes[r["url"].rsplit("=", 1)[1]] for r in records)


def test_unrated_verdicts_carry_words_but_no_number(dataset, records):
    verdicts = dict(zip(dataset.claims["id"], dataset.claims["verdict"], strict=True))
    for record in records:
        rating = record["reviewRating"]
        unrated = verdicts[record["url"].rsplit("=", 1)[1]] in NO_VERDICT
        assert ("ratingValue" not in rating) == unrated
        assert rating["alternateName"].lower() == verdicts[record["url"].rsplit("=", 1)[1]]


def test_the_scale_runs_from_contradicted_to_consistent(dataset):
    scale = claimreview.rating_scale(dataset)
    assert scale["contradicted by evidence"] == 1
    assert scale["consistent with evidence"] == max(scale.values()) == len(scale)
    assert not set(NO_VERDICT) & set(scale)


def test_a_page_without_an_address_points_at_its_archived_copy(dataset, records):
    missing = dataset.sources[dataset.sources["url"] == ""]
    assert not missing.empty
    seed = missing.iloc[0]["seed_file"]
    appearances = [r["itemReviewed"]["appearance"] for r in records]
    assert any(a.get("identifier") == seed and "url" not in a for a in appearances)


def test_the_claim_author_is_the_page_publisher(dataset):
    record = claimreview.claim_review(dataset, "c000-01", APP)
    assert record["itemReviewed"]["author"]["name"] == dataset.sources.set_index("id").loc["vega", "publisher"]
    assert record["author"] == {"@type": "Organization", "name": claimreview.PROJECT_NAME, "url": APP}
    assert record["url"] == f"{APP}/Claims?claim=c000-01"


def test_the_export_script_writes_the_file(tmp_path):
    result = subprocess.run(
        [sys.executable, str(ROOT / "scripts" / "export_claimreview.py"), str(tmp_path), "--app-url", APP],
        capture_output=True, text=True, check=False,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    written = json.loads((tmp_path / "claimreview.jsonld").read_text(encoding="utf-8"))
    assert isinstance(written, list)
    assert len(written) > 1
    assert all(r["url"].startswith(APP + "/Claims?claim=") for r in written)


def test_the_export_script_refuses_an_address_that_is_not_a_web_address(tmp_path):
    result = subprocess.run(
        [sys.executable, str(ROOT / "scripts" / "export_claimreview.py"), str(tmp_path), "--app-url", "ftp://x"],
        capture_output=True, text=True, check=False,
    )  # fmt: skip
    assert result.returncode != 0
    assert not (tmp_path / "claimreview.jsonld").exists()
