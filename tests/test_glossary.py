"""Glossary terms are found in text as whole words, by term or alias, without false hits."""

from __future__ import annotations

import pandas as pd
import pytest

from core.workshop.glossary import terms_in

GLOSSARY = pd.DataFrame(
    {
        "term": ["MSC", "Intrathecal", "Stem cell", "Mesenchymal stem cell"],
        "aliases": [("MSCs",), ("intrathecal injection",), (), ("mesenchymal stromal cell",)],
        "plain_definition": ["a", "b", "c", "d"],
    }
)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Injected MSCs", ["MSC"]),
        ("an INTRATHECAL shot", ["Intrathecal"]),
        ("mesenchymal stem cell therapy", ["Mesenchymal stem cell"]),
        ("a stem cell clinic", ["Stem cell"]),
        ("MSCS-like", []),
        ("transmscript", []),
        ("", []),
    ],
)
def test_terms_in(text, expected):
    assert list(terms_in(GLOSSARY, text)["term"]) == expected


def test_terms_from_several_texts_keep_glossary_order():
    assert list(terms_in(GLOSSARY, "intrathecal", "MSC")["term"]) == ["MSC", "Intrathecal"]


def test_real_glossary_explains_the_route_words(dataset):
    found = set(terms_in(dataset.glossary, "intra-articular, intradiscal, intrathecal and epidural")["term"])
    assert len(found) == 4
