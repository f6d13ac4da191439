"""The Exercises view: the guess-then-reveal questions built from the data."""

from __future__ import annotations

from core.data import Dataset
from core.workshop import exercises


def exercise_list(ds: Dataset) -> list[exercises.Exercise]:
    return exercises.exercises(ds)


score = exercises.score
