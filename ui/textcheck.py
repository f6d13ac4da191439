"""The Check-a-text page's blocks: inputs, cached analysis, red flags, guided reading, guess-first, doses, downloads."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from core import i18n
from core.text import md_escape
from ui.language import _, lang, page_link


# NOTE: a small cache keyed by the text: a rerun (a click on a download, a widget on the page) must not analyse the
# same 200,000 characters again, and 16 texts of at most 200,000 characters bound its memory to a few megabytes.
@st.cache_data(show_spinner=False, max_entries=16, ttl=3600)
def analyze_text(text: str, language: str = "en"):
    """core.textcheck.analyze(text, lang=language), cached per text and interface language (the report's own
    sentences are in `language`; the text's language is told inside); TextTooLongError is raised, in `language`,
    and not cached."""
    from core import textcheck

    return textcheck.analyze(text, lang=language)


def inputs() -> tuple[bool, bool, object]:
    """The text box and its Check button, the example, guess-first switch and upload: (checked, guess, upload)."""
    import ui
    from core.views import check_a_text as view

    with st.form("check", border=False):
        st.text_area(
            _("Text to check"),
            key="text",
            height=200,
            placeholder=_("Paste the text of an advert, clinic page or news story here."),
            help=_("Up to {limit} characters. Nothing you paste is stored or sent anywhere else.").format(
                limit=i18n.format_number(view.MAX_CHARS, lang(), 0)
            ),
        )
        checked = st.form_submit_button(_("Check"), type="primary", icon=":material/search:")
    example = view.example(lang())
    st.button(_("Fill in an example"), on_click=lambda: st.session_state.update(text=example),
              icon=":material/edit_note:")  # fmt: skip
    guess = ui.bound_toggle(_("Guess first: mark the red flags yourself, then compare with the checker"), key="guess",
                            help=_("For a workshop: everyone marks the sentences first; the checker's answer stays "
                                   "hidden until you reveal it."))  # fmt: skip
    upload = st.file_uploader(
        _("Or upload a file (.txt, .md or .html)"),
        key="upload",
        help=_(
            "A saved web page works: we keep its text and drop its code. For a PDF or Word file, copy its text "
            "and paste it into the box instead."
        ),
    )
    if (st.session_state.get("text") or "") == view.EXAMPLE_ES:
        st.caption(_("Invented example: not the page of any real clinic."))
    return checked, guess, upload


def cannot_read(report, checked: bool) -> None:
    """For a language the checker cannot read: a plain message where the result would be, not an empty report."""
    from core.views import check_a_text as view
    from ui import scroll as ui_scroll

    with st.container(key="check_result"):
        st.info(view.read_as_sentence(report, lang()), icon=":material/translate:")
    ui_scroll.scroll_after_press(checked, "check_result")


def marked_text(text: str, report) -> None:
    """The whole text with its findings marked, behind an expander, under a legend of the marks."""
    from core.views import check_a_text as view

    st.subheader(_("The text, with findings marked"))
    st.caption(_("Bold on red: a red flag. Bold on orange: a dose. Italic on red: sure-sounding words. "
                 "Grey: words the page quotes or reports. Blue: hedges."))  # fmt: skip
    with st.expander(_("The whole text"), expanded=False):
        st.markdown(view.highlighted_markdown(text, report))


def red_flag_groups(groups) -> None:
    """The checker's red flags, one bordered box per kind, with its reason and the page that explains it."""
    for group in groups:
        with st.container(border=True):
            st.markdown(f":red[**{group.label}**] ({group.count}): " + ", ".join(f"“{q}”" for q in group.quotes))
            st.caption(group.reason)
            page_link(group.page, label=_("Why it matters: {page}").format(page=group.page_label),
                      icon=":material/arrow_forward:")  # fmt: skip


def guided_reading(groups) -> None:
    """One expander per red-flag kind: the sentences the checker suspects, each for the reader to confirm or
    dismiss (answers stay in the session; sentences arrive escaped)."""
    from core.views import check_a_text as view

    st.caption(_("The checker is not sure about everything. Read each sentence it suspects and decide: is it a "
                 "red flag in the page's own words?"))  # fmt: skip
    for group in groups:
        with st.expander(group.title):
            st.caption(group.reason)
            for line in group.lines:
                reported = "  \n:red[{}]".format(_("reported by the checker")) if line.flagged else ""
                st.markdown(line.sentence + reported)
                st.radio(_("Your reading"), (view.CONFIRM, view.DISMISS), key=line.key, index=None, horizontal=True,
                         format_func=lambda value: view.answer_words(value, lang()),
                         label_visibility="collapsed")  # fmt: skip
    st.caption(view.confirmed_tally(groups, {k: st.session_state.get(k) for g in groups for k in
                                             (line.key for line in g.lines)}, lang()))  # fmt: skip


def questions_to_ask(questions: list[str]) -> None:
    if questions:
        st.markdown(_("**Questions to ask the clinic**, about what the page leaves out:"))
        st.markdown("\n".join(f"- {q}" for q in questions))


def guess_first(lines) -> bool:
    """Workshop mode: the room ticks the sentences it finds red flags in, then reveals the checker's answer.
    Returns whether the answer is revealed."""
    from core.views import check_a_text as view

    st.caption(_("Guess first: tick every sentence you think is a red flag, then reveal what the checker found."))
    for line in lines:
        st.checkbox(line.sentence, key=line.key)
    revealed = st.toggle(_("Reveal the checker's answer"), key="reveal_flags")
    if revealed:
        marked = {line.key for line in lines if st.session_state.get(line.key)}
        st.markdown(view.guess_comparison(lines, marked, lang()))
        for line in lines:
            if line.checker or line.key in marked:
                who = md_escape(", ".join(line.checker) if line.checker else _("not reported by the checker"))
                said = _("You marked it. {checker}: {sentence}") if line.key in marked else "{checker}: {sentence}"
                st.caption(said.format(checker=who, sentence=line.sentence))
    return revealed


def checklist(items) -> None:
    from core.views import check_a_text as view

    for item in items:
        icon = ":material/check_circle:" if item.good else ":material/warning:"
        answer = _("Yes") if item.found else _("No")
        st.markdown(f"{icon} **{md_escape(item.question)}** {answer}.")  # question and note come in lang()
        if item.evidence:
            st.caption(view.quoted(item.evidence, lang()))
        if item.note:
            st.caption(md_escape(item.note))


def doses(report, comparison: pd.DataFrame) -> None:
    """Each dose the checker found, beside human trials of the same condition, route and basis, and its sentence."""
    from core.views import check_a_text as view

    if comparison.empty:
        st.markdown(_("We found no doses (such as “50 million stem cells”) in this text."))
        return
    for dose, row in zip(report.doses, comparison.to_dict("records"), strict=True):
        st.markdown(view.dose_line(dose, row, lang()))
        st.caption(view.quoted(dose.sentence, lang()))
    with st.expander(_("All doses as a table")):
        st.dataframe(view.dose_table(comparison, lang()), hide_index=True, width="stretch")
    st.caption(
        _("We compare a cell dose only with human trials of the same condition, route and basis (per knee, per "
          "disc, per kg). Animal studies and other diseases are never the yardstick, and exosomes, platelets or "
          "particles are never compared with cells. A dose outside the trials' range was simply never tested.")
    )  # fmt: skip


def report_downloads(report, comparison: pd.DataFrame) -> None:
    """The report as Markdown and the findings as CSV, built only when clicked."""
    from core.views import check_a_text as view

    cols = st.columns(2)
    cols[0].download_button(
        _("Download report (Markdown)"),
        data=lambda: view.report_markdown(report, comparison, lang()).encode("utf-8"),
        file_name="text-check-report.md",
        mime="text/markdown",
        icon=":material/download:",
    )
    cols[1].download_button(
        _("Download findings (CSV)"),
        data=lambda: view.report_csv(report, lang()),
        file_name="text-check-findings.csv",
        mime="text/csv",
        icon=":material/table:",
    )


def amounts(found) -> None:
    """Harvest volumes and prices the text gives, behind one expander."""
    if found:
        kinds = {"harvest": _("Harvest"), "price": _("Price")}
        with st.expander(_("Harvest volumes and prices ({n})").format(n=len(found))):
            for amount in found:
                kind = kinds.get(amount.kind, amount.kind.capitalize())
                st.markdown(f"**{kind}:** {md_escape(amount.text)}")
