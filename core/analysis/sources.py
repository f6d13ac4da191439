"""Per-source summaries for the Sources page (what each page claims, how firmly, what doses it gives), and the words
the claims pages show for the data's coded values."""

from __future__ import annotations

import pandas as pd

from core import i18n
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


def protocol_tables(
    regimens: pd.DataFrame, source_id: str | None = None, lang: str = "en"
) -> list[tuple[str, pd.DataFrame, list[str]]]:
    """Each protocol table a page printed, rebuilt as rows and columns, with its lines as they appear in the copy.

    A table copied from a web page loses its cell borders ("IV50,000,0003150,000,000"); the rows' own fields
    say where each cell ends, so the table can be shown as the page meant it. Returns (protocol id, table, raw lines).
    The route and the total are as printed; headers, doses and times read in `lang`.
    """
    _ = i18n.bound(lang)
    rows = regimens[regimens["statement_kind"].isin(["protocol table row", "protocol table total"])]
    if source_id is not None:
        rows = rows[rows["source_id"] == source_id]
    out = []
    for protocol_id, group in rows.groupby("protocol_id", sort=False):
        table = pd.DataFrame(
            {
                _("Route"): group["route_as_stated"],
                _("Dose"): [i18n.format_number(d, lang, 0) if pd.notna(d) else "" for d in group["dose_low"]],
                _("Time"): [
                    _times(n, str(per), lang) if pd.notna(n) and per else ""
                    for n, per in zip(group["administrations_low"], group["dose_per"], strict=True)
                ],
                _("Total cells (as printed)"): group["total_as_printed"],
                _("Row"): group["id"],
            }
        )
        out.append((str(protocol_id), table.reset_index(drop=True), list(group["quote"])))
    return out


def _times(n: float, per: str, lang: str) -> str:
    if lang == "en":
        return plural(n, per)
    unit = {
        "day": i18n.ngettext(lang, "{n} day", "{n} days", int(n)),
        "injection": i18n.ngettext(lang, "{n} injection", "{n} injections", int(n)),
        "knee": i18n.ngettext(lang, "{n} knee", "{n} knees", int(n)),
        "session": i18n.ngettext(lang, "{n} session", "{n} sessions", int(n)),
    }.get(per)
    return unit.format(n=i18n.format_number(n, lang)) if unit else plural(n, per)


# --- words for coded values -----------------------------------------------------------------------
# The tables hold these words as codes (filters, links and colours key on them); a reader sees them in the language.


def study_words(lang: str = "en") -> dict[str, str]:
    """Study kinds, conditions, routes, sample units, check states and certainty words, in `lang`.

    Kinds of study and GRADE's certainty words are the shared vocabulary's (core.analysis.vocab)."""
    shared = {kind: vocab.word(kind, lang) for kind in vocab.STUDY_KIND_WORDS}
    shared |= {level: vocab.certainty_word(level, lang) for level in vocab.CERTAINTY}
    return shared | {
        "knee osteoarthritis": i18n.pgettext(lang, "condition", "knee osteoarthritis"),
        "discogenic low back pain": i18n.pgettext(lang, "condition", "discogenic low back pain"),
        "cirrhosis": i18n.pgettext(lang, "condition", "cirrhosis"),
        "fibromyalgia": i18n.pgettext(lang, "condition", "fibromyalgia"),
        "graft-versus-host disease": i18n.pgettext(lang, "condition", "graft-versus-host disease"),
        "none (healthy or animal)": i18n.pgettext(lang, "condition", "none (healthy or animal)"),
        "several": i18n.pgettext(lang, "condition", "several"),
        "intra-articular knee": i18n.pgettext(lang, "route", "intra-articular knee"),
        "intradiscal": i18n.pgettext(lang, "route", "intradiscal"),
        "intravenous": i18n.pgettext(lang, "route", "intravenous"),
        "intraocular": i18n.pgettext(lang, "route", "intraocular"),
        "intrathecal": i18n.pgettext(lang, "route", "intrathecal"),
        "multiple routes": i18n.pgettext(lang, "route", "multiple routes"),
        "unspecified": i18n.pgettext(lang, "route", "unspecified"),
        "participants": i18n.pgettext(lang, "sample unit", "participants"),
        "studies": i18n.pgettext(lang, "sample unit", "studies"),
        "trials": i18n.pgettext(lang, "sample unit", "trials"),
        "clinics": i18n.pgettext(lang, "sample unit", "clinics"),
        "verified": i18n.pgettext(lang, "checked", "verified"),
        "partial": i18n.pgettext(lang, "checked", "partial"),
        "unverified": i18n.pgettext(lang, "checked", "unverified"),
        "per disc": i18n.pgettext(lang, "dose basis", "per disc"),
        "per infusion": i18n.pgettext(lang, "dose basis", "per infusion"),
        "per kg body weight": i18n.pgettext(lang, "dose basis", "per kg body weight"),
        "per knee injection": i18n.pgettext(lang, "dose basis", "per knee injection"),
        "per mL": i18n.pgettext(lang, "dose basis", "per mL"),
    }


def harm_words(lang: str = "en") -> dict[str, str]:
    """Harm severities and settings in `lang`."""
    return {
        "death": i18n.pgettext(lang, "harm", "death"),
        "permanent disability": i18n.pgettext(lang, "harm", "permanent disability"),
        "serious": i18n.pgettext(lang, "harm", "serious"),
        "moderate": i18n.pgettext(lang, "harm", "moderate"),
        "pooled trials": i18n.pgettext(lang, "harm setting", "pooled trials"),
        "several": i18n.pgettext(lang, "harm setting", "several"),
        "unapproved clinic": i18n.pgettext(lang, "harm setting", "unapproved clinic"),
    }


def statement_words(lang: str = "en") -> dict[str, str]:
    """Kinds of regulator statement and jurisdictions (the shared vocabulary's) in `lang`."""
    return {place: vocab.word(place, lang) for place in vocab.JURISDICTION_WORDS} | {
        "approval": i18n.pgettext(lang, "statement", "approval"),
        "consumer warning": i18n.pgettext(lang, "statement", "consumer warning"),
        "court ruling": i18n.pgettext(lang, "statement", "court ruling"),
        "professional guidance": i18n.pgettext(lang, "statement", "professional guidance"),
        "rule or framework": i18n.pgettext(lang, "statement", "rule or framework"),
        "safety alert": i18n.pgettext(lang, "statement", "safety alert"),
    }


def stated_as_words(lang: str = "en") -> dict[str, str]:
    """How firmly a claim is stated, in `lang` (the shared vocabulary's words, and 'not claimed')."""
    words = {stated: vocab.stated_as_words(stated, lang) for stated in vocab.STATED_AS}
    return words | {vocab.NOT_CLAIMED: i18n.pgettext(lang, "stated", "not claimed")}


def topic_names(lang: str = "en") -> dict[str, str]:
    """Topic id -> its name in `lang` (the shared vocabulary's; links and filters keep the ids)."""
    return {topic: vocab.topic_words(topic, lang) for topic in vocab.TOPIC_WORDS}


def in_words(words: dict[str, str], value: str) -> str:
    """A code in the reader's words; a code without words (new data) is shown as it is."""
    return words.get(value, value)


def trials_show_words(lang: str = "en") -> dict[str, tuple[str, str]]:
    """What trials show of a mechanism, in full and in short (for a row label), in `lang`."""
    full = {
        "established": i18n.pgettext(lang, "trials show", "established"),
        "plausible, unproven in patients": i18n.pgettext(lang, "trials show", "plausible, unproven in patients"),
        "not shown in controlled trials": i18n.pgettext(lang, "trials show", "not shown in controlled trials"),
        "contradicted": i18n.pgettext(lang, "trials show", "contradicted"),
        "": "",
    }
    short = {
        "established": i18n.pgettext(lang, "trials show, short", "established"),
        "plausible, unproven in patients": i18n.pgettext(lang, "trials show, short", "unproven"),
        "not shown in controlled trials": i18n.pgettext(lang, "trials show, short", "not shown"),
        "contradicted": i18n.pgettext(lang, "trials show, short", "contradicted"),
        "": i18n.pgettext(lang, "trials show, short", "not rated"),
    }
    return {status: (full[status], short[status]) for status in full}


def stated_as_short_words(lang: str = "en") -> dict[str, str]:
    """How firmly a claim is stated, in the few letters of a chart cell, in `lang`."""
    return {stated: vocab.stated_as_short(stated, lang) for stated in vocab.STATED_AS} | {vocab.NOT_CLAIMED: "–"}


def source_words(lang: str = "en") -> dict[str, str]:
    """Kinds of site and how sure we are of who published a page, in `lang`."""
    return {
        "clinic marketing": i18n.pgettext(lang, "kind of site", "clinic marketing"),
        "content farm": i18n.pgettext(lang, "kind of site", "content farm"),
        "protocol seller, operator unknown": i18n.pgettext(lang, "kind of site", "protocol seller, operator unknown"),
        "sales page presented as an article": i18n.pgettext(lang, "kind of site", "sales page presented as an article"),
        "user-posted blog": i18n.pgettext(lang, "kind of site", "user-posted blog"),
        "high": i18n.pgettext(lang, "how sure", "high"),
        "low": i18n.pgettext(lang, "how sure", "low"),
        "none": i18n.pgettext(lang, "how sure", "none"),
    }


def column_words(lang: str = "en") -> dict[str, str]:
    """Column name -> its header on screen in `lang`, for the tables the claims pages show."""
    return stated_as_words(lang) | {
        "id": i18n.pgettext(lang, "column", "row id"),
        "short_label": i18n.pgettext(lang, "column", "page"),
        "page": i18n.pgettext(lang, "column", "page"),
        "publisher_kind": i18n.pgettext(lang, "column", "kind of site"),
        "date_shown": i18n.pgettext(lang, "column", "date shown"),
        "provenance_confidence": i18n.pgettext(lang, "column", "how sure of the publisher"),
        "topics": i18n.pgettext(lang, "column", "topics"),
        "topic": i18n.pgettext(lang, "column", "topic"),
        "dose_statements": i18n.pgettext(lang, "column", "dose statements"),
        "claims": i18n.pgettext(lang, "column", "claims"),
        "dimension": i18n.pgettext(lang, "column", "item"),
        "question": i18n.pgettext(lang, "column", "question"),
        "rubric": i18n.pgettext(lang, "column", "rubric"),
        "citation": i18n.pgettext(lang, "column", "citation"),
        "verdict": i18n.pgettext(lang, "column", "verdict"),
        "verdict_short": i18n.pgettext(lang, "column", "verdict, short"),
        "points": i18n.pgettext(lang, "column", "points"),
        "max_points": i18n.pgettext(lang, "column", "maximum points"),
        "share": i18n.pgettext(lang, "column", "share of points"),
        "justification": i18n.pgettext(lang, "column", "why"),
        "quote": i18n.pgettext(lang, "column", "quote"),
        "quote_translation": i18n.pgettext(lang, "column", "our translation"),
        "item_id": i18n.pgettext(lang, "column", "item id"),
        "weight": i18n.pgettext(lang, "column", "weight"),
        "source_id": i18n.pgettext(lang, "column", "page id"),
        "n_yes": i18n.pgettext(lang, "column", "items yes"),
        "n_partly": i18n.pgettext(lang, "column", "items partly"),
        "n_no": i18n.pgettext(lang, "column", "items no"),
        "n_n/a": i18n.pgettext(lang, "column", "items n/a"),
        "facet": i18n.pgettext(lang, "column", "counted by"),
        "group": i18n.pgettext(lang, "column", "group"),
        "verdict_label": i18n.pgettext(lang, "column", "verdict in words"),
        "seed_file": i18n.pgettext(lang, "column", "archived copy"),
        "archived_copy": i18n.pgettext(lang, "column", "archived copy"),
        "stated_as": i18n.pgettext(lang, "column", "stated"),
        "certainty": i18n.pgettext(lang, "column", "certainty"),
        "in short": i18n.pgettext(lang, "column", "in short"),
        "what it means": i18n.pgettext(lang, "column", "what it means"),
    }


def headed(frame: pd.DataFrame, lang: str = "en") -> pd.DataFrame:
    """The frame with its column names as a reader sees them in `lang`; English keeps the names (and its CSVs)."""
    if lang == "en":
        return frame
    words = column_words(lang)
    return frame.rename(columns={c: words[c] for c in frame.columns if c in words})


def topic_kind_words(lang: str = "en") -> dict[str, str]:
    """Kind of topic -> its name in the summary chart, in `lang`."""
    return {
        "safety": i18n.pgettext(lang, "kind of topic", "Safety"),
        "regulation": i18n.pgettext(lang, "kind of topic", "Regulation"),
        "benefit": i18n.pgettext(lang, "kind of topic", "Promised benefits"),
        "evidence": i18n.pgettext(lang, "kind of topic", "Studies cited"),
        "mechanism": i18n.pgettext(lang, "kind of topic", "How the cells work"),
        "cost": i18n.pgettext(lang, "kind of topic", "Cost"),
        "product": i18n.pgettext(lang, "kind of topic", "What is injected"),
    }


def certainty_words_table(lang: str = "en") -> pd.DataFrame:
    """GRADE's certainty words with what each means, in `lang` (the shared vocabulary's table)."""
    return vocab.certainty_table(lang)
