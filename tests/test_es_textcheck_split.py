"""The Spanish evaluation set's split: made by a stable rule before any Spanish rule, and scored as documented."""

from __future__ import annotations

import hashlib
import json

import pytest

from bench import textcheck_eval

SPLIT = json.loads(textcheck_eval.SPANISH_SPLIT.read_text(encoding="utf-8"))
IDS = [page["id"] for page in json.loads(textcheck_eval.SPANISH.read_text(encoding="utf-8"))["pages"]]


def test_the_parts_are_disjoint_and_cover_every_page():
    assert set(SPLIT["tuning"]).isdisjoint(SPLIT["held_out"])
    assert sorted(SPLIT["tuning"] + SPLIT["held_out"]) == sorted(IDS)


def test_the_split_follows_its_written_rule():
    ordered = sorted(IDS, key=lambda page_id: hashlib.sha256(page_id.encode("utf-8")).hexdigest())
    assert (sorted(ordered[:20]), sorted(ordered[20:])) == (sorted(SPLIT["tuning"]), sorted(SPLIT["held_out"]))


@pytest.mark.parametrize("part", ["tuning", "held_out"])
def test_every_page_of_each_part_is_read_as_spanish(part):
    assert textcheck_eval.detection(textcheck_eval.spanish_parts()[part]) == 1.0
