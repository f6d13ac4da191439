"""Routes: where each injection goes, what the pages claim for it, their doses against trials, evidence and harms."""

import streamlit as st

import ui
from core.text import md_escape, plural
from core.views import embed
from core.views import routes as routes_view

ds = ui.page_frame(
    "Routes",
    "The pages put cells into the knee, the disc, the spinal fluid, the space around the spinal cord and the "
    "blood. Where the needle goes decides what the cells can reach, what can go wrong and which studies apply.",
)

# 1. Inputs
section_labels = dict(zip(ds.routes["id"], ds.routes["label"], strict=True))
chosen = ui.bound_multiselect("Routes", list(ds.routes["id"]), "routes", format_func=section_labels.get)

# 2. Compute (cached per data version and choice of routes)
view = ui.derived(routes_view.routes_page, tuple(chosen))

# 3. Render
ui.chart_block(
    view.spread_chart,
    caption=embed.CAPTIONS["route_dose_spread"],
    data=view.spread,
    file_stem="route_dose_spread",
)
ui.chart_block(
    view.strength_chart,
    caption=embed.CAPTIONS["route_evidence_strength"],
    data=view.strength,
    file_stem="route_evidence_strength",
)

for part in view.sections:
    section = part.row
    with st.container(border=True):
        st.subheader(md_escape(section["label"]))
        harms = plural(len(part.harms), "report") if len(part.harms) else "none listed"
        # The short version first; the evidence and the regulators' words are one switch away (a phone shows seven
        # of these cards, and the full text of each runs to a screen or more).
        st.markdown(
            f"**Where the needle goes.** {md_escape(section['where_needle_goes'])}\n\n"
            f"**Doses.** {md_escape(part.doses_sentence)}\n\n"
            f"**Strongest evidence of benefit:** {md_escape(section['evidence_strength'])} · "
            f"**Documented harms:** {harms}"
        )
        if ui.reveal("Read what the evidence, the harms and the regulators say", key=f"summary_{section['id']}"):
            summary = [
                f"**Where the product ends up.** {md_escape(section['where_cells_end_up'])}"
                if section["where_cells_end_up"]
                else "",
                f"**What the evidence found.** {md_escape(section['evidence_summary'])}",
                f"**Regulators.** {md_escape(section['regulatory_summary'])}",
            ]
            st.markdown("\n\n".join(line for line in summary if line))
        shown = ui.reveal(
            f"Show the {plural(len(part.pages), 'dose quote')}, {plural(len(part.claims), 'claim')}, "
            f"{plural(len(part.studies), 'study', 'studies')}, {plural(len(part.harms), 'harm report')} and "
            f"{plural(len(part.statements), 'regulator statement')}",
            key=f"details_{section['id']}",
        )
        if not shown:
            continue
        ui.quotes(part.pages, lambda d: md_escape(d.reason or d.reading))
        ui.quotes(part.claims, lambda c: f"Our verdict: {md_escape(c.verdict)}. {md_escape(c.verdict_note)}")
        st.markdown(part.citations_markdown())
        st.dataframe(part.ids_table(), hide_index=True)
ui.page_end(ds, *(f"{p.row['where_needle_goes']} {p.row['evidence_summary']}" for p in view.sections))
