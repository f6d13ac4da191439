"""The Five pages view: who published each page, what it claims, its checklist score and its doses."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

import pandas as pd

from core import i18n
from core.analysis import sources
from core.analysis.rubric import rubric_sources, score_grid, score_source, score_totals, verdict_words
from core.charts import sources as charts
from core.charts.export import Spec, to_spec
from core.data import Dataset


@dataclass(frozen=True)
class SourcesView:
    profile: pd.DataFrame
    claims_chart: Spec
    grid: pd.DataFrame
    totals: pd.DataFrame
    grid_chart: Spec
    rubrics: pd.DataFrame


def _profile_table(profile: pd.DataFrame, lang: str) -> pd.DataFrame:
    """The profile as a reader sees it: kinds of site, certainty, topics and dates in `lang`, headers too."""
    if lang == "en":
        return profile
    words, topics = sources.source_words(lang), sources.topic_names(lang)
    shown = profile.assign(
        publisher_kind=profile["publisher_kind"].map(lambda v: words.get(v, v)),
        provenance_confidence=profile["provenance_confidence"].map(lambda v: words.get(v, v)),
        date_shown=profile["date_shown"].map(lambda v: date_words(v, lang)),
        topics=profile["topics"].map(lambda v: ", ".join(topics.get(t, t) for t in v.split(", ")) if v else ""),
    )
    return sources.headed(shown, lang)


def sources_page(ds: Dataset) -> SourcesView:
    lang = ds.lang
    profile = sources.source_profiles(ds)
    grid, totals = score_grid(ds), score_totals(ds)
    words = verdict_words(lang)
    shown_grid = grid.drop(columns=["citation", "url"])
    if lang != "en":
        shown_grid = shown_grid.assign(
            verdict=shown_grid["verdict"].map(lambda v: words.get(v, (v, v))[0]),
            verdict_short=shown_grid["verdict"].map(lambda v: words.get(v, (v, v))[1]),
        )
    return SourcesView(
        profile=_profile_table(profile, lang),
        claims_chart=to_spec(charts.claims_by_stated_as(profile, lang)),
        grid=sources.headed(shown_grid, lang),
        totals=sources.headed(totals, lang),
        grid_chart=to_spec(charts.rubric_grid_chart(grid, totals, lang)),
        rubrics=sources.headed(rubric_sources(ds.rubric_items), lang),
    )


@dataclass(frozen=True)
class SourceDetail:
    claims: pd.DataFrame  # with the page's label and file (for quoting) and the verdict in words
    download: pd.DataFrame  # the claims rows as in the data
    checklist: pd.DataFrame
    checklist_summary: str
    doses: pd.DataFrame  # with the page's label and file, for quoting
    dose_download: pd.DataFrame
    protocols: list[tuple[pd.DataFrame, list[str]]]


def source_detail(ds: Dataset, source_id: str) -> SourceDetail:
    result = score_source(ds, source_id)
    words = verdict_words(ds.lang)
    source = ds.sources.set_index("id").loc[source_id]
    page = {"short_label": source["short_label"], "seed_file": source["seed_file"]}
    checklist = result.items.assign(
        verdict_words=result.items["verdict"].map(lambda v: words.get(v, (v, v))[0]), **page
    )
    claims = sources.claims_of(ds, source_id)
    # English names a claim's level by its key ("misleading"); other languages by the level's translated label.
    levels = dict(zip(ds.verdicts["verdict"], ds.verdicts["verdict" if ds.lang == "en" else "label"], strict=True))
    doses = ds.regimens[ds.regimens["source_id"] == source_id]
    return SourceDetail(
        claims=claims.assign(**page, verdict_words=claims["verdict"].map(lambda v: levels.get(v, v))),
        download=claims,
        checklist=checklist,
        checklist_summary=result.summary(ds.lang),
        doses=doses.assign(**page),
        dose_download=doses,
        protocols=[(table, raw) for _, table, raw in sources.protocol_tables(ds.regimens, source_id, ds.lang)],
    )


def date_words(shown: str, lang: str = "en") -> str:
    """A page's shown date ("Nov 11, 2025") in `lang`'s words; English and dates in other forms stay as shown."""
    if lang == "en" or not shown:
        return shown
    try:
        return i18n.format_date(datetime.strptime(shown.strip(), "%b %d, %Y").date(), lang)
    except ValueError:
        return shown


def card_words(ds: Dataset) -> dict[str, str]:
    """Kind of site, how sure we are of the publisher and topic names, for the cards: codes -> words in ds.lang."""
    return sources.source_words(ds.lang) | sources.topic_names(ds.lang) | sources.stated_as_words(ds.lang)
