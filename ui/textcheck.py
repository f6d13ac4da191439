"""The text checker's cached analysis, and its guided reading and guess-first blocks (state in the session)."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from core.text import md_escape
from ui.language import page_link


# NOTE: a small cache keyed by the text: a rerun (a click on a download, a widget on the page) must not analyse the
# same 200,000 characters again, and 16 texts of at most 200,000 characters bound its memory to a few megabytes.
@st.cache_data(show_spinner=False, max_entries=16, ttl=3600)
def analyze_text(text: str):
    """core.textcheck.analyze(text), cached per text; TextTooLongError is raised (and not cached) as usual."""
    from core import textcheck

    return textcheck.analyze(text)


def red_flag_groups(groups) -> None:
    """The checker's red flags, one bordered box per kind, with its reason and the page that explains it."""
    for group in groups:
        with st.container(border=True):
            st.markdown(f":red[**{group.label}**] ({group.count}): " + ", ".join(f"“{q}”" for q in group.quotes))
            st.caption(group.reason)
            page_link(group.page, label=f"Why it matters: {group.page_label}", icon=":material/arrow_forward:")


def guided_reading(groups) -> None:
    """One expander per red-flag kind: the sentences the checker suspects, each for the reader to confirm or
    dismiss (answers stay in the session; sentences arrive escaped)."""
    from core.views import check_a_text as view

    st.caption("The checker is not sure about everything. Read each sentence it suspects and decide: is it a red "
               "flag in the page's own words?")  # fmt: skip
    for group in groups:
        with st.expander(group.title):
            st.caption(group.reason)
            for line in group.lines:
                st.markdown(line.sentence + ("  \n:red[reported by the checker]" if line.flagged else ""))
                st.radio("Your reading", (view.CONFIRM, view.DISMISS), key=line.key, index=None, horizontal=True,
                         label_visibility="collapsed")  # fmt: skip
    st.caption(view.confirmed_tally(groups, {k: st.session_state.get(k) for g in groups for k in
                                             (line.key for line in g.lines)}))  # fmt: skip


def questions_to_ask(questions: list[str]) -> None:
    if questions:
        st.markdown("**Questions to ask the clinic**, about what the page leaves out:")
        st.markdown("\n".join(f"- {q}" for q in questions))


def guess_first(lines) -> bool:
    """Workshop mode: the room ticks the sentences it finds red flags in, then reveals the checker's answer.
    Returns whether the answer is revealed."""
    from core.views import check_a_text as view

    st.caption("Guess first: tick every sentence you think is a red flag, then reveal what the checker found.")
    for line in lines:
        st.checkbox(line.sentence, key=line.key)
    revealed = st.toggle("Reveal the checker's answer", key="reveal_flags")
    if revealed:
        marked = {line.key for line in lines if st.session_state.get(line.key)}
        st.markdown(view.guess_comparison(lines, marked))
        for line in lines:
            if line.checker or line.key in marked:
                who = ", ".join(line.checker) if line.checker else "not reported by the checker"
                st.caption(f"{'You marked it. ' if line.key in marked else ''}{md_escape(who)}: {line.sentence}")
    return revealed


def checklist(items) -> None:
    from core.views import check_a_text as view

    for item in items:
        icon = ":material/check_circle:" if item.good else ":material/warning:"
        st.markdown(f"{icon} **{md_escape(item.question)}** {'Yes' if item.found else 'No'}.")
        if item.evidence:
            st.caption(view.quoted(item.evidence))
        if item.note:
            st.caption(md_escape(item.note))


def doses(report, comparison: pd.DataFrame) -> None:
    """Each dose the checker found, beside human trials of the same condition, route and basis, and its sentence."""
    from core.views import check_a_text as view

    if comparison.empty:
        st.markdown("We found no doses (such as “50 million stem cells”) in this text.")
        return
    for dose, row in zip(report.doses, comparison.to_dict("records"), strict=True):
        st.markdown(view.dose_line(dose, row))
        st.caption(view.quoted(dose.sentence))
    with st.expander("All doses as a table"):
        st.dataframe(comparison.drop(columns="start"), hide_index=True, width="stretch")
    st.caption(
        "We compare a cell dose only with human trials of the same condition, route and basis (per knee, per "
        "disc, per kg). Animal studies and other diseases are never the yardstick, and exosomes, platelets or "
        "particles are never compared with cells. A dose outside the trials' range was simply never tested."
    )


def report_downloads(report, comparison: pd.DataFrame) -> None:
    """The report as Markdown and the findings as CSV, built only when clicked."""
    from core.views import check_a_text as view

    cols = st.columns(2)
    cols[0].download_button(
        "Download report (Markdown)",
        data=lambda: view.report_markdown(report, comparison).encode("utf-8"),
        file_name="text-check-report.md",
        mime="text/markdown",
        icon=":material/download:",
    )
    cols[1].download_button(
        "Download findings (CSV)",
        data=lambda: view.report_csv(report),
        file_name="text-check-findings.csv",
        mime="text/csv",
        icon=":material/table:",
    )


def amounts(found) -> None:
    """Harvest volumes and prices the text gives, behind one expander."""
    if found:
        with st.expander(f"Harvest volumes and prices ({len(found)})"):
            for amount in found:
                st.markdown(f"**{amount.kind.capitalize()}:** {md_escape(amount.text)}")
