"""Score the text checker on real published pages (the tuning set and a held-out set) and time it on worst cases.

Run: python -m bench.textcheck_eval
"""

from __future__ import annotations

import json
import math
import time
from dataclasses import dataclass
from pathlib import Path

from core import textcheck

EVAL_DIR = Path(__file__).resolve().parent.parent / "tests" / "textcheck_eval"
CASES = EVAL_DIR / "cases.json"  # the tuning set: the rules were written on it, so its figures are an upper bound
HELD_OUT = EVAL_DIR / "held_out.json"  # pages never used to tune the rules: the honest figures
TARGETS = {"dose precision": 0.95, "dose recall": 0.95, "routes right": 0.8, "hype recall": 0.8}
MAX_SURE_WORDS_ON_NEUTRAL = 1


def load_cases(path: Path = CASES) -> list[dict]:
    return json.loads(path.read_text(encoding="utf-8"))["cases"]


def _spans(text: str, phrases: list[str]) -> list[tuple[int, int]]:
    """Where each annotated phrase is; a phrase listed twice is the second occurrence the second time."""
    found, after = [], {}
    for phrase in phrases:
        at = text.find(phrase, after.get(phrase, 0))
        if at < 0:
            raise ValueError(f"annotated phrase not in text: {phrase!r}")
        found.append((at, at + len(phrase)))
        after[phrase] = at + 1
    return found


def _overlap(a: tuple[int, int], b: tuple[int, int]) -> bool:
    return a[0] < b[1] and b[0] < a[1]


def _same(x: float, y: float) -> bool:
    return math.isclose(x, y, rel_tol=1e-6)


@dataclass
class Scores:
    doses_annotated: int = 0
    doses_found: int = 0
    doses_matched: int = 0
    routes_right: int = 0
    bases_right: int = 0
    hype_annotated: int = 0
    hype_found: int = 0
    quoted_annotated: int = 0
    quoted_counted: int = 0
    flags_annotated: int = 0
    flags_recalled: int = 0
    flags_found: int = 0
    flags_correct: int = 0
    kinds_right: int = 0
    pages: int = 0

    def ratio(self, part: int, whole: int) -> float:
        return part / whole if whole else 1.0


def _score_doses(case: dict, report, scores: Scores, misses: list[str]) -> None:
    """A found dose matches an annotated one when their spans overlap and amount and product agree."""
    annotated = case["doses"]
    used: set[int] = set()
    scores.doses_annotated += len(annotated)
    scores.doses_found += len(report.doses)
    for note, span in zip(annotated, _spans(case["text"], [d["span"] for d in annotated]), strict=True):
        match = next(
            (
                i
                for i, d in enumerate(report.doses)
                if i not in used
                and _overlap((d.start, d.end), span)
                and _same(d.cells_low, note["low"])
                and _same(d.cells_high, note["high"])
                and d.what == note["what"]
            ),
            None,
        )
        if match is None:
            misses.append(f"{case['id']}: dose missed {note['span']!r}")
            continue
        used.add(match)
        found = report.doses[match]
        scores.doses_matched += 1
        scores.routes_right += found.route == note["route"]
        scores.bases_right += (found.basis or None) == note["basis"]
        if found.route != note["route"]:
            misses.append(f"{case['id']}: route {found.route} for {note['span']!r}, annotated {note['route']}")
    misses += [f"{case['id']}: extra dose {d.text!r}" for i, d in enumerate(report.doses) if i not in used]


def _score_words(case: dict, report, scores: Scores, misses: list[str]) -> None:
    """An annotated hype phrase is recalled when a counted (own-voice) sure word overlaps it; quoted ones must not."""
    own = [(h.start, h.end) for h in report.sure_words]
    for phrase, span in zip(case["hype"], _spans(case["text"], case["hype"]), strict=True):
        scores.hype_annotated += 1
        recalled = any(_overlap(span, o) for o in own)
        scores.hype_found += recalled
        if not recalled:
            misses.append(f"{case['id']}: hype missed {phrase!r}")
    for phrase, span in zip(case["quoted"], _spans(case["text"], case["quoted"]), strict=True):
        scores.quoted_annotated += 1
        if any(_overlap(span, o) for o in own):
            scores.quoted_counted += 1
            misses.append(f"{case['id']}: quoted word counted {phrase!r}")


def _score_flags(case: dict, report, scores: Scores, misses: list[str]) -> None:
    """Red flags matched by overlapping spans."""
    spans = _spans(case["text"], [f["span"] for f in case["red_flags"]])
    found = [(f.start, f.end) for f in report.red_flags]
    scores.flags_annotated += len(spans)
    scores.flags_recalled += sum(any(_overlap(s, f) for f in found) for s in spans)
    scores.flags_found += len(found)
    scores.flags_correct += sum(any(_overlap(f, s) for s in spans) for f in found)
    for flag in report.red_flags:
        if not any(_overlap((flag.start, flag.end), s) for s in spans):
            misses.append(f"{case['id']}: extra red flag {flag.text!r} ({flag.kind})")
    for note, span in zip(case["red_flags"], spans, strict=True):
        if not any(_overlap(span, f) for f in found):
            misses.append(f"{case['id']}: red flag missed {note['span']!r}")


def _ordered(pairs: list[tuple[dict, dict]], key: str) -> float:
    return sum(a[key] > n[key] for a, n in pairs) / len(pairs) if pairs else 1.0


def _share(pages: list[dict], level: str) -> float:
    return sum(p["summary"] == level for p in pages) / len(pages) if pages else 1.0


def evaluate(cases: list[dict]) -> dict:
    """Precision and recall per finding type, and how red flags separate adverts from neutral pages."""
    scores = Scores()
    per_page: list[dict] = []
    misses: list[str] = []
    for case in cases:
        report = textcheck.analyze(case["text"])
        scores.pages += 1
        scores.kinds_right += report.page_kind.kind == case["kind"]
        if report.page_kind.kind != case["kind"]:
            misses.append(f"{case['id']}: page kind {report.page_kind.kind}, annotated {case['kind']}")
        _score_doses(case, report, scores, misses)
        _score_words(case, report, scores, misses)
        _score_flags(case, report, scores, misses)
        per_page.append(
            {
                "id": case["id"], "group": case["group"], "flags": len(report.red_flags),
                "sure words": len(report.sure_words), "caution": textcheck.caution_score(report),
                "summary": textcheck.summary(report)[0],
            }
        )  # fmt: skip
    adverts = [p for p in per_page if p["group"] == "advert"]
    neutral = [p for p in per_page if p["group"] == "neutral"]
    pairs = [(a, n) for a in adverts for n in neutral]
    annotated_flags = {c["id"]: len(c["red_flags"]) for c in cases}
    most_on_neutral = max((n["flags"] for n in neutral), default=0)
    return {
        "pages": scores.pages,
        "adverts": len(adverts),
        "neutral pages": len(neutral),
        "doses annotated": scores.doses_annotated,
        "dose precision": scores.ratio(scores.doses_matched, scores.doses_found),
        "dose recall": scores.ratio(scores.doses_matched, scores.doses_annotated),
        "routes right": scores.ratio(scores.routes_right, scores.doses_matched),
        "bases right": scores.ratio(scores.bases_right, scores.doses_matched),
        "hype recall": scores.ratio(scores.hype_found, scores.hype_annotated),
        "quoted words counted": scores.quoted_counted,
        "quoted words annotated": scores.quoted_annotated,
        "red flag precision": scores.ratio(scores.flags_correct, scores.flags_found),
        "red flag recall": scores.ratio(scores.flags_recalled, scores.flags_annotated),
        "page kind right": scores.ratio(scores.kinds_right, scores.pages),
        "most sure words on a neutral page": max((n["sure words"] for n in neutral), default=0),
        "most red flags on a neutral page": max((n["flags"] for n in neutral), default=0),
        "fewest red flags on an advert": min((a["flags"] for a in adverts), default=0),
        "every neutral page below every advert": all(a["flags"] > most_on_neutral for a in adverts),
        "every neutral page below every advert with an annotated red flag": all(
            a["flags"] > most_on_neutral for a in adverts if annotated_flags[a["id"]]
        ),
        "advert-neutral pairs ordered by red flags": _ordered(pairs, "flags"),
        "advert-neutral pairs ordered by caution score": _ordered(pairs, "caution"),
        "neutral pages summed up as neutral": _share(neutral, "neutral"),
        "adverts summed up as advert": _share(adverts, "advert"),
        # Adverts with no more red flags than a neutral page: named, so the unmet target is never hidden.
        "adverts not above neutral pages": [
            (a["id"], a["flags"], annotated_flags[a["id"]]) for a in adverts if a["flags"] <= most_on_neutral
        ],
        "per page": per_page,
        "misses": misses,
    }


WORST_CASES = {
    "200,000 dots": "." * 200_000,
    "'A-' repeated": "A-" * 100_000,
    "digits": "1" * 200_000,
    "digits and spaces": "1 " * 100_000,
    "digits and commas": "1," * 100_000,
    "dose statements": ("50 million stem cells into the knee. " * 6000)[:200_000],
    "listed doses": ("25, 50, 75, or 150 million cells, " * 6000)[:200_000],
    "deep parentheses": "(" * 100_000 + ")" * 100_000,
    "whitespace": " " * 199_999 + "x",
    "newlines": "\n" * 200_000,
    "quotation marks": '"' * 200_000,
    "curly quotes and words": ("“cure” " * 30_000)[:200_000],
    "regulated products given": ("We inject exosomes and SVF into the knee, instead of surgery. " * 3300)[:200_000],
    "product names alone": ("exosomes SVF cord blood " * 9000)[:200_000],
    "hype words": ("revolutionary cure, no risk, 99.9% purity and safety. " * 4000)[:200_000],
    "word numbers": ("twenty-five million " * 11_000)[:200_000],
    "powers of ten": ("2 x 10^7 cells/kg ± 0.5 x 10^7 " * 7000)[:200_000],
    "one long line of letters": "a" * 200_000,
    "letters and dots": "a." * 100_000,
    "e-mail-like": ("a@b." * 50_000)[:200_000],
    "denials": ("not not no never cure, " * 9000)[:200_000],
    "labelled product lists": ("Materials\nexosome · SVF\n" * 9000)[:200_000],
    "table rows under a caption": ("Table 1.\nknee\n" + "| 10 × 10^6 cells | [12] |\n" * 9000)[:200_000],
    "pull quotes": ("“We regenerate cartilage for 80% of patients.”\n" * 5000)[:200_000],
    "only and approval": ("only FDA approved " * 12_000)[:200_000],
}


def worst_case_timings() -> dict[str, tuple[float, float]]:
    """(wall-clock seconds, CPU seconds) to analyze each 200,000-character worst case."""
    timings = {}
    for name, text in WORST_CASES.items():
        started, cpu = time.perf_counter(), time.process_time()
        textcheck.analyze(text)
        timings[name] = (time.perf_counter() - started, time.process_time() - cpu)
    return timings


_NOT_IN_TABLE = ("per page", "misses", "pages", "adverts", "neutral pages", "doses annotated",
                 "adverts not above neutral pages")  # fmt: skip


def _shown(value) -> str:
    if isinstance(value, bool):
        return "yes" if value else "NO"
    return f"{value:.2f}" if isinstance(value, float) else str(value)


def _describe(result: dict) -> str:
    return (f"{result['pages']} pages ({result['adverts']} adverts, {result['neutral pages']} neutral, "
            f"{result['doses annotated']} annotated doses)")  # fmt: skip


def _print_short_adverts(name: str, result: dict) -> None:
    if not result["adverts not above neutral pages"]:
        return
    most = result["most red flags on a neutral page"]
    print(f"\n{name}: adverts with no more red flags than the most on a neutral page ({most}):")
    for page_id, found, annotated in result["adverts not above neutral pages"]:
        why = " (it makes none of the listed claims in the stored text of the page)" if not annotated else ""
        print(f"- {page_id}: {found} found, {annotated} annotated{why}")


def main() -> None:
    tuning, held_out = evaluate(load_cases()), evaluate(load_cases(HELD_OUT))
    print(f"Text checker on real pages. Tuning set (rules written on it, an upper bound): {_describe(tuning)}. "
          f"Held-out set (never used to tune): {_describe(held_out)}.\n")  # fmt: skip
    print("| measure | tuning set | held-out set | target (tuning set) |\n|---|---|---|---|")
    for key, value in tuning.items():
        if key in _NOT_IN_TABLE:
            continue
        target = TARGETS.get(key)
        wanted = "yes" if isinstance(value, bool) else ("≥ " + format(target, ".2f") if target else "")
        print(f"| {key} | {_shown(value)} | {_shown(held_out[key])} | {wanted} |")
    _print_short_adverts("Tuning set", tuning)
    _print_short_adverts("Held-out set", held_out)
    for name, result in (("Tuning set", tuning), ("Held-out set", held_out)):
        print(f"\n{name}: misses and extras:")
        for miss in result["misses"]:
            print(f"- {miss}")
    print("\n| worst case (200,000 characters) | wall-clock s | CPU s |\n|---|---|---|")
    for name, (wall, cpu) in worst_case_timings().items():
        print(f"| {name} | {wall:.2f} | {cpu:.2f} |")


if __name__ == "__main__":
    main()
