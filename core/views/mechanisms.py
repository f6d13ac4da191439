"""The Mechanisms view: how the pages say cells work, set against what studies found."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import pandas as pd

from core.analysis import claims as analysis_claims
from core.analysis.claims import (
    claims_with_sources,
    linked_evidence,
    mechanism_matrix,
    mechanism_topics,
    who_claims,
)
from core.charts import claims as claim_charts
from core.charts.export import Spec, to_spec
from core.data import Dataset
from core.text import md_escape
from core.views.cite import study_line


@dataclass(frozen=True)
class MechanismSection:
    topic: dict[str, Any]
    studies: pd.DataFrame
    claims: pd.DataFrame
    who: str

    @property
    def study_lines(self) -> list[str]:
        """Each study behind the mechanism, cited with its reference and links instead of its finding."""
        return [study_line(s, finding=md_escape(s["citation"])) for s in self.studies.to_dict("records")]


@dataclass(frozen=True)
class MechanismsView:
    matrix: pd.DataFrame
    matrix_chart: Spec
    sections: list[MechanismSection]


def mechanisms_page(ds: Dataset, chosen: str) -> MechanismsView:
    topics = mechanism_topics(ds)
    matrix = mechanism_matrix(ds)
    claims = claims_with_sources(ds)
    shown = topics if chosen == "all" else topics[topics["id"] == chosen]
    return MechanismsView(
        matrix=matrix,
        matrix_chart=to_spec(claim_charts.mechanism_matrix_chart(matrix)),
        sections=[
            MechanismSection(
                topic=topic.to_dict(),
                studies=linked_evidence(ds, topic["evidence_ids"]),
                claims=claims[claims["topic"] == topic["id"]],
                who=who_claims(matrix, topic["id"]),
            )
            for _, topic in shown.iterrows()
        ],
    )


topic_heading = analysis_claims.topic_heading
