"""Evidence & regulation: the trials and reviews, their key results, documented harms and a regulatory time line."""

import streamlit as st

import ui
from core.text import md_escape
from core.views import embed
from core.views import evidence as evidence_view

ds = ui.page_frame(
    "Evidence & regulation",
    "What trials and reviews found when stem cells were tested for knee and back pain, the harms on record, "
    "and what regulators and courts have said.",
)

# 1. Inputs and 2. compute (the trials section has its own switch and filter, next to its chart)
view = ui.derived(evidence_view.evidence_page)

# 3. Render
st.header("The key results")
for number, (result, studies) in enumerate(view.results):
    with st.container(border=True):
        # The headline alone on screen: with every detail open, four cards were two phone screens of text.
        st.markdown(f"**{md_escape(result.headline)}**")
        if ui.reveal("Details, and what each study found", key=f"result_{number}"):
            st.markdown(md_escape(result.detail))
            st.markdown(
                "\n".join(
                    f"- **{md_escape(study.short_name)}** ({md_escape(study.certainty)} certainty): "
                    f"{md_escape(study.main_finding)}"
                    for study in studies.itertuples()
                )
            )
            st.dataframe(studies[["id", "short_name", "year", "certainty"]], hide_index=True, width="stretch")

st.header("Trials and reviews")
# Knee and back studies of benefit first; every other study one switch away, and the switch lives in the URL.
show_all = ui.bound_toggle(
    "Show all studies: other diseases, animal and lab studies, surveys and commentaries", key="studies", on_value="all"
)
overview = view.overview if show_all else view.knee_back

ui.chart_block(
    view.overview_chart if show_all else view.knee_back_chart,
    caption=embed.evidence_caption(show_all),
    data=overview.drop(columns=["pubmed_link", "doi_link", "nct_link"]),
    file_stem="evidence_studies",
)
# The table lists every study (a journalist looks for them all); its own filter narrows it.
conditions = ["all", *sorted(set(view.overview["condition"]))]
condition = ui.bound_selectbox(
    "Condition (for the table)",
    conditions,
    key="condition",
    format_func=lambda c: "All conditions" if c == "all" else c,
)

reported_to = tuple(sorted(ui.report_config().items()))
studies = ui.derived(evidence_view.studies_table, condition, reported_to, ui.app_root() + evidence_view.PAGE_PATH)
reporting = studies["report"].notna().any()
st.dataframe(
    studies if reporting else studies.drop(columns=["report"]),
    hide_index=True,
    width="stretch",
    column_config={
        "short_name": st.column_config.TextColumn("Study", pinned=True, width="medium"),
        "pmid": "PMID", "doi": "DOI", "nct": "Trial number",
        "link": st.column_config.LinkColumn("Open", display_text="open", help="PubMed, the DOI, the trial record, "
                                            "or else the page where we checked it"),
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
        "id": "Row id",
        "report": st.column_config.LinkColumn("Report an error", display_text="report",
                                              help="Opens a report filled in with this study's id and name"),
    },
)  # fmt: skip
if not reporting:
    ui.report_button(evidence_view.report_link({}, "", ""), key="report_studies")
with st.expander("What the certainty labels mean"):
    st.dataframe(evidence_view.certainty_table(), hide_index=True, width="stretch")

st.header("Documented harms")
st.markdown(md_escape(view.harms_summary))
st.dataframe(
    view.harms,
    hide_index=True,
    width="stretch",
    column_config={
        "short_name": st.column_config.TextColumn("Harm", pinned=True, width="medium"),
        "year": st.column_config.NumberColumn("Year", format="%d"),
        "route": "Route",
        "severity": "Worst outcome",
        "setting": "Setting",
        "n_patients": st.column_config.TextColumn("Patients"),
        "what_happened": st.column_config.TextColumn("What happened", width="large"),
        "verification": "Checked",
    },
)
ui.table_download(ds.harms, "harms")

st.header("What regulators and courts say")
ui.chart_block(
    view.timeline_chart,
    caption=embed.CAPTIONS["regulatory_timeline"],
    data=view.timeline.drop(columns=["date_start"]),
    file_stem="regulatory_timeline",
)
ui.page_end(ds, *studies["main_finding"], view.harms_summary)
