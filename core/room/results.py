"""What the room answered: the live tally chart and the end-of-session summary (pure functions)."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

import altair as alt
import pandas as pd

from core import i18n, site
from core.charts import theme
from core.i18n import N_
from core.room.questions import OPTION_IDS, RoomQuestion

LETTERS = OPTION_IDS
# Room answers keep their own two colours: "the answer" and "other options", never a verdict's colour.
ANSWER_COLOUR, OTHER_COLOUR, WAITING_COLOUR = theme.GREEN, theme.LIGHT_GREY, theme.BLUE
RIGHT, OTHER, WAITING = N_("the answer"), N_("other options"), N_("answers so far")
# The headers a reader sees above the tally's and the summary's tables (the frames keep their English names).
TALLY_HEADERS = {"letter": N_("letter"), "label": N_("label"), "option": N_("option"), "answers": N_("answers"),
                 "status": N_("status")}  # fmt: skip
SUMMARY_HEADERS = {
    "number": N_("number"), "question": N_("question"), "answer": N_("answer"), "answered": N_("answered"),
    "right": N_("right"), "share_right": N_("share right"), "most_chosen": N_("most chosen"),
    "explains_page": N_("explained on"), "question_id": N_("question id"), "row_ids": N_("row ids"),
}  # fmt: skip


def percent(share: float, lang: str = "en") -> str:
    """A share as a whole percentage in the reader's conventions: '75%', '75 %'."""
    from babel.numbers import format_percent

    return format_percent(share, locale=lang if lang in i18n.LANGUAGES else i18n.DEFAULT)


def letter(index: int) -> str:
    return LETTERS[index]


def headed(frame: pd.DataFrame, headers: Mapping[str, str], lang: str = "en") -> pd.DataFrame:
    """The frame with the column headers a reader sees, in their language (for the table and its CSV)."""
    return frame.rename(columns={k: i18n.gettext(lang, v) for k, v in headers.items()})


def tally_frame(question: RoomQuestion, tally: Mapping[str, int], revealed: bool, lang: str = "en") -> pd.DataFrame:
    """One row per option: its letter, the option, how many chose it, and (once revealed) whether it is right.

    `tally` counts answers by option id (the option's letter), as the room stores them; the words of each option
    are the question's own, in the reader's language.
    """
    _ = i18n.bound(lang)
    rows = []
    for i, (option_id, option) in enumerate(zip(question.option_ids, question.options, strict=True)):
        right = option_id == question.answer_id
        status = _(RIGHT if right else OTHER) if revealed else _(WAITING)
        # The axis names the answer in words too: colour alone fails colour-blind readers and zero-length bars.
        label = _("{letter} ✓ answer").format(letter=letter(i)) if revealed and right else letter(i)
        rows.append({"letter": letter(i), "label": label, "option": option, "answers": int(tally.get(option_id, 0)),
                     "status": status})  # fmt: skip
    return pd.DataFrame(rows, columns=["letter", "label", "option", "answers", "status"])


def tally_chart(frame: pd.DataFrame, revealed: bool, *, projector: bool = False, lang: str = "en") -> alt.Chart:
    """Answers per option as bars labelled A, B, C…; once revealed, the right option stands out in green.

    `projector` sizes it for the back of a room (theme.PROJECTOR_SIZES): labels of 24 px, taller bars.
    """
    _ = i18n.bound(lang)
    total = int(frame["answers"].sum())
    answers = i18n.ngettext(lang, "{n} answer", "{n} answers", total).format(n=total)
    if revealed:
        right = frame[frame["status"] == _(RIGHT)]
        share = int(right["answers"].sum()) / total if total else 0.0
        title = theme.wrapped_title(
            _("{percent} of the room chose the answer").format(percent=percent(share, lang))
            if total
            else _("Nobody answered this one"),
            _("{answers}; the answer is option {letters}").format(answers=answers, letters=", ".join(right["letter"])),
            projector=projector,
        )
    else:
        hidden = _("The answer is hidden until the facilitator reveals it")
        title = theme.wrapped_title(_("{answers} so far").format(answers=answers), hidden, projector=projector)
    colours = {_(RIGHT): ANSWER_COLOUR, _(OTHER): OTHER_COLOUR, _(WAITING): WAITING_COLOUR}
    domain = [_(RIGHT), _(OTHER)] if revealed else [_(WAITING)]
    top = max(1, int(frame["answers"].max()) if len(frame) else 1)
    bars = (
        alt.Chart(frame)
        .mark_bar()
        .encode(
            y=alt.Y("label:N", title=_("Option"), sort=list(frame["label"])),
            x=alt.X("answers:Q", title=_("Answers (people)"), scale=alt.Scale(domain=[0, top]),
                    axis=alt.Axis(tickMinStep=1, format="d")),
            color=alt.Color("status:N", scale=theme.colour_scale(colours, domain), legend=None),
            tooltip=[alt.Tooltip("letter:N", title=_("Option")), alt.Tooltip("option:N", title=_("Text")),
                     alt.Tooltip("answers:Q", title=_("Answers"))],
        )
    )  # fmt: skip
    size = theme.PROJECTOR_SIZES["mark_text"] if projector else theme.MARK_TEXT_SIZE
    labels = bars.mark_text(align="left", dx=4, fontSize=size).encode(
        text=alt.Text("answers:Q"), color=alt.value(theme.TEXT)
    )
    each = "; ".join(_("option {letter}, {n}").format(letter=r.letter, n=r.answers) for r in frame.itertuples())
    if revealed:
        ending = _("The answer is {letters}.").format(letters=question_letters(frame, lang))
    else:
        ending = _("The answer is hidden.")
    chart = (bars + labels).properties(
        title=title,
        height=alt.Step(theme.PROJECTOR_SIZES["bar_step"] if projector else 44),
        width="container",
        description=_("Bar chart of answers per option: {each}.").format(each=each) + " " + ending,
    )
    return theme.projector_config(chart) if projector else chart


def question_letters(frame: pd.DataFrame, lang: str = "en") -> str:
    right = frame.loc[frame["status"] == i18n.gettext(lang, RIGHT), "letter"]
    return ", ".join(right) or i18n.gettext(lang, "not set")


def most_chosen(tally: Mapping[str, int], lang: str = "en") -> str:
    """The option most chosen, or every option tied for most, named as a tie: 'yes and no (tied)'."""
    top = max(tally.values(), default=0)
    tied = [option for option, count in tally.items() if count == top]
    if len(tied) == 1:
        return tied[0]
    return i18n.gettext(lang, "{options} and {last} (tied)").format(options=", ".join(tied[:-1]), last=tied[-1])


def summary(
    questions: Sequence[RoomQuestion], tallies: Mapping[str, Mapping[str, int]], lang: str = "en"
) -> pd.DataFrame:
    """One row per question asked, the ones the room got most wrong first (share right, then most answers).

    `tallies` count answers by option id; the questions, answers and most chosen options read in the words of
    `questions`, the facilitator's language."""
    rows = []
    for number, q in enumerate(questions, start=1):
        tally = tallies.get(q.id, {})
        answered = int(sum(tally.values()))
        right = int(tally.get(q.answer_id, 0))
        by_words = {q.option_text(option_id) or option_id: count for option_id, count in tally.items()}
        rows.append({
            "number": number, "question": q.prompt, "answer": q.answer, "answered": answered, "right": right,
            "share_right": round(right / answered, 3) if answered else None,
            "most_chosen": most_chosen(by_words, lang) if answered else "",
            "explains_page": q.explains_page, "question_id": q.id, "row_ids": ";".join(q.row_ids),
        })  # fmt: skip
    frame = pd.DataFrame(rows, columns=list(SUMMARY_HEADERS))
    answered = frame[frame["answered"] > 0].sort_values(["share_right", "answered"], ascending=[True, False])
    return pd.concat([answered, frame[frame["answered"] == 0]], ignore_index=True)


def summary_markdown(frame: pd.DataFrame, app_url: str, code: str, lang: str = "en") -> str:
    """The summary as a Markdown file to keep: most-missed first, each with a link to the page that explains it."""
    _ = i18n.bound(lang)
    base = app_url.rstrip("/")
    lines = [_("# Workshop room {code}: what the room answered").format(code=code), "",
             _("Questions the room got most wrong first. Each links to the page that explains it."), ""]  # fmt: skip
    for row in frame.itertuples():
        if row.answered:
            score = _("{right} of {answered} right ({percent}); most chosen: {option}").format(
                right=row.right, answered=row.answered, percent=percent(row.share_right, lang), option=row.most_chosen
            )
        else:
            score = _("no answers")
        lines += [
            f"## {row.number}. {row.question}",
            "",
            _("- Answer: {answer}").format(answer=row.answer),
            f"- {score}",
            _("- Explained on: {address}").format(address=f"{base}{site.url_path(row.explains_page)}"),
            "",
        ]
    lines.append(_("Not medical advice. Answers were anonymous and are deleted when the room expires."))
    return "\n".join(lines) + "\n"
