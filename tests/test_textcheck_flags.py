"""Red flags for a product regulators warn about offered as treatment, and for a shot offered in place of surgery."""

from __future__ import annotations

import itertools

import pytest

from core.textcheck import analyze, flag_label
from core.textcheck.phrases import FLAG_KINDS


def _kinds(text: str) -> list[tuple[str, str]]:
    return [(f.kind, f.text) for f in analyze(text).red_flags]


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("Exosomes can be administered through IV injection or IV drip.", "Exosomes can be administered"),
        ("We inject exosomes into the knee.", "inject exosomes"),
        ("Our clinic treats knee pain by deploying SVF through injection.", "deploying SVF"),
        ("Wharton’s jelly is injected into the affected joint.", "Wharton’s jelly is injected"),
        ("We offer stromal vascular fraction for back pain.", "We offer stromal vascular fraction"),
    ],
)
def test_a_product_regulators_warn_about_given_in_the_present_is_flagged(text, words):
    assert _kinds(text) == [("regulated product", words)]


@pytest.mark.parametrize(
    "text",
    [
        "Ten patients were injected with SVF into the knee.",  # a trial's past
        "Patients received intraventricular SVF injection volumes of 3.5-20 cc.",
        "The FDA warns that exosome products injected into joints can cause infections.",  # a warning
        "FDA is informing the public of serious adverse events in patients treated with exosomes.",
        "Clinics claim exosomes can be injected into the knee.",  # reported speech
        "Some clinics offer exosome injections for knee pain.",  # somebody else's offer
        '"Exosomes can be administered into the joint," the clinic says on its website.',
        "Can exosomes be injected into the knee?",  # a question
        "Exosomes could potentially be delivered into the disc in future trials.",  # research
        "Exosomes are not cells or tissue.",  # no giving at all
    ],
)
def test_reports_warnings_questions_and_research_about_the_product_are_not_offers(text):
    assert not [k for k, _ in _kinds(text) if k == "regulated product"]


@pytest.mark.parametrize(
    ("text", "words"),
    [
        (
            "Now stem cells are being used as an alternative to partial and total knee replacement surgeries.",
            "alternative to partial and total knee replacement",
        ),
        ("SVF therapy gives patients an alternative to painful surgery.", "alternative to painful surgery"),
        ("Patients looking for effective alternatives to surgery come to us.", "alternatives to surgery"),
        ("Our injections let you avoid spinal fusion.", "avoid spinal fusion"),
    ],
)
def test_a_shot_offered_in_place_of_surgery_is_flagged(text, words):
    assert ("instead of surgery", words) in _kinds(text)


@pytest.mark.parametrize(
    "text",
    [
        "Stem cells have not been shown to be an alternative to knee replacement.",
        "Many patients come to the clinic hoping to avoid knee replacement surgery.",
        "Stem cells may be an alternative to surgery one day.",
        "The trial compared injections as an alternative to arthroplasty.",
        "Clinics claim their shots are an alternative to surgery.",
    ],
)
def test_denied_hoped_for_hedged_studied_or_reported_alternatives_are_not_flagged(text):
    assert "instead of surgery" not in [k for k, _ in _kinds(text)]


@pytest.mark.parametrize(
    "text",
    [
        "You have choices that don't involve going under the knife.",
        "An operation is not the only option for a worn knee.",
        "Walk again without major surgery.",
        "Our shots eliminate the need for painkillers, braces, physiotherapy and in the end surgery.",
        "Its gentle approach and lack of need for surgery appeal to many.",
        "One visit saved her from a long and risky operation.",
        "Cellular shots offer new hope for relief without surgery.",  # "new hope" sells; it is not a wish
        "We treat worn hips in lieu of pills, braces and surgery.",
        "Stay active without having to go through knee replacement surgery.",
    ],
)
def test_surgery_avoided_in_everyday_words_is_flagged(text):
    assert "instead of surgery" in [k for k, _ in _kinds(text)]


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("96.5% Patient Satisfaction", "success"),
        ("Patient Reviews", "testimonial"),
        ("Testimonials:", "testimonial"),
        ("The chance to act closes soon: your window of opportunity is closing.", "price lure"),
        ("Cells are grown in our FDA cGMP-compliant laboratory.", "approval"),
        ("We use placental tissue to calm an arthritic knee.", "regulated product"),
        ("Our umbilical cord cell product is for the treatment of worn knee cartilage.", "regulated product"),
        ("The injected cells replace damaged cartilage in the hip.", "regenerate"),
        ("Platelets have a strong regenerative effect.", "regenerate"),
        ("Most of our patients have no adverse side effects.", "no risk"),
        ("Our laboratory is a government regulated facility.", "approval"),
        ("The centre has met all of the formal regulations.", "approval"),
        ("Every donor is screened to standards set by the FDA.", "approval"),
        ("Your first scan is reviewed at no cost.", "price lure"),
        ("The marrow cells fix damaged tissues in the knee.", "regenerate"),
        ("The injection helps the growth of fresh cartilage.", "regenerate"),
        ("There is no inherent risk in your own cells.", "no risk"),
        ("Your own tissue means no rejection.", "no risk"),
        ("The shot is quick and without side effects.", "no risk"),
        ("Most of our patients see a marked improvement.", "success"),
        ("Watch videos of real patients describing their recovery.", "testimonial"),
        ("Flexible financing options are available.", "price lure"),
        ("Our secretome therapy boosts the body's self-repair.", "regulated product"),
        ("Cell shots can help you avert a hip replacement.", "instead of surgery"),
    ],
)
def test_seals_shares_reviews_urgency_and_birth_tissue_products_are_flagged(text, kind):
    assert kind in [k for k, _ in _kinds(text)]


@pytest.mark.parametrize(
    "text",
    [
        "Reviews of the trials found no lasting benefit.",  # "reviews" inside a sentence, not a heading
        "The placenta was studied in mice.",  # research, no offer
        "Surgery is the only option once the joint has collapsed.",  # no promise to avoid it
        "No injection has been shown to replace damaged cartilage.",  # a denial
        "Cells could one day repair damaged discs.",  # a hope
        "The FDA warns that no secretome product is approved.",  # a warning, not an offer
        "Ask whether the study is run in accordance with FDA regulations.",  # a regulator's advice, not a seal
    ],
)
def test_the_new_words_alone_do_not_flag(text):
    kinds = {"testimonial", "regulated product", "instead of surgery", "regenerate", "approval"}
    assert not [k for k, _ in _kinds(text) if k in kinds]


@pytest.mark.parametrize("kind", ["regulated product", "instead of surgery"])
def test_new_flags_have_a_plain_label_reason_and_the_evidence_page(kind):
    label, reason, page = FLAG_KINDS[kind]
    assert flag_label(kind) == label
    assert page == "pages/6_Evidence.py"
    assert "FDA" in reason
    assert "approved" in reason


def test_one_flag_per_sentence_however_often_the_product_is_named():
    text = "We inject exosomes, exosomes and more exosomes into the knee. Exosomes are then infused by IV drip."
    assert [k for k, _ in _kinds(text)].count("regulated product") == 2


def test_flags_never_overlap_when_a_product_sentence_also_offers_it_instead_of_surgery():
    flags = analyze("Exosomes, an alternative to surgery, are injected into the knee.").red_flags
    assert all(a.end <= b.start for a, b in itertools.pairwise(flags))
    assert [f.kind for f in flags] == ["regulated product"]


def test_a_far_verb_marks_only_the_product_name():
    text = "Exosomes, which many athletes across the whole wide world have come to trust, are injected."
    assert _kinds(text) == [("regulated product", "Exosomes")]
