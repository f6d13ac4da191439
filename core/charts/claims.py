"""Chart builders for mechanisms, evidence, regulation and source quality: DataFrame in, alt.Chart out."""

from __future__ import annotations

import re

import altair as alt
import pandas as pd

from core import i18n
from core.analysis import vocab
from core.analysis.claims import BENEFIT_KINDS, COMPARISON_ORDER, comparison_words
from core.analysis.sources import (
    stated_as_short_words,
    stated_as_words,
    statement_words,
    study_words,
    topic_names,
    trials_show_words,
)
from core.charts import theme
from core.charts.sources import EDGE as _EDGE
from core.charts.sources import column_axis as _column_axis
from core.charts.sources import lines as _lines
from core.charts.sources import rubric_grid_chart  # noqa: F401 (the source-quality grid, where it was first)
from core.charts.sources import step as _step
from core.charts.sources import text_colour as _text_colour
from core.charts.theme import fitted as _fitted
from core.charts.theme import wrapped_legend as _wrapped_legend

KNEE_BACK = ("knee osteoarthritis", "discogenic low back pain")
_title = theme.wrapped_title
_SPLIT_LABEL = theme.LABEL_LINES


# --- mechanisms ----------------------------------------------------------------------------------


def mechanism_matrix_chart(matrix: pd.DataFrame, lang: str = "en") -> alt.LayerChart:
    """Grid of mechanism × page, coloured and labelled by how firmly each page asserts it; rows say what trials show."""
    _ = i18n.bound(lang)
    names, stated, shows = topic_names(lang), stated_as_words(lang), trials_show_words(lang)
    topics = list(dict.fromkeys(matrix["topic"]))
    sources = list(dict.fromkeys(matrix["short_label"]))
    status = matrix.drop_duplicates("topic").set_index("topic")["evidence_status"]
    short = {t: shows.get(status[t], (status[t], status[t]))[1] for t in topics}
    # What trials show goes on the row's own label (second line), so a phone needs no sixth column.
    row_of = {t: _lines(names.get(t, t), 20) + "|" + _("trials: {status}").format(status=short[t]) for t in topics}
    cells = matrix.assign(
        row=matrix["topic"].map(row_of),
        column=matrix["short_label"],
        fill=matrix["stated_as"].map(theme.STATED_AS_COLOURS).fillna("#ffffff"),
    )[["topic", "row", "column", "short_label", "label", "stated_as", "n_claims", "claim_ids", "evidence_status",
       "fill"]]  # fmt: skip
    cells = cells.assign(text_colour=_text_colour(cells["fill"]))
    fact_pages = matrix.loc[matrix["stated_as"] == "as fact", "short_label"].nunique()
    established = matrix.drop_duplicates("topic")["evidence_status"].eq("established").sum()
    if lang != "en":  # the chart's copy reads in the language; counts above were taken on the codes
        cells = cells.assign(
            topic=cells["topic"].map(lambda t: names.get(t, t)),
            label=matrix["stated_as"].map(stated_as_short_words(lang)).fillna(cells["label"]),
            stated_as=cells["stated_as"].map(lambda v: stated.get(v, v)),
            evidence_status=cells["evidence_status"].map(lambda v: shows.get(v, (v, v))[0]),
        )
    values = (*vocab.STATED_AS, vocab.NOT_CLAIMED)
    colours = {stated[v]: theme.STATED_AS_COLOURS[v] for v in values if v in theme.STATED_AS_COLOURS}
    if established == 0:
        title = _(
            "{fact} of {pages} pages state how the cells work as plain fact; trials have established none of these "
            "{n} mechanisms"
        ).format(fact=fact_pages, pages=len(sources), n=len(topics))
    else:
        title = _(
            "{fact} of {pages} pages state how the cells work as plain fact; trials have established only "
            "{established} of these {n} mechanisms"
        ).format(fact=fact_pages, pages=len(sources), established=established, n=len(topics))
    x = alt.X("column:N", title=None, sort=sources, axis=_column_axis())
    y = alt.Y("row:N", title=None, sort=[row_of[t] for t in topics], axis=theme.wrapped_axis())
    tooltip = [
        alt.Tooltip("topic:N", title=_("Mechanism")),
        alt.Tooltip("short_label:N", title=_("Page")),
        alt.Tooltip("stated_as:N", title=_("Strongest wording")),
        alt.Tooltip("n_claims:Q", title=_("Claims")),
        alt.Tooltip("claim_ids:N", title=_("Claim ids")),
        alt.Tooltip("evidence_status:N", title=_("What trials show")),
    ]
    base = alt.Chart(cells).encode(x=x, y=y, tooltip=tooltip)
    claim_cells = base.mark_rect(stroke=_EDGE, strokeWidth=0.5).encode(
        color=alt.Color(
            "stated_as:N",
            # Vega cuts a legend title at 180 px: a longer one (Spanish) goes on two lines, as do long labels.
            title=_fitted(_("How firmly the page says it"), 28),
            scale=theme.colour_scale(colours, [stated[v] for v in values]),
            legend=_wrapped_legend([stated[v] for v in values], 26),
        )
    )
    text = base.mark_text(fontSize=theme.MARK_TEXT_SIZE).encode(
        text="label:N", color=alt.Color("text_colour:N", scale=None)
    )
    return alt.layer(claim_cells, text).properties(
        title=_title(title, _("Each cell: the firmest wording a page uses.")),
        height=alt.Step(_step(list(row_of.values()))),
        description=_(
            "Grid chart. {title}. Rows are the {n} claimed mechanisms, each with what trials show; columns are the "
            "{pages} pages; each cell is labelled fact, hedged, anecdote or a dash for not claimed."
        ).format(title=title, n=len(topics), pages=len(sources)),
    )


# --- evidence ------------------------------------------------------------------------------------


def knee_back_studies(overview: pd.DataFrame) -> pd.DataFrame:
    """Studies of people with knee osteoarthritis or disc back pain that test whether the cells help."""
    return overview[overview["condition"].isin(KNEE_BACK) & overview["kind"].isin(BENEFIT_KINDS)]


def evidence_title(overview: pd.DataFrame, lang: str = "en") -> str:
    _ = i18n.bound(lang)
    knee_back = knee_back_studies(overview)
    if knee_back.empty:
        return _("None of the {n} studies shown tested cells for knee or back pain").format(n=len(overview))
    placebo = int((knee_back["comparison"] == "placebo or sham").sum())
    others = len(overview) - len(knee_back)
    if not others:
        return _(
            "Only {placebo} of the {n} knee and back studies we list compared cells with a placebo or sham"
        ).format(placebo=placebo, n=len(knee_back))
    return _(
        "Only {placebo} of the {n} knee and back studies we list compared cells with a placebo or sham; {others} more "
        "are on other diseases, animals or background"
    ).format(placebo=placebo, n=len(knee_back), others=others)


def evidence_chart(overview: pd.DataFrame, lang: str = "en") -> alt.Chart:
    """Every study as a dot by year, stacked within its condition's row, shaped and coloured by comparison."""
    _ = i18n.bound(lang)
    title = evidence_title(overview, lang)
    words, compared = study_words(lang), comparison_words(lang)
    order = [compared[c] for c in COMPARISON_ORDER]
    data = overview[
        ["id", "short_name", "kind", "year", "condition", "route", "condition_route", "comparison", "design", "size",
         "doses", "comparator", "main_finding", "certainty", "verification", "funding"]
    ]  # fmt: skip
    data = data.assign(
        # One row per condition (its route is in the tooltip and the table): fewer, fuller rows on a phone.
        row=data["condition"].map(lambda v: theme.split_label(words.get(v, v), 16)),
        rank=data["comparison"].map(lambda c: COMPARISON_ORDER.index(c) if c in COMPARISON_ORDER else len(order)),
        **{c: data[c].map(lambda v: words.get(v, v)) for c in ("kind", "route", "certainty", "verification")},
    ).sort_values(["row", "year", "rank", "id"])
    # Studies of one row and year stack upwards instead of hiding behind each other.
    data = data.assign(stack=data.groupby(["row", "year"]).cumcount())
    # Knee and back rows first, then the rest alphabetically.
    first = data.assign(other=~data["condition"].isin(KNEE_BACK)).sort_values(["other", "row"])
    rows = list(dict.fromkeys(first["row"]))
    data = data.assign(
        condition=data["condition"].map(lambda v: words.get(v, v)),
        comparison=data["comparison"].map(lambda v: compared.get(v, v)),
    )
    colours = {compared[c]: theme.COMPARISON_COLOURS[c] for c in COMPARISON_ORDER if c in theme.COMPARISON_COLOURS}
    tallest = int(data["stack"].max()) + 1 if not data.empty else 1
    centred = [*range(tallest - 1 - (tallest - 1) % 2, -1, -2), *range(1, tallest, 2)]
    return (
        alt.Chart(data)
        .mark_point(size=110, filled=True, opacity=0.9, stroke="#ffffff", strokeWidth=0.5)
        .encode(
            x=alt.X(
                "year:Q",
                title=_("Year published"),
                scale=alt.Scale(zero=False, nice=False, padding=14),
                axis=alt.Axis(format="d", tickMinStep=1, tickCount=5),
            ),
            y=alt.Y("row:N", title=None, sort=rows, axis=theme.wrapped_axis()),
            # The first study of a year sits level with the row's label, the next ones alternate below and above.
            yOffset=alt.YOffset("stack:O", sort=centred, scale=alt.Scale(paddingInner=0)),
            color=alt.Color("comparison:N", title=_("Compared with"), scale=theme.colour_scale(colours, order)),
            shape=alt.Shape(
                "comparison:N",
                title=_("Compared with"),
                scale=alt.Scale(domain=order, range=list(theme.COMPARISON_SHAPES)),
            ),
            tooltip=[
                alt.Tooltip("short_name:N", title=_("Study")),
                alt.Tooltip("kind:N", title=_("Kind")),
                alt.Tooltip("year:Q", title=_("Year"), format="d"),
                alt.Tooltip("condition:N", title=_("Condition")),
                alt.Tooltip("route:N", title=_("Route")),
                alt.Tooltip("design:N", title=_("Design")),
                alt.Tooltip("size:N", title=_("Size")),
                alt.Tooltip("doses:N", title=_("Doses")),
                alt.Tooltip("comparator:N", title=_("Comparator")),
                alt.Tooltip("main_finding:N", title=_("Finding")),
                alt.Tooltip("certainty:N", title=_("Certainty")),
                alt.Tooltip("verification:N", title=_("Checked")),
            ],
        )
        .properties(
            title=_title(title, _("Each dot is one study, by year; studies of one year stack up.")),
            height=len(rows) * max(40, 13 * tallest + 10) + 24 * 4 + 22 * len(order) + 110,
            description=_(
                "Dot chart. {title}. Each of the {n} studies is a dot placed by year, in a row for its condition; "
                "shape and colour show whether it compared cells with a placebo or sham, another treatment, nothing, "
                "or was not a test of benefit."
            ).format(title=title, n=len(data)),
        )
    )


# --- regulation ----------------------------------------------------------------------------------

# A mark and its label take up this many years of the axis on a phone (about 7 px per year at 390 px).
_MARK_YEARS, _CHAR_YEARS = 1.4, 1.3
# Titles and summaries are read in either language (the Spanish edition translates them), so the chart says the
# same in both (tests/test_es_claims.py checks).
_PRODUCT = re.compile(
    r"(?:approves|licenses|authorises|authorizes|aprueba|autoriza|licencia a|aprobación de)\s+([\w-]+)|^([\w-]+)\s*\(",
    re.IGNORECASE,
)
_KNEE = r"\bknee|rodilla"
_BACK = r"\b(?:back|spine|spinal|disc)\b|espalda|columna vertebral|\bdiscos?\b|lumbar"
_SURGERY = r"surg|cirug|ciruj|quirúrg"
AGAINST = ("consumer warning", "safety alert", "court ruling")


def approval_label(title: str, lang: str = "en") -> str:
    """The product's name in an approval's title ("FDA approves Ryoncil (...)" → "Ryoncil"), else "approval"."""
    match = _PRODUCT.search(title)
    name = (match.group(1) or match.group(2)) if match else ""
    return name or i18n.pgettext(lang, "chart label", "approval")


def _lanes(timeline: pd.DataFrame) -> pd.Series:
    """Within each jurisdiction, the first lane where a mark (and its label) does not overlap an earlier one."""
    lanes = pd.Series(0, index=timeline.index)
    last = timeline["date_start"].max() if not timeline.empty else pd.Timestamp("2000-01-01")
    for _, group in timeline.sort_values("date_start").groupby("jurisdiction", sort=False):
        ends: list[float] = []
        for index, row in group.iterrows():
            year = row["date_start"].year + row["date_start"].day_of_year / 366
            width = _CHAR_YEARS * len(row["label"]) if row["label"] else 0
            # Labels near the end of the axis are drawn to the left of their mark.
            left_of = (last - row["date_start"]).days < 6 * 365
            start, end = (year - _MARK_YEARS - width, year + _MARK_YEARS) if left_of else (
                year - _MARK_YEARS, year + _MARK_YEARS + width)  # fmt: skip
            lane = next((i for i, e in enumerate(ends) if e <= start), len(ends))
            if lane < len(ends):
                ends[lane] = end
            else:
                ends.append(end)
            lanes[index] = lane
    return lanes


def against_words(timeline: pd.DataFrame, lang: str = "en") -> str:
    against = int(timeline["kind"].isin(AGAINST).sum())
    return i18n.gettext(lang, "{n} are warnings, alerts or court rulings").format(n=against)


def regulatory_title(timeline: pd.DataFrame, lang: str = "en") -> str:
    """What the approvals are for, read from their own titles and summaries, and how many statements warn."""
    _ = i18n.bound(lang)
    approvals = timeline[timeline["kind"] == "approval"]
    against = int(timeline["kind"].isin(AGAINST).sum())
    n = len(approvals)
    if n == 0:
        return _("No approvals among these statements; {against} warnings, alerts and court rulings").format(
            against=against
        )
    knee = approvals[approvals["title"].str.contains(_KNEE, case=False, regex=True)]
    back = approvals[approvals["title"].str.contains(_BACK, case=False, regex=True)]
    surgical = knee["summary"].str.contains(_SURGERY, case=False, regex=True)
    names = ", ".join(approval_label(t, lang) for t in knee["title"])
    if knee.empty and back.empty:
        return i18n.ngettext(
            lang,
            "None of the {n} approval is for knee or back pain; {against} warnings, alerts and court rulings",
            "None of the {n} approvals is for knee or back pain; {against} warnings, alerts and court rulings",
            n,
        ).format(n=n, against=against)
    if back.empty and surgical.all() and len(knee) == 1:
        return i18n.ngettext(
            lang,
            "None of the {n} approval is a shot for knee or back pain; the one for knees ({names}) is put in by "
            "surgery",
            "None of the {n} approvals is a shot for knee or back pain; the one for knees ({names}) is put in by "
            "surgery",
            n,
        ).format(n=n, names=names)
    if back.empty and surgical.all():
        return i18n.ngettext(
            lang,
            "None of the {n} approval is a shot for knee or back pain; the {knee} for knees ({names}) are put in by "
            "surgery",
            "None of the {n} approvals is a shot for knee or back pain; the {knee} for knees ({names}) are put in by "
            "surgery",
            n,
        ).format(n=n, knee=len(knee), names=names)
    return _("Of {n} approvals, {knee} are for knees ({names}) and {back} for backs").format(
        n=n, knee=len(knee), names=names, back=len(back)
    )


def regulatory_timeline_chart(timeline: pd.DataFrame, lang: str = "en") -> alt.LayerChart:
    """Regulator and court statements on a time line: each jurisdiction a labelled band of rows, approvals named."""
    _ = i18n.bound(lang)
    words = statement_words(lang) | study_words(lang)
    codes = list(dict.fromkeys([*theme.STATEMENT_COLOURS, *timeline["kind"]]))
    kinds = [words.get(k, k) for k in codes]
    colours = {words.get(k, k): colour for k, colour in theme.STATEMENT_COLOURS.items()}
    title = regulatory_title(timeline, lang)
    data = timeline[["id", "date_start", "date", "jurisdiction", "body", "kind", "title", "summary", "verification"]]
    names = [
        approval_label(t, lang) if k == "approval" else "" for k, t in zip(data["kind"], data["title"], strict=True)
    ]
    # The chart's copy reads in the language (the codes were needed only for the names and the title).
    data = data.assign(
        label=names, **{c: data[c].map(lambda v: words.get(v, v)) for c in ("jurisdiction", "kind", "verification")}
    )
    data = data.assign(lane=_lanes(data))
    last = data["date_start"].max() if not data.empty else pd.Timestamp("2000-01-01")
    data = data.assign(left_of=[(last - d).days < 6 * 365 for d in data["date_start"]])
    # One row per lane; a jurisdiction's name sits on its first lane, so every mark is beside its own label.
    jurisdictions = list(dict.fromkeys(data.sort_values("date_start")["jurisdiction"]))
    keys = [f"{j}~{lane}" for j in jurisdictions for lane in range(int(data.loc[data["jurisdiction"] == j,
                                                                                     "lane"].max()) + 1)]  # fmt: skip
    data = data.assign(key=data["jurisdiction"] + "~" + data["lane"].astype(str))
    y = alt.Y(
        "key:N",
        title=None,
        sort=keys,
        scale=alt.Scale(paddingInner=0, paddingOuter=0.2),
        axis=alt.Axis(labelExpr="split(datum.label, '~')[1] == '0' ? split(datum.label, '~')[0] : ''",
                      labelLimit=0, ticks=False, grid=False, domain=False),
    )  # fmt: skip
    x = alt.X(
        "date_start:T",
        title=_("Date (first day of the stated year or month)"),
        scale=alt.Scale(padding=14),
        axis=alt.Axis(tickCount=5),
    )
    tooltip = [
        alt.Tooltip("date:N", title=_("Date as stated")),
        alt.Tooltip("jurisdiction:N", title=_("Where")),
        alt.Tooltip("body:N", title=_("Who")),
        alt.Tooltip("kind:N", title=_("Kind")),
        alt.Tooltip("title:N", title=_("Title")),
        alt.Tooltip("summary:N", title=_("What it says")),
        alt.Tooltip("verification:N", title=_("Checked")),
    ]
    base = alt.Chart(data)
    # A thin line above each jurisdiction's first lane separates the bands.
    separators = (
        alt.Chart(pd.DataFrame({"key": [f"{j}~0" for j in jurisdictions[1:]]}))
        .mark_rule(color="#d9d9d9", strokeWidth=1)
        .encode(y=alt.Y("key:N", sort=keys, bandPosition=0))
    )
    points = base.mark_point(size=130, filled=True, opacity=1, stroke="#ffffff", strokeWidth=0.5).encode(
        x=x,
        y=y,
        color=alt.Color("kind:N", title=_("Kind of statement"), scale=theme.colour_scale(colours, kinds)),
        shape=alt.Shape(
            "kind:N", title=_("Kind of statement"),
            scale=alt.Scale(domain=kinds, range=[*theme.STATEMENT_SHAPES, *["circle"] * len(kinds)][: len(kinds)]),
        ),
        tooltip=tooltip,
    )  # fmt: skip
    labels = [
        base.transform_filter((alt.datum.label != "") & (alt.datum.left_of == side))
        .mark_text(align="right" if side else "left", dx=-10 if side else 10, fontWeight=600)
        .encode(x=x, y=y, text="label:N", tooltip=tooltip)
        for side in (False, True)
    ]
    return alt.layer(separators, points, *labels).properties(
        title=_title(
            title,
            _("Each mark is one statement, by date and place; {against}.").format(
                against=against_words(timeline, lang)
            ),
        ),
        height=22 * len(keys) + 24 * 5 + 22 * 4 + 110,
        description=_(
            "Time line. {title}. {n} statements by regulators, courts and professional bodies, placed by date in a "
            "band for each of {bands} jurisdictions ({names}); shape and colour show the kind of statement, and each "
            "approval is labelled with the product's name."
        ).format(title=title, n=len(data), bands=len(jurisdictions), names=", ".join(jurisdictions)),
    )
