"""Unit tests for the pure core: findings, source profiles, text helpers and the data dictionary."""

from __future__ import annotations

import math

import pandas as pd
import pytest

from core.analysis import doses, findings, sources
from core.data import dictionary as datadict
from core.data import flatten_lists
from core.text import format_count, md_escape, normalise_space
from core.views import home
from tests.conftest import tiny

NAN = math.nan


@pytest.mark.parametrize(
    ("lows", "highs", "fold"),
    [([15e6, 50e6], [50e6, 200e6], 200 / 15), ([1e6], [1e6], 1.0), ([2e6, NAN], [4e6, 8e6], 4.0)],
)
def test_spread_runs_from_the_smallest_low_to_the_largest_high(lows, highs, fold):
    frame = pd.DataFrame({"low": lows, "high": highs})
    found = doses.spread(frame)
    assert found.low == min(v for v in lows if v == v)
    assert found.high == max(highs)
    assert math.isclose(found.fold, fold)
    assert frame.loc[found.low_at, "low"] == found.low
    assert frame.loc[found.high_at, "high"] == found.high


def test_spread_of_nothing_is_none():
    assert doses.spread(pd.DataFrame({"low": [NAN], "high": [NAN]})) is None


def test_largest_trial_picks_most_participants():
    ds = tiny(
        evidence=[
            dict(id="small", short_name="Small", kind="randomised trial", condition="knee osteoarthritis",
                 n_unit="participants", n=30, main_finding="meh"),
            dict(id="big", short_name="Big", kind="randomised trial", condition="knee osteoarthritis",
                 n_unit="participants", n=480, main_finding="no better than steroid"),
            dict(id="review", short_name="Review", kind="meta-analysis", condition="knee osteoarthritis",
                 n_unit="participants", n=900, main_finding="x"),
        ]
    )  # fmt: skip
    finding = findings.largest_trial(ds, "knee osteoarthritis")
    assert finding.row_ids == ("big",)
    assert "480 people" in finding.headline


def test_claims_as_fact_counts_only_unsupported_fact_claims():
    ds = tiny(
        claims=[
            dict(id="c1", stated_as="as fact", verdict="not shown in controlled trials"),
            dict(id="c2", stated_as="as fact", verdict="consistent with evidence"),
            dict(id="c3", stated_as="hedged", verdict="misleading"),
        ]
    )
    finding = findings.claims_as_fact(ds)
    assert "Of 3 claims" in finding.detail
    assert "2 are stated as fact" in finding.detail
    assert finding.row_ids == ("c1",)


def test_home_key_points_on_real_data_cite_existing_rows(dataset):
    known = set().union(
        *(set(dataset.table(t)["id"]) for t in ("regimens", "claims", "evidence", "harms", "regulatory"))
    )
    result = home.key_points(dataset)
    assert len(result) >= 3
    for finding in result:
        assert finding.row_ids
        assert set(finding.row_ids) <= known


def test_source_profiles_count_claims_by_how_stated(dataset):
    profile = sources.source_profiles(dataset).set_index("id")
    claims = dataset.claims
    vega = claims[claims["source_id"] == "vega"]
    assert profile.loc["vega", "claims"] == len(vega)
    assert profile.loc["vega", "as fact"] == (vega["stated_as"] == "as fact").sum()
    assert profile.loc["vega", "dose_statements"] == (dataset.regimens["source_id"] == "vega").sum()
    assert profile.loc["shadesofgreen", "dose_statements"] == 0


def test_claims_of_returns_only_that_source(dataset):
    result = sources.claims_of(dataset, "nbscience")
    assert set(result["source_id"]) == {"nbscience"}
    assert result["topic_kind"].notna().all()


@pytest.mark.parametrize(
    ("text", "rendered"),
    [
        ("[click](http://x)", "\\[click\\]\\(http\\:\u2060\\/\\/x\\)"),
        ("<script>alert(1)</script>", r"\<script\>alert\(1\)\<\/script\>"),
        ("**bold** _it_", r"\*\*bold\*\* \_it\_"),
        ("plain words", "plain words"),
    ],
)
def test_md_escape_neutralises_markup(text, rendered):
    assert md_escape(text) == rendered


@pytest.mark.parametrize(
    ("value", "words"),
    [(15e6, "15 million"), (1.5e6, "1.5 million"), (1.2e9, "1.2 billion"), (480, "480"), (2_000_000, "2 million")],
)
def test_format_count(value, words):
    assert format_count(value) == words


def test_normalise_space_collapses_runs():
    assert normalise_space("a \n\t b  ") == "a b"


def test_flatten_lists_writes_lists_as_in_csv():
    frame = pd.DataFrame({"ids": [("a", "b"), ()], "doses": [(1e7, 2.5e7), ()]})
    flat = flatten_lists(frame)
    assert list(flat["ids"]) == ["a;b", ""]
    assert list(flat["doses"]) == ["10000000;25000000", ""]
    assert isinstance(frame.loc[0, "ids"], tuple), "the input must not change"


def test_field_table_lists_every_column(dataset):
    table = datadict.field_table(dataset.resource("regimens"))
    assert list(table["column"]) == [f["name"] for f in dataset.resource("regimens")["schema"]["fields"]]
    assert table.set_index("column").loc["id", "required"] == "key"
    assert "cells; none stated" in table.set_index("column").loc["dose_unit", "allowed values"]


@pytest.mark.parametrize(
    ("status", "flag"),
    [
        ("verified", ""),
        ("partial", " · ⚠ partly verified"),
        ("unverified", " · ⚠ not verified"),
        ("?", " · ⚠ not verified"),
    ],
)
def test_verification_flag(status, flag):
    from core.text import verification_flag

    assert verification_flag(status) == flag
