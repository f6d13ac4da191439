"""Round-two reading rules: a denial's whole clause, quotations held at arm's length or displayed as the page's own,
what alone is approved, claims in other words, labelled product lists, table captions and page-kind cues."""

from __future__ import annotations

import pytest

from core.textcheck import analyze


def _flags(text: str) -> list[str]:
    return [f.kind for f in analyze(text).red_flags]


def _sure(text: str) -> list[str]:
    return [h.text for h in analyze(text).sure_words]


@pytest.mark.parametrize(
    "text",
    [
        "It does not guarantee a permanent solution or a lifetime cure.",
        "There is no evidence that the injections cure arthritis.",
        "Stem cells are not a proven way to regenerate cartilage.",
    ],
)
def test_a_denial_reaches_the_end_of_its_clause(text):
    assert _flags(text) == []
    assert _sure(text) == []


@pytest.mark.parametrize(
    "text",
    [
        "No surgery, no downtime: our injections cure knee pain.",
        "It is not painful, and it cures arthritis.",
        "There is no waiting list but the shot will regenerate cartilage.",
    ],
)
def test_a_denial_stops_where_its_clause_ends(text):
    assert "cure" in _flags(text) or "regenerate" in _flags(text)


def test_short_quotation_held_at_arms_length_is_not_the_pages_claim():
    text = "The concept of cells that somehow ‘regrow cartilage’ in a worn knee is a fantasy."
    assert _flags(text) == []
    assert [h.voice for h in analyze(text).language if h.kind == "hype"] == ["quoted"]


def test_short_scare_quotes_without_distance_stay_the_pages_own():
    assert _flags("Through this process, we can “regenerate” damaged cartilage.") == ["regenerate"]


def test_a_paragraph_set_in_quotation_marks_with_nobody_named_is_the_pages_own_answer():
    text = "Can it help?\n“Yes, stem cell therapy helps regenerate damaged cartilage in knee osteoarthritis.”\nMore."
    assert _flags(text) == ["regenerate"]


def test_a_quoted_paragraph_with_a_speaker_is_still_quoted():
    text = "“Stem cell therapy helps regenerate damaged cartilage,” the clinic says.\n"
    assert _flags(text) == []


@pytest.mark.parametrize(
    "text",
    [
        "The only stem cell-based product approved by the FDA is for umbilical cord blood-derived stem cells.",
        "Cord blood is FDA approved only for blood cancers.",
    ],
)
def test_what_alone_is_approved_is_not_a_stamp_of_quality(text):
    assert _flags(text) == []


def test_approval_used_for_selling_is_still_flagged():
    assert _flags("Our FDA approved stem cell injection relieves knee pain.") == ["approval"]


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("Patients come here for a less invasive alternative: stem cell treatment.", "instead of surgery"),
        ("We offer a non-surgical alternative that heals the joint.", "instead of surgery"),
        ("The injected cells will continue to work and form new cells in the joint.", "regenerate"),
        ("It gives pain relief and improved mobility for 70-85% of suitable candidates.", "success"),
        ("Care is more accessible and affordable than in the United States.", "price lure"),
    ],
)
def test_claims_in_other_words_are_flagged(text, kind):
    assert _flags(text) == [kind]


def test_a_non_surgical_alternative_to_something_else_is_not_a_surgery_claim():
    assert _flags("It is a non-surgical alternative to traditional treatments.") == []


@pytest.mark.parametrize(
    "text",
    [
        "Approach\nImage-guided\nMaterials\n- MSC · exosome · PRP\nRequired",
        "Materials: MSC, exosome, PRP",
        "For ligament pain, PRP and exosome material support local soft-tissue repair.",
    ],
)
def test_a_product_listed_as_what_the_clinic_uses_is_offered(text):
    assert _flags(text) == ["regulated product"]


@pytest.mark.parametrize(
    "text",
    [
        "Exosomes\nare tiny vesicles released by cells.",
        "Products\nResearchers study exosomes in mice.",
        "Exosomes may support tissue repair in animal studies.",
    ],
)
def test_a_product_named_without_an_offer_is_not_flagged(text):
    assert _flags(text) == []


def test_a_table_caption_gives_the_route_of_every_row_below_it():
    text = (
        "Table 5.\n"
        "Summary of intra-articular injection of adipose-derived stem cells in knee osteoarthritis (2015-2018)\n"
        + "Case series (n = 18) Phase I: 10 × 10^6 cells, Song et al 2018\n"
        * 3
    )
    doses = analyze(text).doses
    assert len(doses) == 3
    assert {(d.route, d.route_inferred) for d in doses} == {("intra-articular knee", True)}


def test_a_table_caption_naming_two_routes_gives_none():
    text = "Table 2.\nIntravenous and intrathecal doses in trials\n| 1 × 10^6 cells/kg | Ref |\n"
    assert [d.route for d in analyze(text).doses] == [None]


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        (
            "Introduction: Exosomes are vesicles.\nCase presentation: Three patients.\nConclusion: More work.",
            "study-registry",
        ),
        (
            "Table 1.\nDisease | Dose | Ref |\naGVHD | 1 × 10^6/kg | [112] |\nCD | 2 × 10^6/kg | [120] |",
            "study-registry",
        ),
        ("On December 6, 2019, the FDA released a notice. The notice asserts that no product is approved.", "news"),
        ("Learn more.\nRequest a digital booklet and more information about our procedures.", "seller"),
    ],
)
def test_page_kind_cues(text, kind):
    assert analyze(text).page_kind.kind == kind
