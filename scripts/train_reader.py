"""Train the learned reader on the tuning corpus (train.json, rounds 3 to 9); write core/textcheck/reader.npz.

Deterministic: the same corpus gives the same file.

Run: python scripts/train_reader.py   (about a minute; tests/test_textcheck_learned.py checks the committed file
equals a fresh run)
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from core.textcheck import learned, train


def main() -> None:
    pages = train.load_pages()
    arrays = train.fit(train.examples(pages))
    train.save(arrays)
    size = learned.WEIGHTS.stat().st_size
    print(f"Trained on {len(pages)} pages; vocabulary {len(arrays['vocab']):,}; wrote {learned.WEIGHTS.name} "
          f"({size / 1e6:.1f} MB).")  # fmt: skip
    for head, threshold, veto, ask in zip(learned.HEADS, arrays["threshold"], arrays["veto"], arrays["ask"],
                                          strict=True):  # fmt: skip
        print(f"- {head}: report at {threshold:.2f}, ask the reader at {ask:.2f}, drop a rule's flag below {veto:.2f}")


if __name__ == "__main__":
    main()
