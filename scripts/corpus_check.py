"""Check the sentence-level text-checker corpus (tests/textcheck_eval/corpus/*.json) and print what it holds."""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections import Counter
from pathlib import Path
from urllib.parse import urlparse

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "tests" / "textcheck_eval" / "corpus"

GROUPS = {"advert", "neutral", "other"}
KINDS = {"seller", "regulator", "news", "study-registry", "health-info", "unknown"}
TOPICS = {"knee", "back", "both", "other"}
LANGUAGES = {"en", "es"}
VOICES = {"own", "quoted", "reported"}
FLAGS = {
    "approval",
    "success",
    "no risk",
    "testimonial",
    "cure",
    "regenerate",
    "price lure",
    "regulated product",
    "instead of surgery",
}
WHATS = {"cells", "exosomes", "particles"}
BASES = {"per knee", "per disc", "per kg", "per mL", "per injection", "course total", "unstated"}
ROUTES = {"intra-articular knee", "intradiscal", "intrathecal", "epidural", "intravenous", None}
BOUNDS = {None, "at most", "at least"}
PAGE_FIELDS = ("id", "url", "site", "country", "language", "group", "kind", "topic", "retrieved", "sentences", "note")
SENTENCE_FIELDS = ("text", "flags", "hype", "hedge", "voice", "doses")
DOSE_FIELDS = ("span", "low", "high", "what", "basis", "route", "bound")
# Converted excerpts keep the length the old sets gave them; new pages must hold 6-30 sentences.
CONVERTED = {"cases", "held_out-round2"}
MIN_SENTENCES, MAX_SENTENCES = 6, 30

EMAIL = re.compile(r"[\w.+-]+@[\w-]+\.[A-Za-z]{2,}")
# Telephone numbers in the forms clinics print them: +country code groups, (303) 429-6448 / 303-429-6448, 02 9231 0102.
PHONES = (
    re.compile(r"\+\d{1,3}[\s.-]?\(?\d{1,4}\)?(?:[\s.-]\d{2,4}){2,4}\b"),
    re.compile(r"(?<![\w.,])\(?\d{3}\)?[\s.-]\d{3}[\s.-]\d{4}(?!\d)"),
    re.compile(r"(?<![\w.,])0\d[\s-]\d{4}[\s-]\d{4}(?!\d)"),
)
DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
COUNTRY = re.compile(r"[A-Z]{2}")


def contact_details(text: str) -> list[str]:
    """E-mail addresses and telephone numbers found in text."""
    found = EMAIL.findall(text)
    for pattern in PHONES:
        found += [m.group(0) for m in pattern.finditer(text)]
    return found


def check_dose(dose: dict, text: str, where: str) -> list[str]:
    """Problems with one dose annotation."""
    missing = [f for f in DOSE_FIELDS if f not in dose]
    if missing:
        return [f"{where}: dose lacks {', '.join(missing)}"]
    problems = []
    if dose["span"] not in text:
        problems.append(f"{where}: dose span {dose['span']!r} is not in the sentence")
    low, high = dose["low"], dose["high"]
    if not (isinstance(low, int) and isinstance(high, int) and 0 < low <= high):
        problems.append(f"{where}: dose low/high must be whole numbers with 0 < low <= high, got {low!r}/{high!r}")
    for field, allowed in (("what", WHATS), ("basis", BASES), ("route", ROUTES), ("bound", BOUNDS)):
        if dose[field] not in allowed:
            problems.append(f"{where}: dose {field} {dose[field]!r} is not allowed")
    return problems


def check_flags(flags: list, where: str) -> list[str]:
    """Problems with a sentence's red-flag kinds: only the app's kinds, each at most once."""
    problems = [f"{where}: unknown red-flag kind {flag!r}" for flag in flags if flag not in FLAGS]
    if len(set(flags)) != len(flags):
        problems.append(f"{where}: a red-flag kind is repeated")
    return problems


def check_sentence(sentence: dict, where: str) -> list[str]:
    """Problems with one sentence."""
    missing = [f for f in SENTENCE_FIELDS if f not in sentence]
    if missing:
        return [f"{where}: sentence lacks {', '.join(missing)}"]
    text = sentence["text"]
    problems = []
    if not isinstance(text, str) or not text.strip():
        return [f"{where}: empty sentence"]
    if text != text.strip():
        problems.append(f"{where}: sentence has leading or trailing space")
    problems += check_flags(sentence["flags"], where)
    for phrase in sentence["hype"]:
        if not phrase or phrase not in text:
            problems.append(f"{where}: hype {phrase!r} is not in the sentence")
    if not isinstance(sentence["hedge"], bool):
        problems.append(f"{where}: hedge must be true or false")
    if sentence["voice"] not in VOICES:
        problems.append(f"{where}: voice {sentence['voice']!r} is not allowed")
    for dose in sentence["doses"]:
        problems += check_dose(dose, text, where)
    for found in contact_details(text):
        problems.append(f"{where}: looks like contact details: {found!r}")
    return problems


def check_page(page: dict, where: str) -> tuple[list[str], list[str]]:
    """(problems, warnings) for one page."""
    missing = [f for f in PAGE_FIELDS if f not in page]
    if missing:
        return [f"{where}: page lacks {', '.join(missing)}"], []
    where = f"{where} {page['id']}"
    problems, warnings = [], []
    for field, allowed in (("group", GROUPS), ("kind", KINDS), ("topic", TOPICS), ("language", LANGUAGES)):
        if page[field] not in allowed:
            problems.append(f"{where}: {field} {page[field]!r} is not allowed")
    if not COUNTRY.fullmatch(str(page["country"])):
        problems.append(f"{where}: country must be two capital letters (XX if unknown), got {page['country']!r}")
    if not DATE.fullmatch(str(page["retrieved"])):
        problems.append(f"{where}: retrieved must be YYYY-MM-DD")
    host = (urlparse(page["url"]).hostname or "").lower()
    if not host or not (host == page["site"] or host.endswith("." + page["site"])):
        problems.append(f"{where}: site {page['site']!r} is not the url's domain")
    sentences = page["sentences"]
    if not sentences:
        problems.append(f"{where}: no sentences")
    elif not MIN_SENTENCES <= len(sentences) <= MAX_SENTENCES:
        message = f"{where}: {len(sentences)} sentences, the format asks for {MIN_SENTENCES}-{MAX_SENTENCES}"
        (warnings if page.get("origin") in CONVERTED else problems).append(message)
    for i, sentence in enumerate(sentences):
        problems += check_sentence(sentence, f"{where} sentence {i}")
    return problems, warnings


def check_files(paths: list[Path]) -> tuple[list[str], list[str], list[dict]]:
    """(problems, warnings, pages) for a set of corpus files; ids must be unique across all of them."""
    problems, warnings, pages = [], [], []
    seen: dict[str, str] = {}
    for path in paths:
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, json.JSONDecodeError) as error:
            problems.append(f"{path.name}: cannot be read as JSON ({error})")
            continue
        if not isinstance(data, dict) or not isinstance(data.get("pages"), list) or not data.get("about"):
            problems.append(f"{path.name}: needs an 'about' text and a 'pages' list")
            continue
        for page in data["pages"]:
            page_problems, page_warnings = check_page(page, path.name)
            problems += page_problems
            warnings += page_warnings
            pid = page.get("id")
            if pid in seen:
                problems.append(f"{path.name}: id {pid!r} is also used in {seen[pid]}")
            seen[pid] = path.name
            pages.append(page)
    return problems, warnings, pages


def counts(pages: list[dict]) -> dict[str, Counter]:
    """What the pages hold: pages per group, kind, country and language; sentences; flags per kind."""
    sentences = [s for p in pages for s in p.get("sentences", [])]
    return {
        "pages": Counter({"pages": len(pages)}),
        "group": Counter(p.get("group") for p in pages),
        "kind": Counter(p.get("kind") for p in pages),
        "country": Counter(p.get("country") for p in pages),
        "language": Counter(p.get("language") for p in pages),
        "topic": Counter(p.get("topic") for p in pages),
        "origin": Counter(p.get("origin", "-") for p in pages),
        "sentences": Counter(
            {
                "sentences": len(sentences),
                "with a flag": sum(bool(s.get("flags")) for s in sentences),
                "with hype": sum(bool(s.get("hype")) for s in sentences),
                "hedged": sum(s.get("hedge") is True for s in sentences),
                "quoted": sum(s.get("voice") == "quoted" for s in sentences),
                "reported": sum(s.get("voice") == "reported" for s in sentences),
                "doses": sum(len(s.get("doses", [])) for s in sentences),
            }
        ),
        "flags": Counter(f for s in sentences for f in s.get("flags", [])),
    }


def report(table: dict[str, Counter]) -> str:
    """Counts as plain lines, largest first."""
    lines = []
    for name, counter in table.items():
        items = ", ".join(f"{key}: {n}" for key, n in counter.most_common())
        lines.append(f"{name}: {items}")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    """Check the corpus files (all of corpus/*.json unless paths are given); exit 1 on any problem."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("paths", nargs="*", type=Path, help="corpus files (default: every corpus/*.json)")
    args = parser.parse_args(argv)
    paths = args.paths or sorted(CORPUS.glob("*.json"))
    problems, warnings, pages = check_files(paths)
    print(f"files: {', '.join(p.name for p in paths)}")
    print(report(counts(pages)))
    for line in warnings:
        print("warning:", line)
    for line in problems:
        print("problem:", line, file=sys.stderr)
    print(f"{len(problems)} problems, {len(warnings)} warnings")
    return 1 if problems else 0


if __name__ == "__main__":
    raise SystemExit(main())
