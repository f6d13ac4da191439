"""Shared caches stay small: numbers snap to their step, and a broken data folder is read once, not every rerun."""

from __future__ import annotations

import pytest

import ui
from core import data
from core.data import DataError


@pytest.mark.parametrize(
    ("value", "snapped"),
    [(70.0, 70.0), (70.4, 70.0), (70.6, 71.0), (20.1, 20.0), (19.0, 20.0), (250.4, 250.0), (1e9, 250.0)],
)
def test_weight_snaps_to_a_whole_kilogram_in_range(value, snapped):
    assert ui.snap_to_step(value, 20.0, 250.0, 1.0) == snapped


def test_a_thousand_weights_make_at_most_one_key_per_kilogram():
    keys = {ui.snap_to_step(20 + i * 0.23, 20.0, 250.0, 1.0) for i in range(1000)}
    assert len(keys) <= 231


@pytest.fixture
def broken_folder(data_copy, monkeypatch):
    (data_copy / "harms.csv").unlink()
    monkeypatch.setenv(data.DATA_DIR_ENV, str(data_copy))
    ui._load_cached.clear()
    yield data_copy
    ui._load_cached.clear()


def test_load_failure_is_cached_like_a_success(broken_folder, monkeypatch):
    calls = []
    real_load = data.load
    monkeypatch.setattr(data, "load", lambda folder: calls.append(folder) or real_load(folder))
    for _ in range(3):
        with pytest.raises(DataError, match=r"harms\.csv: is missing"):
            ui.load_dataset()
    assert len(calls) == 1


def test_fixed_folder_is_read_again(broken_folder):
    with pytest.raises(DataError):
        ui.load_dataset()
    (broken_folder / "harms.csv").write_bytes((data.REPO_DATA_DIR / "harms.csv").read_bytes())
    ui._key_memo.clear()  # the folder's signature is looked at once a second at most
    assert not ui.load_dataset().harms.empty


def test_dose_page_weight_from_a_link_is_snapped_to_a_whole_kilogram():
    from streamlit.testing.v1 import AppTest

    at = AppTest.from_file(str(data.REPO_DATA_DIR.parent / "streamlit_app.py"), default_timeout=120)
    at.switch_page("pages/2_Doses.py")
    at.query_params["weight"] = "70.4"
    at.run()
    assert not at.exception
    assert at.number_input(key="weight").value == 70.0
    assert "weight" not in at.query_params, "70 is the default, so the link no longer names it"
