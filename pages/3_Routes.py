"""Routes: where each injection goes, what the pages claim for it, their doses against trials, evidence and harms."""

import streamlit as st

import ui
from core import doses, views
from core.text import md_escape

ds = ui.page_frame(
    "Routes",
    "The pages put cells into the knee, the disc, the spinal fluid, the space around the spinal cord and the "
    "blood. Where the needle goes decides what the cells can reach, what can go wrong and which studies apply.",
)

# 1. Inputs
section_labels = dict(zip(ds.routes["id"], ds.routes["label"], strict=True))
chosen = ui.bound_multiselect("Routes", list(ds.routes["id"]), "routes", format_func=section_labels.get)

# 2. Compute (cached per data version and choice of routes)
view = ui.derived(views.routes_page, tuple(chosen))

# 3. Render
ui.chart_block(
    view.spread_chart,
    caption=(
        "What this cannot tell: whether any dose works. Lines span the lowest to highest cells per dose; pages and "
        "studies count per knee, disc, injection, session or day, and vein doses from studies are per kg, shown "
        f"for a {doses.DEFAULT_WEIGHT_KG:g}-kg person. A route with no study line has no study dose we list. "
        "Sources: regimens.csv, evidence.csv."
    ),
    data=view.spread,
    file_stem="route_dose_spread",
)
ui.chart_block(
    view.strength_chart,
    caption=(
        "Our reading of the strongest evidence that each route helps knee or back pain, in GRADE words; "
        "'none' means no study we list tested it for these conditions. It says nothing about harms. "
        "Sources: routes.csv, built only from evidence.csv, harms.csv and regulatory.csv."
    ),
    data=view.strength,
    file_stem="route_evidence_strength",
)

for part in view.sections:
    section = part.row
    with st.container(border=True):
        st.subheader(section["label"])
        summary = [
            f"**Where the needle goes.** {md_escape(section['where_needle_goes'])}",
            f"**Where the product ends up.** {md_escape(section['where_cells_end_up'])}"
            if section["where_cells_end_up"]
            else "",
            f"**Doses.** {md_escape(part.doses_sentence)}",
            f"**What the evidence found** (strongest: {section['evidence_strength']}). "
            f"{md_escape(section['evidence_summary'])}",
            f"**Documented harms.** {len(part.harms) or 'None'} listed for this route.",
            f"**Regulators.** {md_escape(section['regulatory_summary'])}",
        ]
        st.markdown("\n\n".join(line for line in summary if line))
        shown = ui.reveal(
            f"Show the {len(part.pages)} dose quotes, {len(part.claims)} claims, {len(part.studies)} studies, "
            f"{len(part.harms)} harms and {len(part.statements)} regulator statements",
            key=f"details_{section['id']}",
        )
        if not shown:
            continue
        ui.quotes(part.pages, lambda d: f"{md_escape(d.reason or d.reading)} ({d.regimen_id})")
        ui.quotes(part.claims, lambda c: f"Our verdict: {md_escape(c.verdict)}. {md_escape(c.verdict_note)} ({c.id})")
        st.markdown(part.citations_markdown())
ui.page_end(ds, *(f"{p.row['where_needle_goes']} {p.row['evidence_summary']}" for p in view.sections))
