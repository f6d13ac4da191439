"""The Claims page's view: claims ordered by what matters most to a patient, one line each, and a verdict summary."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import altair as alt
import pandas as pd

from core import links
from core.analysis import claimreview, verdicts, vocab
from core.analysis.claims import claims_with_sources, linked_evidence, linked_regulatory
from core.charts import theme
from core.charts.export import Spec, to_spec
from core.data import Dataset
from core.text import md_escape, plural
from core.views.cite import harm_line, regulator_line, study_line

# Which kinds of topic a patient most needs to get right first: harm, then approval, then promised benefit.
TOPIC_KIND_WEIGHT = {"safety": 0, "regulation": 1, "benefit": 2, "evidence": 3, "mechanism": 4, "cost": 5, "product": 6}
TOPIC_KIND_LABELS = {
    "safety": "Safety",
    "regulation": "Regulation",
    "benefit": "Promised benefits",
    "evidence": "Studies cited",
    "mechanism": "How the cells work",
    "cost": "Cost",
    "product": "What is injected",
}


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
                "checked_on": verdicts.checked_on_words(detail.checked_on),
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


def verdict_counts(ordered: pd.DataFrame, labels: dict[str, str]) -> pd.DataFrame:
    """Claims per verdict, by page and by kind of topic, long form for the summary chart and its table."""
    frames = []
    for facet, column, names in (
        ("By page", "short_label", None),
        ("By topic", "topic_kind", TOPIC_KIND_LABELS),
    ):
        counts = ordered.groupby([column, "verdict"]).size().reset_index(name="claims")
        counts = counts.rename(columns={column: "group"})
        if names:
            counts["group"] = counts["group"].map(lambda kind, names=names: names.get(kind, kind or "other"))
        counts.insert(0, "facet", facet)
        frames.append(counts)
    out = pd.concat(frames, ignore_index=True)
    out["verdict_label"] = out["verdict"].map(labels).fillna(out["verdict"])
    return out


def claims_table(chosen: pd.DataFrame) -> pd.DataFrame:
    """The claims shown, with their ids and archived page files, for readers who check the rows."""
    columns = ["id", "short_label", "seed_file", "topic", "stated_as", "verdict", "quote"]
    return chosen[columns].rename(columns={"short_label": "page", "seed_file": "archived_copy"})


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


def claims_page(ds: Dataset) -> ClaimsView:
    ordered = patient_order(ds)
    levels = vocab.verdicts(ds)
    labels = levels.labels
    counts = verdict_counts(ordered, labels)
    chart = verdict_summary_chart(counts, list(levels.order), labels)
    return ClaimsView(
        ordered=ordered,
        verdicts=levels,
        labels=labels,
        counts=counts,
        summary_chart=to_spec(chart),
        summary_title=verdict_summary_title(counts),
    )


@dataclass(frozen=True)
class FilteredSummary:
    counts: pd.DataFrame
    chart: Spec | None  # None when no claim matches the filters


def filtered_summary(
    ds: Dataset, topics: tuple[str, ...], sources: tuple[str, ...], verdicts: tuple[str, ...]
) -> FilteredSummary:
    """The verdict summary of the claims the filters keep, so the chart counts what the list under it shows."""
    chosen = filter_ordered(patient_order(ds), topics, sources, verdicts)
    levels = vocab.verdicts(ds)
    counts = verdict_counts(chosen, levels.labels)
    if chosen.empty:
        return FilteredSummary(counts, None)
    return FilteredSummary(counts, to_spec(verdict_summary_chart(counts, list(levels.order), levels.labels)))


def pinned_claim(ordered: pd.DataFrame, claim_id: str | None) -> pd.DataFrame:
    """The claim a permalink asks for (one row), or no rows for no or an unknown id."""
    return ordered[ordered["id"] == claim_id] if claim_id else ordered.iloc[0:0]


def line_label(claim: Any, labels: dict[str, str], *, guess: bool) -> str:
    """One claim as a Markdown line: its verdict in bold (unless the room is guessing first), then its quote."""
    quote = f"“{md_escape(claim.quote)}”"
    label = labels.get(claim.verdict, claim.verdict)
    return quote if guess else f"**{md_escape(label[:1].upper() + label[1:])}:** {quote}"


def card_markdown(card: Any) -> str:
    """A claim card's verdict half as escaped Markdown: our verdict and what the level means, how sure we are,
    what pooled evidence and each study show, documented harms, and what regulators say."""
    claim, method = card.claim, card.method or {}
    lines = [f"**Our verdict: {md_escape(method.get('label', claim['verdict']))}.** {md_escape(claim['verdict_note'])}"]
    if method:
        group = (
            f" It shares this verdict with {plural(method['group_size'] - 1, 'similar claim')} "
            f"(“{md_escape(method['group_label'])}”)."
            if method["group_size"] > 1
            else ""
        )
        lines.append(
            f"*What this verdict means:* {md_escape(method['definition'])}\n\n"
            f"*How sure we are:* {md_escape(method['certainty'])} certainty, evidence checked "
            f"{md_escape(method['checked_on'])}.{group}"
        )
    # A review's pooled results are listed once, under their question; its own line then just points there.
    pooled_ids = {row_id for row in card.pooled for row_id in row["row_ids"]}
    lines += [
        _section("What pooled studies show", _pooled_lines(card.pooled)),
        _section(
            "Trials and reviews show",
            [
                study_line(s, finding="What it found is summed up above." if s["id"] in pooled_ids else None)
                for s in card.studies
            ],
            empty="*No study is linked to this claim.*",
        ),
        _section(
            "Harms on record",
            [harm_line(h) for h in card.harms],
        ),
        _section(
            "Regulators say",
            [regulator_line(r) for r in card.statements],
            empty="*No regulator or court statement is linked to this claim.*",
        ),
    ]
    return "\n\n".join(line for line in lines if line)


def _pooled_lines(rows) -> list[str]:
    """Summary-of-findings rows grouped by question: each question once, then each outcome with its result."""
    by_question: dict[str, list[str]] = {}
    for row in rows:
        against = row["comparator"] if row["comparator"].startswith("no ") else f"against {row['comparator']}"
        by_question.setdefault(row["question"], []).append(
            f"*{md_escape(row['outcome'])}, {md_escape(against)}:* {md_escape(row['effect_plain'])} "
            f"({md_escape(row['certainty'])} certainty; {md_escape(row['size'])})"
        )
    return [
        md_escape(question) + "".join(f"\n  - {outcome}" for outcome in outcomes)
        for question, outcomes in by_question.items()
    ]


def _section(heading: str, items: list[str], empty: str = "") -> str:
    """A bold heading over a bulleted list; `empty` stands in for no items, and without it the section is dropped."""
    body = "\n".join(f"- {item}" for item in items) or empty
    return f"**{heading}**\n\n{body}" if body else ""


def card_texts(ds: Dataset) -> dict[str, str]:
    """Every claim card's verdict half, by claim id, built once per data version (a page shows fifteen)."""
    return {claim_id: card_markdown(card) for claim_id, card in claim_cards(ds).items()}


# --- summary chart -------------------------------------------------------------------------------


def verdict_summary_title(counts: pd.DataFrame) -> str:
    by_page = counts[counts["facet"] == "By page"]
    total = int(by_page["claims"].sum())
    if not total:
        return "No claims to summarise"
    unsupported = int(by_page.loc[by_page["verdict"].isin(vocab.UNSUPPORTED), "claims"].sum())
    return f"{unsupported} of {total} claims are misleading, contradicted or not shown in trials"


def verdict_summary_chart(counts: pd.DataFrame, order: list[str], labels: dict[str, str]) -> alt.VConcatChart:
    """Claims per verdict as stacked bars, by page and by kind of topic, worst verdict first on the left."""
    label_order = [labels.get(v, v) for v in order]
    colours = {labels.get(v, v): theme.VERDICT_COLOURS[v] for v in order if v in theme.VERDICT_COLOURS}
    data = counts.assign(_rank=counts["verdict"].map({v: i for i, v in enumerate(order)}))
    color = alt.Color(
        "verdict_label:N",
        title="Our verdict",
        scale=theme.colour_scale(colours, label_order),
        legend=alt.Legend(orient="bottom", columns=1, labelLimit=0),  # two columns ran off a 390-px phone
    )
    tooltip = [alt.Tooltip("group:N", title="Group"), alt.Tooltip("verdict_label:N", title="Verdict"),
               alt.Tooltip("claims:Q", title="Claims")]  # fmt: skip

    def bars(facet: str) -> alt.Chart:
        part = data[data["facet"] == facet]
        groups = list(dict.fromkeys(part.sort_values("group")["group"]))
        return (
            alt.Chart(part)
            .mark_bar(stroke="#ffffff", strokeWidth=1)
            .encode(
                x=alt.X("sum(claims):Q", title="Claims", axis=alt.Axis(tickMinStep=1)),
                y=alt.Y("group:N", title=None, sort=groups, axis=alt.Axis(labelLimit=0)),
                color=color,
                order=alt.Order("_rank:Q"),
                tooltip=tooltip,
            )
            .properties(title=alt.Title(facet, fontSize=theme.LABEL_SIZE), height=30 * len(groups))
        )

    title = verdict_summary_title(counts)
    heading = theme.wrapped_title(title, "Each bar is one page, or one kind of topic; worst verdict on the left.")
    return alt.vconcat(bars("By page"), bars("By topic"), spacing=16).properties(
        title=heading,
        description=f"Stacked bar chart of our verdicts on the pages' claims. {title}.",
    )


# What the page needs besides the views, so the page reads only this module.
certainty_table = vocab.certainty_table
CLAIM_QUERY_KEY, claimreview_records = links.CLAIM_QUERY_KEY, claimreview.records_by_id
