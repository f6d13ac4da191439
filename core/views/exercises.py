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


def lettered(item: exercises.Exercise) -> list[tuple[str, str]]:
    """Each option with its letter (A, B, C...), in the options' order, so a room can call out "B"."""
    return [(chr(65 + i), option) for i, option in enumerate(item.options)]


def quoted(item: exercises.Exercise, lang: str = i18n.DEFAULT) -> bool:
    """Whether a page in this language shows the options as quotes above the answer buttons: verbatim English
    sentences stay English on a page in another language, so they are quoted there and picked by their letter."""
    return item.quoted_options and lang != i18n.DEFAULT


def option_names(item: exercises.Exercise, lang: str = i18n.DEFAULT) -> dict[str, str]:
    """Each option's name on its answer button: the option itself, or "Sentence A" when the options are quoted."""
    if not quoted(item, lang):
        return {o: o for o in item.options}
    return {o: i18n.gettext(lang, "Sentence {letter}").format(letter=letter) for letter, o in lettered(item)}


__all__ = ["exercise_list", "exercise_table", "is_right", "lettered", "option_names", "quoted", "score", "topic_label"]
