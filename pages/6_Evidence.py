"""Evidence & regulation: the trials and reviews, their key results, documented harms and a regulatory time line."""

import streamlit as st

import ui
from core import views
from core.claims import certainty_table
from core.text import md_escape

ds = ui.page_frame(
    "Evidence & regulation",
    "What trials and reviews found when stem cells were tested for knee and back pain, the harms on record, "
    "and what regulators and courts have said.",
)

# 1. Inputs
view = ui.derived(views.evidence_page)
overview = view.overview
conditions = ["all", *sorted(set(overview["condition"]))]
condition = ui.bound_selectbox(
    "Condition (for the table)",
    conditions,
    key="condition",
    format_func=lambda c: "All conditions" if c == "all" else c,
)

# 2. Compute
table = overview if condition == "all" else overview[overview["condition"] == condition]

# 3. Render
st.header("The key results")
for number, (result, studies) in enumerate(view.results):
    with st.container(border=True):
        st.markdown(
            f"**{md_escape(result.headline)}**\n\n{md_escape(result.detail)}\n\n"
            f"*Rows behind this: {', '.join(result.row_ids)}*"
        )
        if ui.reveal("Show what each study found", key=f"result_{number}"):
            st.markdown(
                "\n".join(
                    f"- **{md_escape(study.short_name)}** ({md_escape(study.certainty)} certainty): "
                    f"{md_escape(study.main_finding)}"
                    for study in studies.itertuples()
                )
            )

st.header("Trials and reviews")
ui.chart_block(
    view.overview_chart,
    caption=(
        "Each point is one study; hover or tap for its design, size, doses, comparator and finding. Position shows "
        "only when and where a study was done, not how good or how large it was. Studies without a placebo or "
        "sham cannot separate the cells' effect from hope and natural ups and downs. Sources: data/evidence.csv "
        "(PubMed, journals, trial registries)."
    ),
    data=overview.drop(columns=["pubmed_link", "doi_link", "nct_link"]),
    file_stem="evidence_studies",
)
st.dataframe(
    table[["short_name", "kind", "year", "condition", "route", "comparison", "size", "doses", "comparator",
           "certainty", "funding", "main_finding", "verification", "pubmed_link", "doi_link", "nct_link"]],
    hide_index=True,
    width="stretch",
    column_config={
        "short_name": st.column_config.TextColumn("Study", pinned=True, width="medium"),
        "kind": "Kind",
        "year": st.column_config.NumberColumn("Year", format="%d"),
        "condition": "Condition",
        "route": "Route",
        "comparison": "Compared with",
        "size": "Size",
        "doses": "Doses",
        "comparator": "Comparator",
        "certainty": "Certainty",
        "funding": "Funding",
        "main_finding": st.column_config.TextColumn("Main finding", width="large"),
        "verification": st.column_config.TextColumn("Checked", help="verified, partial or unverified"),
        "pubmed_link": st.column_config.LinkColumn("PubMed", display_text=r"pubmed\.ncbi\.nlm\.nih\.gov/(\d+)"),
        "doi_link": st.column_config.LinkColumn("DOI", display_text=r"https://doi\.org/(.+)"),
        "nct_link": st.column_config.LinkColumn("Trial registry", display_text=r"study/(NCT\d+)"),
    },
)  # fmt: skip
with st.expander("What the certainty labels mean"):
    st.dataframe(certainty_table(), hide_index=True, width="stretch")

st.header("Documented harms")
st.markdown(md_escape(view.harms_summary))
st.dataframe(
    ds.harms[["short_name", "year", "route", "n_patients", "severity", "setting", "what_happened", "verification"]],
    hide_index=True,
    width="stretch",
    column_config={
        "short_name": st.column_config.TextColumn("Harm", pinned=True, width="medium"),
        "year": st.column_config.NumberColumn("Year", format="%d"),
        "route": "Route",
        "severity": "Worst outcome",
        "setting": "Setting",
        "n_patients": st.column_config.NumberColumn("Patients"),
        "what_happened": st.column_config.TextColumn("What happened", width="large"),
        "verification": "Checked",
    },
)
ui.table_download(ds.harms, "harms")

st.header("What regulators and courts say")
ui.chart_block(
    view.timeline_chart,
    caption=(
        "Dates are given as precisely as we could verify them (year, month or day); a year or month is drawn on "
        "its first day. The chart shows only the statements we list, not every rule in each country. Sources: "
        "regulators' own pages and court records (data/regulatory.csv)."
    ),
    data=view.timeline.drop(columns=["date_start"]),
    file_stem="regulatory_timeline",
)
ui.page_end(ds, *table["main_finding"], view.harms_summary)
