"""The verdict method: level definitions, claim groups, the summary of findings, approval status and number checks."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

import pandas as pd

from core import i18n
from core.data import Dataset

# The kinds of evidence row that can carry a 'contradicted by evidence' verdict (with harms.csv rows).
CONTROLLED_KINDS = ("randomised trial", "meta-analysis", "systematic review")
# A sentence that says it computed a number may contain numbers the cited rows do not print.
DERIVED_MARK = "our arithmetic"

_SCALES = {"thousand": 1e3, "million": 1e6, "billion": 1e9}
# A number (commas allowed, decimals allowed), optionally a range partner joined by to/or/and/-/–, then a scale word.
_NUMBER = re.compile(
    r"(?<![\w.])(\d[\d,]*(?:\.\d+)?)"
    r"(?:\s*(?:-|–|to|or|and)\s*(\d[\d,]*(?:\.\d+)?))?"
    r"(?:\s*(thousand|million|billion)\b)?",
    re.IGNORECASE,
)
_SENTENCE = re.compile(r"(?<=[.!?])\s+")


# --- numbers -------------------------------------------------------------------------------------


def _value(text: str) -> float:
    return float(text.replace(",", ""))


def numbers_in(text: str) -> set[float]:
    """Every number in a text as a value: '150 million' is 150000000, '10 to 150 million' scales both, '5%' is 5."""
    found: set[float] = set()
    for match in _NUMBER.finditer(text or ""):
        first, second, scale = match.groups()
        factor = _SCALES[scale.lower()] if scale else 1.0
        found.add(round(_value(first) * factor, 6))
        if second:
            found.add(round(_value(second) * factor, 6))
    return found


def _unscaled(text: str) -> set[float]:
    # Rows are read generously (both '100' and 100000000 from '100 million'); notes are read strictly.
    return {round(_value(m.group(1)), 6) for m in re.finditer(r"(?<![\w.])(\d[\d,]*(?:\.\d+)?)", text or "")}


def number_pool(texts: Iterable[str], values: Iterable[float] = ()) -> set[float]:
    """All numbers a set of cited rows supports: scaled and bare readings of their text, plus typed values."""
    pool: set[float] = set()
    for text in texts:
        pool |= numbers_in(text) | _unscaled(text)
    pool |= {round(float(v), 6) for v in values if v is not None and not pd.isna(v)}
    return pool


def unsupported_numbers(note: str, pool: set[float]) -> list[float]:
    """Numbers in a note that no cited row carries; sentences that say they computed a number are exempt."""
    missing: list[float] = []
    for sentence in _SENTENCE.split(note or ""):
        if DERIVED_MARK in sentence.lower():
            continue
        missing += sorted(n for n in numbers_in(sentence) if n not in pool)
    return missing


def _rows(frame: pd.DataFrame, ids: Iterable[str]) -> pd.DataFrame:
    ids = [i for i in ids if i in set(frame["id"])]
    return frame.set_index("id", drop=False).loc[ids] if ids else frame.iloc[0:0]


def cited_pool(ds: Dataset, evidence_ids=(), regulatory_ids=(), harm_ids=(), extra_text: str = "") -> set[float]:
    """The numbers carried by the cited evidence, regulatory and harm rows (and any extra text, such as the seed)."""
    texts, values = [extra_text], []
    for row in _rows(ds.evidence, evidence_ids).itertuples():
        texts += [row.short_name, row.main_finding, row.design, row.comparator, row.quote]
        values += [row.year, row.n, *row.doses_cells]
    for row in _rows(ds.regulatory, regulatory_ids).itertuples():
        texts += [row.title, row.summary, row.date, row.quote]
    for row in _rows(ds.harms, harm_ids).itertuples():
        texts += [row.short_name, row.what_happened, row.quote]
        values += [row.year, row.n_patients]
    return number_pool(texts, values)


# --- the method ----------------------------------------------------------------------------------


def verdict_method(ds: Dataset) -> pd.DataFrame:
    """The verdict levels, worst for a patient first, with how many claims carry each."""
    counts = ds.claims["verdict"].value_counts()
    method = ds.verdicts.sort_values("order").reset_index(drop=True)
    method["claims"] = method["verdict"].map(lambda v: int(counts.get(v, 0)))
    return method[["verdict", "label", "definition", "evidence_required", "example", "claims"]]


def evidence_checked_on(ds: Dataset) -> str:
    """The date by which every verdict's evidence had been checked (the oldest check), as YYYY-MM-DD; '' if none."""
    dates = sorted(d for d in ds.claims["checked_on"] if d)
    return dates[0] if dates else ""


def checked_on_words(iso: str, lang: str = i18n.DEFAULT) -> str:
    """'2026-11-30' as '30 November 2026' ('30 de noviembre de 2026') for a sentence on screen."""
    day = date.fromisoformat(iso)
    return f"{day.day} {day:%B %Y}" if lang == i18n.DEFAULT else i18n.format_date(day, lang)


def summary_of_findings(ds: Dataset) -> pd.DataFrame:
    """What studies show, one row per question and outcome, with size, certainty and readable sources."""
    names = dict(zip(ds.evidence["id"], ds.evidence["short_name"], strict=True))
    names |= dict(zip(ds.harms["id"], ds.harms["short_name"], strict=True))
    sof = ds.evidence_summary.copy()
    lang = ds.lang

    def count(n) -> str:
        return f"{int(n):,}" if lang == i18n.DEFAULT else i18n.format_number(int(n), lang)

    def size(trials, people) -> str:
        parts = [i18n.ngettext(lang, "{n} trial", "{n} trials", int(trials)).format(n=count(trials))
                 if pd.notna(trials) else ""]  # fmt: skip
        parts.append(i18n.ngettext(lang, "{n} person", "{n} people", int(people)).format(n=count(people))
                     if pd.notna(people) else "")  # fmt: skip
        return ", ".join(p for p in parts if p) or i18n.gettext(lang, "size not stated")

    sof["size"] = [size(t, p) for t, p in zip(sof["trials"], sof["participants"], strict=True)]
    sof["sources"] = [
        "; ".join(names[i] for i in (*e, *h)) for e, h in zip(sof["evidence_ids"], sof["harm_ids"], strict=True)
    ]
    sof["row_ids"] = [(*e, *h) for e, h in zip(sof["evidence_ids"], sof["harm_ids"], strict=True)]
    columns = ["id", "question", "outcome", "comparator", "effect_plain", "size", "trials", "participants",
               "certainty", "sources", "note", "row_ids"]  # fmt: skip
    return sof[columns]


# --- approval ------------------------------------------------------------------------------------

# Regulatory rows that say what is and is not approved in the US, in reading order.
KNEE_WORDS = r"\bknee|\brodilla"  # how a regulator row's title names the knee, in each edition of the data
APPROVAL_ROWS = ("fda_patient_info_2021", "fda_consumer_alert_2020", "fda_hemacord_2011", "fda_ryoncil_2024")


@dataclass(frozen=True)
class ApprovalStatus:
    """What is and is not approved for knee and back pain, in plain sentences, with the rows behind them.

    headline: one sentence; detail: what FDA has and has not approved; exception: the sentence on the knee cell
    products FDA approved ('' when the data lists none), shown next to the detail; row_ids: the regulatory rows,
    for tables and downloads only.
    """

    headline: str
    detail: str
    exception: str
    row_ids: tuple[str, ...]


def knee_cell_approvals(ds: Dataset) -> pd.DataFrame:
    """US approvals of a cell product for the knee, oldest first: the exception to 'nothing is approved'."""
    reg = ds.regulatory
    if reg.empty or "product" not in reg.columns:
        return reg.iloc[0:0]
    knee = (reg["kind"] == "approval") & (reg["jurisdiction"] == "United States")
    # The title is in the edition's language (a Spanish edition says "rodilla"); every edition's word is listed.
    knee &= reg["title"].str.contains(KNEE_WORDS, case=False, regex=True) & reg["product"].fillna("").ne("")
    return reg[knee].sort_values("date")


def approval_status(ds: Dataset) -> ApprovalStatus:
    """The 'what is approved' finding, with the knee cell products the data lists; sentences carry no row ids."""
    _ = i18n.bound(ds.lang)
    known = set(ds.regulatory["id"])
    row_ids = tuple(i for i in APPROVAL_ROWS if i in known)
    headline = _("No stem-cell or exosome shot is approved in the US for knee or back pain.")
    background = _(
        "FDA says regenerative medicine products sold by clinics, such as stem cells, fat-derived cells, cord blood "
        "and exosomes, are not approved for any orthopaedic condition, including osteoarthritis and back pain. "
        "The stem-cell products FDA has approved treat blood disorders and one rare transplant complication in "
        "children."
    )
    knee = knee_cell_approvals(ds)
    exception = ""
    if not knee.empty:
        products = [f"{row.product} ({str(row.date)[:4]})" for row in knee.itertuples()]
        if len(products) == 1:
            exception = _(
                "The knee cell product FDA has approved, {names}, is the patient's own cartilage cells, grown in a "
                "lab and put in by surgery to repair small cartilage defects: not stem-cell shots and not a "
                "treatment for osteoarthritis."
            ).format(names=products[0])
        else:
            names = _("{first} and {last}").format(first=", ".join(products[:-1]), last=products[-1])
            exception = _(
                "The knee cell products FDA has approved, {names}, are the patient's own cartilage cells, grown in "
                "a lab and put in by surgery to repair small cartilage defects: not stem-cell shots and not a "
                "treatment for osteoarthritis."
            ).format(names=names)
        row_ids = (*row_ids, *(i for i in knee["id"] if i not in row_ids))
    detail = background
    return ApprovalStatus(headline, detail, exception, row_ids)


# --- one claim -----------------------------------------------------------------------------------


@dataclass(frozen=True)
class ClaimVerdict:
    """Everything a reviewer needs to judge one verdict: its level, certainty, group and the rows it cites."""

    claim_id: str
    quote: str
    verdict: str
    label: str
    definition: str
    evidence_required: str
    certainty: str
    checked_on: str
    note: str
    group_id: str
    group_label: str
    group_rationale: str
    group_claim_ids: tuple[str, ...]
    evidence: pd.DataFrame
    regulatory: pd.DataFrame
    harms: pd.DataFrame


def claim_verdict_detail(ds: Dataset, claim_id: str) -> ClaimVerdict:
    """The verdict of one claim with its level's definition, certainty, group and cited rows; KeyError if unknown."""
    claims = ds.claims.set_index("id", drop=False)
    claim = claims.loc[claim_id]
    level = ds.verdicts.set_index("verdict").loc[claim["verdict"]]
    group = ds.claim_groups.set_index("id").loc[claim["claim_group"]]
    members = tuple(claims.index[claims["claim_group"] == claim["claim_group"]])
    return ClaimVerdict(
        claim_id=claim_id,
        quote=claim["quote"],
        verdict=claim["verdict"],
        label=level["label"],
        definition=level["definition"],
        evidence_required=level["evidence_required"],
        certainty=claim["certainty"],
        checked_on=claim["checked_on"],
        note=claim["verdict_note"],
        group_id=claim["claim_group"],
        group_label=group["label"],
        group_rationale=group["rationale"],
        group_claim_ids=members,
        evidence=_rows(ds.evidence, claim["evidence_ids"]).reset_index(drop=True),
        regulatory=_rows(ds.regulatory, claim["regulatory_ids"]).reset_index(drop=True),
        harms=_rows(ds.harms, claim["harm_ids"]).reset_index(drop=True),
    )


# --- method checks (used by tests and the Methods page) ------------------------------------------


def contradicted_without_controlled_evidence(ds: Dataset) -> list[str]:
    """'Contradicted' claims that cite no randomised trial, review of trials or harm report (should be none)."""
    kinds = dict(zip(ds.evidence["id"], ds.evidence["kind"], strict=True))
    bad = []
    for claim in ds.claims[ds.claims["verdict"] == "contradicted by evidence"].itertuples():
        controlled = any(kinds.get(i) in CONTROLLED_KINDS for i in claim.evidence_ids)
        if not controlled and not claim.harm_ids:
            bad.append(claim.id)
    return bad


def groups_with_split_verdicts(ds: Dataset) -> dict[str, list[str]]:
    """Claim groups whose claims carry more than one verdict, or a verdict other than the group's (should be none)."""
    own = dict(zip(ds.claim_groups["id"], ds.claim_groups["verdict"], strict=True))
    split = {}
    for group, claims in ds.claims.groupby("claim_group"):
        verdicts = sorted(set(claims["verdict"]) | {own.get(group, "")})
        if len(verdicts) > 1:
            split[group] = verdicts
    return split
