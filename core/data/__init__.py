"""The data package: load and validate the CSV tables into one Dataset; errors name file, row and column."""

from core.data.loader import DATA_DIR_ENV, REPO_DATA_DIR, default_data_dir, load, pattern_problem
from core.data.model import TABLE_NAMES, DataError, Dataset
from core.data.rows import flatten_lists

__all__ = [
    "DATA_DIR_ENV",
    "REPO_DATA_DIR",
    "TABLE_NAMES",
    "DataError",
    "Dataset",
    "default_data_dir",
    "flatten_lists",
    "load",
    "pattern_problem",
]
