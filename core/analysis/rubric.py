"""Score a text on the source-quality checklist: data-driven, so the same items can score any page or pasted text."""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from core import i18n
from core.data import Dataset

# Share of an item's weight each verdict earns; 'not applicable' earns nothing and leaves the maximum too.
VERDICT_SHARE: dict[str, float | None] = {"yes": 1.0, "partly": 0.5, "no": 0.0, "not applicable": None}
VERDICT_ORDER = tuple(VERDICT_SHARE)
VERDICT_SHORT = {"yes": "yes", "partly": "partly", "no": "no", "not applicable": "n/a"}


def verdict_words(lang: str = "en") -> dict[str, str]:
    """Checklist verdict -> (its words, its short form in a chart cell), in `lang`."""
    return {
        "yes": (i18n.pgettext(lang, "checklist", "yes"), i18n.pgettext(lang, "checklist cell", "yes")),
        "partly": (i18n.pgettext(lang, "checklist", "partly"), i18n.pgettext(lang, "checklist cell", "partly")),
        "no": (i18n.pgettext(lang, "checklist", "no"), i18n.pgettext(lang, "checklist cell", "no")),
        "not applicable": (
            i18n.pgettext(lang, "checklist", "not applicable"),
            i18n.pgettext(lang, "checklist cell", "n/a"),
        ),
    }


@dataclass(frozen=True)
class RubricScore:
    """Per-item rows (with verdict, points, quote and justification) and the totals."""

    items: pd.DataFrame
    points: float
    max_points: float

    @property
    def share(self) -> float:
        return self.points / self.max_points if self.max_points else 0.0

    def summary(self, lang: str = "en") -> str:
        percent = i18n.format_number(round(self.share * 100), lang, 0)
        return i18n.gettext(lang, "{points} of {max_points} points ({percent}%)").format(
            points=i18n.format_number(self.points, lang), max_points=i18n.format_number(self.max_points, lang),
            percent=percent,
        )  # fmt: skip


def score(items: pd.DataFrame, verdicts: pd.DataFrame) -> RubricScore:
    """Score one text: `verdicts` holds item_id, verdict, quote and justification, exactly one row per item."""
    counts = verdicts["item_id"].value_counts()
    missing = sorted(set(items["id"]) - set(counts.index))
    repeated = sorted(counts[counts > 1].index)
    unknown = sorted(set(counts.index) - set(items["id"]))
    bad = sorted(set(verdicts["verdict"]) - set(VERDICT_SHARE))
    if missing or repeated or unknown or bad:
        raise ValueError(
            f"cannot score: missing {missing}, repeated {repeated}, unknown items {unknown}, verdicts {bad}"
        )
    # A localised edition carries our translation of each quote beside it (quote_translation): it comes along.
    kept = ["item_id", "verdict", "quote", *(["quote_translation"] if "quote_translation" in verdicts else []),
            "justification"]  # fmt: skip
    rows = items.rename(columns={"id": "item_id"}).merge(verdicts[kept], on="item_id", how="left")
    share = rows["verdict"].map(VERDICT_SHARE)
    applies = share.notna()
    rows["points"] = (rows["weight"] * share.fillna(0.0)).where(applies)
    rows["max_points"] = rows["weight"].where(applies)
    return RubricScore(rows, float(rows["points"].sum()), float(rows["max_points"].sum()))


def score_source(ds: Dataset, source_id: str) -> RubricScore:
    """The checklist score of one seed page, from data/rubric_scores.csv."""
    return score(ds.rubric_items, ds.rubric_scores[ds.rubric_scores["source_id"] == source_id])


def score_grid(ds: Dataset) -> pd.DataFrame:
    """One row per source × item, in source and item order, for the chart and its table."""
    frames = []
    for source in ds.sources.itertuples():
        result = score_source(ds, source.id).items
        frames.append(result.assign(source_id=source.id, short_label=source.short_label))
    grid = pd.concat(frames, ignore_index=True) if frames else pd.DataFrame()
    if not grid.empty:
        grid["verdict_short"] = grid["verdict"].map(VERDICT_SHORT)
    return grid


def score_totals(ds: Dataset) -> pd.DataFrame:
    """One row per source: points, maximum, share and how many items got each verdict, best first."""
    rows = []
    for source in ds.sources.itertuples():
        result = score_source(ds, source.id)
        counts = result.items["verdict"].value_counts()
        rows.append(
            {
                "source_id": source.id,
                "short_label": source.short_label,
                "points": result.points,
                "max_points": result.max_points,
                "share": result.share,
                **{f"n_{VERDICT_SHORT[v]}": int(counts.get(v, 0)) for v in VERDICT_ORDER},
            }
        )
    return pd.DataFrame(rows).sort_values(["share", "source_id"], ascending=[False, True]).reset_index(drop=True)


def rubric_sources(items: pd.DataFrame) -> pd.DataFrame:
    """The published rubrics each item rests on, one row per item, for citing them on the page."""
    return items[["dimension", "rubric", "citation", "url"]].reset_index(drop=True)
