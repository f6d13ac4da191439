"""Content blocks: attributed verbatim quotes, charts with their caveat and data, and downloads."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import TYPE_CHECKING, Any

import pandas as pd
import streamlit as st
from streamlit.dataframe_util import convert_anything_to_arrow_bytes

from core import data as core_data
from core import i18n
from core.data.translate import TRANSLATION_LABEL
from core.text import md_escape
from ui.language import _, lang
from ui.widgets import reveal

if TYPE_CHECKING:
    import altair as alt

# NOTE: Altair and the chart export are imported where a chart is drawn, not here: on a freshly started server
# that keeps about a quarter of a second of imports off the way to a page's first words.


def quote(text: str, source_label: str, seed_file: str, translation: str = "", *, before: str = "",
          after: str = "", then: str = "") -> None:  # fmt: skip
    """A verbatim quote, escaped so it renders as text, attributed to its page; under it, when given, our
    translation into the reader's language, labelled as ours (the quote itself is never translated in place).

    The archived file's name goes in the tooltip, not the sentence: plain words on screen, the file one hover
    away (and in every table and download). `before` and `after` are small print (Markdown, already escaped) above
    and below, and `then` is Markdown in full size after it all: one element, because a list of quotes is redrawn
    on every rerun of its page.
    """
    help_text = _("Archived copy of the page: {file}").format(file=md_escape(seed_file)) if seed_file else None
    parts = [f":small[{before}]"] if before else []
    parts.append(f"> “{md_escape(text)}”\n>\n> — *{md_escape(source_label)}*")
    if translation_text(translation):
        parts.append(f"*{md_escape(translation_label())}:* {md_escape(translation)}")
    if after:
        parts.append(f":small[{after}]")
    if then:
        parts.append(then)
    st.markdown("\n\n".join(parts), help=help_text)


def translation_text(value: Any) -> str:
    """A translation cell as text: '' for an empty or missing one (a NaN from a table included)."""
    return value.strip() if isinstance(value, str) else ""


def translation_label() -> str:
    """'Traducción nuestra': how a text we translated ourselves is labelled, in the reader's language."""
    return TRANSLATION_LABEL.get(lang()) or _("Our translation")


def quotes(rows: pd.DataFrame, note: Callable[[Any], str]) -> None:
    """Each row's verbatim quote, attributed (needs quote, short_label and seed_file), with our translation when the
    edition's row carries one (quote_translation) and a note under it."""
    for row in rows.itertuples():
        translation = translation_text(getattr(row, "quote_translation", ""))
        quote(row.quote, row.short_label, row.seed_file, translation, after=note(row))


def chart_block(
    chart: alt.TopLevelMixin | Mapping[str, Any], *, caption: str, data: pd.DataFrame, file_stem: str
) -> None:
    """A chart with its caveat caption; one switch away, the data as a table and CSV, and PNG and SVG images.

    Pass a spec from a cached view where the page reruns often: building and validating an Altair chart costs
    tens of milliseconds. The spec's top-level `description` is its text alternative: Streamlit gives it to
    screen readers as the chart's accessible name, and it travels into exported images.
    """
    spec, shown = _prepared(chart, lang())
    if not str(spec.get("description", "")).strip():
        raise ValueError(f"chart '{file_stem}' has no description (text alternative)")
    st.vega_lite_chart(spec=shown, width="stretch", theme=None)
    st.caption(caption)
    # One switch for everything behind a chart: a page redraws every switch on every rerun, whether on or off.
    if reveal(_("Data behind this chart, downloads and sharing"), key=f"data_{file_stem}"):
        from ui.share import embed_or_share

        st.dataframe(data, hide_index=True, width="stretch")
        table_download(data, file_stem)
        image_downloads(spec, caption, file_stem)
        embed_or_share(spec, file_stem)


_MADE: dict[tuple[int, str, str], tuple[Any, Any]] = {}
_MADE_MAX = 512


def _made_once(kind: str, source: Any, language: str, make: Callable[[], Any]) -> Any:
    """make(), remembered per source object (by identity), kind and language.

    Charts and tables from cached views are the same objects rerun after rerun, and Streamlit would otherwise
    convert their data to Arrow on every rerun. The entry holds the source, so its id cannot be reused while it is
    remembered; the whole memo is dropped when full (views are few; a crowd's choices refill it).
    """
    key = (id(source), kind, language)
    hit = _MADE.get(key)
    if hit is not None and hit[0] is source:
        return hit[1]
    made = make()
    if len(_MADE) >= _MADE_MAX:
        _MADE.clear()
    _MADE[key] = (source, made)
    return made


def _prepared(
    chart: alt.TopLevelMixin | Mapping[str, Any], language: str
) -> tuple[Mapping[str, Any], Mapping[str, Any]]:
    """(spec, shown): the chart as a spec in the language's number and date formats (for images and embeds too),
    and the same with its datasets already in Arrow, the form Streamlit sends them in; made once per chart object
    and language."""
    from core.charts import export
    from core.charts.theme import localized

    def make() -> tuple[Mapping[str, Any], Mapping[str, Any]]:
        spec = localized(export.to_spec(chart), language)
        datasets = spec.get("datasets") or {}
        shown = {**spec, "datasets": {name: convert_anything_to_arrow_bytes(rows) for name, rows in datasets.items()}}
        if not datasets:
            shown.pop("datasets")
        return spec, shown

    return _made_once("chart", chart, language, make)


def data_table(frame: pd.DataFrame, **options: Any) -> None:
    """st.dataframe for a table from a cached view, put in Arrow once per table rather than on every rerun."""
    from streamlit.dataframe_util import convert_pandas_df_to_arrow_table

    st.dataframe(_made_once("table", frame, "", lambda: convert_pandas_df_to_arrow_table(frame)), **options)


def image_downloads(spec: Mapping[str, Any], caption: str, file_stem: str) -> None:
    """PNG and SVG downloads of a chart with its caveat drawn in; rendered only when clicked."""
    from core.charts import export

    for fmt, mime in (("png", "image/png"), ("svg", "image/svg+xml")):
        st.download_button(
            _("Download {format}").format(format=fmt.upper()),
            data=lambda fmt=fmt: export.render(export.with_caveat(spec, caption), fmt),
            file_name=download_name(file_stem, fmt),
            mime=mime,
            key=f"{fmt}_{file_stem}",
            icon=":material/image:",
        )


def download_name(file_stem: str, extension: str, language: str | None = None) -> str:
    """A download's file name: 'dose_ladder.csv' in English, 'dose_ladder_es.csv' in another language, so that a
    reader who saves both editions keeps both files."""
    language = language or lang()
    suffix = "" if language == i18n.DEFAULT else f"_{language}"
    return f"{file_stem}{suffix}.{extension}"


def table_download(frame: pd.DataFrame, file_stem: str, label: str | None = None, key: str | None = None) -> None:
    """A CSV download of a table shown on the page (the label defaults to 'Download CSV' in the reader's language)."""
    st.download_button(
        label or _("Download CSV"),
        # Built only when clicked, so a page does not serialise every table on every rerun.
        data=lambda: core_data.flatten_lists(frame).to_csv(index=False).encode("utf-8"),
        file_name=download_name(file_stem, "csv"),
        mime="text/csv",
        key=key or f"csv_{file_stem}",
    )
