"""Routes: where each injection goes, what the pages claim for it, their doses against trials, evidence and harms."""

import streamlit as st

import ui
from core import dose_charts, doses
from core.text import md_escape

ds = ui.page_frame(
    "Routes",
    "The pages put cells into the knee, the disc, the spinal fluid, the space around the spinal cord and the "
    "blood. Where the needle goes decides what the cells can reach, what can go wrong and which studies apply.",
)

# 1. Inputs
section_labels = dict(zip(ds.routes["id"], ds.routes["label"], strict=True))
chosen = ui.bound_multiselect("Routes", list(ds.routes["id"]), "routes", format_func=section_labels.get)

# 2. Compute
norm = doses.normalise(ds)
trials = doses.trial_doses(ds)
overview = doses.route_overview(ds, norm, trials)
spread = doses.route_spread(overview[overview["section_id"].isin(chosen)])
sections = ds.routes[ds.routes["id"].isin(chosen)]
sources = ds.sources.set_index("id")

# 3. Render
ui.chart_block(
    dose_charts.route_spread(spread),
    caption=(
        "What this cannot tell: whether any dose works. Lines span the lowest to highest cells per dose; pages and "
        "studies count per knee, disc, injection, session or day, and vein doses from studies are per kg, shown "
        f"for a {doses.DEFAULT_WEIGHT_KG:g}-kg person. A route with no study line has no study dose we list. "
        "Sources: regimens.csv, evidence.csv."
    ),
    data=spread,
    file_stem="route_dose_spread",
)
ui.chart_block(
    dose_charts.evidence_strength(sections),
    caption=(
        "Our reading of the strongest evidence that each route helps knee or back pain, in GRADE words; "
        "'none' means no study we list tested it for these conditions. It says nothing about harms. "
        "Sources: routes.csv, built only from evidence.csv, harms.csv and regulatory.csv."
    ),
    data=sections[["id", "label", "evidence_strength", "evidence_ids"]],
    file_stem="route_evidence_strength",
)

for section in sections.itertuples():
    row = ds.routes.set_index("id").loc[section.id]
    pages = doses.section_rows(norm, row)
    with st.container(border=True):
        st.subheader(section.label)
        st.markdown(f"**Where the needle goes.** {md_escape(section.where_needle_goes)}")
        if section.where_cells_end_up:
            st.markdown(f"**Where the product ends up.** {md_escape(section.where_cells_end_up)}")
        st.markdown(
            f"**Doses.** {md_escape(doses.overview_sentence(overview.set_index('section_id').loc[section.id]))}"
        )
        with st.expander(f"What the pages give ({len(pages)} dose statements)"):
            for dose in pages.itertuples():
                ui.quote(dose.quote, dose.short_label, dose.seed_file)
                st.caption(f"{md_escape(dose.reason or dose.reading)} ({dose.regimen_id})")
        claims = doses.section_claims(ds, row, norm)
        with st.expander(f"What the pages claim for it ({len(claims)} claims)"):
            for claim in claims.itertuples():
                ui.quote(
                    claim.quote, sources.at[claim.source_id, "short_label"], sources.at[claim.source_id, "seed_file"]
                )
                st.caption(f"Our verdict: {md_escape(claim.verdict)}. {md_escape(claim.verdict_note)} ({claim.id})")
        st.markdown(f"**What the evidence found** (strongest: {section.evidence_strength}). "
                    f"{md_escape(section.evidence_summary)}")  # fmt: skip
        with st.expander(f"Studies behind this ({len(section.evidence_ids)})"):
            for ev in doses.pick(ds.evidence, section.evidence_ids).itertuples():
                flag = doses.verification_flag(ev.verification)
                st.markdown(f"**{md_escape(ev.short_name)}**" + (f" · ⚠ {flag}" if flag else ""))
                st.caption(f"{md_escape(ev.main_finding)} ({ev.id}; {ev.kind}, {ev.year})")
        harms = doses.pick(ds.harms, section.harm_ids)
        with st.expander(f"Documented harms ({len(harms)})"):
            if harms.empty:
                st.markdown("We list no documented harm for this route.")
            for harm in harms.itertuples():
                flag = doses.verification_flag(harm.verification)
                st.markdown(f"**{md_escape(harm.short_name)}** ({harm.year})" + (f" · ⚠ {flag}" if flag else ""))
                st.caption(f"{md_escape(harm.what_happened)} ({harm.id})")
        st.markdown(f"**Regulators.** {md_escape(section.regulatory_summary)}")
        with st.expander(f"Regulator statements behind this ({len(section.regulatory_ids)})"):
            for reg in doses.pick(ds.regulatory, section.regulatory_ids).itertuples():
                flag = doses.verification_flag(reg.verification)
                st.markdown(f"**{md_escape(reg.title)}** ({reg.date}, {md_escape(reg.jurisdiction)})"
                            + (f" · ⚠ {flag}" if flag else ""))  # fmt: skip
                st.caption(f"{md_escape(reg.summary)} ({reg.id})")
