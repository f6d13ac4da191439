"""Home's lead: what is and is not approved, how far the doses disagree, and the dose-ladder chart that shows it."""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import TYPE_CHECKING

import pandas as pd

from core import i18n
from core.analysis import dose_frames, doses, findings, vocab
from core.analysis.verdicts import approval_status, summary_of_findings
from core.data import Dataset
from core.i18n import N_
from core.text import format_count, md_escape

if TYPE_CHECKING:
    import altair as alt

# NOTE: Altair (and the theme, which registers with it) is imported inside the chart builder: Home's lead
# sentences are drawn before any chart, so a freshly started server shows them without waiting for Altair.

# Ladder groups, top to bottom: what the pages ask for, what trials tested, what a regulator approved.
GROUP_ORDER = ("page dose", "page course", "trials", "approved")
TRIAL_ROUTES = {"intra-articular knee": N_("Knee trials"), "intradiscal": N_("Disc trials")}
APPROVED_LABEL_ID = "ryoncil_label"  # evidence row of the one approved MSC product with a dose


@dataclass(frozen=True)
class Lead:
    """One lead sentence and the data rows behind it (ids go to tables and downloads, never into the sentence)."""

    headline: str
    detail: str
    row_ids: tuple[str, ...]
    short: str = ""  # the one clause of the detail that belongs on a phone's first screen


# --- approval ------------------------------------------------------------------------------------


def approval(ds: Dataset) -> Lead:
    """What is and is not approved for knee and back pain, with the approved knee cell products as the exception."""
    status = approval_status(ds)
    detail = " ".join(part for part in (status.detail, status.exception) if part)
    return Lead(status.headline, detail, tuple(status.row_ids), short=status.exception)


# --- dose ladder ---------------------------------------------------------------------------------


def dose_ladder(ds: Dataset, weight_kg: float = doses.DEFAULT_WEIGHT_KG) -> pd.DataFrame:
    """One row per rung: each page's dose and largest course, the trial range by route, the approved IV dose."""
    lang, _ = ds.lang, i18n.bound(ds.lang)
    norm = doses.normalise(ds, weight_kg)
    trials = doses.trial_doses(ds, weight_kg)
    rows: list[dict] = []
    cells = norm[norm["comparable"]]
    for source_id, group in cells.groupby("source_id", sort=False):
        name = group["short_label"].iloc[0]
        # Matched on the route code: the label is in the reader's language.
        routes = sorted(set(group.loc[group["route"] != "unspecified", "route_label"]))
        note = _("As the page counts it (per knee, injection, session or day); routes: {routes}.")
        rows.append(
            _rung("page dose", _("{name}: one dose").format(name=name), group["cells_per_admin_low"].min(),
                  group["cells_per_admin_high"].max(), source_id, tuple(group["regimen_id"]),
                  note.format(routes=", ".join(routes)), lang)
        )  # fmt: skip
    courses = dose_frames.course_totals(norm, ds.lang)
    for source_id, group in courses.groupby("source_id", sort=False):
        top = group.loc[group[["low", "high"]].max(axis=1).idxmax()]
        high = top["high"] if pd.notna(top["high"]) else top["low"]
        printed = top["basis"] == "printed"
        note = _("Printed by the page.") if printed else _("Worked out by us: the page never prints it.")
        if pd.isna(top["high"]):
            note += " " + _("The page sets no limit on sessions, so this is the least it could be.")
        rows.append(
            _rung("page course", _("{name}: largest course").format(name=top["short_label"]), top["low"], high,
                  source_id, tuple(top["regimen_ids"]), note, lang, worked_out=not printed)
        )  # fmt: skip
    for route, label in TRIAL_ROUTES.items():
        tested = trials[trials["route"] == route]
        if tested.empty:
            continue
        studies = tested["evidence_id"].nunique()
        rows.append(
            _rung("trials", _("{name}: one dose").format(name=_(label)), tested["cells_per_admin"].min(),
                  tested["cells_per_admin"].max(), "trials", tuple(dict.fromkeys(tested["evidence_id"])),
                  i18n.ngettext(lang, "{n} study, cells per injection.", "{n} studies, cells per injection.",
                                studies).format(n=studies), lang)
        )  # fmt: skip
    approved = trials[trials["evidence_id"] == APPROVED_LABEL_ID]
    if not approved.empty:
        dose = approved["cells_per_admin"].iloc[0]
        weight = f"{weight_kg:g}" if lang == i18n.DEFAULT else i18n.format_number(weight_kg, lang)
        rows.append(
            _rung("approved", _("Approved IV dose, for another disease"), dose, dose, "approved", (APPROVED_LABEL_ID,),
                  _("Ryoncil, approved in the US only for a children's immune disease (graft-versus-host disease); "
                    "{dose_cells} per kg, shown for a {weight}-kg adult. Not approved for joints or backs.").format(
                      dose_cells=_cells(approved["dose_as_tested"].iloc[0], lang), weight=weight), lang)
        )  # fmt: skip
    frame = pd.DataFrame(rows, columns=_LADDER_COLUMNS)
    return frame.reset_index(drop=True)


_LADDER_COLUMNS = ["group", "rung", "low", "high", "colour_key", "cells", "label", "note", "worked_out", "row_ids"]


def _rung(group: str, rung: str, low: float, high: float, key: str, ids: tuple[str, ...], note: str,
          lang: str = i18n.DEFAULT, *, worked_out: bool = False) -> dict:  # fmt: skip
    cells = doses.cells_range(low, high, lang)
    label = i18n.gettext(lang, "{what}: {cells}").format(what=rung, cells=cells)
    # worked_out: a course total the page never prints (our arithmetic).
    return {"group": group, "rung": rung, "low": float(low), "high": float(high), "colour_key": key, "cells": cells,
            "label": label, "note": note, "worked_out": worked_out, "row_ids": ids}  # fmt: skip


def _cells(value: float, lang: str) -> str:
    """'200 million cells'; in Spanish '200 millones de células' (the catalog's middle plural form, for a count in
    millions, which Spanish joins to its noun with 'de'), '500.000 células'."""
    form = 1_000_000 if value >= 1e6 else int(value)
    return i18n.ngettext(lang, "{n} cell", "{n} cells", form).format(n=format_count(value, lang))


def _whole(value: float, lang: str) -> str:
    """A whole number: '13' (English as it always was), '1.300' in Spanish."""
    return f"{value:.0f}" if lang == i18n.DEFAULT else i18n.format_number(round(value), lang, 0)


def dose_lead(ladder: pd.DataFrame, lang: str = i18n.DEFAULT) -> Lead | None:
    """How far the pages' doses disagree with each other and with trials, in one sentence."""
    _ = i18n.bound(lang)
    pages = ladder[ladder["group"] == "page dose"]
    trials = ladder[ladder["group"] == "trials"]
    if pages.empty:
        return None
    pages_spread = doses.spread(pages)
    headline = i18n.ngettext(
        lang,
        "The one page that gives cell doses asks for {low} to {high_cells} a dose, the largest {fold} times the "
        "smallest, with no reason given.",
        "The {count} pages that give cell doses ask for {low} to {high_cells} a dose, the largest {fold} times the "
        "smallest, with no reason given.",
        len(pages),
    ).format(count=i18n.gettext(lang, _COUNT_WORDS.get(len(pages), str(len(pages)))),
             low=format_count(pages_spread.low, lang), high_cells=_cells(pages_spread.high, lang),
             fold=_whole(pages_spread.fold, lang))  # fmt: skip
    details, short = [], ""
    if not trials.empty:
        low, high = format_count(trials["low"].min(), lang), format_count(trials["high"].max(), lang)
        high_cells = _cells(trials["high"].max(), lang)
        short = _("Trials tested {low} to {high}.").format(low=low, high=high)
        agreed = _("Trials in knees and discs tested {low} to {high_cells} per injection; there is no agreed dose.")
        details.append(agreed.format(low=low, high_cells=high_cells))
    courses = ladder[ladder["group"] == "page course"]
    if not courses.empty:
        total = _cells(courses["high"].max(), lang)
        worked_out = bool(ladder.loc[courses["high"].idxmax(), "worked_out"])
        details.append(
            _("The largest course on these pages adds up to {total}, a sum the page never prints.").format(total=total)
            if worked_out
            else _("The largest course on these pages adds up to {total}.").format(total=total)
        )
    ids = tuple(dict.fromkeys(i for ids in ladder["row_ids"] for i in ids))
    return Lead(headline, " ".join(details), ids, short)


def ladder_title(ladder: pd.DataFrame, lang: str = i18n.DEFAULT) -> str:
    _ = i18n.bound(lang)
    pages = ladder[ladder["group"] == "page dose"]
    trials = ladder[ladder["group"] == "trials"]
    if pages.empty:
        return _("No page gives a cell dose to compare")
    fold = _whole(doses.spread(pages).fold, lang)
    if trials.empty:
        return _("The pages' doses differ {fold}-fold").format(fold=fold)
    return _("The pages' doses differ {fold}-fold; trials tested {low} to {high}").format(
        fold=fold, low=format_count(trials["low"].min(), lang), high=format_count(trials["high"].max(), lang)
    )


def _colour_scale(ladder: pd.DataFrame) -> alt.Scale:
    from core.charts import theme

    # Pages keep their colour from every other chart; trials are grey and the approved dose black, as elsewhere.
    mapping = {**theme.SOURCE_COLOURS, "trials": theme.TRIAL_GREY, "approved": theme.BLACK}
    return theme.colour_scale(mapping, list(dict.fromkeys(ladder["colour_key"])))


ROW_PX = 46
# Words longer than this (the longest English has 55) overrun a 390-px phone: two lines, rows with room for them.
LABEL_CHARS, TWO_LINE_ROW_PX = 56, 56
_COUNT_WORDS = {2: N_("two"), 3: N_("three"), 4: N_("four"), 5: N_("five")}  # one page has its own sentence


def dose_ladder_chart(ladder: pd.DataFrame, lang: str = i18n.DEFAULT) -> alt.LayerChart:
    """Each rung a range on one log scale of cells, its words written above it so nothing hides in a tooltip."""
    import altair as alt

    from core.charts import theme

    _ = i18n.bound(lang)
    title = ladder_title(ladder, lang)
    rungs = list(ladder["rung"])
    values = pd.concat([ladder["low"], ladder["high"]])
    low, high = (values.min(), values.max()) if not values.empty else (1e6, 1e9)
    # Room on the right for the last rung's words; ticks only at powers of ten a reader can name.
    domain = [low / 2, high * 2]
    ticks = [10.0**k for k in range(math.ceil(math.log10(domain[0])), math.floor(math.log10(domain[1])) + 1)]
    x = alt.X(
        "low:Q",
        title=_("Cells (log scale)"),
        scale=alt.Scale(type="log", domain=domain, nice=False),
        axis=alt.Axis(values=ticks, labelExpr=doses_axis_label(lang)),
    )
    # The label reads '{what}: {cells}': a long one is broken before its cells.
    words_lines = [":|".join(w.rsplit(": ", 1)) if len(w) > LABEL_CHARS else w for w in ladder["label"]]
    row_px = TWO_LINE_ROW_PX if any("|" in w for w in words_lines) else ROW_PX
    y = alt.Y("rung:N", sort=rungs, title=None, axis=None, scale=alt.Scale(paddingInner=0.55, paddingOuter=0.3))
    color = alt.Color("colour_key:N", scale=_colour_scale(ladder), legend=None)
    tooltip = [alt.Tooltip("rung:N", title=_("What")), alt.Tooltip("cells:N", title=_("Cells")),
               alt.Tooltip("note:N", title=_("Note"))]  # fmt: skip
    base = alt.Chart(ladder.assign(words=words_lines))
    rule = base.mark_rule(strokeWidth=5).encode(x=x, x2="high:Q", y=y, color=color, tooltip=tooltip)
    ends = [
        base.mark_point(filled=True, size=140, opacity=1, shape="diamond" if end == "approved" else "circle").encode(
            x=alt.X(f"{end}:Q"), y=y, color=color, tooltip=tooltip
        )
        for end in ("low", "high")
    ]
    words = base.mark_text(align="left", baseline="bottom", dy=-9, fontSize=14, limit=0, lineBreak="|").encode(
        x=alt.datum(domain[0]), y=y, text="words:N", color=alt.value("#1a1a1a")
    )
    heading = theme.wrapped_title(
        title,
        _(
            "Cells per dose, and per whole course, on one scale. Colours: the pages. Grey: doses trials tested. "
            "Black: the one approved stem-cell drip, for a different disease."
        ),
    )
    return alt.layer(rule, *ends, words).properties(
        title=heading,
        height=len(rungs) * row_px + 22 * theme.title_lines(heading) + 60,
        description=" ".join(
            [_("Dose ladder. {title}.").format(title=title)] + [f"{r.label}." for r in ladder.itertuples()]
        ),
    )


def doses_axis_label(lang: str = i18n.DEFAULT) -> str:
    """A Vega expression naming a tick in words: '1 billion' in English; Spanish counts in millions up to 10^12
    ('1.000 millones', never 'billón': a Spanish billón is a million millions)."""
    if lang == "es":
        return (
            "datum.value >= 1e12 ? format(datum.value / 1e12, ',~g') + (datum.value == 1e12 ? ' billón' : ' billones')"
            " : datum.value >= 1e6 ? format(datum.value / 1e6, ',~g') + (datum.value == 1e6 ? ' millón' : ' millones')"
            " : format(datum.value, ',~g')"
        )
    return (
        "datum.value >= 1e9 ? format(datum.value / 1e9, '~g') + ' billion' : "
        "datum.value >= 1e6 ? format(datum.value / 1e6, '~g') + ' million' : format(datum.value, ',~g')"
    )


def ladder_caption(lang: str = i18n.DEFAULT) -> str:
    """The ladder's caveat in the reader's language."""
    return i18n.gettext(lang, LADDER_CAPTION)


LADDER_CAPTION = N_(
    "What this cannot tell you: which dose works. There is no agreed dose, and a bigger number is not a better "
    "treatment. Pages count per knee, injection, session or day, as they print it; course totals the page never "
    "prints are our arithmetic. Cells from different sources and routes are not interchangeable. Sources: the five "
    "archived pages, the trials on the Evidence page, and the US label of the approved product."
)


def lead_markdown(view: HomeView | LeadView) -> str:
    """The finding as Markdown for the first screen: approval first, then the doses, escaped."""
    parts = [f"**{md_escape(view.approval.headline)}** {md_escape(view.approval.short)}".strip()]
    if view.doses is not None:
        parts.append(f"**{md_escape(view.doses.headline)}** {md_escape(view.doses.short)}".strip())
    return "\n\n".join(parts)


def lead_text(view: HomeView | LeadView) -> str:
    """The same finding as plain text (for the glossary and the handout)."""
    leads = [view.approval] + ([view.doses] if view.doses else [])
    return " ".join(f"{x.headline} {x.detail}".strip() for x in leads)


def key_points(ds: Dataset) -> list[Lead | findings.Finding]:
    """Home's findings in reading order, lead first: what Home, the handout and the room all say."""
    ladder = dose_ladder(ds)
    dose = dose_lead(ladder, ds.lang)
    # The handout has no summary-of-findings list, so it keeps the largest knee trial among its points.
    trial = findings.largest_trial(ds, "knee osteoarthritis")
    return [approval(ds), *([dose] if dose else []), *([trial] if trial else []), *_other_findings(ds)]


def _other_findings(ds: Dataset) -> list[findings.Finding]:
    # The dose findings are the lead and the chart; what trials found is the summary of findings above these.
    found = (
        findings.claims_as_fact(ds),
        findings.harms_documented(ds),
    )
    return [f for f in found if f is not None]


# --- the view ------------------------------------------------------------------------------------


@dataclass(frozen=True)
class LeadView:
    approval: Lead
    doses: Lead | None


def lead_view(ds: Dataset) -> LeadView:
    """Only the lead sentences (no chart): the first thing a phone shows, so it is computed first."""
    return LeadView(approval(ds), dose_lead(dose_ladder(ds), ds.lang))


@dataclass(frozen=True)
class HomeView:
    approval: Lead
    doses: Lead | None
    ladder: pd.DataFrame
    ladder_table: pd.DataFrame
    ladder_chart: dict
    findings: list[findings.Finding]
    sources_table: pd.DataFrame


def home_view(ds: Dataset) -> HomeView:
    """Everything Home shows, computed once per data version."""
    from core.charts.export import to_spec

    lang = ds.lang
    ladder = dose_ladder(ds)
    found = _other_findings(ds)
    lead = dose_lead(ladder, lang)
    approval_lead = approval(ds)
    leads = [(N_("Approval"), approval_lead)] + ([(N_("Doses"), lead)] if lead else [])
    finding, behind = _column("finding", lang), _column("rows behind it", lang)
    named = i18n.gettext(lang, "{what}: {cells}")  # "Approval: No stem-cell ...", the same pattern as a rung
    sources = pd.DataFrame(
        [{finding: named.format(what=i18n.gettext(lang, name), cells=x.headline), behind: " ".join(x.row_ids)}
         for name, x in leads]
        + [{finding: f.headline, behind: " ".join(f.row_ids)} for f in found]
    )  # fmt: skip
    table = ladder.assign(row_ids=ladder["row_ids"].map(" ".join))[["rung", "cells", "low", "high", "note", "row_ids"]]
    names = {"rung": "what", "cells": "cells", "low": "cells_low", "high": "cells_high", "note": "note",
             "row_ids": "row_ids"}  # fmt: skip
    return HomeView(
        approval=approval_lead,
        doses=lead,
        ladder=ladder,
        ladder_table=table.rename(columns={key: _column(name, lang) for key, name in names.items()}),
        ladder_chart=to_spec(dose_ladder_chart(ladder, lang)),
        findings=found,
        sources_table=sources,
    )


# Column headers of Home's tables (English keeps its snake_case ids; another language names them in words).
_COLUMNS = (N_("what"), N_("cells"), N_("cells_low"), N_("cells_high"), N_("note"), N_("row_ids"), N_("finding"),
            N_("rows behind it"))  # fmt: skip


def _column(name: str, lang: str) -> str:
    return i18n.gettext(lang, name)


# A comparator that is the absence of one ("no comparison group ...") is named in brackets, not after "against".
_NO_COMPARATOR = ("no ", "sin ", "ningún ", "ninguna ")


def studies_show_markdown(ds: Dataset) -> str:
    """What studies show, one line per question: the first (headline) outcome of each in the summary of findings."""
    _ = i18n.bound(ds.lang)
    sof = summary_of_findings(ds).drop_duplicates("question", keep="first")

    def against(comparator: str) -> str:
        if comparator.lower().startswith(_NO_COMPARATOR):
            return f" ({comparator})"
        return _(", against {comparator}").format(comparator=comparator)

    return "\n".join(
        f"- **{md_escape(row.question)}** {md_escape(row.outcome + against(row.comparator))}: "
        f"{md_escape(row.effect_plain)} "
        # Our own words are not escaped (as before); the values in them are.
        + "*({})*".format(
            _("{certainty} certainty; {size}").format(
                certainty=md_escape(vocab.certainty_word(row.certainty, ds.lang)), size=md_escape(row.size)
            )
        )
        for row in sof.itertuples()
    )
