"""core.textcheck: doses, amounts, routes, wording, red flags, page kind, checklist, comparisons, uploads, reports."""

from __future__ import annotations

import csv
import io
import itertools

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from core import textcheck
from core.textcheck import MAX_CHARS, TextTooLongError, UploadError, analyze, read_upload
from tests.conftest import SEEDS_DIR, needs_seeds

M = 1e6

# (text, [(cells_low, cells_high, per_kg, route), ...]); an empty list means the text holds no cell dose.
DOSE_CASES = [
    ("We inject 50 million stem cells.", [(50 * M, 50 * M, False, None)]),
    ("Each patient got 5 x 10^7 cells.", [(50 * M, 50 * M, False, None)]),
    ("A dose of 1.5×10⁸ cells was used.", [(150 * M, 150 * M, False, None)]),
    ("We inject 200M into the knee.", [(200 * M, 200 * M, False, "intra-articular knee")]),
    ("Up to two hundred million stem cells per session.", [(200 * M, 200 * M, False, None)]),
    ("0.5 billion cells by IV infusion.", [(500 * M, 500 * M, False, "intravenous")]),
    ("Doses of 20–40 million cells were tested.", [(20 * M, 40 * M, False, None)]),
    ("The label dose is 2 million cells per kg.", [(2 * M, 2 * M, True, None)]),
    ("They gave 10 × 10^6 cells.", [(10 * M, 10 * M, False, None)]),
    ("The syringe holds 100,000,000 cells.", [(100 * M, 100 * M, False, None)]),
    ("Dosage: 15 million to 50 million stem cells per knee", [(15 * M, 50 * M, False, "intra-articular knee")]),
    ("Twenty-five million MSCs were injected into the disc.", [(25 * M, 25 * M, False, "intradiscal")]),
    ("a million cells per knee", [(1 * M, 1 * M, False, "intra-articular knee")]),
    ("1-2 x 10^6 cells/kg body weight, given intravenously", [(1 * M, 2 * M, True, "intravenous")]),
    ("The trial used 1 x 106 cells/kg.", [(1 * M, 1 * M, True, None)]),
    ("Patients got 10^7 cells by intrathecal or epidural injection.",
     [(10 * M, 10 * M, False, "intrathecal-or-epidural as stated")]),
    ("Intrathecal injection of 30 million cells.", [(30 * M, 30 * M, False, "intrathecal")]),
    ("An epidural dose of 6 million cells.", [(6 * M, 6 * M, False, "epidural")]),
    ("50 million stem cells injected into the spine", [(50 * M, 50 * M, False, "spine, site unspecified")]),
    ("50 million of your own stem cells", [(50 * M, 50 * M, False, None)]),
    ("5e7 cells were infused.", [(50 * M, 50 * M, False, "intravenous")]),
    ("We inject 50 million cells into the knee and 100 million by IV drip.",
     [(50 * M, 50 * M, False, "intra-articular knee"), (100 * M, 100 * M, False, "intravenous")]),
    ("Intra discal50,000,000150,000,000", [(50 * M, 50 * M, False, "intradiscal")]),
    ("in 2019 - 50 million stem cells were injected", [(50 * M, 50 * M, False, None)]),
    # Not cell doses:
    ("Back pain troubles 50 million Americans who want stem cells.", []),
    ("The injection costs $5,000.", []),
    ("A 2020 study of stem cells reported less pain.", []),
    ("We take 60 cc of bone marrow cells from the hip.", []),
    ("Follow-up injections every 3-6 months.", []),
    ("Back pain, affecting millions globally, is treated with stem cells.", []),
    ("See NCT01234567 for the stem cell dose.", []),
    ("The stem cell market will reach 5 billion by 2030.", []),
    ("Knee arthritis affects 30 million adults; stem cells are offered.", []),
    ("I ran a 5k after my stem cell injection.", []),
    ("The clinic has treated 12,000 patients with stem cells.", []),
    ("Call +447778936902 about stem cell injections.", []),
    ("Each session uses 5 stem cells.", []),
    ("PMID 28765432 describes the cell dose.", []),
    ("Our guide to stem cell dosing runs to 12,400 words.", []),
    ("Marrow makes about 100 billion new blood cells a day, so stem cells matter.", []),
    ("Each child got 30 million cord blood cells.", [(30 * M, 30 * M, False, None)]),
    ("The stem cell shot has been given to 12,000 animals.", []),
    ("Surgeons do 500,000 spinal fusions a year; stem cells are the other way.", []),
]  # fmt: skip


@pytest.mark.parametrize(("text", "expected"), DOSE_CASES, ids=[c[0][:40] for c in DOSE_CASES])
def test_dose_parser(text, expected):
    doses = analyze(text).doses
    got = [(d.cells_low, d.cells_high, d.per_kg, d.route) for d in doses]
    assert got == expected, [d.text for d in doses]
    for dose in doses:
        assert text[dose.start : dose.end] == dose.text


def test_dose_table_has_enough_cases():
    assert len(DOSE_CASES) >= 30
    assert sum(1 for _, expected in DOSE_CASES if not expected) >= 8


def test_routes_come_from_the_data_vocabulary(dataset):
    vocabulary = set(dataset.resource("regimens")["schema"]["fields"][4]["constraints"]["enum"])
    assert set(textcheck.ROUTES) <= vocabulary


def test_bare_number_is_marked_as_unit_not_stated():
    (dose,) = analyze("Route DoseTotal Cells\nIV50,000,0003150,000,000").doses
    assert dose.text == "50,000,000"
    assert not dose.unit_stated
    assert dose.route == "intravenous"


# --- the five seed pages -------------------------------------------------------------------------


def _seed(prefix: str) -> str:
    (path,) = SEEDS_DIR.glob(f"{prefix}_*.txt")
    return path.read_text(encoding="utf-8")


@needs_seeds
@pytest.mark.parametrize("source_id", ["vega", "stemcellu"])
def test_seed_doses_include_every_dose_in_regimens(dataset, source_id):
    source = dataset.sources.set_index("id").loc[source_id]
    found = analyze(_seed(source.seed_file[:3])).doses
    found_values = {d.cells_low for d in found} | {d.cells_high for d in found}
    rows = dataset.regimens[(dataset.regimens["source_id"] == source_id) & dataset.regimens["dose_low"].notna()]
    assert len(rows)
    for row in rows.itertuples():
        assert row.dose_low in found_values, row.id
        assert row.dose_high in found_values, row.id


@needs_seeds
def test_seed_000_ranges_are_read_as_ranges(dataset):
    found = {(d.cells_low, d.cells_high) for d in analyze(_seed("000")).doses}
    rows = dataset.regimens[dataset.regimens["source_id"] == "vega"].dropna(subset=["dose_low"])
    assert set(zip(rows["dose_low"], rows["dose_high"], strict=True)) <= found


@needs_seeds
@pytest.mark.parametrize("prefix", ["001", "003", "004"])
def test_seeds_without_doses_give_none(prefix):
    text = _seed(prefix)
    assert "millions" in text or "million" in text
    assert analyze(text).doses == []


# --- wording and checklist -----------------------------------------------------------------------


def test_wording_kinds():
    report = analyze(
        "This revolutionary cure is clinically proven and has been shown to work. Patients report relief. "
        "It may help, but more research is needed."
    )
    kinds = {(h.text.lower(), h.kind) for h in report.language}
    assert ("revolutionary", "hype") in kinds
    assert ("cure", "hype") in kinds
    assert ("clinically proven", "certainty") in kinds
    assert ("has been shown", "certainty") in kinds
    assert ("patients report", "testimonial") in kinds
    assert ("may", "hedge") in kinds
    assert ("more research is needed", "hedge") in kinds


def test_the_month_may_is_not_a_hedge():
    assert analyze("Published in May 2019.").hedges == []


def _answers(text: str) -> dict[str, bool]:
    return {item.key: item.found for item in analyze(text).checklist}


def test_checklist_on_a_complete_text():
    text = (
        "Risks include infection and bleeding. A course costs $9,800. See Lamo-Espinosa et al. 2016 "
        "(doi 10.1186/s12967-016-0998-2) and NCT02365142. The FDA has not approved this product. "
        "Book a free consultation: info@clinic.example or WhatsApp +1 305 555 0147."
    )
    assert _answers(text) == dict.fromkeys(("risks", "costs", "studies", "regulation", "contact"), True)


def test_checklist_on_an_empty_text_says_no_to_everything():
    report = analyze("")
    assert report.doses == []
    assert report.language == []
    assert report.red_flags == []
    assert report.page_kind.kind == "unknown"
    assert all((not item.found and item.note) or item.key == "contact" for item in report.checklist)


@needs_seeds
def test_checklist_tells_vague_studies_and_wordy_costs_apart():
    items = {i.key: i for i in analyze(_seed("003")).checklist}
    assert not items["studies"].found
    assert "2020 study" in items["studies"].evidence
    assert not items["costs"].found
    assert "no price" in items["costs"].note


def test_checklist_ignores_denied_risks_and_risks_of_other_treatments():
    assert not _answers("Stem cells have no side effects. Surgery has a risk of infection.")["risks"]


@needs_seeds
def test_checklist_finds_the_sales_contact_in_seed_004():
    item = next(i for i in analyze(_seed("004")).checklist if i.key == "contact")
    assert item.found
    assert not item.good
    assert "WhatsApp" in item.evidence


# --- limits and uploads --------------------------------------------------------------------------


def test_too_long_text_raises_a_value_error_with_a_plain_message():
    with pytest.raises(TextTooLongError, match="at most 200,000") as info:
        analyze("x" * (MAX_CHARS + 1))
    assert isinstance(info.value, ValueError)


def test_largest_text_is_accepted():
    assert analyze(("50 million stem cells into the knee. " * 6000)[:MAX_CHARS]).length == MAX_CHARS


def test_read_upload_plain_and_markdown():
    assert read_upload("ad.txt", b"50 million cells") == "50 million cells"
    assert read_upload("AD.MD", "\ufeff# Title".encode()) == "# Title"
    assert read_upload("ad.txt", "50 million cells".encode("utf-16")) == "50 million cells"


def test_read_upload_html_drops_scripts_and_styles():
    html = (
        b"<html><head><title>T</title><style>p{color:red}</style></head><body><h1>Stem cells</h1>"
        b"<script>var dose='999 million cells';</script><p>We inject 50&nbsp;million cells.</p></body></html>"
    )
    text = read_upload("page.html", html)
    assert "999" not in text
    assert "color" not in text
    assert [line for line in text.splitlines() if line] == ["Stem cells", "We inject 50 million cells."]
    assert [d.cells_low for d in analyze(text).doses] == [50 * M]


@pytest.mark.parametrize(
    ("name", "data", "message"),
    [
        ("setup.exe", b"MZ\x90\x00", "not a .txt, .md or .html file"),
        ("noext", b"hello", "not a .txt, .md or .html file"),
        ("photo.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "binary"),
        ("latin1.txt", "café 50 million cells".encode("latin-1"), "not UTF-8"),
        ("empty.txt", b"   \n", "no text"),
        ("only-script.html", b"<script>alert(1)</script>", "no text"),
        ("big.txt", b"a" * (MAX_CHARS + 1), "at most 200,000"),
        ("huge.html", b"<p>" + b"a" * textcheck.MAX_UPLOAD_BYTES, "bytes"),
    ],
)
def test_read_upload_rejects_bad_files_with_a_clear_message(name, data, message):
    with pytest.raises(textcheck.TextCheckError, match=message) as info:
        read_upload(name, data)
    assert isinstance(info.value, ValueError)
    assert isinstance(info.value, UploadError | TextTooLongError)


# --- reports and rendering -----------------------------------------------------------------------


def test_highlighted_markdown_escapes_everything_but_its_marks():
    text = "<script>x</script> [link](http://a) 50 million cells **bold** $x$ :red[y]\n    indented"
    out = textcheck.highlighted_markdown(text, analyze(text))
    assert "<script>" not in out
    assert "](http" not in out
    assert "\\*\\*bold\\*\\*" in out
    assert ":red[" not in out
    assert "cells**] \\*\\*bold" in out  # words next to a mark keep their space
    assert ":orange-background[**50 million cells**]" in out
    assert "\n    indented" not in out  # four spaces would start a code block


def test_reports(dataset):
    report = analyze(textcheck.EXAMPLE)
    comparison = textcheck.compare_doses(report.doses, dataset.evidence, dataset.regimens, report.condition)
    assert len(comparison) == len(report.doses) == 2
    assert comparison.loc[0, "route"] == "intra-articular knee"
    assert "trial" in comparison.loc[0, "compared with trials"]
    markdown = textcheck.report_markdown(report, comparison)
    assert markdown.startswith("# Text check report")
    assert "50 million mesenchymal stem cells" in markdown
    assert "## Red flags" in markdown
    rows = list(csv.DictReader(io.StringIO(textcheck.report_csv(report).decode("utf-8"))))
    assert {r["section"] for r in rows} == {"red flag", "dose", "price", "language", "checklist"}
    assert all(not r["found"].startswith(("=", "+", "-", "@")) for r in rows)
    assert any(r["sentence"].startswith("'+1") or "+1 305" in r["sentence"] for r in rows)


def test_per_kg_iv_dose_is_not_compared_with_trials_of_another_disease(dataset):
    # The per-kg IV trials in the data treated graft-versus-host disease: never a yardstick for knee pain.
    report = analyze("For knee arthritis we give 2 million cells per kg, given by IV.")
    row = textcheck.compare_doses(report.doses, dataset.evidence, dataset.regimens, report.condition).iloc[0]
    assert row["trials in our data"] == "none"
    assert row["compared with trials"] == "no human trial in our data gave cells this way for this condition"


# --- properties ----------------------------------------------------------------------------------

DOSE_PHRASES = [c[0] for c in DOSE_CASES] + ["50,000,000", "2 x 10^6 cells/kg", "two hundred million stem cells"]


def _assert_valid(text: str) -> None:
    report = analyze(text)
    for spans in (report.doses, report.language):
        for item in spans:
            assert text[item.start : item.end] == item.text
            assert item.start < item.end
        assert all(a.end <= b.start for a, b in itertools.pairwise(spans))
    for dose in report.doses:
        assert 0 < dose.cells_low <= dose.cells_high
        assert dose.route is None or dose.route in textcheck.ROUTES
    for flag in report.red_flags:
        assert text[flag.start : flag.end] == flag.text
        assert flag.reason
        assert flag.page.startswith("pages/")
    assert report.page_kind.kind in ("seller", "regulator", "news", "study-registry", "unknown")
    textcheck.highlighted_markdown(text, report)
    textcheck.report_csv(report)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.text(max_size=3000))
def test_analyze_never_raises_and_offsets_are_valid(text):
    _assert_valid(text)


_TOKENS = st.sampled_from(
    ["million", "billion", "M", "x", "×", "10^", "⁸", "cells", "stem", "per", "kg", "to", "-", "–", ",", ".", " ",
     "\n", "$", "IV", "knee", "disc", "proven", "may", "1", "5", "0", "000", "two", "hundred", "a", "@", "+44"]
)  # fmt: skip


@settings(max_examples=200, deadline=None)
@given(st.lists(st.one_of(_TOKENS, st.sampled_from(DOSE_PHRASES), st.text(max_size=20)), max_size=80))
def test_analyze_on_text_with_injected_dose_phrases(parts):
    _assert_valid(" ".join(parts))
    _assert_valid("".join(parts))


@settings(max_examples=5, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(st.lists(st.one_of(st.sampled_from(DOSE_PHRASES), st.text(max_size=200)), min_size=1, max_size=20))
def test_analyze_on_text_at_the_limit(parts):
    chunk = " ".join(parts) or "x"
    text = (chunk * (MAX_CHARS // len(chunk) + 1))[:MAX_CHARS]
    _assert_valid(text)
