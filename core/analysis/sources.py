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
    """Study kinds, conditions, routes, sample units, check states and certainty words, in `lang`."""
    p = i18n.pgettext
    return {
        "randomised trial": p(lang, "study kind", "randomised trial"),
        "non-randomised trial": p(lang, "study kind", "non-randomised trial"),
        "case series": p(lang, "study kind", "case series"),
        "meta-analysis": p(lang, "study kind", "meta-analysis"),
        "systematic review": p(lang, "study kind", "systematic review"),
        "animal study": p(lang, "study kind", "animal study"),
        "biodistribution study": p(lang, "study kind", "biodistribution study"),
        "drug label": p(lang, "study kind", "drug label"),
        "review or commentary": p(lang, "study kind", "review or commentary"),
        "survey": p(lang, "study kind", "survey"),
        "knee osteoarthritis": p(lang, "condition", "knee osteoarthritis"),
        "discogenic low back pain": p(lang, "condition", "discogenic low back pain"),
        "cirrhosis": p(lang, "condition", "cirrhosis"),
        "fibromyalgia": p(lang, "condition", "fibromyalgia"),
        "graft-versus-host disease": p(lang, "condition", "graft-versus-host disease"),
        "none (healthy or animal)": p(lang, "condition", "none (healthy or animal)"),
        "several": p(lang, "condition", "several"),
        "intra-articular knee": p(lang, "route", "intra-articular knee"),
        "intradiscal": p(lang, "route", "intradiscal"),
        "intravenous": p(lang, "route", "intravenous"),
        "intraocular": p(lang, "route", "intraocular"),
        "intrathecal": p(lang, "route", "intrathecal"),
        "multiple routes": p(lang, "route", "multiple routes"),
        "unspecified": p(lang, "route", "unspecified"),
        "participants": p(lang, "sample unit", "participants"),
        "studies": p(lang, "sample unit", "studies"),
        "trials": p(lang, "sample unit", "trials"),
        "clinics": p(lang, "sample unit", "clinics"),
        "verified": p(lang, "checked", "verified"),
        "partial": p(lang, "checked", "partial"),
        "unverified": p(lang, "checked", "unverified"),
        "high": p(lang, "certainty", "high"),
        "moderate": p(lang, "certainty", "moderate"),
        "low": p(lang, "certainty", "low"),
        "very low": p(lang, "certainty", "very low"),
        "not graded": p(lang, "certainty", "not graded"),
        "per disc": p(lang, "dose basis", "per disc"),
        "per infusion": p(lang, "dose basis", "per infusion"),
        "per kg body weight": p(lang, "dose basis", "per kg body weight"),
        "per knee injection": p(lang, "dose basis", "per knee injection"),
        "per mL": p(lang, "dose basis", "per mL"),
    }


def harm_words(lang: str = "en") -> dict[str, str]:
    """Harm severities and settings in `lang`."""
    p = i18n.pgettext
    return {
        "death": p(lang, "harm", "death"),
        "permanent disability": p(lang, "harm", "permanent disability"),
        "serious": p(lang, "harm", "serious"),
        "moderate": p(lang, "harm", "moderate"),
        "pooled trials": p(lang, "harm setting", "pooled trials"),
        "several": p(lang, "harm setting", "several"),
        "unapproved clinic": p(lang, "harm setting", "unapproved clinic"),
    }


def statement_words(lang: str = "en") -> dict[str, str]:
    """Kinds of regulator statement and jurisdictions in `lang`."""
    p = i18n.pgettext
    return {
        "approval": p(lang, "statement", "approval"),
        "consumer warning": p(lang, "statement", "consumer warning"),
        "court ruling": p(lang, "statement", "court ruling"),
        "professional guidance": p(lang, "statement", "professional guidance"),
        "rule or framework": p(lang, "statement", "rule or framework"),
        "safety alert": p(lang, "statement", "safety alert"),
        "European Union": p(lang, "jurisdiction", "European Union"),
        "International": p(lang, "jurisdiction", "International"),
        "Japan": p(lang, "jurisdiction", "Japan"),
        "South Korea": p(lang, "jurisdiction", "South Korea"),
        "Spain": p(lang, "jurisdiction", "Spain"),
        "United States": p(lang, "jurisdiction", "United States"),
    }


def stated_as_words(lang: str = "en") -> dict[str, str]:
    """How firmly a claim is stated, in `lang` (vocab.STATED_AS and 'not claimed')."""
    p = i18n.pgettext
    return {
        "as fact": p(lang, "stated", "as fact"),
        "unverifiable citation": p(lang, "stated", "unverifiable citation"),
        "hedged": p(lang, "stated", "hedged"),
        "anecdote or testimonial": p(lang, "stated", "anecdote or testimonial"),
        vocab.NOT_CLAIMED: p(lang, "stated", "not claimed"),
    }


def topic_names(lang: str = "en") -> dict[str, str]:
    """Topic id -> its name in `lang` (the ids are English names; links and filters keep the ids)."""
    p = i18n.pgettext
    return {
        "cartilage regeneration": p(lang, "topic", "cartilage regeneration"),
        "disc repair": p(lang, "topic", "disc repair"),
        "differentiation/replacement": p(lang, "topic", "differentiation/replacement"),
        "tissue regeneration": p(lang, "topic", "tissue regeneration"),
        "anti-inflammation": p(lang, "topic", "anti-inflammation"),
        "immune modulation": p(lang, "topic", "immune modulation"),
        "growth factors": p(lang, "topic", "growth factors"),
        "pain modulation": p(lang, "topic", "pain modulation"),
        "pain relief and function": p(lang, "topic", "pain relief and function"),
        "root cause": p(lang, "topic", "root cause"),
        "less medication": p(lang, "topic", "less medication"),
        "long-lasting results": p(lang, "topic", "long-lasting results"),
        "low-risk procedure": p(lang, "topic", "low-risk procedure"),
        "safety": p(lang, "topic", "safety"),
        "regulation": p(lang, "topic", "regulation"),
        "evidence": p(lang, "topic", "evidence"),
        "cost": p(lang, "topic", "cost"),
        "cell sources": p(lang, "topic", "cell sources"),
    }


def in_words(words: dict[str, str], value: str) -> str:
    """A code in the reader's words; a code without words (new data) is shown as it is."""
    return words.get(value, value)


def trials_show_words(lang: str = "en") -> dict[str, tuple[str, str]]:
    """What trials show of a mechanism, in full and in short (for a row label), in `lang`."""
    p = i18n.pgettext
    return {
        "established": (p(lang, "trials show", "established"), p(lang, "trials show, short", "established")),
        "plausible, unproven in patients": (
            p(lang, "trials show", "plausible, unproven in patients"), p(lang, "trials show, short", "unproven")),
        "not shown in controlled trials": (
            p(lang, "trials show", "not shown in controlled trials"), p(lang, "trials show, short", "not shown")),
        "contradicted": (p(lang, "trials show", "contradicted"), p(lang, "trials show, short", "contradicted")),
        "": ("", p(lang, "trials show, short", "not rated")),
    }  # fmt: skip


def stated_as_short_words(lang: str = "en") -> dict[str, str]:
    """How firmly a claim is stated, in the few letters of a chart cell, in `lang`."""
    p = i18n.pgettext
    return {
        "as fact": p(lang, "stated, short", "fact"),
        "unverifiable citation": p(lang, "stated, short", "cites ?"),
        "hedged": p(lang, "stated, short", "hedged"),
        "anecdote or testimonial": p(lang, "stated, short", "anecdote"),
        vocab.NOT_CLAIMED: "–",
    }


def source_words(lang: str = "en") -> dict[str, str]:
    """Kinds of site and how sure we are of who published a page, in `lang`."""
    p = i18n.pgettext
    return {
        "clinic marketing": p(lang, "kind of site", "clinic marketing"),
        "content farm": p(lang, "kind of site", "content farm"),
        "protocol seller, operator unknown": p(lang, "kind of site", "protocol seller, operator unknown"),
        "sales page presented as an article": p(lang, "kind of site", "sales page presented as an article"),
        "user-posted blog": p(lang, "kind of site", "user-posted blog"),
        "high": p(lang, "how sure", "high"),
        "low": p(lang, "how sure", "low"),
        "none": p(lang, "how sure", "none"),
    }


def column_words(lang: str = "en") -> dict[str, str]:
    """Column name -> its header on screen in `lang`, for the tables the claims pages show."""
    p = i18n.pgettext
    return {
        "id": p(lang, "column", "row id"),
        "short_label": p(lang, "column", "page"),
        "page": p(lang, "column", "page"),
        "publisher_kind": p(lang, "column", "kind of site"),
        "date_shown": p(lang, "column", "date shown"),
        "provenance_confidence": p(lang, "column", "how sure of the publisher"),
        "as fact": p(lang, "stated", "as fact"),
        "unverifiable citation": p(lang, "stated", "unverifiable citation"),
        "hedged": p(lang, "stated", "hedged"),
        "anecdote or testimonial": p(lang, "stated", "anecdote or testimonial"),
        "topics": p(lang, "column", "topics"),
        "topic": p(lang, "column", "topic"),
        "dose_statements": p(lang, "column", "dose statements"),
        "claims": p(lang, "column", "claims"),
        "dimension": p(lang, "column", "item"),
        "question": p(lang, "column", "question"),
        "rubric": p(lang, "column", "rubric"),
        "citation": p(lang, "column", "citation"),
        "verdict": p(lang, "column", "verdict"),
        "verdict_short": p(lang, "column", "verdict, short"),
        "points": p(lang, "column", "points"),
        "max_points": p(lang, "column", "maximum points"),
        "share": p(lang, "column", "share of points"),
        "justification": p(lang, "column", "why"),
        "quote": p(lang, "column", "quote"),
        "quote_translation": p(lang, "column", "our translation"),
        "item_id": p(lang, "column", "item id"),
        "weight": p(lang, "column", "weight"),
        "source_id": p(lang, "column", "page id"),
        "n_yes": p(lang, "column", "items yes"),
        "n_partly": p(lang, "column", "items partly"),
        "n_no": p(lang, "column", "items no"),
        "n_n/a": p(lang, "column", "items n/a"),
        "facet": p(lang, "column", "counted by"),
        "group": p(lang, "column", "group"),
        "verdict_label": p(lang, "column", "verdict in words"),
        "seed_file": p(lang, "column", "archived copy"),
        "archived_copy": p(lang, "column", "archived copy"),
        "stated_as": p(lang, "column", "stated"),
        "certainty": p(lang, "column", "certainty"),
        "in short": p(lang, "column", "in short"),
        "what it means": p(lang, "column", "what it means"),
    }


def headed(frame: pd.DataFrame, lang: str = "en") -> pd.DataFrame:
    """The frame with its column names as a reader sees them in `lang`; English keeps the names (and its CSVs)."""
    if lang == "en":
        return frame
    words = column_words(lang)
    return frame.rename(columns={c: words[c] for c in frame.columns if c in words})


def topic_kind_words(lang: str = "en") -> dict[str, str]:
    """Kind of topic -> its name in the summary chart, in `lang`."""
    p = i18n.pgettext
    return {
        "safety": p(lang, "kind of topic", "Safety"),
        "regulation": p(lang, "kind of topic", "Regulation"),
        "benefit": p(lang, "kind of topic", "Promised benefits"),
        "evidence": p(lang, "kind of topic", "Studies cited"),
        "mechanism": p(lang, "kind of topic", "How the cells work"),
        "cost": p(lang, "kind of topic", "Cost"),
        "product": p(lang, "kind of topic", "What is injected"),
    }
