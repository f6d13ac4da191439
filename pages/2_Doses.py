"""Dose discrepancies: where the pages' doses disagree with each other, with themselves, with trials and regulators."""

import streamlit as st

import ui
from core import discrepancies, dose_charts, doses
from core.text import md_escape

ds = ui.page_frame(
    "Dose discrepancies",
    "How many cells do the pages say to inject? We put every dose they print side by side, next to the doses "
    "trials tested and the only approved stem-cell dose. Each number links back to the page's own words.",
)

# 1. Inputs
everything = doses.normalise(ds)
labels = dict(zip(ds.sources["id"], ds.sources["short_label"], strict=True))
low_kg, high_kg, step_kg = doses.WEIGHT_LIMITS_KG
with st.container(border=True):
    routes = ui.bound_multiselect("Routes", doses.dosed_routes(everything), "routes", format_func=doses.route_label)
    sources = ui.bound_multiselect("Pages", doses.dosing_sources(everything), "sources", format_func=labels.get)
    weight = ui.bound_number(
        "Body weight in kg (for doses into a vein)", "weight", default=doses.DEFAULT_WEIGHT_KG,
        min_value=low_kg, max_value=high_kg, step=step_kg,
        help="Doses into a vein are set per kg of body weight in medicine; we divide the page's dose by this weight.",
    )  # fmt: skip

# 2. Compute
norm = doses.normalise(ds, weight)
trials = doses.trial_doses(ds, weight)
shown = doses.select(norm, routes, sources)
points = doses.dose_points(shown, trials[trials["route"].isin(routes)])
courses = doses.course_totals(norm[norm["source_id"].isin(sources)])
per_kg = doses.per_kg_points(shown, trials)
found = discrepancies.find(ds, weight)

# 3. Render
st.subheader("What we found")
for item in discrepancies.top_problems(found).itertuples():
    st.markdown(f"- **{md_escape(discrepancies.SEVERITY_WORDS[item.severity])}:** {md_escape(item.headline)}")
st.caption("The full list, with every quote and number, is further down.")

st.subheader("Cells per dose")
ui.chart_block(
    dose_charts.dose_dots(points),
    caption=(
        "What this cannot tell: whether any dose works or is safe (see the Routes page), or how many of the "
        "cells are alive or are stem cells at all. Each page counts per knee, injection, session or day, so the "
        f"same number can mean different amounts. {doses.left_out_words(shown)}Sources: the seed pages "
        f"(regimens.csv) and the studies in evidence.csv (per-kg doses converted at {weight:g} kg)."
    ),
    data=points,
    file_stem="doses_per_administration",
)

if not per_kg.empty:
    st.subheader("Doses into a vein, per kg of body weight")
    ui.chart_block(
        dose_charts.per_kg(per_kg, weight),
        caption=(
            f"Each page's vein dose divided by a body weight of {weight:g} kg; change the weight above. The approved "
            "dose is for a different disease (see the list below), not for joints or backs, so being near it does "
            "not make a dose right for pain. Sources: regimens.csv, evidence.csv, regulatory.csv."
        ),
        data=per_kg,
        file_stem="vein_doses_per_kg",
    )

st.subheader("Cells over a whole course")
ui.chart_block(
    dose_charts.course_totals(courses),
    caption=(
        f"Our convention: {doses.COURSE_CONVENTION} Totals marked computed are our arithmetic on the page's "
        "dose and schedule; the page itself never states them. Where a page allows follow-ups without a limit, "
        "only the smallest course is drawn. Numbers that are not cells are not added. Source: regimens.csv."
    ),
    data=courses,
    file_stem="course_totals",
)

st.subheader("Every discrepancy, with its quotes")
kinds = ui.bound_multiselect("Kinds", list(discrepancies.KINDS), "kind", format_func=discrepancies.KINDS.get)
listed = discrepancies.select(found, kinds, sources)
st.caption(
    f"{len(listed)} items: {int((listed['status'] == 'problem').sum())} problems and "
    f"{int((listed['status'] == 'consistent').sum())} checks that came out consistent (shown, not hidden)."
)
for item in listed.itertuples():
    with st.container(border=True):
        st.markdown(f"**{md_escape(item.headline)}**")
        st.caption(f"{discrepancies.SEVERITY_WORDS[item.severity]} · {item.kind_label}")
        st.markdown(md_escape(item.explanation))
        st.caption(f"Numbers: {md_escape(item.numbers)}")
        with st.expander("Quotes and rows behind this"):
            for row in doses.pick(norm, item.regimen_ids, "regimen_id").itertuples():
                ui.quote(row.quote, row.short_label, row.seed_file)
                st.caption(f"{md_escape(row.reading)} ({row.regimen_id})")
            for claim in doses.pick(ds.claims, item.claim_ids).itertuples():
                ui.quote(
                    claim.quote, labels[claim.source_id], ds.sources.set_index("id").at[claim.source_id, "seed_file"]
                )
                st.caption(f"Claim {claim.id} · our verdict: {md_escape(claim.verdict)}")
            for ev in doses.pick(ds.evidence, item.evidence_ids).itertuples():
                flag = doses.verification_flag(ev.verification)
                st.caption(f"Study: {md_escape(ev.short_name)} ({ev.id}{', ' + flag if flag else ''})")
            for reg in doses.pick(ds.regulatory, item.regulatory_ids).itertuples():
                flag = doses.verification_flag(reg.verification)
                st.caption(f"Regulator: {md_escape(reg.title)}, {reg.date} ({reg.id}{', ' + flag if flag else ''})")
