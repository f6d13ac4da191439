"""Key findings for the home page, each computed from the dataset and pointing at the rows behind it."""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from core import i18n
from core.analysis import vocab
from core.data import Dataset
from core.i18n import N_
from core.text import verification_words

# Condition codes of evidence.csv, as a sentence names them (translated where shown).
CONDITION_WORDS = {
    "knee osteoarthritis": N_("knee osteoarthritis"),
    "discogenic low back pain": N_("discogenic low back pain"),
}
# Severity codes of harms.csv, as a sentence names them.
SEVERITY_WORDS = {
    "death": N_("death"),
    "permanent disability": N_("permanent disability"),
    "serious": N_("serious"),
    "moderate": N_("moderate"),
    "mild": N_("mild"),
}


@dataclass(frozen=True)
class Finding:
    headline: str
    detail: str
    row_ids: tuple[str, ...]


def largest_randomised_trial(evidence: pd.DataFrame, condition: str) -> pd.Series | None:
    """The randomised trial of `condition` with the most participants, or None when no trial counts people."""
    trials = evidence[
        (evidence["kind"] == "randomised trial")
        & (evidence["condition"] == condition)
        & (evidence["n_unit"] == "participants")
        & evidence["n"].notna()
    ]
    return None if trials.empty else trials.loc[trials["n"].idxmax()]


def stated_as_fact(claims: pd.DataFrame) -> pd.DataFrame:
    """The claims a page words as plain fact, with no 'may' or 'some patients'."""
    return claims[claims["stated_as"] == "as fact"]


def largest_trial(ds: Dataset, condition: str) -> Finding | None:
    top = largest_randomised_trial(ds.evidence, condition)
    if top is None:
        return None
    _ = i18n.bound(ds.lang)
    people = int(top["n"]) if ds.lang == i18n.DEFAULT else i18n.format_number(int(top["n"]), ds.lang)
    headline = _("The largest randomised {condition} trial we list: {name}, with {n} people.")
    return Finding(
        headline.format(condition=_(CONDITION_WORDS.get(condition, condition)), name=top["short_name"], n=people),
        top["main_finding"],
        (top["id"],),
    )


def claims_as_fact(ds: Dataset) -> Finding | None:
    claims = ds.claims
    if claims.empty:
        return None
    _ = i18n.bound(ds.lang)
    as_fact = stated_as_fact(claims)
    unsupported = as_fact[as_fact["verdict"].isin(vocab.UNSUPPORTED)]
    return Finding(
        _("Most claims are stated as plain fact, including ones the evidence does not back."),
        _(
            "Of {claims} claims in the five pages, {as_fact} are stated as fact. For {unsupported} of those, "
            "controlled trials do not show it, the evidence contradicts it, or it leaves out what matters."
        ).format(claims=len(claims), as_fact=len(as_fact), unsupported=len(unsupported)),
        tuple(unsupported["id"]),
    )


def harms_documented(ds: Dataset) -> Finding | None:
    clinic = ds.harms[ds.harms["setting"] == "unapproved clinic"]
    if clinic.empty:
        return None
    _ = i18n.bound(ds.lang)
    counted = clinic[clinic["n_patients"].notna()]
    worst = ", ".join(_(SEVERITY_WORDS.get(s, s)) for s in sorted(set(clinic["severity"])))
    detail = i18n.ngettext(
        ds.lang,
        "{n} published report we list describes harm after products from unapproved clinics (worst outcomes: {worst}).",
        "{n} published reports we list describe harm after products from unapproved clinics (worst outcomes: {worst}).",
        len(clinic),
    ).format(n=len(clinic), worst=worst)
    if not counted.empty:
        top = counted.loc[counted["n_patients"].idxmax()]
        # Reports overlap (a national follow-up includes an earlier outbreak), so counts are never added up.
        status = ""
        if top["verification"] != "verified":
            english = f"{top['verification']}ly verified"  # "partially verified", as English always said
            status = ", " + (english if ds.lang == i18n.DEFAULT else verification_words(top["verification"], ds.lang))
        people = int(top["n_patients"])
        detail += " " + _(
            "The largest counts {n} people ({name}{status}); reports overlap, so their counts cannot be added."
        ).format(n=i18n.format_number(people, ds.lang) if ds.lang != i18n.DEFAULT else people,
                 name=top["short_name"], status=status)  # fmt: skip
    return Finding(
        _("Serious harms after treatment at unapproved clinics are documented by doctors and regulators."),
        detail,
        tuple(clinic["id"]),
    )
