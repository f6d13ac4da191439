"""Time data-folder patterns on their worst cell: those the loader accepts, and the slow ones it now refuses.

Run: python -m bench.patterns
"""

from __future__ import annotations

import multiprocessing
import re
import time

from core.data import MAX_PATTERN_INPUT, pattern_problem

# Accepted patterns built to backtrack as much as the rules allow (two choice points), then the refused ones.
ACCEPTED = [r"a*a*b", r"\S+\S+x", r"a{0,250}a{0,250}b", r"(?:a|aa)a*c", r"[a-z]*[a-z0-9]*!"]
REFUSED = {
    "five bounded repeats": "^a{0,60}a{0,60}a{0,60}a{0,60}a{0,60}$",
    "eighteen alternatives in a row": "(?:a|a)" * 18 + "b",
    "nested bounded repeats": "(a{1,30}){1,30}$",
}
CELL = "a" * MAX_PATTERN_INPUT  # a cell of the longest length a pattern is tried on; none of ACCEPTED matches it


def seconds(pattern: str, cell: str) -> float:
    start = time.perf_counter()
    re.search(pattern, cell)
    return time.perf_counter() - start


def _timed(pattern: str, cell: str, out) -> None:
    out.put(seconds(pattern, cell))


def seconds_or_none(pattern: str, cell: str, limit: float = 20.0) -> float | None:
    """The time for one search, or None if it ran past `limit` (Python's re cannot be interrupted, so a child
    process does the search and is stopped)."""
    queue = multiprocessing.Queue()
    child = multiprocessing.Process(target=_timed, args=(pattern, cell, queue))
    child.start()
    child.join(limit)
    if child.is_alive():
        child.terminate()
        child.join()
        return None
    return queue.get()


def main() -> None:
    print(f"accepted patterns on a {len(CELL)}-character cell that does not match:")
    for pattern in ACCEPTED:
        assert pattern_problem(pattern) is None, pattern
        print(f"  {pattern:<24} {seconds(pattern, CELL):.3f} s")
    print("refused patterns, timed as if accepted, on growing cells of a's ending in '!' (stops past 1 s or 20 s):")
    for name, pattern in REFUSED.items():
        why = pattern_problem(pattern)
        assert why, pattern
        for length in (20, 40, 60, 80, 121, 250, 500):
            taken = seconds_or_none(pattern, "a" * (length - 1) + "!")
            print(f"  {name:<32} {length:>3} characters: " + (f"{taken:.3f} s" if taken is not None else "over 20 s"))
            if taken is None or taken > 1:
                break
        print(f"  {'':<32} refused: {why}")


if __name__ == "__main__":
    main()
