"""Evidence & regulation: the trials and reviews, their key results, documented harms and a regulatory time line."""

import streamlit as st

import ui
from core.text import md_escape
from core.views import embed
from core.views import evidence as evidence_view
from ui import _

ds = ui.page_frame(
    _("Evidence & regulation"),
    _(
        "What trials and reviews found when stem cells were tested for knee and back pain, the harms on record, "
        "and what regulators and courts have said."
    ),
)

# 1. Inputs and 2. compute (the trials section has its own switch and filter, next to its chart)
view = ui.derived(evidence_view.evidence_page)

# 3. Render
st.header(_("The key results"))
words = ui.derived(evidence_view.condition_words)
for number, (result, studies) in enumerate(view.results):
    with st.container(border=True):
        # The headline alone on screen: with every detail open, four cards were two phone screens of text.
        st.markdown(f"**{md_escape(result.headline)}**")
        if ui.reveal(_("Details, and what each study found"), key=f"result_{number}"):
            st.markdown(md_escape(result.detail))
            line = _("**{name}** ({certainty} certainty): {finding}")
            st.markdown("\n".join("- " + line.format(name=md_escape(study.short_name), finding=md_escape(
                study.main_finding), certainty=md_escape(words.get(study.certainty, study.certainty)))
                for study in studies.itertuples()))  # fmt: skip
            st.dataframe(evidence_view.key_result_studies(studies, ds.lang), hide_index=True, width="stretch")

st.header(_("Trials and reviews"))
# Knee and back studies of benefit first; every other study one switch away, and the switch lives in the URL.
show_all = ui.bound_toggle(
    _("Show all studies: other diseases, animal and lab studies, surveys and commentaries"), key="studies",
    on_value="all",
)  # fmt: skip
ui.chart_block(
    view.overview_chart if show_all else view.knee_back_chart,
    caption=embed.evidence_caption(show_all, lang=ds.lang),
    data=view.overview_data if show_all else view.knee_back_data,
    file_stem="evidence_studies",
)
# The table lists every study (a journalist looks for them all); its own filter narrows it.
conditions = ["all", *sorted(set(view.overview["condition"]))]
# The options are codes (the link holds them), shown in the reader's words (looked up now, not when drawn).
shown_as = {"all": _("All conditions")} | {c: words.get(c, c) for c in conditions[1:]}
condition = ui.bound_selectbox(_("Condition (for the table)"), conditions, key="condition", format_func=shown_as.get)

reported_to = tuple(sorted(ui.report_config().items()))
studies, reporting = ui.derived(
    evidence_view.shown_studies, condition, reported_to, ui.app_root() + evidence_view.PAGE_PATH
)
ui.data_table(
    studies,
    hide_index=True,
    width="stretch",
    column_config={
        "short_name": st.column_config.TextColumn(_("Study"), pinned=True, width="medium"),
        "pmid": "PMID", "doi": "DOI", "nct": _("Trial number"),
        "link": st.column_config.LinkColumn(
            _("Open"), display_text=_("open"), help=_("PubMed, the DOI, the trial record, or else the page where we "
                                                      "checked it")),
        "kind": _("Kind"),
        "year": st.column_config.NumberColumn(_("Year"), format="%d"),
        "condition": _("Condition"),
        "route": _("Route"), "comparison": _("Compared with"), "size": _("Size"), "doses": _("Doses"),
        "comparator": _("Comparator"), "certainty": _("Certainty"), "funding": _("Funding"),
        "main_finding": st.column_config.TextColumn(_("Main finding"), width="large"),
        "verification": st.column_config.TextColumn(_("Checked"), help=_("verified, partial or unverified")),
        "id": _("Row id"),
        "report": st.column_config.LinkColumn(_("Report an error"), display_text=_("report"),
                                              help=_("Opens a report filled in with this study's id and name")),
    },
)  # fmt: skip
if not reporting:
    ui.report_button(evidence_view.report_link({}, "", "", ds.lang), key="report_studies")
with st.expander(_("What the certainty labels mean")):
    st.dataframe(evidence_view.certainty_words_table(ds.lang), hide_index=True, width="stretch")

st.header(_("Documented harms"))
st.markdown(md_escape(view.harms_summary))
ui.data_table(
    view.harms,
    hide_index=True,
    width="stretch",
    column_config={
        "short_name": st.column_config.TextColumn(_("Harm"), pinned=True, width="medium"),
        "year": st.column_config.NumberColumn(_("Year"), format="%d"),
        "route": _("Route"),
        "severity": _("Worst outcome"),
        "setting": _("Setting"),
        "n_patients": st.column_config.TextColumn(_("Patients")),
        "what_happened": st.column_config.TextColumn(_("What happened"), width="large"),
        "verification": _("Checked"),
    },
)
ui.table_download(ds.harms, "harms")

st.header(_("What regulators and courts say"))
ui.chart_block(
    view.timeline_chart,
    caption=embed.caption("regulatory_timeline", ds.lang),
    data=view.timeline_data,
    file_stem="regulatory_timeline",
)
ui.page_end(ds, *studies["main_finding"], view.harms_summary)
