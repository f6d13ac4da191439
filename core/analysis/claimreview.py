"""One schema.org ClaimReview record per claim, built from the data, for fact-checking tools and search engines."""

from __future__ import annotations

import json
from datetime import datetime
from typing import Any

import pandas as pd

from core import i18n
from core.analysis.vocab import NO_VERDICT
from core.data import Dataset
from core.links import claim_permalink

CONTEXT = "https://schema.org"
PROJECT_NAME = "Stem-cell claims vs evidence"
LANGUAGE = "en"  # of the records made from the data as loaded; a localised edition's records carry its ds.lang
FILE_NAME = "claimreview.jsonld"
MEDIA_TYPE = "application/ld+json"


def rating_scale(ds: Dataset) -> dict[str, int]:
    """Verdict -> ratingValue, 1 = worst (the evidence says the opposite) up to the best; unrated levels left out.

    The order comes from verdicts.csv; the levels that are not a judgement of truth ("not assessed",
    "unverifiable": core.analysis.vocab.NO_VERDICT) sit off the scale, so their records carry words but no number.
    """
    levels = ds.verdicts.sort_values("order")["verdict"]
    return {verdict: value for value, verdict in enumerate((v for v in levels if v not in NO_VERDICT), start=1)}


def _words(verdict: str) -> str:
    return verdict[:1].upper() + verdict[1:]


def _date(shown: str) -> str:
    """A page's shown date ("Nov 11, 2025") as YYYY-MM-DD, or "" when it is missing or in another form."""
    for form in ("%b %d, %Y", "%B %d, %Y", "%Y-%m-%d"):
        try:
            return datetime.strptime(str(shown).strip(), form).date().isoformat()
        except ValueError:
            continue
    return ""


def _appearance(source: pd.Series, lang: str = "en") -> dict[str, Any]:
    """Where the claim was made: the page's address, or our archived copy of it where the address is unknown."""
    if source["url"]:
        return {"@type": "CreativeWork", "url": source["url"], "name": source["title"]}
    return {
        "@type": "CreativeWork",
        "name": i18n.gettext(lang, "Archived copy of the page “{title}” (original address unknown)").format(
            title=source["title"]
        ),
        "identifier": source["seed_file"],
    }


def claim_review(ds: Dataset, claim_id: str, app_url: str, *, scale: dict[str, int] | None = None) -> dict[str, Any]:
    """The ClaimReview record of one claim; `app_url` is the app's root address (the record's url is under it)."""
    scale = rating_scale(ds) if scale is None else scale
    app_url = app_url.rstrip("/")
    claim = ds.claims.set_index("id").loc[claim_id]
    source = ds.sources.set_index("id").loc[claim["source_id"]]
    label = ds.verdicts.set_index("verdict")["label"].get(claim["verdict"], "")
    # The level's name: its key in English; in another edition its translated label (the key is an English word).
    name = claim["verdict"] if ds.lang == LANGUAGE or not label else label
    rating: dict[str, Any] = {"@type": "Rating", "alternateName": _words(name)}
    if label:
        rating["name"] = label  # the level's plain meaning, e.g. "true in part, wrong overall"
    if claim["verdict"] in scale:
        rating |= {"ratingValue": scale[claim["verdict"]], "bestRating": max(scale.values()), "worstRating": 1}
    rating["ratingExplanation"] = claim["verdict_note"]
    item: dict[str, Any] = {
        "@type": "Claim",
        "author": {"@type": "Organization", "name": source["publisher"]},
        "appearance": _appearance(source, ds.lang),
    }
    made_on = _date(source["date_shown"])
    if made_on:
        item["datePublished"] = made_on
    return {
        "@context": CONTEXT,
        "@type": "ClaimReview",
        "url": claim_permalink(app_url, claim_id),
        "claimReviewed": claim["quote"],
        "itemReviewed": item,
        "reviewRating": rating,
        "author": {"@type": "Organization", "name": PROJECT_NAME, "url": app_url},
        "datePublished": claim["checked_on"],
        "inLanguage": ds.lang,
    }


def claim_reviews(ds: Dataset, app_url: str) -> list[dict[str, Any]]:
    """Every claim's ClaimReview record, in claim id order."""
    scale = rating_scale(ds)
    return [claim_review(ds, claim_id, app_url, scale=scale) for claim_id in sorted(ds.claims["id"])]


def records_by_id(ds: Dataset) -> dict[str, dict[str, Any]]:
    """Every record by claim id, with addresses relative to the app (see rooted): one set per data version."""
    return {record["url"].rsplit("=", 1)[1]: record for record in claim_reviews(ds, "")}


def rooted(record: dict[str, Any], app_url: str) -> dict[str, Any]:
    """A record from records_by_id with its addresses under the app's root address."""
    app_url = app_url.rstrip("/")
    return record | {"url": app_url + record["url"], "author": record["author"] | {"url": app_url}}


def to_jsonld(records: list[dict[str, Any]] | dict[str, Any]) -> str:
    """JSON-LD text: one record, or a list of them, UTF-8 with the quotes as written."""
    return json.dumps(records, ensure_ascii=False, indent=2) + "\n"


def export_text(ds: Dataset, app_url: str) -> str:
    """The whole export file, as scripts/export_claimreview.py writes it and the Methods page offers it."""
    return to_jsonld(claim_reviews(ds, app_url))
