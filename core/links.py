"""Addresses a reader can take away: a claim's permalink, a study's PubMed/DOI/registry links, the app's root."""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any
from urllib.parse import quote, urlsplit, urlunsplit

from core import i18n, site

APP_URL_ENV = "STEMCELL_APP_URL"  # the public address of the app, for links made outside a browser session
DEFAULT_APP_URL = "http://localhost:8501"
CLAIMS_PAGE = site.page("claims").url_path.lstrip("/")
CLAIM_QUERY_KEY = "claim"  # /Claims?claim=<claim id> opens that claim first, expanded

_PMID = re.compile(r"[0-9]{1,9}")
_DOI = re.compile(r"10\.[0-9]{4,9}/\S+")
_NCT = re.compile(r"NCT[0-9]{8}")
_CLAIM_ID = re.compile(r"[a-z0-9][a-z0-9-]{0,39}")
_FILE_ORDER = re.compile(r"^[0-9]{3}\s+")


@dataclass(frozen=True)
class Link:
    label: str  # plain text; escape it before putting it in Markdown
    url: str


def study_links(row: Mapping[str, Any], lang: str = i18n.DEFAULT) -> list[Link]:
    """A study's PubMed, DOI and trial-registry links, from its identifiers; malformed identifiers give no link.

    "PubMed" and "DOI" are names; the trial record is named in `lang`."""
    links = []
    pmid, doi, nct = (str(row.get(key) or "").strip() for key in ("pmid", "doi", "nct"))
    if _PMID.fullmatch(pmid):
        links.append(Link(f"PubMed {pmid}", f"https://pubmed.ncbi.nlm.nih.gov/{pmid}/"))
    if _DOI.fullmatch(doi):
        # Brackets and the like occur in real DOIs; encoded, they cannot end a Markdown link early.
        links.append(Link(f"DOI {doi}", "https://doi.org/" + quote(doi, safe="/.-_;:")))
    if _NCT.fullmatch(nct):
        label = i18n.gettext(lang, "trial record {nct}").format(nct=nct)
        links.append(Link(label, f"https://clinicaltrials.gov/study/{nct}"))
    summary_es = str(row.get("summary_es_url") or "").strip()
    if lang == "es" and summary_es.startswith("https://"):
        # The publisher's own summary in Spanish (a Cochrane "resumen"): cited, not translated by us.
        links.append(Link(i18n.gettext(lang, "Official summary in Spanish"), quote(summary_es, safe=":/?&=%#+~.,-_")))
    return links


def valid_claim_id(claim_id: str) -> bool:
    return bool(_CLAIM_ID.fullmatch(claim_id or ""))


def app_root(url: str, page_names: Iterable[str] = ()) -> str:
    """The app's root address from a page's address: scheme, host and base path, without page, query or fragment.

    "https://host/app/Claims?x=1" with page "Claims" -> "https://host/app". Anything not http(s) gives "".
    """
    parts = urlsplit((url or "").strip())
    if parts.scheme not in ("http", "https") or not parts.netloc:
        return ""
    path = parts.path.rstrip("/")
    head, _, last = path.rpartition("/")
    if last in set(page_names):
        path = head
    return urlunsplit((parts.scheme, parts.netloc, path, "", "")).rstrip("/")


def page_url(root: str, page: str, params: Mapping[str, str] | None = None) -> str:
    """An address inside the app: root + "/" + page (empty for Home) + the query."""
    query = "&".join(f"{quote(key, safe='')}={quote(value, safe='')}" for key, value in (params or {}).items())
    return f"{root.rstrip('/')}/{page}" + (f"?{query}" if query else "")


def claim_permalink(root: str, claim_id: str) -> str:
    """The address that opens one claim, expanded, at the top of the Claims page."""
    return page_url(root, CLAIMS_PAGE, {CLAIM_QUERY_KEY: claim_id})
