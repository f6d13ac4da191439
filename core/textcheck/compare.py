"""Honest comparisons: a dose beside human trials of the same condition, route and basis, or a plain 'none'."""

from __future__ import annotations

from collections.abc import Iterable

import pandas as pd

from core import i18n
from core.i18n import N_
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


PRODUCTS = {"cells": N_("cells"), "exosomes": N_("exosomes"), "particles": N_("particles"),
            "platelets": N_("platelets")}  # fmt: skip
BASES = {
    "per kg": N_("per kg"), "per knee": N_("per knee"), "per joint": N_("per joint"), "per disc": N_("per disc"),
    "per injection": N_("per injection"), "per session": N_("per session"), "per treatment": N_("per treatment"),
    "per infusion": N_("per infusion"), "per course": N_("per course"), "per mL": N_("per mL"),
    "per vial": N_("per vial"), "per patient": N_("per patient"), "course total": N_("course total"),
}  # fmt: skip
ROUTE_WORDS = {
    "intra-articular knee": N_("intra-articular knee"), "intradiscal": N_("intradiscal"),
    "intrathecal": N_("intrathecal"), "epidural": N_("epidural"),
    "intrathecal-or-epidural as stated": N_("intrathecal-or-epidural as stated"),
    "spine, site unspecified": N_("spine, site unspecified"), "intravenous": N_("intravenous"),
}  # fmt: skip
BOUNDS = {"at most": N_("at most {value}"), "at least": N_("at least {value}")}


def _word(table: dict[str, str], key: str | None, lang: str) -> str:
    return i18n.gettext(lang, table[key]) if key in table else (key or "")


def route_words(route: str | None, lang: str = "en") -> str:
    """A route code in words of `lang` ("intra-articular knee" -> "inyección intraarticular en la rodilla")."""
    return _word(ROUTE_WORDS, route, lang)


def _ratio(ratio: float, decimals: int, lang: str) -> str:
    return f"{ratio:.{decimals}f}" if lang == "en" else i18n.format_number(ratio, lang, decimals)


def _range_text(values: pd.DataFrame, per_kg: bool, studies: bool, lang: str = "en") -> str:
    _ = i18n.bound(lang)
    if values.empty:
        return _("none")
    low, high = values["value"].min(), values["value"].max()
    unit = _(" per kg") if per_kg else ""
    text = (
        format_count(low, lang)
        if low == high
        else _("{low} to {high}").format(low=format_count(low, lang), high=format_count(high, lang))
    )
    count = values["id"].nunique()
    if studies:
        counted = i18n.ngettext(lang, "{n} study", "{n} studies", count)
    else:
        counted = i18n.ngettext(lang, "{n} statement", "{n} statements", count)
    return f"{text}{unit} ({counted.format(n=count)})"


def why_no_comparison(dose: DoseMention, condition: str | None, lang: str = "en") -> str:
    """Why a dose has no trial beside it, in plain words of `lang`."""
    _ = i18n.bound(lang)
    if dose.what != "cells":
        return _("not cells ({what}): never compared with cell doses").format(what=_word(PRODUCTS, dose.what, lang))
    if dose.basis == "per mL":
        return _("a concentration per mL, not a dose: not compared")
    if dose.basis in ("course total", "per course"):
        return _("a total over a course: trials are compared per injection")
    if dose.route is None:
        return _("the text names no route: not compared")
    if _CONDITION_OF_ROUTE.get(dose.route, condition) is None:
        return _("the text names no condition: not compared")
    return _("no human trial in our data gave cells this way for this condition")


def _position(dose: DoseMention, trials: pd.DataFrame, condition: str | None, lang: str = "en") -> str:
    _ = i18n.bound(lang)
    if trials.empty:
        return why_no_comparison(dose, condition, lang)
    low, high = trials["value"].min(), trials["value"].max()
    if dose.cells_low > high:
        ratio = dose.cells_low / high
        return _("above every trial dose ({ratio} times the highest)").format(
            ratio=_ratio(ratio, 0 if ratio >= 10 else 1, lang)
        )
    if dose.cells_high < low:
        return _("below every trial dose")
    if dose.cells_high > high:
        return _("partly above the highest trial dose")
    if dose.cells_low < low:
        return _("partly below the lowest trial dose")
    return _("within the range trials used")


_MILLIONS = ("millón", "millones", "billón", "billones")


def describe_cells(dose: DoseMention, lang: str = "en") -> str:
    """'15 million to 50 million cells', 'at least 100 million cells per knee' in words of `lang`."""
    _ = i18n.bound(lang)
    value = format_count(dose.cells_low, lang)
    if dose.cells_high != dose.cells_low:
        value = _("{low} to {high}").format(low=value, high=format_count(dose.cells_high, lang))
    if dose.bound:
        value = _(BOUNDS[dose.bound]).format(value=value) if dose.bound in BOUNDS else f"{dose.bound} {value}"
    noun = _word(PRODUCTS, dose.what, lang)
    if not dose.unit_stated:
        noun = _("{product} (unit not stated)").format(product=noun)
    if lang == "es" and value.endswith(_MILLIONS):
        noun = "de " + noun  # "15 millones de células": Spanish joins a count in millions to its noun with "de"
    basis = dose.basis if dose.basis and dose.basis != "per kg" else "per kg" if dose.per_kg else None
    basis_text = " " + _word(BASES, basis, lang) if basis else ""
    return f"{value} {noun}{basis_text}"


def describe_course(dose: DoseMention, lang: str = "en") -> str:
    if not dose.course_count or dose.course_low is None:
        return ""
    _ = i18n.bound(lang)
    total = format_count(dose.course_low, lang)
    if dose.course_high and dose.course_high != dose.course_low:
        total = _("{low} to {high}").format(low=total, high=format_count(dose.course_high, lang))
    return _("{count} times ({course}): {total} in all").format(
        count=dose.course_count, course=dose.course_text, total=total
    )


def compare_doses(
    doses: Iterable[DoseMention],
    evidence: pd.DataFrame,
    regimens: pd.DataFrame,
    condition: str | None = None,
    lang: str = "en",
) -> pd.DataFrame:
    """One row per dose with the human-trial doses for the same condition, route and basis, and where it falls.
    Column names are keys (COLUMN_HEADERS gives their words); the cells are in `lang`."""
    _ = i18n.bound(lang)
    rows = []
    for dose in doses:
        trials = trial_doses(dose, evidence, condition)
        seeds = _seed_doses(dose, regimens)
        basis = dose.basis or ("per kg" if dose.per_kg else None)
        rows.append(
            {
                "found in text": dose.text,
                "product": _word(PRODUCTS, dose.what, lang),
                "amount": describe_cells(dose, lang),
                "basis": _word(BASES, basis, lang) if basis else _("not stated"),
                "route": route_words(dose.route, lang) if dose.route else _("not stated"),
                "route from": "" if dose.route is None else _("a nearby line or heading") if dose.route_inferred
                else _("the same sentence"),
                "course": describe_course(dose, lang),
                "trials in our data": _range_text(trials, dose.per_kg, True, lang),
                "compared with trials": _position(dose, trials, condition, lang),
                "trial ids": ", ".join(sorted(set(trials["id"]))) if len(trials) else "",
                "the five pages": _range_text(seeds, False, False, lang),
                "page rows": ", ".join(seeds["id"]) if len(seeds) else "",
                "start": dose.start,
            }
        )  # fmt: skip
    return pd.DataFrame(rows, columns=_COLUMNS)


COLUMN_HEADERS = {
    "found in text": N_("found in text"), "product": N_("product"), "amount": N_("amount"), "basis": N_("basis"),
    "route": N_("route"), "route from": N_("route from"), "course": N_("course"),
    "trials in our data": N_("trials in our data"), "compared with trials": N_("compared with trials"),
    "trial ids": N_("trial ids"), "the five pages": N_("the five pages"), "page rows": N_("page rows"),
    "start": N_("start"),
}  # fmt: skip


def column_headers(lang: str = "en") -> dict[str, str]:
    """compare_doses' column names in words of `lang`, for a table on screen or a download."""
    return {key: i18n.gettext(lang, COLUMN_HEADERS[key]) for key in _COLUMNS}


def dose_flags(
    doses: Iterable[DoseMention], evidence: pd.DataFrame, condition: str | None, lang: str = "en"
) -> list[RedFlag]:
    """A red flag for each cell dose far above every human trial of the same condition, route and basis."""
    flags = []
    for dose in doses:
        trials = trial_doses(dose, evidence, condition)
        if trials.empty or dose.cells_low <= FAR_OUTSIDE * trials["value"].max():
            continue
        ratio = dose.cells_low / trials["value"].max()
        reason = i18n.gettext(
            lang,
            "{dose} is {ratio} times the highest dose any human trial in our data gave this way ({highest}): "
            "nobody has tested it.",
        ).format(
            dose=describe_cells(dose, lang),
            ratio=_ratio(ratio, 0, lang),
            highest=format_count(trials["value"].max(), lang),
        )
        flag = make_flag("dose outside trials", dose.text, dose.start, dose.end, dose.sentence, reason)
        flags.append(flag)
    return flags
