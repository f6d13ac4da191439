"""The five pages: who published them, what kind of site, what they claim (with quotes) and what doses they give."""

import streamlit as st

import ui
from core.text import md_escape
from core.views import embed
from core.views import sources as sources_view
from ui import _, _n, _p

ds = ui.page_frame(
    _("The five pages"),
    _(
        "These are the five web pages this site examines. None is a medical source: two look like marketing by "
        "sellers, the others are mass-produced or user-posted articles. We quote them only to check them."
    ),
)

# 1. Inputs
source_ids = ["all", *ds.sources["id"]]
labels = dict(zip(ds.sources["id"], ds.sources["short_label"], strict=True)) | {"all": _("All five pages")}
chosen = ui.bound_selectbox(_("Page"), source_ids, key="source", format_func=labels.get)

# 2. Compute (cached per data version and choice)
view = ui.derived(sources_view.sources_page)
words = ui.derived(sources_view.card_words)
shown = ds.sources if chosen == "all" else ds.sources[ds.sources["id"] == chosen]

# 3. Render


def source_card(source) -> None:
    """One page: who published it, and (when it is the one chosen) its claims, checklist and doses."""
    with st.container(border=True):
        st.subheader(md_escape(source.short_label))
        title = getattr(source, "title_translation", "")
        # The page's own title is quoted as printed; in Spanish our translation goes under it.
        ours = _("Our translation")
        st.markdown(f"> **{md_escape(source.title)}**\n\n*{ours}:* {md_escape(title)}" if title
                    else f"**{md_escape(source.title)}**")  # fmt: skip
        date = sources_view.date_words(source.date_shown, ds.lang) or _p("date shown", "none")
        fields = ((_("Publisher"), source.publisher), (_("Kind of site"), words.get(source.publisher_kind) or
                  source.publisher_kind), (_("Date shown"), date))  # fmt: skip
        for col, (name, value) in zip(st.columns(3), fields, strict=True):
            col.markdown(f"**{name}**  \n{md_escape(value)}")
        st.markdown(md_escape(source.note))
        sure = md_escape(words.get(source.provenance_confidence, source.provenance_confidence))
        st.caption(
            _("How sure we are of who published it: {sure} · original address (not linked): {url}").format(
                sure=sure, url=md_escape(source.url)
            )
            if source.url
            else _("How sure we are of who published it: {sure} · original address not found").format(sure=sure)
        )
        if chosen == "all":
            st.markdown(_("Pick this page in the box at the top to read its claims, checklist and doses."))
            return
        detail = ui.derived(sources_view.source_detail, source.id)
        claims = detail.claims
        with st.expander(
            _n("What it claims ({n} claim)", "What it claims ({n} claims)", len(claims)).format(n=len(claims))
        ):
            for number, claim in enumerate(claims.itertuples()):
                st.markdown(_("**{topic}** · stated {stated}").format(
                    topic=md_escape(words.get(claim.topic, claim.topic)),
                    stated=md_escape(words.get(claim.stated_as, claim.stated_as))))  # fmt: skip
                ui.quotes(claims.iloc[[number]], lambda c: _("Our verdict: {verdict}. {note}").format(
                    verdict=md_escape(c.verdict_words), note=md_escape(c.verdict_note)))  # fmt: skip
            ui.table_download(detail.download, f"claims_{source.id}", _("Download these claims (CSV, with row ids)"))
        with st.expander(_("Source-quality checklist: {summary}").format(summary=md_escape(detail.checklist_summary))):
            for number, item in enumerate(detail.checklist.itertuples()):
                st.markdown(
                    f"**{md_escape(item.dimension)}: {md_escape(item.verdict_words)}.** {md_escape(item.question)}"
                )
                if item.quote:
                    ui.quotes(detail.checklist.iloc[[number]], lambda i: md_escape(i.justification))
                else:
                    st.caption(_("Nothing on the page: {why}").format(why=md_escape(item.justification)))
        doses = detail.doses
        with st.expander(_n("What doses it gives ({n} statement)", "What doses it gives ({n} statements)", len(doses))
                         .format(n=len(doses))):  # fmt: skip
            if doses.empty:
                st.markdown(_("This page gives no doses."))
            for table, _raw in detail.protocols:
                st.markdown(_("**Its protocol table, as the page meant it.** The copy lost the borders between the "
                              "cells; each line as printed is quoted below."))  # fmt: skip
                st.dataframe(table, hide_index=True, width="stretch")
            ui.quotes(doses, lambda d: md_escape(d.reading))
            ui.table_download(detail.dose_download, f"doses_{source.id}", _("Download these doses (CSV, with row ids)"))


# A chosen page comes first, so the first screen answers the choice; the overview charts follow.
if chosen != "all":
    for source in shown.itertuples():
        source_card(source)

ui.chart_block(view.claims_chart, caption=embed.caption("claims_per_source", ds.lang), data=view.profile,
               file_stem="claims_per_source")  # fmt: skip

st.header(_("Source quality: a checklist"))
st.markdown(
    _(
        "We scored each page on the same checklist, built from published tools for judging health information "
        "(JAMA benchmarks, DISCERN, HealthNewsReview criteria, HONcode) and from studies of stem-cell clinic "
        "websites. Yes earns an item's points, partly half, no nothing."
    )
)
ui.chart_block(view.grid_chart, caption=embed.caption("source_quality_scores", ds.lang), data=view.grid,
               file_stem="source_quality_scores")  # fmt: skip
if ui.reveal(_("Show the checklist and the published rubrics behind it"), key="rubrics"):
    st.dataframe(view.rubrics, hide_index=True, width="stretch",
                 column_config={"url": st.column_config.LinkColumn(_("Where published"))})  # fmt: skip
    st.dataframe(view.totals, hide_index=True, width="stretch")

if chosen == "all":
    st.header(_("The pages one by one"))
    for source in shown.itertuples():
        source_card(source)
ui.page_end(ds, *shown["note"], *shown.get("title_translation", shown["title"]))  # the words the reader reads
