"""Questions on what regulators approved and the harms reported after unapproved stem-cell products."""

from __future__ import annotations

import pandas as pd

from core import i18n
from core.analysis.verdicts import approval_status
from core.data import Dataset
from core.workshop.question import EVIDENCE, ROUTES, Exercise, _question, _regulator_quote, _study_quote


def approved_for_knees(ds: Dataset) -> Exercise | None:
    maci = ds.regulatory[ds.regulatory["title"].str.contains("MACI", case=False)]
    if maci.empty:
        return None
    status = approval_status(ds)
    _ = i18n.bound(ds.lang)
    return _question(
        "approved_knee",
        _("In the US, which cell product is approved for the knee?"),
        _("A patch of the patient's own cartilage cells, put in by surgery (MACI)"),
        [
            _("Stem-cell injections for knee arthritis"),
            _("Fat-derived cell (SVF) injections"),
            _("Umbilical-cord stem-cell shots"),
        ],
        f"{status.headline} {status.exception}",
        [_regulator_quote(maci.iloc[0])],
        status.row_ids,
        "regulation",
        EVIDENCE,
    )


def approved_msc_is_for(ds: Dataset) -> Exercise | None:
    # The summary is read in the edition's language: the English words or their Spanish translation.
    rows = ds.regulatory[(ds.regulatory["kind"] == "approval") & ds.regulatory["summary"].str.contains(
        "graft-versus-host|injerto contra", case=False)]  # fmt: skip
    if rows.empty:
        return None
    row = rows.iloc[0]
    _ = i18n.bound(ds.lang)
    # Not a _Lookup: this one quotes the row's summary when it has no verbatim quote, rather than dropping it.
    return _question(
        "approved_msc",
        _("The one mesenchymal stem-cell product approved in the US: what is it approved for?"),
        _("A rare transplant complication in children"),
        [_("Knee osteoarthritis"), _("Low back pain"), _("Slowing ageing")],
        row["summary"],
        [_regulator_quote(row)],
        [row["id"]],
        "regulation",
        EVIDENCE,
    )


def largest_harm_report(ds: Dataset) -> Exercise | None:
    clinic = ds.harms[(ds.harms["setting"] == "unapproved clinic") & ds.harms["n_patients"].notna()]
    if clinic.empty:
        return None
    top = clinic.loc[clinic["n_patients"].idxmax()]
    n, _, lang = int(top["n_patients"]), i18n.bound(ds.lang), ds.lang

    def people(count: int) -> str:
        return i18n.ngettext(lang, "{n} person", "{n} people", count).format(n=i18n.format_number(count, lang))

    return _question(
        "harm_count",
        _("The largest report of harm after unapproved stem-cell products that we list counts how many people?"),
        people(n),
        [people(max(1, n // 100)), people(max(2, n // 10)), people(n * 10)],
        _("{what_happened} Reports overlap, so their counts cannot be added up.").format(
            what_happened=top["what_happened"]
        ),
        [_study_quote(top)] if top["quote"] else [],
        [top["id"]],
        "harms",
        EVIDENCE,
    )


def _people(n, lang: str = i18n.DEFAULT) -> str:
    if pd.isna(n):
        return i18n.gettext(lang, "People")
    if int(n) == 1:
        return i18n.gettext(lang, "One person")
    return i18n.ngettext(lang, "{n} person", "{n} people", int(n)).format(n=int(n))


def worst_harm(ds: Dataset) -> Exercise | None:
    eye = ds.harms[(ds.harms["severity"] == "permanent disability") & (ds.harms["setting"] == "unapproved clinic")]
    if eye.empty:
        return None
    row = eye.iloc[0]
    _ = i18n.bound(ds.lang)
    question = (
        _("{people} given clinic 'stem cell' injections into the eye: what happened to their sight?")
        if row["route"] == "intraocular"
        else _("{people} given clinic 'stem cell' injections: what happened to them?")
    )
    return _question(
        "harm_eyes",
        question.format(people=_people(row["n_patients"], ds.lang)),
        _("They lost much or all of their sight"),
        [_("Their sight improved"), _("Nothing changed"), _("A day of mild redness")],
        row["what_happened"],
        [_study_quote(row)] if row["quote"] else [],
        [row["id"]],
        "harms",
        ROUTES,
    )
