"""Routes: where each injection goes, what the pages claim for it, their doses against trials, evidence and harms."""

import streamlit as st

import ui
from core.text import md_escape
from core.views import embed
from core.views import routes as routes_view

_ = ui._

ds = ui.page_frame(
    _("Routes"),
    _(
        "The pages put cells into the knee, the disc, the spinal fluid, the space around the spinal cord and the "
        "blood. Where the needle goes decides what the cells can reach, what can go wrong and which studies apply."
    ),
)
lang = ds.lang

# 1. Inputs (options are route ids, so links keep working in either language; the labels are the edition's)
section_labels = dict(zip(ds.routes["id"], ds.routes["label"], strict=True))
chosen = ui.bound_multiselect(_("Routes"), list(ds.routes["id"]), "routes", format_func=section_labels.get)

# 2. Compute (cached per data version, language and choice of routes)
view = ui.derived(routes_view.routes_page, tuple(chosen))

# 3. Render
ui.chart_block(
    view.spread_chart,
    caption=embed.caption("route_dose_spread", lang),
    data=routes_view.on_screen(view.spread, lang),
    file_stem="route_dose_spread",
)
ui.chart_block(
    view.strength_chart,
    caption=embed.caption("route_evidence_strength", lang),
    data=routes_view.on_screen(view.strength, lang),
    file_stem="route_evidence_strength",
)

for part in view.sections:
    section = part.row
    with st.container(border=True):
        st.subheader(md_escape(section["label"]))
        # The short version first; the evidence and the regulators' words are one switch away (a phone shows seven
        # of these cards, and the full text of each runs to a screen or more).
        st.markdown(routes_view.summary_markdown(part))
        if ui.reveal(_("Read what the evidence, the harms and the regulators say"), key=f"summary_{section['id']}"):
            st.markdown(routes_view.details_markdown(part))
        if not ui.reveal(routes_view.details_label(part), key=f"details_{section['id']}"):
            continue
        ui.quotes(part.pages, lambda d: md_escape(d.reason or d.reading))
        ui.quotes(part.claims, lambda c: routes_view.claim_note(ds, c))
        st.markdown(part.citations_markdown())
        st.dataframe(part.ids_table(), hide_index=True)
ui.page_end(ds, *(f"{p.row['where_needle_goes']} {p.row['evidence_summary']}" for p in view.sections))
