"""Claims against evidence: label meanings, filters, linked rows, the mechanism matrix and key results."""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence

import pandas as pd

from core import i18n
from core.analysis import vocab
from core.analysis.findings import Finding
from core.analysis.sources import stated_as_words, study_words, topic_names
from core.data import Dataset
from core.text import format_count

STATUS_SHORT = {
    "established": "established",
    "plausible, unproven in patients": "unproven",
    "not shown in controlled trials": "not shown",
    "contradicted": "contradicted",
    "": "not rated",
}

# What a study compared the cells with, in four plain groups (see comparison_group).
COMPARISON_ORDER = (
    "placebo or sham",
    "another treatment or mixed controls",
    "no comparison group",
    "not a test of benefit",
)
BENEFIT_KINDS = ("randomised trial", "non-randomised trial", "case series", "meta-analysis", "systematic review")
# The comparator is free text, translated in the Spanish edition: the patterns read both languages, so a study
# falls in the same group in either (tests/test_es_claims.py checks).
_PLACEBO = re.compile(r"placebo|sham|saline|simulad|suero salino", re.IGNORECASE)
_NO_CONTROL = re.compile(r"^none|baseline|^ningun|situación inicial", re.IGNORECASE)


# --- labels --------------------------------------------------------------------------------------


def comparison_words(lang: str = "en") -> dict[str, str]:
    """Comparison group -> its words in `lang`, in COMPARISON_ORDER."""
    words = (
        i18n.pgettext(lang, "compared with", "placebo or sham"),
        i18n.pgettext(lang, "compared with", "another treatment or mixed controls"),
        i18n.pgettext(lang, "compared with", "no comparison group"),
        i18n.pgettext(lang, "compared with", "not a test of benefit"),
    )
    return dict(zip(COMPARISON_ORDER, words, strict=True))


def comparison_group(kind: str, comparator: str) -> str:
    """Sort a study by what it compared the cells with; reviews with several kinds of control count as mixed."""
    if kind not in BENEFIT_KINDS:
        return "not a test of benefit"
    if _PLACEBO.search(comparator or ""):
        return "placebo or sham"
    if not comparator or _NO_CONTROL.search(comparator):
        return "no comparison group"
    return "another treatment or mixed controls"


# --- claims --------------------------------------------------------------------------------------


def claims_with_sources(ds: Dataset) -> pd.DataFrame:
    """Every claim with its source's label and seed file, in id order."""
    sources = ds.sources[["id", "short_label", "seed_file"]].rename(columns={"id": "source_id"})
    return ds.claims.merge(sources, on="source_id", how="left").sort_values("id").reset_index(drop=True)


def filter_claims(
    claims: pd.DataFrame, topics: Sequence[str], sources: Sequence[str], verdicts: Sequence[str]
) -> pd.DataFrame:
    """Claims whose topic, source and verdict are each among those chosen (an empty choice matches nothing)."""
    keep = claims["topic"].isin(topics) & claims["source_id"].isin(sources) & claims["verdict"].isin(verdicts)
    return claims[keep]


def linked_evidence(ds: Dataset, ids: Iterable[str]) -> pd.DataFrame:
    """The evidence rows named by ids, in that order."""
    ids = list(ids)
    return ds.evidence.set_index("id").loc[ids].reset_index() if ids else ds.evidence.iloc[0:0]


def linked_regulatory(ds: Dataset, ids: Iterable[str]) -> pd.DataFrame:
    """The regulator and court rows named by ids, in that order."""
    ids = list(ids)
    return ds.regulatory.set_index("id").loc[ids].reset_index() if ids else ds.regulatory.iloc[0:0]


def dangling_links(ds: Dataset) -> list[str]:
    """Claim links that name no existing evidence or regulatory row (the loader refuses these; tests double-check)."""
    known = {"evidence_ids": set(ds.evidence["id"]), "regulatory_ids": set(ds.regulatory["id"])}
    return [
        f"{row['id']}.{column}={item}"
        for _, row in ds.claims.iterrows()
        for column, ids in known.items()
        for item in row[column]
        if item not in ids
    ]


# --- mechanisms ----------------------------------------------------------------------------------


def mechanism_topics(ds: Dataset) -> pd.DataFrame:
    """The mechanism topics in file order, with their evidence status."""
    return ds.topics[ds.topics["kind"] == "mechanism"].reset_index(drop=True)


def mechanism_matrix(ds: Dataset) -> pd.DataFrame:
    """One row per source × mechanism: how firmly the source asserts it (strongest claim), and the evidence status."""
    topics = mechanism_topics(ds)
    claims = claims_with_sources(ds)
    order = (*vocab.STATED_AS, vocab.NOT_CLAIMED)
    rank = {label: len(order) - 1 - i for i, label in enumerate(order)}
    rows = []
    for topic in topics.itertuples():
        for source in ds.sources.itertuples():
            mine = claims[(claims["topic"] == topic.id) & (claims["source_id"] == source.id)]
            strongest = min(mine["stated_as"], key=order.index, default=vocab.NOT_CLAIMED)
            rows.append(
                {
                    "topic": topic.id,
                    "source_id": source.id,
                    "short_label": source.short_label,
                    "stated_as": strongest,
                    "strength": rank[strongest],
                    "label": vocab.STATED_AS_SHORT[strongest],
                    "n_claims": len(mine),
                    "claim_ids": ", ".join(mine["id"]),
                    "evidence_status": topic.evidence_status,
                    "status_short": STATUS_SHORT.get(topic.evidence_status, topic.evidence_status),
                }
            )
    return pd.DataFrame(rows)


def who_claims(matrix: pd.DataFrame, topic: str, lang: str = "en") -> str:
    """The pages that claim a mechanism, each with its firmest wording, e.g. '000 Vega Stem Cell (as fact)'."""
    rows = matrix[(matrix["topic"] == topic) & (matrix["n_claims"] > 0)]
    words = stated_as_words(lang)
    return ", ".join(f"{r.short_label} ({words.get(r.stated_as, r.stated_as)})" for r in rows.itertuples())


# --- evidence and regulation ---------------------------------------------------------------------


def _doses_text(doses: tuple[float, ...], basis: str, lang: str = "en") -> str:
    if not doses:
        return ""
    counts = ", ".join(format_count(d, lang) for d in doses)
    basis = study_words(lang).get(basis, basis)
    return i18n.gettext(lang, "{counts} cells {basis}").format(counts=counts, basis=basis).strip()


def _size_text(n: float, unit: str, lang: str = "en") -> str:
    if pd.isna(n):
        return ""
    return f"{i18n.format_number(int(n), lang, 0)} {study_words(lang).get(unit, unit)}".strip()


def evidence_overview(ds: Dataset) -> pd.DataFrame:
    """Trials and reviews with readable doses, size, comparison group and links to PubMed, DOI and the registry.

    The coded columns (kind, condition, route, comparison, certainty) keep their codes; doses and size read in
    the edition's language."""
    ev = ds.evidence.copy()
    lang = ds.lang
    ev["comparison"] = [comparison_group(k, c) for k, c in zip(ev["kind"], ev["comparator"], strict=True)]
    ev["doses"] = [_doses_text(d, b, lang) for d, b in zip(ev["doses_cells"], ev["dose_basis"], strict=True)]
    ev["size"] = [_size_text(n, unit, lang) for n, unit in zip(ev["n"], ev["n_unit"], strict=True)]
    ev["condition_route"] = ev["condition"] + " · " + ev["route"]
    ev["pubmed_link"] = ev["pmid"].map(lambda p: f"https://pubmed.ncbi.nlm.nih.gov/{p}/" if p else None)
    ev["doi_link"] = ev["doi"].map(lambda d: f"https://doi.org/{d}" if d else None)
    ev["nct_link"] = ev["nct"].map(lambda n: f"https://clinicaltrials.gov/study/{n}" if n else None)
    return ev


def period_start(date: str) -> pd.Timestamp:
    """A YYYY, YYYY-MM or YYYY-MM-DD date as the first day of that period."""
    parts = [*date.split("-"), "01", "01"][:3]
    return pd.Timestamp(f"{parts[0]}-{parts[1]}-{parts[2]}")


def regulatory_timeline(ds: Dataset) -> pd.DataFrame:
    """Regulator and court statements with a plottable date (first day of the stated period)."""
    reg = ds.regulatory.copy()
    reg["date_start"] = reg["date"].map(period_start)
    reg["precision"] = reg["date"].map(lambda d: ("year", "month", "day")[d.count("-")])
    return reg.sort_values("date_start").reset_index(drop=True)


SERIOUS = ("death", "permanent disability", "serious")


def harms_summary(ds: Dataset) -> str:
    """One sentence on where the serious harms we list happened."""
    serious = ds.harms[ds.harms["severity"].isin(SERIOUS)]
    at_clinics = (serious["setting"] == "unapproved clinic").sum()
    return i18n.gettext(
        ds.lang,
        "Of the {total} harms we list, {serious} were serious or worse (up to permanent disability or death); "
        "{at_clinics} of those happened at unapproved clinics.",
    ).format(total=len(ds.harms), serious=len(serious), at_clinics=at_clinics)


def _trials(ev: pd.DataFrame, condition: str) -> pd.DataFrame:
    return ev[(ev["kind"] == "randomised trial") & (ev["condition"] == condition)]


def _funding(value: str, lang: str) -> str:
    return value or i18n.gettext(lang, "not checked")


def head_to_head_knee(ev: pd.DataFrame, lang: str = "en") -> Finding | None:
    """The largest randomised knee trial that compared cells with another treatment."""
    trials = _trials(ev, "knee osteoarthritis")
    trials = trials[(trials["comparison"] == "another treatment or mixed controls") & trials["n"].notna()]
    if trials.empty:
        return None
    top = trials.loc[trials["n"].idxmax()]
    _ = i18n.bound(lang)
    return Finding(
        _("The largest head-to-head knee trial, {name} ({n} people), compared cells with {comparator}.").format(
            name=top["short_name"], n=int(top["n"]), comparator=top["comparator"]
        ),
        _("{finding} Funding: {funding}.").format(finding=top["main_finding"], funding=_funding(top["funding"], lang)),
        (top["id"],),
    )


def pooled_knee_trials(ev: pd.DataFrame, lang: str = "en") -> Finding | None:
    """Meta-analyses that pooled controlled knee trials (not before-and-after comparisons)."""
    pooled = ev[
        (ev["kind"] == "meta-analysis")
        & (ev["condition"] == "knee osteoarthritis")
        & (ev["comparison"] != "no comparison group")
    ]
    if pooled.empty:
        return None
    words = study_words(lang)
    certainty = ", ".join(f"{r.short_name}: {words.get(r.certainty, r.certainty)}" for r in pooled.itertuples())
    return Finding(
        i18n.ngettext(
            lang,
            "{n} meta-analysis pooled controlled knee trials.",
            "{n} meta-analyses pooled controlled knee trials.",
            len(pooled),
        ).format(n=len(pooled)),
        i18n.gettext(lang, "Certainty of each (GRADE words): {certainty}.").format(certainty=certainty),
        tuple(pooled["id"]),
    )


def disc_trials(ev: pd.DataFrame, lang: str = "en") -> Finding | None:
    """Randomised trials of cells injected into the disc, with what they were compared with and who funded them."""
    trials = _trials(ev, "discogenic low back pain").sort_values("n", ascending=False)
    if trials.empty:
        return None
    controlled = (trials["comparison"] == "placebo or sham").sum()
    funders = "; ".join(f"{r.short_name}: {_funding(r.funding, lang)}" for r in trials.itertuples())
    return Finding(
        i18n.ngettext(
            lang,
            "{n} randomised disc trial; {controlled} compared cells with a placebo, sham or saline.",
            "{n} randomised disc trials; {controlled} compared cells with a placebo, sham or saline.",
            len(trials),
        ).format(n=len(trials), controlled=controlled),
        i18n.gettext(lang, "Who funded them: {funders}.").format(funders=funders),
        tuple(trials["id"]),
    )


def funding_known(ev: pd.DataFrame, lang: str = "en") -> Finding | None:
    """How many randomised trials have a recorded funder, and who."""
    trials = ev[ev["kind"] == "randomised trial"]
    if trials.empty:
        return None
    known = trials[trials["funding"] != ""]
    detail = "; ".join(f"{r.short_name}: {r.funding}" for r in known.itertuples())
    _ = i18n.bound(lang)
    return Finding(
        _("We could record who funded {known} of the {total} randomised trials we list.").format(
            known=len(known), total=len(trials)
        ),
        (detail + ". " if detail else "") + _("For the rest we did not check funding."),
        tuple(known["id"]),
    )


def key_results(ds: Dataset) -> list[Finding]:
    """The key results of the evidence page, each computed from evidence rows, in the edition's language."""
    ev = evidence_overview(ds)
    found = (f(ev, ds.lang) for f in (head_to_head_knee, pooled_knee_trials, disc_trials, funding_known))
    return [f for f in found if f is not None]


def topic_heading(topic_id: str, lang: str = "en") -> str:
    """A topic id as a heading: "differentiation/replacement" -> "Differentiation or replacement" (in `lang`).

    The slash kept the two words as one, which a phone could only break mid-word.
    """
    words = topic_names(lang).get(topic_id, topic_id).replace("/", i18n.gettext(lang, " or "))
    return words[:1].upper() + words[1:]
