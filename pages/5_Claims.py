"""Claims vs evidence: a verdict summary, then one line per claim (worst first) that opens to its full card."""

import streamlit as st

import ui
from core.text import md_escape
from core.views import claims as claims_view
from core.views import embed
from ui import _, _n

PER_PAGE = 15

ds = ui.page_frame(
    _("Claims vs evidence"),
    _(
        "Every claim the five pages make, worst first: claims the evidence contradicts or that mislead come before "
        "the ones it backs. Open a line to see what the page says, what trials show and what regulators say."
    ),
)

# 1. Inputs
view = ui.derived(claims_view.claims_page)
labels = dict(zip(ds.sources["id"], ds.sources["short_label"], strict=True))
guess = ui.bound_toggle(
    _("Guess first: hide our verdicts until you reveal them"),
    key="guess",
    help=_("For a workshop: the room reads each claim and guesses before anyone opens the verdict."),
)
# A permalink (?claim=<id>) opens that one claim first, expanded.
asked = st.query_params.get(claims_view.CLAIM_QUERY_KEY, "")
pinned = claims_view.pinned_claim(view.rows, asked)
if asked and pinned is None:
    st.warning(
        _("The link asked for claim “{claim}”, which this page does not have; ignored.").format(
            claim=md_escape(asked[:60])
        )
    )
# Drawn before the filters, so the linked claim is the first thing under the title.
cards = ui.derived(claims_view.card_texts)
records = ui.derived(claims_view.claimreview_records)
if pinned is not None:
    st.subheader(_("The claim you were linked to"))
    with st.expander(view.lines[pinned, guess], expanded=True):
        ui.claim_card(view.rows[pinned], cards[pinned], records[pinned], guess=guess, key=f"pinned_{pinned}",
                      extras=True)  # fmt: skip
# Folded away: three lists of chips filled a phone's screen before the first claim.
filtered = any(key in st.query_params for key in ("topic", "source", "verdict"))
with st.expander(_("Filter by topic, page or verdict"), icon=":material/filter_list:", expanded=filtered):
    cols = st.columns(3)
    # The options are codes (they go in the link); each is shown in the reader's words.
    with cols[0]:
        topics = ui.bound_multiselect(
            _("Topic"), list(ds.topics["id"]), key="topic", format_func=lambda t: view.topics.get(t, t)
        )
    with cols[1]:
        sources = ui.bound_multiselect(_("Page"), list(ds.sources["id"]), key="source", format_func=labels.get)
    with cols[2]:
        verdicts = ui.bound_multiselect(
            _("Our verdict"), list(view.verdicts.order), key="verdict", format_func=lambda v: view.labels.get(v, v)
        )

# 2. Compute
part = ui.derived(claims_view.filtered_summary, tuple(topics), tuple(sources), tuple(verdicts))
chosen = part.chosen
# The chart counts what the list shows: every claim (the shared view) or the filtered ones.
if len(chosen) == len(view.ordered):
    counts_shown, chart = view.counts_shown, view.summary_chart
else:
    counts_shown, chart = part.counts_shown, part.chart

# 3. Render
if guess:
    st.caption(_("Guess-first mode: the summary chart and every verdict stay hidden until you reveal them."))
elif chart is not None:
    ui.chart_block(chart, caption=embed.caption("claims_by_verdict", ds.lang),
                   data=counts_shown, file_stem="claims_by_verdict")  # fmt: skip
if not guess and ui.reveal(_("What the verdicts and certainty labels mean"), key="labels"):
    st.markdown(_("**Our verdicts** (ours, each resting on the studies and regulator statements on its card):"))
    st.dataframe(claims_view.verdict_table(view.verdicts, ds.lang), hide_index=True, width="stretch")
    st.markdown(
        _(
            "**Certainty** says how sure we can be of a study's result, in the words of GRADE, the system used by "
            "medical reviews. Where no review graded a study, the label is our judgement of its design."
        )
    )
    st.dataframe(claims_view.certainty_words_table(ds.lang), hide_index=True, width="stretch")

st.markdown(
    _n("**{n} of {total} claim match.**", "**{n} of {total} claims match.**", len(ds.claims)).format(
        n=len(chosen), total=len(ds.claims)
    )
)
listed = [claim_id for claim_id in part.ids if claim_id != pinned]  # the linked claim is already open above
# One switch for the whole list, not one per card: a page redraws every switch on every rerun.
extras = ui.reveal(_("Show each claim's link, fact-check record and error report"), key="extras")
for claim_id in ui.paginate(listed, "page", per_page=PER_PAGE, noun=_("claims")):
    with st.expander(view.lines[claim_id, guess]):
        ui.claim_card(view.rows[claim_id], cards[claim_id], records[claim_id], guess=guess, key=claim_id,
                      extras=extras)  # fmt: skip
ui.page_buttons(len(listed), "page", per_page=PER_PAGE)
if ui.reveal(_("These claims as a table, with their ids and archived files"), key="claims_table"):
    table = claims_view.claims_table(chosen, ds.lang, view.labels)
    st.dataframe(table, hide_index=True, width="stretch")
    ui.table_download(table, "claims")
ui.page_end(ds, *part.notes)
