"""The Exercises view: the guess-then-reveal questions built from the data."""

from __future__ import annotations

import pandas as pd

from core import i18n
from core.data import Dataset
from core.workshop import exercises
from core.workshop.question import topic_label


def exercise_list(ds: Dataset) -> list[exercises.Exercise]:
    return exercises.exercises(ds)


def exercise_table(ds: Dataset) -> pd.DataFrame:
    """The questions as a table, headers in the edition's language, with the data rows behind each."""
    _ = i18n.bound(ds.lang)
    return pd.DataFrame(
        [
            {
                _("question"): e.question,
                _("topic"): topic_label(e.topic, ds.lang),
                _("answer"): e.answer,
                _("rows"): " ".join(e.row_ids),
            }
            for e in exercises.exercises(ds)
        ]
    )


score, is_right = exercises.score, exercises.is_right
__all__ = ["exercise_list", "exercise_table", "is_right", "score", "topic_label"]
