"""Dose statements made comparable (cells per administration, per course, per kg), each kept beside its quote."""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Any

import pandas as pd

from core import i18n
from core.analysis import vocab
from core.data import Dataset
from core.i18n import N_
from core.text import format_count, verification_words

DAYS_PER_MONTH = 30.44  # average month length (365.25 / 12), used for every month-to-day conversion
INTERVAL_DAYS = {"day": 1.0, "month": DAYS_PER_MONTH}
DEFAULT_WEIGHT_KG = 70.0
WEIGHT_LIMITS_KG = (20.0, 250.0, 1.0)  # min, max and step of the body-weight input
COURSE_CONVENTION = N_(
    "A course of N doses given every X lasts N × X (three monthly sessions last 3 months); one dose counts as "
    "one day, and a daily dose as one day each. A month is 30.44 days."
)

# Plain words for the route vocabulary (data/datapackage.json x-vocabularies.route), translated where shown.
ROUTE_LABELS = {
    "intra-articular knee": N_("knee joint"),
    "intradiscal": N_("disc"),
    "intrathecal": N_("spinal fluid"),
    "epidural": N_("epidural space"),
    "intrathecal-or-epidural as stated": N_("spinal fluid or epidural space"),
    "spine, site unspecified": N_("spine, place not named"),
    "intravenous": N_("vein"),
    "multiple routes": N_("several routes"),
    "unspecified": N_("route not stated"),
    "surgical implantation": N_("placed in surgery"),
    "intraocular": N_("eye"),
}
PER_WORDS = {
    "knee": N_("per knee"),
    "injection": N_("per injection"),
    "session": N_("per session"),
    "day": N_("per day"),
}
NON_CELL_REASONS = {
    "exosomes": N_("Exosomes are tiny particles released by cells, not cells, so this number cannot be read as cells."),
    "vitamin/NAD infusion": N_("A vitamin and NAD drip contains no cells, so a count of cells has no meaning here."),
    "unspecified": N_("The page does not say what is given, so this number cannot be read as cells."),
}
# How a study counted its dose (the evidence table's dose_basis vocabulary), in words.
BASIS_WORDS = {
    "per knee injection": N_("per knee injection"),
    "per disc": N_("per disc"),
    "per infusion": N_("per infusion"),
    "per mL": N_("per mL"),
    "per kg body weight": N_("per kg body weight"),
}
# Trial doses counted per administration can sit beside the pages' doses; per mL or per cm² cannot.
TRIAL_BASES_PER_ADMINISTRATION = ("per knee injection", "per disc", "per infusion")
PER_KG_BASIS = "per kg body weight"
NON_HUMAN_CONDITION = "none (healthy or animal)"


@dataclass(frozen=True)
class Spread:
    """How far a set of doses runs: the smallest low, the largest high, and the rows (index labels) that give them."""

    low: float
    high: float
    low_at: Any
    high_at: Any

    @property
    def fold(self) -> float:
        return self.high / self.low


def spread(frame: pd.DataFrame, low: str = "low", high: str = "high") -> Spread | None:
    """The spread of the doses in frame's low and high columns: the one place a 'N-fold' dose spread is worked out."""
    lows, highs = frame[low].dropna(), frame[high].dropna()
    if lows.empty or highs.empty:
        return None
    low_at, high_at = lows.idxmin(), highs.idxmax()
    return Spread(float(lows[low_at]), float(highs[high_at]), low_at, high_at)


def course_convention(lang: str = "en") -> str:
    """COURSE_CONVENTION in `lang`, for the captions that state it."""
    return i18n.gettext(lang, COURSE_CONVENTION)


def route_label(route: str, lang: str = "en") -> str:
    """A route code in plain words ("intravenous" -> "vein" / "vena"); an unknown code is shown as it is."""
    return i18n.gettext(lang, ROUTE_LABELS[route]) if route in ROUTE_LABELS else route


def per_words(dose_per: str, lang: str = "en") -> str:
    """What a page's dose is counted per, in words ("knee" -> "per knee" / "por rodilla"); '' when not stated."""
    return i18n.gettext(lang, PER_WORDS[dose_per]) if dose_per in PER_WORDS else ""


def basis_words(basis: str, lang: str = "en") -> str:
    """What a study's dose is counted per, in words ("per disc" / "por disco")."""
    return i18n.gettext(lang, BASIS_WORDS[basis]) if basis in BASIS_WORDS else basis


def study_kind_words(kind: str, lang: str = "en") -> str:
    """A kind of study (the evidence table's vocabulary) in words: "randomised trial" / "ensayo aleatorizado"."""
    return vocab.word(kind, lang)


def checked_words(status: str, lang: str = "en") -> str:
    """How far a cited row was checked, in words ("partial" -> "partly verified"); '' for no status."""
    return verification_words(status, lang) if status else ""


def cells_range(low: float, high: float, lang: str = "en") -> str:
    """'15 million–50 million', or one number when both ends agree; 'open-ended' upper ends read 'at least'.

    In Spanish: '15 millones–50 millones' (never 'billón' for a thousand million: see core.i18n.format_cells)."""
    _ = i18n.bound(lang)
    if pd.isna(low):
        return i18n.pgettext(lang, "dose range", "not stated")
    if pd.isna(high):
        return _("at least {low} (no upper limit stated)").format(low=format_count(low, lang))
    if low == high:
        return format_count(low, lang)
    return f"{format_count(low, lang)}–{format_count(high, lang)}"


# Spanish puts "de" between a count in millions and its noun ("15 millones de células") but not after digits.
_LARGE_WORDS = ("millón", "millones", "billón", "billones")


def with_cells(amount: str, lang: str = "en") -> str:
    """A count in words with the word for cells: '15 million cells', '15 millones de células', '500 células'."""
    if lang == "es":
        return f"{amount} de células" if amount.endswith(_LARGE_WORDS) else f"{amount} células"
    return f"{amount} cells"


def cells_text(low: float, high: float, lang: str = "en") -> str:
    """cells_range with the word for cells: '15 million–50 million cells' / '15 millones–50 millones de células'."""
    return with_cells(cells_range(low, high, lang), lang)


def _missing(value) -> bool:
    return value is None or (isinstance(value, float) and math.isnan(value)) or value is pd.NA or value == ""


def not_comparable_reason(row: pd.Series, lang: str = "en") -> str:
    """Why a dose row cannot be counted as cells, in plain words; '' when it can."""
    _ = i18n.bound(lang)
    if _missing(row["dose_low"]):
        if row["statement_kind"] == "protocol table total":
            return _("This row is a printed total, not a dose; it is checked against the rows it adds up.")
        return _("The page gives no dose here.")
    no_unit = row["dose_unit"] == "none stated" and _missing(row["implied_unit"])
    if row["product"] != "cells":
        reason = _(NON_CELL_REASONS.get(row["product"], NON_CELL_REASONS["unspecified"]))
        return reason + (" " + _("The number also has no unit.") if no_unit else "")
    if no_unit:
        return _("The page prints a bare number with no unit, and nothing on the page says it counts cells.")
    return ""


def unit_caveat(row: pd.Series, lang: str = "en") -> str:
    if row["dose_unit"] == "none stated" and row["implied_unit"] == "cells":
        return i18n.gettext(lang, "The page prints a bare number; only its layout implies it counts cells.")
    return ""


def course_days(administrations, interval, interval_unit, dose_per) -> float:
    """Course length in days under COURSE_CONVENTION; NaN when the page does not give enough to tell."""
    if _missing(administrations):
        return math.nan
    if int(administrations) == 1:
        return 1.0
    if not _missing(interval):
        return float(administrations) * float(interval) * INTERVAL_DAYS[interval_unit]
    if dose_per == "day":
        return float(administrations)
    return math.nan


def _times(dose, administrations) -> float:
    return math.nan if _missing(dose) or _missing(administrations) else float(dose) * float(administrations)


def _as_float(value) -> float:
    return math.nan if _missing(value) else float(value)


def normalise(ds: Dataset, weight_kg: float = DEFAULT_WEIGHT_KG) -> pd.DataFrame:
    """One row per regimens row: the statement as printed, and comparable quantities where it counts cells.

    Words (route_label, reason, unit_caveat) are in the edition's language (ds.lang); codes and ids never change."""
    labels = ds.sources.set_index("id")
    lang = ds.lang
    rows = []
    for _, r in ds.regimens.iterrows():
        reason = not_comparable_reason(r, lang)
        comparable = reason == ""
        admins_low, admins_high = _as_float(r["administrations_low"]), _as_float(r["administrations_high"])
        open_ended = not math.isnan(admins_low) and math.isnan(admins_high)
        cells_low = _as_float(r["dose_low"]) if comparable else math.nan
        cells_high = _as_float(r["dose_high"]) if comparable else math.nan
        per_kg = comparable and r["route"] == "intravenous"
        rows.append(
            {
                "regimen_id": r["id"],
                "source_id": r["source_id"],
                "short_label": labels.loc[r["source_id"], "short_label"],
                "seed_file": labels.loc[r["source_id"], "seed_file"],
                "statement_kind": r["statement_kind"],
                "protocol_id": r["protocol_id"],
                "route": r["route"],
                "route_label": route_label(r["route"], lang),
                "route_as_stated": r["route_as_stated"],
                "product": r["product"],
                "dose_low": _as_float(r["dose_low"]),
                "dose_high": _as_float(r["dose_high"]),
                "dose_unit": r["dose_unit"],
                "dose_per": r["dose_per"],
                "comparable": comparable,
                "reason": reason,
                "unit_caveat": unit_caveat(r, lang) if comparable else "",
                "cells_per_admin_low": cells_low,
                "cells_per_admin_high": cells_high,
                "admins_low": admins_low,
                "admins_high": admins_high,
                "open_ended": open_ended,
                "cells_per_course_low": _times(cells_low, admins_low),
                "cells_per_course_high": _times(cells_high, admins_high),
                # The printed number times the administrations, whatever it counts: used to check printed totals.
                "printed_times_admins_low": _times(r["dose_low"], admins_low),
                "printed_times_admins_high": _times(r["dose_high"], admins_high),
                "course_days_low": course_days(admins_low, r["interval_low"], r["interval_unit"], r["dose_per"]),
                "course_days_high": course_days(admins_high, r["interval_high"], r["interval_unit"], r["dose_per"]),
                "weight_kg": float(weight_kg) if per_kg else math.nan,
                "cells_per_kg_low": cells_low / weight_kg if per_kg else math.nan,
                "cells_per_kg_high": cells_high / weight_kg if per_kg else math.nan,
                "total_as_printed": r["total_as_printed"],
                "total_printed": _as_float(r["total_printed"]),
                "quote": r["quote"],
                # Our translation of the quote, shown under it (ui.quotes), where the edition has one.
                "quote_translation": r.get("quote_translation", ""),
                "schedule_quote": r["schedule_quote"],
                "reading": r["reading"],
            }
        )
    # Typed even when empty, so boolean masks stay masks.
    return pd.DataFrame(rows, columns=_NORMALISED_COLUMNS).astype({"comparable": bool, "open_ended": bool})


_NORMALISED_COLUMNS = [
    "regimen_id", "source_id", "short_label", "seed_file", "statement_kind", "protocol_id", "route", "route_label",
    "route_as_stated", "product", "dose_low", "dose_high", "dose_unit", "dose_per", "comparable", "reason",
    "unit_caveat", "cells_per_admin_low", "cells_per_admin_high", "admins_low", "admins_high", "open_ended",
    "cells_per_course_low", "cells_per_course_high", "printed_times_admins_low", "printed_times_admins_high",
    "course_days_low", "course_days_high", "weight_kg", "cells_per_kg_low", "cells_per_kg_high",
    "total_as_printed", "total_printed", "quote", "quote_translation", "schedule_quote", "reading",
]  # fmt: skip


def dose_text(row: pd.Series, lang: str = "en") -> str:
    """The dose in words with what it is counted per, e.g. '15 million–50 million cells per knee'."""
    dose = cells_range(row["dose_low"], row["dose_high"], lang)
    per = per_words(row["dose_per"], lang)
    if row["comparable"]:
        return f"{with_cells(dose, lang)} {per}".strip()
    return i18n.gettext(lang, "{dose} (not cells) {per}").format(dose=dose, per=per).strip()


# --- trial doses ---------------------------------------------------------------------------------


def trial_doses(ds: Dataset, weight_kg: float = DEFAULT_WEIGHT_KG) -> pd.DataFrame:
    """One row per dose a human study tested, as cells per administration; per-kg doses are converted at weight_kg."""
    rows = []
    for _, e in ds.evidence.iterrows():
        doses = e["doses_cells"] if isinstance(e["doses_cells"], tuple) else ()
        if not doses or e["condition"] == NON_HUMAN_CONDITION:
            continue
        per_kg = e["dose_basis"] == PER_KG_BASIS
        if not per_kg and e["dose_basis"] not in TRIAL_BASES_PER_ADMINISTRATION:
            continue
        for dose in doses:
            rows.append(
                {
                    "evidence_id": e["id"],
                    "short_name": e["short_name"],
                    "kind": e["kind"],
                    "condition": e["condition"],
                    "route": e["route"],
                    "route_label": route_label(e["route"], ds.lang),
                    "dose_as_tested": float(dose),
                    "dose_basis": e["dose_basis"],
                    "cells_per_admin": float(dose) * weight_kg if per_kg else float(dose),
                    "computed_from_weight": per_kg,
                    "weight_kg": float(weight_kg) if per_kg else math.nan,
                    "certainty": e["certainty"],
                    "verification": e["verification"],
                    "quote": e["quote"],
                }
            )
    return pd.DataFrame(rows, columns=_TRIAL_COLUMNS).astype({"computed_from_weight": bool, "cells_per_admin": float})


_TRIAL_COLUMNS = [
    "evidence_id", "short_name", "kind", "condition", "route", "route_label", "dose_as_tested", "dose_basis",
    "cells_per_admin", "computed_from_weight", "weight_kg", "certainty", "verification", "quote",
]  # fmt: skip


def trial_dose_text(row: pd.Series, lang: str = "en") -> str:
    _ = i18n.bound(lang)
    if row["computed_from_weight"]:
        return _("{dose} per kg × {weight} kg = {cells} (computed)").format(
            dose=with_cells(format_count(row["dose_as_tested"], lang), lang),
            weight=i18n.format_number(row["weight_kg"], lang),
            cells=with_cells(format_count(row["cells_per_admin"], lang), lang),
        )
    return f"{with_cells(format_count(row['dose_as_tested'], lang), lang)} {basis_words(row['dose_basis'], lang)}"


# --- selections and look-ups for pages -----------------------------------------------------------


def dosed_routes(norm: pd.DataFrame) -> list[str]:
    """Routes that have at least one printed dose, in the order the pages give them."""
    return list(dict.fromkeys(norm.loc[norm["dose_low"].notna(), "route"]))


def dosing_sources(norm: pd.DataFrame) -> list[str]:
    return list(dict.fromkeys(norm["source_id"]))


def select(norm: pd.DataFrame, routes: list[str], sources: list[str]) -> pd.DataFrame:
    return norm[norm["route"].isin(routes) & norm["source_id"].isin(sources)]


def pick(frame: pd.DataFrame, ids: tuple[str, ...] | list[str], column: str = "id") -> pd.DataFrame:
    """The rows of frame whose id is in ids, in the order of ids."""
    wanted = list(dict.fromkeys(ids))
    found = frame[frame[column].isin(wanted)]
    return found.set_index(column, drop=False).loc[[i for i in wanted if i in set(found[column])]]


def left_out_words(norm: pd.DataFrame, lang: str = "en") -> str:
    """A sentence naming the printed numbers left off a cells chart because they are not cell counts."""
    left = norm[~norm["comparable"] & norm["dose_low"].notna()]
    if left.empty:
        return ""
    # The pages' own names for what they give, quoted in Spanish so a reader sees they are the page's words.
    names = ", ".join(left["route_as_stated"] if lang == "en" else (f"«{n}»" for n in left["route_as_stated"]))
    return i18n.gettext(lang, "Left out because they are not cell counts: {names}.").format(names=names) + " "
