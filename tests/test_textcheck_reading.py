"""core.textcheck on the forms real pages use: lists, bounds, products, courses, routes, quotes, flags, page kinds."""

from __future__ import annotations

import pytest

from core import textcheck
from core.textcheck import analyze
from core.textcheck.spans import SHORTENED, Sentences
from core.views.check_a_text import kind_cues_line, quoted, wording_lines

M = 1e6

# (text, [(low, high, what, basis, bound), ...])
DOSE_FORMS = [
    ("Patients got different doses of cells (25, 50, 75, or 150 million cells) or placebo.",
     [(25 * M, 25 * M, "cells", None, None), (50 * M, 50 * M, "cells", None, None),
      (75 * M, 75 * M, "cells", None, None), (150 * M, 150 * M, "cells", None, None)]),
    ("Japan (Cultured 100M+ Cells): $6,500 – $15,000 USD", [(100 * M, 100 * M, "cells", None, "at least")]),
    ("Up to 200 million stem cells per session.", [(200 * M, 200 * M, "cells", "per session", "at most")]),
    ("Over 100 million viable cells per treatment.", [(100 * M, 100 * M, "cells", "per treatment", "at least")]),
    ("The low-dose group with less than 30 million cells did best.", [(30 * M, 30 * M, "cells", None, "at most")]),
    ("Each vial holds 1 × 10^7cells / 3mL.", [(10 * M, 10 * M, "cells", "per mL", None)]),
    ("A dose of 2 × 107 cells/disc was injected.", [(20 * M, 20 * M, "cells", "per disc", None)]),
    ("They got two doses totaling 61 × 106 ± 0.6 × 106 by intra-articular injection.",
     [(61 * M, 61 * M, "cells", "course total", None)]),
    ("The concentrate has 121 million cells per mL.", [(121 * M, 121 * M, "cells", "per mL", None)]),
    ("One treatment may consist of up to 15 billion exosomes injected into the knee.",
     [(15e9, 15e9, "exosomes", None, "at most")]),
    ("The normal concentration is 1 billion exosomes per 1ml.", [(1e9, 1e9, "exosomes", "per mL", None)]),
    ("It holds 5 x 10^9 particles per mL.", [(5e9, 5e9, "particles", "per mL", None)]),
    ("A standard dose might be 30-50 million mesenchymal stem cells (MSCs) for one knee.",
     [(30 * M, 50 * M, "cells", "per knee", None)]),
]  # fmt: skip


@pytest.mark.parametrize(("text", "expected"), DOSE_FORMS, ids=[c[0][:40] for c in DOSE_FORMS])
def test_dose_forms(text, expected):
    got = [(d.cells_low, d.cells_high, d.what, d.basis, d.bound) for d in analyze(text).doses]
    assert got == expected


@pytest.mark.parametrize(
    ("text", "count", "total"),
    [
        ("We inject 100 million cells per knee, monthly for 3 months.", 3, 300 * M),
        ("IV infusion of 300 million MSCs, 3 times, one month apart.", 3, 900 * M),
        ("We inject 50 million cells into the knee.", None, None),
    ],
)
def test_course_length_gives_a_course_total(text, count, total):
    (dose,) = analyze(text).doses
    assert (dose.course_count, dose.course_low) == (count, total)


@pytest.mark.parametrize(
    ("text", "kind", "found"),
    [
        ("We harvest 60 cc of bone marrow from the hip.", "harvest", "60 cc of bone marrow"),
        ("We harvest 60-100 cc’s from belly fat.", "harvest", "60-100 cc’s from belly fat"),
        ("A package costs $6,500 – $15,000 USD.", "price", "$6,500 – $15,000 USD"),
    ],
)  # fmt: skip
def test_harvest_volumes_and_prices_are_their_own_findings(text, kind, found):
    report = analyze(text)
    assert report.doses == []
    assert [(a.kind, a.text) for a in report.amounts] == [(kind, found)]


@pytest.mark.parametrize(
    ("text", "route", "inferred"),
    [
        ("We inject 50 million cells into the knee.", "intra-articular knee", False),
        ("We give 2 million cells per kg.\nThe cells are given by IV drip.", "intravenous", True),
        ("Knee protocol\nWe use 50 million cells.\nInjection method: Intravenous", "intravenous", True),
        ("Stem cells for knee arthritis\nEach patient gets 40 million cells.", "intra-articular knee", True),
        ("Each patient gets 40 million cells.", None, False),
    ],
)
def test_route_from_sentence_next_line_label_or_heading(text, route, inferred):
    (dose,) = analyze(text).doses
    assert (dose.route, dose.route_inferred) == (route, inferred)


@pytest.mark.parametrize(
    ("text", "phrase"),
    [
        ("Japan represents the gold standard for cell potency.", "gold standard"),
        ("Colombia is a global leader in regenerative orthopaedics.", "global leader"),
        ("The key driver of superior outcomes.", "superior outcomes"),
        ("Licensed centres ensure 99.9% purity and safety.", "99.9% purity and safety"),
        ("It is the most effective treatment.", "the most effective"),
        ("Success rate for cartilage restoration: 70-80%", "Success rate for cartilage restoration: 70-80%"),
        ("Our cells regenerate and restore your joint.", "regenerate"),
        ("Doctors agree that stem cells are the medicine of the future.", "medicine of the future"),
        ("Stem cells can help heal almost any joint in the body.", "heal almost any joint"),
    ],
)
def test_hype_phrases_count_in_the_pages_own_voice(text, phrase):
    assert phrase.lower() in [h.text.lower() for h in analyze(text).sure_words]


@pytest.mark.parametrize(
    ("text", "word", "voice"),
    [
        ("Others have called them “miraculous.”", "miraculous", "quoted"),
        ("Patients are promised revolutionary therapy.", "revolutionary", "reported"),
        ("The clinics claim the miracle cells can treat autism.", "miracle", "reported"),
        (
            "\"It has become a proxy for 'cutting edge' and 'breakthrough miracle',\" says a critic.",
            "cutting edge",
            "quoted",
        ),
        ("Trials don’t promise to be a cure-all.", "cure", "negated"),
        ("Some patients seeking cures are vulnerable.", "cures", "negated"),
        ("Stem cells may have the potential to regenerate cells.", "regenerate", "hedged"),
        ("Through this process, we can “regenerate” damaged tissues.", "regenerate", "own"),
    ],
)
def test_quoted_reported_and_denied_words_are_not_counted(text, word, voice):
    hit = next(h for h in analyze(text).language if h.text.lower() == word)
    assert hit.voice == voice


def _flags(text: str) -> list[str]:
    return [f.kind for f in analyze(text).red_flags]


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("Our FDA-registered lab prepares every dose.", "approval"),
        ("Our FDA-approved stem cell injection works.", "approval"),
        ("The protocol is IRB-approved.", "approval"),
        ("Success rate for cartilage restoration: 70-80%", "success"),
        ("Risk of infection is all but non-existent.", "no risk"),
        ("There is no risk of rejection.", "no risk"),
        ("Most patients report results within a few days.", "testimonial"),
        ("The stem cell treatment can cure cartilage injury.", "cure"),
        ("A technique to regenerate the cartilage back to normal.", "regenerate"),
        ("Book now: limited time offer for new patients.", "price lure"),
        ("A price tag of $4,000 in Colombia versus $15,000+ in the US.", "price lure"),
        ("Alternatives to surgery without the exorbitant price tag of home.", "price lure"),
        ("Cells are grown in Ministry of Health-licensed centres.", "approval"),
        ("Clinics use expanded cells regulated by INVIMA.", "approval"),
        ("Safety Guarantee: every clinic operates under the Act on the Safety of Regenerative Medicine.", "approval"),
    ],
)
def test_red_flags(text, kind):
    assert kind in _flags(text)


@pytest.mark.parametrize(
    "text",
    [
        "The FDA has not approved any stem cell product for knees; it is neither an FDA-approved product nor a drug",
        "There is no good scientific evidence the pricey treatments work, and some clinics claim a cure.",
        "Are stem cells FDA approved?",
        "Some patients seeking cures and remedies are vulnerable to illegal treatments.",
        "Stem cell products are regulated by the FDA and need its approval before they are sold.",
        "The trial was approved by the ministry of health's ethics committee in 2019.",
    ],
)
def test_no_red_flag_for_denials_questions_and_reports(text):
    assert _flags(text) == []


def test_one_claim_in_two_matching_phrases_is_one_red_flag():
    flags = analyze("According to patient feedback, most patients report results within days.").red_flags
    assert [(f.kind, f.text) for f in flags] == [("testimonial", "According to patient feedback, most patients report")]


def _answer(text: str, key: str) -> bool:
    return next(i.found for i in analyze(text).checklist if i.key == key)


@pytest.mark.parametrize(
    "text",
    [
        "Our FDA-registered lab prepares every dose.",
        "Our FDA-approved stem cell injection.",
        "The study was IRB-approved.",
        "Exosomes help regulate the cell function.",
        "Cells are grown in Ministry of Health-licensed centres.",
    ],
)
def test_approval_words_used_to_sell_do_not_tick_regulation(text):
    assert not _answer(text, "regulation")


def test_a_denied_risk_does_not_count_as_naming_risks():
    assert not _answer("Risk of genetic mutation and infection is all but non-existent.", "risks")


def test_an_fda_email_is_not_a_sales_contact():
    text = "FDA regulates these products. If you are offered one, please contact FDA at ocod@fda.hhs.gov."
    report = analyze(text)
    assert report.page_kind.kind == "regulator"
    assert not _answer(text, "contact")


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("FDA is informing the public of reports of serious adverse events. Contact FDA or MedWatch.", "regulator"),
        ("Book a free consultation on WhatsApp. We offer stem cell packages.", "seller"),
        ("A randomised placebo-controlled trial (NCT01234567) enrolled 60 participants.", "study-registry"),
        ("Critics warn that clinics sell unproven shots, a researcher said in an interview.", "news"),
        ("Stem cells are cells.", "unknown"),
    ],
)
def test_page_kind(text, kind):
    assert analyze(text).page_kind.kind == kind


def test_summary_ranks_a_regulator_page_above_an_advert():
    fda = analyze("FDA has not approved these products. FDA has received reports of blindness and infections.")
    advert = analyze(textcheck.EXAMPLE)
    assert textcheck.summary(fda)[0] == "neutral"
    assert textcheck.summary(advert)[0] == "advert"
    assert textcheck.caution_score(fda) < textcheck.caution_score(advert)


def _compare(text: str, dataset):
    report = analyze(text)
    return report, textcheck.compare_doses(report.doses, dataset.evidence, dataset.regimens, report.condition)


def test_knee_dose_is_compared_with_knee_trials_only(dataset):
    _, table = _compare("We inject 50 million cells into the knee.", dataset)
    ids = table.loc[0, "trial ids"].split(", ")
    knee_trials = set(dataset.evidence[dataset.evidence["route"] == "intra-articular knee"]["id"])
    assert ids
    assert set(ids) <= knee_trials
    assert table.loc[0, "compared with trials"] == "within the range trials used"


def test_iv_dose_for_knees_is_never_compared_with_a_mouse_study(dataset):
    _, table = _compare("For knee arthritis we give 300 million cells by IV infusion.", dataset)
    assert table.loc[0, "trials in our data"] == "none"
    assert "eggenhofer2012" not in table.loc[0, "trial ids"]


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ("The knee shot holds 121 million cells per mL.", "concentration"),
        ("We inject 15 billion exosomes into the knee.", "not cells"),
        ("Each patient gets 40 million cells.", "no route"),
    ],
)
def test_doses_that_cannot_be_compared_say_why(dataset, text, reason):
    _, table = _compare(text, dataset)
    assert reason in table.loc[0, "compared with trials"]


def test_dose_far_above_trials_for_the_same_condition_and_route_is_a_red_flag(dataset):
    report = analyze("We inject 2 billion cells into each knee.")
    (flag,) = textcheck.dose_flags(report.doses, dataset.evidence, report.condition)
    assert flag.kind == "dose outside trials"
    assert "times the highest" in flag.reason


@pytest.mark.parametrize(("name", "words"), [("scan.pdf", "a PDF"), ("page.docx", "a Word document")])
def test_pdf_and_word_uploads_get_words_that_say_what_to_do(name, words):
    with pytest.raises(textcheck.UploadError) as info:
        textcheck.read_upload(name, b"%PDF-1.7")
    assert words in str(info.value)
    assert "paste" in str(info.value)


def test_page_kind_cues_quote_only_the_pages_own_words():
    line = kind_cues_line(("We inject", "1 red flag in its own words"), "We inject cells.")
    assert line == "Because it says: “We inject”. It also has 1 red flag in its own words."


def test_a_sentence_too_long_to_quote_is_cut_at_a_word_and_says_so():
    text = "word " * 80 + "We inject 5 million cells" + " more" * 80
    at = text.index("We inject")
    sentence = Sentences(text).sentence(at, at + 9)
    assert sentence.endswith(SHORTENED)
    assert set(sentence.removesuffix(SHORTENED).split()) <= {"word", "We", "inject", "5", "million", "cells", "more"}


def test_shortened_sentence_is_marked_outside_the_quotation_marks():
    assert quoted("We inject" + SHORTENED) == "“We inject”" + SHORTENED


def test_a_long_word_list_says_how_many_more_instead_of_an_ellipsis():
    report = analyze("Revolutionary breakthrough miracle, gold standard, cutting-edge, state-of-the-art, remarkable, "
                     "amazing, groundbreaking, unprecedented.")  # fmt: skip
    hype = next(line for line in wording_lines(report) if line.startswith("**Hype words:**"))
    assert hype.endswith(" and 2 more)")
    assert "…" not in hype


def test_a_sentence_suspected_twice_of_one_kind_is_asked_about_once():
    from core.textcheck.learned import Suspect
    from core.textcheck.model import TextReport
    from core.views.check_a_text import suspect_groups

    sentence = "Our shots regrow cartilage."
    twice = [
        Suspect("regenerate", 0, 27, sentence, 0.9, True, True),
        Suspect("regenerate", 0, 27, sentence, 0.6, False, False),
    ]
    report = TextReport(length=len(sentence), suspects=twice)
    [group] = suspect_groups(report)
    assert len(group.lines) == 1
    assert group.lines[0].flagged
