"""Per-source summaries for the Sources page: what each page claims, how firmly, and what doses it gives."""

from __future__ import annotations

import pandas as pd

from core.analysis import vocab
from core.data import Dataset
from core.text import plural


def source_profiles(ds: Dataset) -> pd.DataFrame:
    """One row per source with counts of claims by how they are stated, dose statements and topics."""
    claims = ds.claims
    counts = pd.crosstab(claims["source_id"], claims["stated_as"]).reindex(columns=vocab.STATED_AS, fill_value=0)
    topics = claims.groupby("source_id")["topic"].agg(lambda t: ", ".join(sorted(set(t))))
    doses = ds.regimens.groupby("source_id").size()
    profile = ds.sources[["id", "short_label", "publisher_kind", "date_shown", "provenance_confidence"]].set_index("id")
    profile = profile.join(counts).join(topics.rename("topics")).join(doses.rename("dose_statements"))
    for column in (*vocab.STATED_AS, "dose_statements"):
        profile[column] = profile[column].fillna(0).astype(int)
    profile["claims"] = profile[list(vocab.STATED_AS)].sum(axis=1)
    profile["topics"] = profile["topics"].fillna("")
    return profile.reset_index()


def claims_of(ds: Dataset, source_id: str) -> pd.DataFrame:
    """The claims one source makes, grouped in topic order, with each topic's kind."""
    claims = ds.claims[ds.claims["source_id"] == source_id]
    kinds = ds.topics.set_index("id")["kind"]
    return claims.assign(topic_kind=claims["topic"].map(kinds)).sort_values(["topic_kind", "topic", "id"])


def source_label(ds: Dataset, source_id: str) -> str:
    return ds.sources.set_index("id").loc[source_id, "short_label"]


def protocol_tables(regimens: pd.DataFrame, source_id: str | None = None) -> list[tuple[str, pd.DataFrame, list[str]]]:
    """Each protocol table a page printed, rebuilt as rows and columns, with its lines as they appear in the copy.

    A table copied from a web page loses its cell borders ("IV50,000,0003150,000,000"); the rows' own fields
    say where each cell ends, so the table can be shown as the page meant it. Returns (protocol id, table, raw lines).
    """
    rows = regimens[regimens["statement_kind"].isin(["protocol table row", "protocol table total"])]
    if source_id is not None:
        rows = rows[rows["source_id"] == source_id]
    out = []
    for protocol_id, group in rows.groupby("protocol_id", sort=False):
        table = pd.DataFrame(
            {
                "Route": group["route_as_stated"],
                "Dose": [f"{d:,.0f}" if pd.notna(d) else "" for d in group["dose_low"]],
                "Time": [
                    plural(n, str(per)) if pd.notna(n) and per else ""
                    for n, per in zip(group["administrations_low"], group["dose_per"], strict=True)
                ],
                "Total cells (as printed)": group["total_as_printed"],
                "Row": group["id"],
            }
        )
        out.append((str(protocol_id), table.reset_index(drop=True), list(group["quote"])))
    return out
