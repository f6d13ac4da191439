"""Dose discrepancies: where the pages' doses disagree with each other, with themselves, with trials and regulators."""

import streamlit as st

import ui
from core.text import md_escape
from core.views import doses as doses_view
from core.views import embed

_ = ui._
PER_PAGE = 8

ds = ui.page_frame(
    _("Dose discrepancies"),
    _(
        "How many cells do the pages say to inject? We put every dose they print side by side, next to the doses "
        "trials tested and the only approved stem-cell dose. Each number links back to the page's own words."
    ),
)
lang = ds.lang

# 1. Inputs (options are codes, so links keep working in either language; format_func shows them in words)
offered = ui.derived(doses_view.choices)
labels = dict(zip(ds.sources["id"], ds.sources["short_label"], strict=True))
low_kg, high_kg, step_kg = doses_view.WEIGHT_LIMITS_KG
with st.container(border=True):
    routes = ui.bound_multiselect(
        _("Routes"), offered.routes, "routes", format_func=lambda r: doses_view.route_label(r, lang)
    )
    sources = ui.bound_multiselect(_("Pages"), offered.sources, "sources", format_func=labels.get)
    weight = ui.bound_number(
        _("Body weight in kg (for doses into a vein)"), "weight", default=doses_view.DEFAULT_WEIGHT_KG,
        min_value=low_kg, max_value=high_kg, step=step_kg, number_format="%.0f",
        help=_("Doses into a vein are set per kg of body weight in medicine; we divide the page's dose by this "
               "weight."),
    )  # fmt: skip

# 2. Compute (cached per data version, language and inputs; shared by every participant)
view = ui.derived(doses_view.doses_page, weight, tuple(routes), tuple(sources))


# 3. Render
st.subheader(_("What we found"))
if not view.top_lines:
    st.markdown(_("No problems involve the routes and pages chosen above."))
else:
    st.markdown("\n".join(f"- {line}" for line in view.top_lines))
st.caption(_("For the routes and pages chosen above. The full list, with every quote and number, is further down."))

st.subheader(_("Cells per dose"))
ui.chart_block(view.dots_chart, caption=embed.doses_caption(view.left_out, weight, lang),
               data=view.points_shown, file_stem="doses_per_administration")  # fmt: skip

if view.per_kg_chart is not None:
    st.subheader(_("Doses into a vein, per kg of body weight"))
    ui.chart_block(view.per_kg_chart, caption=embed.vein_caption(weight, lang),
                   data=view.per_kg_shown, file_stem="vein_doses_per_kg")  # fmt: skip

st.subheader(_("Cells over a whole course"))
ui.chart_block(view.courses_chart, caption=doses_view.courses_caption(lang),
               data=view.courses_shown, file_stem="course_totals")  # fmt: skip
for table, raw in view.protocols:
    st.subheader(_("The protocol table, as the page meant it"))
    st.markdown(
        _(
            "One page prints its protocol as a table, but the copy we archived lost the borders between the cells. "
            "Here it is rebuilt, row by row, from the numbers in each line."
        )
    )
    ui.data_table(table, hide_index=True, width="stretch")
    if ui.reveal(_("Show the lines as printed in the copy"), key="protocol_raw"):
        st.text("\n".join(raw))

st.subheader(_("Every discrepancy, with its quotes"))
kinds = ui.bound_multiselect(
    _("Kinds"), list(doses_view.KINDS), "kind", format_func=lambda k: doses_view.kind_label(k, lang)
)
listed = view.item_list(tuple(kinds))
st.caption(listed.caption)
# One line per item, opening to its explanation: the full cards made this page a wall of text on a phone.
for item in ui.paginate(listed.ids, "at", per_page=PER_PAGE, noun=_("items")):
    with st.expander(view.lines[item]):
        st.markdown(view.details[item])
        if ui.reveal(_("Show the quotes and rows behind this"), key=f"rows_{item}"):
            behind = view.rows_behind[item]
            ui.quotes(behind.regimens, lambda r: md_escape(r.reading))
            ui.quotes(behind.claims, lambda c: doses_view.claim_note(ds, c))
            if behind.citations(lang):
                st.caption("  \n".join(behind.citations(lang)))
            st.dataframe(behind.ids_table(lang), hide_index=True)
ui.page_buttons(len(listed.ids), "at", per_page=PER_PAGE)
ui.page_end(ds, *listed.texts)
