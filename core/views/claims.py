"""The Claims page's view: claims ordered by what matters most to a patient, one line each, and a verdict summary."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from typing import Any

import pandas as pd

from core import i18n, links
from core.analysis import claimreview, verdicts, vocab
from core.analysis.claims import claims_with_sources, linked_evidence, linked_regulatory
from core.analysis.sources import (
    certainty_words_table,  # noqa: F401 (the pages read it from here)
    headed,
    stated_as_words,
    study_words,
    topic_kind_words,
    topic_names,
)
from core.charts.export import Spec, to_spec
from core.charts.verdicts import FACETS, facet_words, verdict_summary_chart, verdict_summary_title
from core.data import Dataset
from core.text import md_escape
from core.views.cite import harm_line, regulator_line, study_line

# Which kinds of topic a patient most needs to get right first: harm, then approval, then promised benefit.
TOPIC_KIND_WEIGHT = {"safety": 0, "regulation": 1, "benefit": 2, "evidence": 3, "mechanism": 4, "cost": 5, "product": 6}


@dataclass(frozen=True)
class ClaimCard:
    # Plain records, not DataFrames: a page draws many cards, and DataFrame.itertuples builds a new
    # namedtuple class on every call (about a millisecond each).
    claim: dict[str, Any]
    studies: tuple[dict[str, Any], ...]
    statements: tuple[dict[str, Any], ...]
    harms: tuple[dict[str, Any], ...] = ()
    # The verdict method behind this claim: its level's meaning, certainty, check date and group.
    method: dict[str, Any] | None = None
    # Summary-of-findings rows that rest on the same studies: what the pooled evidence says.
    pooled: tuple[dict[str, Any], ...] = ()


def _checked_on(iso: str, lang: str) -> str:
    if lang == "en":
        return verdicts.checked_on_words(iso)
    return i18n.format_date(date.fromisoformat(iso), lang)


def claim_cards(ds: Dataset) -> dict[str, ClaimCard]:
    """Every claim with its linked studies, regulator statements, harms, verdict method and pooled findings."""
    pooled = verdicts.summary_of_findings(ds).to_dict("records")
    cards = {}
    for _, claim in claims_with_sources(ds).iterrows():
        detail = verdicts.claim_verdict_detail(ds, claim["id"])
        cited = set(claim["evidence_ids"])
        cards[claim["id"]] = ClaimCard(
            claim=claim.to_dict(),
            studies=tuple(linked_evidence(ds, claim["evidence_ids"]).to_dict("records")),
            statements=tuple(linked_regulatory(ds, claim["regulatory_ids"]).to_dict("records")),
            harms=tuple(detail.harms.to_dict("records")),
            method={
                "label": detail.label,
                "definition": detail.definition,
                "certainty": detail.certainty,
                "checked_on": _checked_on(detail.checked_on, ds.lang),
                "group_label": detail.group_label,
                "group_size": len(detail.group_claim_ids),
            },
            pooled=tuple(row for row in pooled if cited & set(row["row_ids"])),
        )
    return cards


def patient_order(ds: Dataset) -> pd.DataFrame:
    """Every claim with its source, worst verdict first, then stated as fact first, then the weightiest topic."""
    claims = claims_with_sources(ds)
    kinds = dict(zip(ds.topics["id"], ds.topics["kind"], strict=True)) if not ds.topics.empty else {}
    rank = vocab.verdicts(ds).rank()
    stated = {s: i for i, s in enumerate(vocab.STATED_AS)}
    ordered = claims.assign(
        topic_kind=claims["topic"].map(kinds).fillna(""),
        _verdict=claims["verdict"].map(rank).fillna(len(rank) + 1),
        _stated=claims["stated_as"].map(stated).fillna(len(stated)),
    )
    ordered["_topic"] = ordered["topic_kind"].map(TOPIC_KIND_WEIGHT).fillna(len(TOPIC_KIND_WEIGHT))
    ordered = ordered.sort_values(["_verdict", "_stated", "_topic", "id"], kind="stable")
    return ordered.drop(columns=["_verdict", "_stated", "_topic"]).reset_index(drop=True)


def verdict_counts(ordered: pd.DataFrame, labels: dict[str, str], lang: str = "en") -> pd.DataFrame:
    """Claims per verdict, by page and by kind of topic, long form for the summary chart and its table."""
    frames = []
    for facet, column, names in zip(FACETS, ("short_label", "topic_kind"), (None, topic_kind_words(lang)), strict=True):
        counts = ordered.groupby([column, "verdict"]).size().reset_index(name="claims")
        counts = counts.rename(columns={column: "group"})
        if names:
            other = i18n.pgettext(lang, "kind of topic", "other")
            counts["group"] = counts["group"].map(lambda kind, names=names, other=other: names.get(kind, kind or other))
        counts.insert(0, "facet", facet)
        frames.append(counts)
    out = pd.concat(frames, ignore_index=True)
    out["verdict_label"] = out["verdict"].map(labels).fillna(out["verdict"])
    return out


def counts_table(counts: pd.DataFrame, lang: str = "en") -> pd.DataFrame:
    """The summary's counts as the page shows them under its chart (in `lang`: facets and verdicts in words)."""
    table = counts[["facet", "group", "verdict", "claims"]]
    if lang == "en":
        return table
    facets = dict(zip(FACETS, facet_words(lang), strict=True))
    table = table.assign(facet=table["facet"].map(facets), verdict=counts["verdict_label"])
    return headed(table, lang)


def claims_table(chosen: pd.DataFrame, lang: str = "en", labels: dict[str, str] | None = None) -> pd.DataFrame:
    """The claims shown, with their ids and archived page files, for readers who check the rows.

    In another language, topics, wording and verdicts read in words, and our translation of each quote sits beside it.
    """
    columns = ["id", "short_label", "seed_file", "topic", "stated_as", "verdict", "quote"]
    if lang != "en":
        names, stated = topic_names(lang), stated_as_words(lang)
        chosen = chosen.assign(
            topic=chosen["topic"].map(lambda v: names.get(v, v)),
            stated_as=chosen["stated_as"].map(lambda v: stated.get(v, v)),
            verdict=chosen["verdict"].map(lambda v: (labels or {}).get(v, v)),
        )
        columns += ["quote_translation"] if "quote_translation" in chosen else []
    table = chosen[columns].rename(columns={"short_label": "page", "seed_file": "archived_copy"})
    return headed(table, lang)


def filter_ordered(ordered: pd.DataFrame, topics, sources, verdicts) -> pd.DataFrame:
    keep = ordered["topic"].isin(topics) & ordered["source_id"].isin(sources) & ordered["verdict"].isin(verdicts)
    return ordered[keep]


@dataclass(frozen=True)
class ClaimsView:
    ordered: pd.DataFrame
    verdicts: vocab.Verdicts
    labels: dict[str, str]
    counts: pd.DataFrame
    summary_chart: Spec
    summary_title: str
    topics: dict[str, str]  # topic id -> its name in the edition's language, for the filter
    counts_shown: pd.DataFrame  # counts as the chart's data table shows them (headers in the edition's language)
    # Each claim as one record, and its list line with and without the verdict (guess-first), by claim id: made
    # once, so a rerun reads them instead of walking a table's rows and escaping their words again.
    rows: dict[str, Any]
    lines: dict[tuple[str, bool], str]


def claims_page(ds: Dataset) -> ClaimsView:
    ordered = patient_order(ds)
    levels = vocab.verdicts(ds)
    labels = levels.labels
    counts = verdict_counts(ordered, labels, ds.lang)
    chart = verdict_summary_chart(counts, list(levels.order), labels, ds.lang)
    return ClaimsView(
        ordered=ordered,
        verdicts=levels,
        labels=labels,
        counts=counts,
        summary_chart=to_spec(chart),
        summary_title=verdict_summary_title(counts, ds.lang),
        topics=topic_names(ds.lang),
        counts_shown=counts_table(counts, ds.lang),
        rows=(rows := {claim.id: claim for claim in ordered.itertuples()}),
        lines={
            (claim_id, guess): line_label(claim, labels, guess=guess, lang=ds.lang)
            for claim_id, claim in rows.items()
            for guess in (False, True)
        },
    )


@dataclass(frozen=True)
class FilteredSummary:
    chosen: pd.DataFrame  # the claims the filters keep, worst first
    counts_shown: pd.DataFrame
    chart: Spec | None  # None when no claim matches the filters
    ids: tuple[str, ...]  # chosen's ids, in its order
    notes: tuple[str, ...]  # the verdict notes of the first claims listed, whose glossary words the page explains


# How many of the listed claims' notes the page's glossary note looks through (two pages' worth of the list).
NOTES_EXPLAINED = 30


def filtered_summary(
    ds: Dataset, topics: tuple[str, ...], sources: tuple[str, ...], verdicts: tuple[str, ...]
) -> FilteredSummary:
    """The claims the filters keep and their verdict summary, so the chart counts what the list under it shows
    (cached per choice: a rerun that keeps the filters filters nothing again)."""
    chosen = filter_ordered(patient_order(ds), topics, sources, verdicts)
    levels = vocab.verdicts(ds)
    counts = verdict_counts(chosen, levels.labels, ds.lang)
    chart = None if chosen.empty else to_spec(verdict_summary_chart(counts, list(levels.order), levels.labels, ds.lang))
    return FilteredSummary(
        chosen,
        counts_table(counts, ds.lang),
        chart,
        ids=tuple(chosen["id"]),
        notes=tuple(chosen["verdict_note"].head(NOTES_EXPLAINED)),
    )


def pinned_claim(rows: Mapping[str, Any], claim_id: str | None) -> str | None:
    """The id of the claim a permalink asks for, or None for no or an unknown id."""
    return claim_id if claim_id in rows else None


def line_label(claim: Any, labels: dict[str, str], *, guess: bool, lang: str = "en") -> str:
    """One claim as a Markdown line: its verdict in bold (unless the room is guessing first), then its quote.

    Where the quote has our translation (another language), the line gives the translation, marked as ours: the
    verbatim quote is on the card the line opens."""
    translation = getattr(claim, "quote_translation", "")
    if translation:
        said = i18n.gettext(lang, "{translation} (our translation)").format(translation=f"«{md_escape(translation)}»")
    else:
        said = f"“{md_escape(claim.quote)}”"
    label = labels.get(claim.verdict, claim.verdict)
    return said if guess else f"**{md_escape(label[:1].upper() + label[1:])}:** {said}"


def card_markdown(card: Any, lang: str = "en") -> str:
    """A claim card's verdict half as escaped Markdown: our verdict and what the level means, how sure we are,
    what pooled evidence and each study show, documented harms, and what regulators say."""
    _, words = i18n.bound(lang), study_words(lang)
    claim, method = card.claim, card.method or {}
    lines = [
        _("**Our verdict: {label}.** {note}").format(
            label=md_escape(method.get("label", claim["verdict"])), note=md_escape(claim["verdict_note"])
        )
    ]
    if method:
        others = method["group_size"] - 1
        group = (
            " "
            + i18n.ngettext(
                lang,
                "It shares this verdict with {n} similar claim (“{group}”).",
                "It shares this verdict with {n} similar claims (“{group}”).",
                others,
            ).format(n=others, group=md_escape(method["group_label"]))
            if others > 0
            else ""
        )
        lines.append(
            _("*What this verdict means:* {definition}").format(definition=md_escape(method["definition"]))
            + "\n\n"
            + _("*How sure we are:* {certainty} certainty, evidence checked {checked_on}.").format(
                certainty=md_escape(words.get(method["certainty"], method["certainty"])),
                checked_on=md_escape(method["checked_on"]),
            )
            + group
        )
    # A review's pooled results are listed once, under their question; its own line then just points there.
    pooled_ids = {row_id for row in card.pooled for row_id in row["row_ids"]}
    summed_up = _("What it found is summed up above.")
    lines += [
        _section(_("What pooled studies show"), _pooled_lines(card.pooled, lang)),
        _section(
            _("Trials and reviews show"),
            [study_line(s, finding=summed_up if s["id"] in pooled_ids else None, lang=lang) for s in card.studies],
            empty=_("*No study is linked to this claim.*"),
        ),
        _section(_("Harms on record"), [harm_line(h, lang) for h in card.harms]),
        _section(
            _("Regulators say"),
            [regulator_line(r, lang=lang) for r in card.statements],
            empty=_("*No regulator or court statement is linked to this claim.*"),
        ),
    ]
    return "\n\n".join(line for line in lines if line)


def _pooled_lines(rows, lang: str = "en") -> list[str]:
    """Summary-of-findings rows grouped by question: each question once, then each outcome with its result."""
    _, words = i18n.bound(lang), study_words(lang)
    by_question: dict[str, list[str]] = {}
    for row in rows:
        comparator = row["comparator"]
        # "no treatment" reads as it is; anything else is what the cells were set against.
        plain = comparator.startswith(("no ", "ningún ", "ninguna ", "sin "))
        against = comparator if plain else _("against {comparator}").format(comparator=comparator)
        by_question.setdefault(row["question"], []).append(
            _("*{outcome}, {against}:* {effect} ({certainty} certainty; {size})").format(
                outcome=md_escape(row["outcome"]),
                against=md_escape(against),
                effect=md_escape(row["effect_plain"]),
                certainty=md_escape(words.get(row["certainty"], row["certainty"])),
                size=md_escape(row["size"] if lang == "en" else _pooled_size(row, lang)),
            )
        )
    return [
        md_escape(question) + "".join(f"\n  - {outcome}" for outcome in outcomes)
        for question, outcomes in by_question.items()
    ]


def _pooled_size(row: Mapping[str, Any], lang: str) -> str:
    """How many trials and people a pooled result rests on, in `lang` (the English is summary_of_findings')."""
    n, people = row["trials"], row["participants"]
    parts = [
        i18n.ngettext(lang, "{n} trial", "{n} trials", int(n)).format(n=int(n)) if pd.notna(n) else "",
        i18n.gettext(lang, "{n} people").format(n=i18n.format_number(int(people), lang, 0)) if pd.notna(people) else "",
    ]
    return ", ".join(p for p in parts if p) or i18n.gettext(lang, "size not stated")


def _section(heading: str, items: list[str], empty: str = "") -> str:
    """A bold heading over a bulleted list; `empty` stands in for no items, and without it the section is dropped."""
    body = "\n".join(f"- {item}" for item in items) or empty
    return f"**{heading}**\n\n{body}" if body else ""


def card_texts(ds: Dataset) -> dict[str, str]:
    """Every claim card's verdict half, by claim id, built once per data version (a page shows fifteen)."""
    return {claim_id: card_markdown(card, ds.lang) for claim_id, card in claim_cards(ds).items()}


def verdict_table(levels: vocab.Verdicts, lang: str = "en") -> pd.DataFrame:
    """The verdict levels as the page lists them; in another language without the English keys."""
    table = levels.table()
    return table if lang == "en" else headed(table.drop(columns=["verdict"]), lang)


# What the page needs besides the views, so the page reads only this module.
certainty_table = vocab.certainty_table
CLAIM_QUERY_KEY, claimreview_records = links.CLAIM_QUERY_KEY, claimreview.records_by_id
