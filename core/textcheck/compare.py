"""Honest comparisons: a dose beside human trials of the same condition, route and basis, or a plain 'none'."""

from __future__ import annotations

from collections.abc import Iterable

import pandas as pd

from core.text import format_count
from core.textcheck.flags import make_flag
from core.textcheck.model import DoseMention, RedFlag

# Which trial rows a dose may be set beside: the same route and a basis that counts the same thing.
_BASES = {
    "per kg": ("per kg body weight",),
    None: ("per knee injection", "per disc", "per infusion"),
    "per knee": ("per knee injection",),
    "per joint": ("per knee injection",),
    "per injection": ("per knee injection", "per disc", "per infusion"),
    "per session": ("per knee injection", "per disc", "per infusion"),
    "per treatment": ("per knee injection", "per disc", "per infusion"),
    "per disc": ("per disc",),
    "per infusion": ("per infusion",),
}
_CONDITION_OF_ROUTE = {"intra-articular knee": "knee osteoarthritis", "intradiscal": "discogenic low back pain"}
_TRIAL_KINDS = ("randomised trial", "non-randomised trial", "uncontrolled study", "single-arm trial", "trial")
FAR_OUTSIDE = 10  # a dose ten times the highest trial dose is "far above" it
_COLUMNS = [
    "found in text", "product", "amount", "basis", "route", "route from", "course", "trials in our data",
    "compared with trials", "trial ids", "the five pages", "page rows", "start",
]  # fmt: skip


def condition_of(text: str) -> str | None:
    """The condition a text is about, when it names one of the two the app covers."""
    lowered = text[:200_000].lower()
    knee = lowered.count("knee") + lowered.count("osteoarthritis")
    back = lowered.count("back pain") + lowered.count(" disc") + lowered.count("spine")
    if knee == back == 0:
        return None
    return "knee osteoarthritis" if knee >= back else "discogenic low back pain"


def human_trials(evidence: pd.DataFrame) -> pd.DataFrame:
    """Evidence rows that are studies in people with a stated cell dose (never animal studies or reviews)."""
    if evidence.empty:
        return evidence
    people = ~evidence["condition"].astype(str).str.contains("animal|healthy", case=False, na=False)
    has_dose = evidence["doses_cells"].map(lambda v: bool(v) if isinstance(v, (list, tuple)) else bool(v == v and v))
    kind = evidence["kind"].astype(str).str.contains("trial|study", case=False, na=False)
    return evidence[people & has_dose & kind]


def _doses_list(value: object) -> list[float]:
    if isinstance(value, (list, tuple)):
        return [float(v) for v in value]
    if isinstance(value, str) and value:
        return [float(v) for v in value.split(";") if v]
    return []


def trial_doses(dose: DoseMention, evidence: pd.DataFrame, condition: str | None) -> pd.DataFrame:
    """One row per human-trial dose (id, value) comparable with this dose, else an empty frame."""
    empty = pd.DataFrame(columns=["id", "value"])
    if dose.what != "cells" or dose.route is None or dose.basis in ("per mL", "course total", "per course", "per vial"):
        return empty
    bases = _BASES.get(dose.basis, ())
    wanted = _CONDITION_OF_ROUTE.get(dose.route, condition)
    rows = human_trials(evidence)
    rows = rows[(rows["route"] == dose.route) & rows["dose_basis"].isin(bases)]
    if wanted is None:
        return empty
    rows = rows[rows["condition"] == wanted]
    pairs = [(row.id, v) for row in rows.itertuples() for v in _doses_list(row.doses_cells)]
    return pd.DataFrame(pairs, columns=["id", "value"]) if pairs else empty


def _seed_doses(dose: DoseMention, regimens: pd.DataFrame) -> pd.DataFrame:
    if dose.per_kg or dose.what != "cells" or regimens.empty:
        return pd.DataFrame(columns=["id", "value"])
    rows = regimens[(regimens["product"] == "cells") & regimens["dose_low"].notna()]
    if dose.route is not None:
        rows = rows[rows["route"] == dose.route]
    pairs = [(r.id, v) for r in rows.itertuples() for v in {float(r.dose_low), float(r.dose_high)}]
    return pd.DataFrame(pairs, columns=["id", "value"])


def _range_text(values: pd.DataFrame, per_kg: bool, nouns: tuple[str, str]) -> str:
    if values.empty:
        return "none"
    low, high = values["value"].min(), values["value"].max()
    unit = " per kg" if per_kg else ""
    text = format_count(low) if low == high else f"{format_count(low)} to {format_count(high)}"
    count = values["id"].nunique()
    return f"{text}{unit} ({count} {nouns[count != 1]})"


def why_no_comparison(dose: DoseMention, condition: str | None) -> str:
    """Why a dose has no trial beside it, in plain words."""
    if dose.what != "cells":
        return f"not cells ({dose.what}): never compared with cell doses"
    if dose.basis == "per mL":
        return "a concentration per mL, not a dose: not compared"
    if dose.basis in ("course total", "per course"):
        return "a total over a course: trials are compared per injection"
    if dose.route is None:
        return "the text names no route: not compared"
    if _CONDITION_OF_ROUTE.get(dose.route, condition) is None:
        return "the text names no condition: not compared"
    return "no human trial in our data gave cells this way for this condition"


def _position(dose: DoseMention, trials: pd.DataFrame, condition: str | None) -> str:
    if trials.empty:
        return why_no_comparison(dose, condition)
    low, high = trials["value"].min(), trials["value"].max()
    if dose.cells_low > high:
        ratio = dose.cells_low / high
        return f"above every trial dose ({ratio:.{0 if ratio >= 10 else 1}f} times the highest)"
    if dose.cells_high < low:
        return "below every trial dose"
    if dose.cells_high > high:
        return "partly above the highest trial dose"
    if dose.cells_low < low:
        return "partly below the lowest trial dose"
    return "within the range trials used"


def describe_cells(dose: DoseMention) -> str:
    """'15 million to 50 million cells', 'at least 100 million cells per knee' in words."""
    value = format_count(dose.cells_low)
    if dose.cells_high != dose.cells_low:
        value += f" to {format_count(dose.cells_high)}"
    if dose.bound:
        value = f"{dose.bound} {value}"
    noun = dose.what if dose.what != "cells" else "cells"
    if not dose.unit_stated:
        noun += " (unit not stated)"
    basis = f" {dose.basis}" if dose.basis and dose.basis != "per kg" else " per kg" if dose.per_kg else ""
    return f"{value} {noun}{basis}"


def describe_course(dose: DoseMention) -> str:
    if not dose.course_count or dose.course_low is None:
        return ""
    total = format_count(dose.course_low)
    if dose.course_high and dose.course_high != dose.course_low:
        total += f" to {format_count(dose.course_high)}"
    return f"{dose.course_count} times ({dose.course_text}): {total} in all"


def compare_doses(
    doses: Iterable[DoseMention], evidence: pd.DataFrame, regimens: pd.DataFrame, condition: str | None = None
) -> pd.DataFrame:
    """One row per dose with the human-trial doses for the same condition, route and basis, and where it falls."""
    rows = []
    for dose in doses:
        trials = trial_doses(dose, evidence, condition)
        seeds = _seed_doses(dose, regimens)
        rows.append(
            {
                "found in text": dose.text,
                "product": dose.what,
                "amount": describe_cells(dose),
                "basis": dose.basis or ("per kg" if dose.per_kg else "not stated"),
                "route": dose.route or "not stated",
                "route from": "" if dose.route is None else "a nearby line or heading" if dose.route_inferred
                else "the same sentence",
                "course": describe_course(dose),
                "trials in our data": _range_text(trials, dose.per_kg, ("study", "studies")),
                "compared with trials": _position(dose, trials, condition),
                "trial ids": ", ".join(sorted(set(trials["id"]))) if len(trials) else "",
                "the five pages": _range_text(seeds, False, ("statement", "statements")),
                "page rows": ", ".join(seeds["id"]) if len(seeds) else "",
                "start": dose.start,
            }
        )  # fmt: skip
    return pd.DataFrame(rows, columns=_COLUMNS)


def dose_flags(doses: Iterable[DoseMention], evidence: pd.DataFrame, condition: str | None) -> list[RedFlag]:
    """A red flag for each cell dose far above every human trial of the same condition, route and basis."""
    flags = []
    for dose in doses:
        trials = trial_doses(dose, evidence, condition)
        if trials.empty or dose.cells_low <= FAR_OUTSIDE * trials["value"].max():
            continue
        ratio = dose.cells_low / trials["value"].max()
        reason = (
            f"{describe_cells(dose)} is {ratio:.0f} times the highest dose any human trial in our data gave "
            f"this way ({format_count(trials['value'].max())}): nobody has tested it."
        )
        flags.append(make_flag("dose outside trials", dose.text, dose.start, dose.end, dose.sentence, reason))
    return flags
