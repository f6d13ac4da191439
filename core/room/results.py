"""What the room answered: the live tally chart and the end-of-session summary (pure functions)."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

import altair as alt
import pandas as pd

from core import site
from core.charts import theme
from core.room.questions import RoomQuestion

LETTERS = "ABCDEFGHIJKL"
# Room answers keep their own two colours: "the answer" and "other options", never a verdict's colour.
ANSWER_COLOUR, OTHER_COLOUR, WAITING_COLOUR = theme.GREEN, theme.LIGHT_GREY, theme.BLUE


def plural(count: int, noun: str) -> str:
    return f"{count} {noun}" + ("" if count == 1 else "s")


def letter(index: int) -> str:
    return LETTERS[index]


def tally_frame(question: RoomQuestion, tally: Mapping[str, int], revealed: bool) -> pd.DataFrame:
    """One row per option: its letter, the option, how many chose it, and (once revealed) whether it is right."""
    rows = []
    for i, option in enumerate(question.options):
        right = option == question.answer
        status = ("the answer" if right else "other options") if revealed else "answers so far"
        # The axis names the answer in words too: colour alone fails colour-blind readers and zero-length bars.
        label = f"{letter(i)} ✓ answer" if revealed and right else letter(i)
        rows.append({"letter": letter(i), "label": label, "option": option, "answers": int(tally.get(option, 0)),
                     "status": status})  # fmt: skip
    return pd.DataFrame(rows, columns=["letter", "label", "option", "answers", "status"])


def tally_chart(frame: pd.DataFrame, revealed: bool, *, projector: bool = False) -> alt.Chart:
    """Answers per option as bars labelled A, B, C…; once revealed, the right option stands out in green.

    `projector` sizes it for the back of a room (theme.PROJECTOR_SIZES): labels of 24 px, taller bars.
    """
    total = int(frame["answers"].sum())
    if revealed:
        right = frame[frame["status"] == "the answer"]
        share = int(right["answers"].sum()) / total if total else 0.0
        title = theme.wrapped_title(
            f"{share:.0%} of the room chose the answer" if total else "Nobody answered this one",
            f"{plural(total, 'answer')}; the answer is option {', '.join(right['letter'])}",
            projector=projector,
        )
    else:
        hidden = "The answer is hidden until the facilitator reveals it"
        title = theme.wrapped_title(f"{plural(total, 'answer')} so far", hidden, projector=projector)
    colours = {"the answer": ANSWER_COLOUR, "other options": OTHER_COLOUR, "answers so far": WAITING_COLOUR}
    domain = ["the answer", "other options"] if revealed else ["answers so far"]
    top = max(1, int(frame["answers"].max()) if len(frame) else 1)
    bars = (
        alt.Chart(frame)
        .mark_bar()
        .encode(
            y=alt.Y("label:N", title="Option", sort=list(frame["label"])),
            x=alt.X("answers:Q", title="Answers (people)", scale=alt.Scale(domain=[0, top]),
                    axis=alt.Axis(tickMinStep=1, format="d")),
            color=alt.Color("status:N", scale=theme.colour_scale(colours, domain), legend=None),
            tooltip=[alt.Tooltip("letter:N", title="Option"), alt.Tooltip("option:N", title="Text"),
                     alt.Tooltip("answers:Q", title="Answers")],
        )
    )  # fmt: skip
    size = theme.PROJECTOR_SIZES["mark_text"] if projector else theme.MARK_TEXT_SIZE
    labels = bars.mark_text(align="left", dx=4, fontSize=size).encode(
        text=alt.Text("answers:Q"), color=alt.value(theme.TEXT)
    )
    chart = (bars + labels).properties(
        title=title,
        height=alt.Step(theme.PROJECTOR_SIZES["bar_step"] if projector else 44),
        width="container",
        description=(
            "Bar chart of answers per option: "
            + "; ".join(f"option {r.letter}, {r.answers}" for r in frame.itertuples())
            + (f". The answer is {question_letters(frame)}." if revealed else ". The answer is hidden.")
        ),
    )
    return theme.projector_config(chart) if projector else chart


def question_letters(frame: pd.DataFrame) -> str:
    return ", ".join(frame.loc[frame["status"] == "the answer", "letter"]) or "not set"


def most_chosen(tally: Mapping[str, int]) -> str:
    """The option most chosen, or every option tied for most, named as a tie: 'yes and no (tied)'."""
    top = max(tally.values(), default=0)
    tied = [option for option, count in tally.items() if count == top]
    if len(tied) == 1:
        return tied[0]
    return ", ".join(tied[:-1]) + f" and {tied[-1]} (tied)"


def summary(questions: Sequence[RoomQuestion], tallies: Mapping[str, Mapping[str, int]]) -> pd.DataFrame:
    """One row per question asked, the ones the room got most wrong first (share right, then most answers)."""
    rows = []
    for number, q in enumerate(questions, start=1):
        tally = tallies.get(q.id, {})
        answered = int(sum(tally.values()))
        right = int(tally.get(q.answer, 0))
        rows.append({
            "number": number, "question": q.prompt, "answer": q.answer, "answered": answered, "right": right,
            "share_right": round(right / answered, 3) if answered else None,
            "most_chosen": most_chosen(tally) if answered else "",
            "explains_page": q.explains_page, "question_id": q.id, "row_ids": ";".join(q.row_ids),
        })  # fmt: skip
    frame = pd.DataFrame(rows, columns=[
        "number", "question", "answer", "answered", "right", "share_right", "most_chosen", "explains_page",
        "question_id", "row_ids"])  # fmt: skip
    answered = frame[frame["answered"] > 0].sort_values(["share_right", "answered"], ascending=[True, False])
    return pd.concat([answered, frame[frame["answered"] == 0]], ignore_index=True)


def summary_markdown(frame: pd.DataFrame, app_url: str, code: str) -> str:
    """The summary as a Markdown file to keep: most-missed first, each with a link to the page that explains it."""
    base = app_url.rstrip("/")
    lines = [f"# Workshop room {code}: what the room answered", "",
             "Questions the room got most wrong first. Each links to the page that explains it.", ""]  # fmt: skip
    for row in frame.itertuples():
        score = f"{row.right} of {row.answered} right ({row.share_right:.0%})" if row.answered else "no answers"
        lines += [
            f"## {row.number}. {row.question}",
            "",
            f"- Answer: {row.answer}",
            f"- {score}" + (f"; most chosen: {row.most_chosen}" if row.answered else ""),
            f"- Explained on: {base}{site.url_path(row.explains_page)}",
            "",
        ]
    lines.append("Not medical advice. Answers were anonymous and are deleted when the room expires.")
    return "\n".join(lines) + "\n"
