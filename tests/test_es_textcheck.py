"""The text checker on Spanish text, and its report in the visitor's language (issue 18, item 8)."""

from __future__ import annotations

import csv
import io
import itertools

import pytest

from core import textcheck
from core.textcheck import analyze
from core.textcheck.detect_language import detect

FRENCH = (
    "Les cellules souches ne sont pas approuvées pour le genou. Les cliniques qui vendent des injections promettent "
    "une guérison, mais les études sont rares et il faut être prudent avec ces offres."
)
SPANISH = (
    "Las células madre no están aprobadas para la rodilla. Las clínicas que venden estas inyecciones prometen una "
    "cura, pero los estudios son pocos y hay que ser prudente con sus ofertas."
)
ENGLISH = (
    "Stem cells are not approved for the knee. The clinics that sell these injections promise a cure, but the "
    "studies are few and it is wise to be careful with their offers."
)


def only_dose(text: str):
    report = analyze(text)
    assert report.read_as == "es"
    assert len(report.doses) == 1, report.doses
    return report.doses[0]


@pytest.mark.parametrize(
    ("text", "low", "high", "basis"),
    [
        ("Inyectamos 15 millones de células en la rodilla.", 15e6, 15e6, None),
        ("Se administran 1,5 × 10⁶ células por kilo por vía intravenosa.", 1.5e6, 1.5e6, "per kg"),
        ("Se infunden 1.5x10^6 células/kg por vía intravenosa.", 1.5e6, 1.5e6, "per kg"),
        ("Aplicamos mil millones de células por inyección.", 1e9, 1e9, "per injection"),
        ("Usamos 100 millones de células madre mesenquimales por rodilla.", 1e8, 1e8, "per knee"),
        ("Aplicamos 2,5 millones de células madre en la rodilla.", 2.5e6, 2.5e6, None),
        ("Se inyectan 1.000.000 de células madre en el disco.", 1e6, 1e6, None),
        ("Se inyectan entre 10 y 20 millones de células en la rodilla.", 10e6, 20e6, None),
        ("La dosis es de 5, 10 y 25 millones de células por inyección.", 5e6, 25e6, "per injection"),
        ("Aplicamos veinte millones de células madre por sesión.", 20e6, 20e6, "per session"),
    ],
)
def test_spanish_doses_are_read_in_cells(text, low, high, basis):
    dose = only_dose(text)
    assert (dose.cells_low, dose.cells_high, dose.basis, dose.what) == (low, high, basis, "cells")


@pytest.mark.parametrize(
    ("text", "cells"),
    [
        ("Cada vial contiene dos billones de células madre.", 2e12),  # the long scale: a billón is 10^12
        ("Cada vial contiene 3 billones de células madre.", 3e12),
        ("Cada vial contiene mil millones de células madre.", 1e9),
        ("Cada vial contiene 15 mil millones de células madre.", 15e9),
        ("Cada vial contiene 1.200 millones de células madre.", 1.2e9),
    ],
)
def test_billones_are_ten_to_the_twelve_and_mil_millones_ten_to_the_nine(text, cells):
    assert only_dose(text).cells_low == cells


def test_a_course_multiplies_the_dose():
    dose = only_dose("Inyectamos 2 × 10^8 células por vía intravenosa, una vez al mes durante 3 meses.")
    assert (dose.course_count, dose.course_low) == (3, 6e8)
    assert textcheck.describe_course(dose, "es") == "3 veces (una vez al mes durante 3 meses): 600 millones en total"


def test_exosomes_are_counted_as_exosomes_not_cells():
    assert only_dose("Inyectamos 3 billones de exosomas en la rodilla.").what == "exosomes"


@pytest.mark.parametrize(
    "text",
    [
        "El tratamiento cuesta 3.000 euros y dura 15 días.",
        "La artrosis afecta a 15 millones de personas en el país.",
        "La clínica facturó 15 millones de dólares en 2019 con células madre.",
        "El estudio NCT01234567 se publicó en 2019 con 20 pacientes.",
    ],
)
def test_money_people_years_and_codes_are_not_doses(text):
    assert analyze(text).doses == []


@pytest.mark.parametrize(
    ("words", "route"),
    [
        ("por inyección intraarticular", "intra-articular knee"),
        ("en la rodilla", "intra-articular knee"),
        ("por inyección intradiscal", "intradiscal"),
        ("en el disco dañado", "intradiscal"),
        ("por vía intravenosa", "intravenous"),
        ("en una infusión intravenosa", "intravenous"),
        ("por vía epidural", "epidural"),
    ],
)
def test_spanish_routes(words, route):
    assert only_dose(f"Aplicamos 10 millones de células madre {words}.").route == route


def test_a_route_in_the_sentence_before_counts():
    dose = only_dose("Las células se administran por vía intravenosa. La dosis habitual es de 50 millones de células.")
    assert (dose.route, dose.route_inferred) == ("intravenous", True)


def test_two_doses_two_routes_in_one_sentence():
    report = analyze(textcheck.EXAMPLE_ES)
    assert [(d.cells_low, d.route) for d in report.doses] == [(50e6, "intra-articular knee"), (2e8, "intravenous")]


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("Es un tratamiento sin riesgos para su rodilla.", "no risk"),
        ("Nuestro tratamiento es 100 % seguro.", "no risk"),
        ("Nuestro laboratorio está aprobado por la COFEPRIS.", "approval"),
        ("Trabajamos con licencia sanitaria de la COFEPRIS.", "approval"),
        ("Aproveche nuestro 20 % de descuento este mes.", "price lure"),
        ("Lea los testimonios de quienes ya se trataron.", "testimonial"),
        ("Nuestros pacientes dicen que ya no sienten dolor.", "testimonial"),
        ("Nuestra terapia cura la artrosis de rodilla.", "cure"),
        ("Le ofrecemos una cura garantizada para su espalda.", "cure"),
        ("Últimas plazas con precio de lanzamiento.", "price lure"),
        ("Nuestro protocolo regenera el cartílago dañado.", "regenerate"),
        ("El 90 % de nuestros pacientes mejora en un mes.", "success"),
        ("Evite la prótesis de rodilla con una sola inyección.", "instead of surgery"),
        ("Aplicamos exosomas directamente en la articulación.", "regulated product"),
    ],
)
def test_spanish_red_flags(text, kind):
    assert [f.kind for f in analyze(text).red_flags] == [kind]


@pytest.mark.parametrize(
    "text",
    [
        "Las células madre no están aprobadas por la FDA para la rodilla.",  # a regulator's limit, not a stamp
        "¿Regeneran el cartílago las células madre?",  # a question
        "Algunas clínicas prometen que su terapia regenera el cartílago.",  # reported, not the page's own
        "Los estudios preliminares podrían mostrar si regenera el cartílago.",  # a hope, not a promise
    ],
)
def test_no_red_flag_where_the_page_does_not_promise(text):
    assert analyze(text).red_flags == []


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("Un tratamiento revolucionario para su rodilla.", "hype"),
        ("Es un verdadero milagro para la espalda.", "hype"),
        ("Un producto 100 % natural para la rodilla.", "certainty"),
        ("Resultados garantizados en la rodilla.", "certainty"),
        ("La terapia puede aliviar el dolor de rodilla.", "hedge"),
        ("La terapia podría aliviar el dolor de rodilla.", "hedge"),
        ("Algunos estudios lo sugieren para la rodilla.", "hedge"),
    ],
)
def test_spanish_sure_words_and_hedges(text, kind):
    assert kind in {h.kind for h in analyze(text).language}


@pytest.mark.parametrize(
    ("text", "price"),
    [
        ("El tratamiento cuesta 3.500 € por rodilla.", "3.500 €"),
        ("El precio de la terapia es de USD 5,000 en total.", "USD 5,000"),
        ("La sesión cuesta 80.000 pesos mexicanos.", "80.000 pesos mexicanos"),
    ],
)
def test_spanish_prices_are_amounts_not_doses(text, price):
    report = analyze(text)
    assert ([a.text for a in report.prices], report.doses) == ([price], [])


def test_a_spanish_seller_page_reads_as_one():
    report = analyze(textcheck.EXAMPLE_ES)
    assert report.page_kind.kind == "seller"
    assert textcheck.summary(report)[0] == "advert"


@pytest.mark.parametrize(("text", "language"), [(ENGLISH, "en"), (SPANISH, "es"), (FRENCH, None)])
def test_read_as_names_the_language_and_none_for_one_we_cannot_read(text, language):
    assert detect(text) == language
    assert analyze(text).read_as == language


def test_a_text_we_cannot_read_gets_no_findings_and_a_plain_sentence():
    report = analyze(FRENCH)
    assert (report.doses, report.red_flags, report.language, report.checklist) == ([], [], [], [])
    assert "English and Spanish" in textcheck.summary(report)[1]
    assert "inglés y español" in textcheck.summary(report, "es")[1]


@pytest.mark.parametrize("text", ["50 million cells into the knee.", "We inject 2 x 10^8 cells IV."])
def test_short_english_snippets_are_still_read_as_english(text):
    assert analyze(text).read_as == "en"
    assert len(analyze(text).doses) == 1


def test_the_report_is_in_the_visitors_language_whatever_the_texts_language():
    report = analyze(textcheck.EXAMPLE, lang="es")  # an English page, a Spanish visitor
    assert report.read_as == "en"
    assert textcheck.summary(report, "es")[1].startswith("Léalo como un anuncio")
    assert report.checklist[0].question == "¿Nombra riesgos o efectos secundarios?"
    assert report.red_flags[0].reason == textcheck.flag_reason(report.red_flags[0].kind, "es")
    assert textcheck.read_as_sentence(report, "es") == "El revisor leyó este texto en inglés."
    assert textcheck.kind_label("regulator", "es") == "una página de un organismo regulador"


def test_spanish_words_for_doses_never_say_billon_for_ten_to_the_nine():
    dose = only_dose("Cada vial contiene mil millones de células madre por rodilla.")
    assert textcheck.describe_cells(dose, "es") == "1.000 millones de células por rodilla"
    assert textcheck.describe_cells(dose) == "1 billion cells per knee"


def test_spanish_markdown_and_csv(dataset):
    report = analyze(textcheck.EXAMPLE_ES, lang="es")
    comparison = textcheck.compare_doses(report.doses, dataset.evidence, dataset.regimens, report.condition, "es")
    markdown = textcheck.report_markdown(report, comparison, "es")
    assert markdown.startswith("# Informe de revisión del texto")
    assert "## Señales de alarma" in markdown
    assert "No es un consejo médico." in markdown
    header = next(csv.reader(io.StringIO(textcheck.report_csv(report, "es").decode("utf-8"))))
    assert header[:3] == ["apartado", "encontrado", "tipo"]
    assert comparison.iloc[1]["route"] == "intravenosa"


def test_why_no_comparison_in_spanish():
    dose = only_dose("Aplicamos 3 billones de exosomas por inyección.")
    assert (
        textcheck.why_no_comparison(dose, None, "es")
        == "no son células (exosomas): nunca se comparan con dosis de células"
    )


def test_english_reports_are_unchanged_by_the_language_parameter(dataset):
    plain, english = analyze(textcheck.EXAMPLE), analyze(textcheck.EXAMPLE, lang="en")
    assert plain == english
    assert textcheck.summary(plain) == (
        "advert",
        "Read it as an advert: it reads like a seller's page (clinic, broker or advert), with 5 red flags.",
    )
    spanish_visitor = analyze(textcheck.EXAMPLE, lang="es")
    assert [(f.kind, f.start) for f in spanish_visitor.red_flags] == [(f.kind, f.start) for f in plain.red_flags]
    assert spanish_visitor.doses == plain.doses
    comparison = textcheck.compare_doses(plain.doses, dataset.evidence, dataset.regimens, plain.condition)
    assert textcheck.report_markdown(plain, comparison).startswith("# Text check report\n\nText length: ")


def test_uploads_say_what_is_wrong_in_spanish():
    with pytest.raises(textcheck.UploadError, match="no tiene texto"):
        textcheck.read_upload("vacio.txt", b"   ", lang="es")
    assert textcheck.unsupported_message("folleto.pdf", "es").startswith("«folleto.pdf» es un PDF")


def test_a_spanish_text_too_long_is_refused_in_spanish():
    with pytest.raises(textcheck.TextTooLongError, match=r"como máximo 200\.000"):
        analyze("a" * (textcheck.MAX_CHARS + 1), lang="es")


@pytest.mark.parametrize(
    ("text", "named"),
    [
        ("La AEMPS advierte que los tratamientos no autorizados pueden tener riesgos graves para la rodilla.", True),
        ("Puede haber infección o dolor después de la inyección en la rodilla.", True),
        ("Nuestro tratamiento no tiene riesgos para usted ni para su rodilla.", False),  # a denial names none
    ],
)
def test_the_checklist_reads_spanish_risks(text, named):
    assert analyze(text).checklist[0].found is named


def test_a_long_spanish_text_keeps_every_list_short_sorted_and_without_overlaps():
    unit = "Inyectamos 15 millones de células en la rodilla, sin riesgos: cura la artrosis por 3.500 €. "
    report = analyze((unit * 3000)[: textcheck.MAX_CHARS])
    assert report.read_as == "es"
    for found in (report.doses, report.red_flags, report.language, report.amounts):
        spans = [(item.start, item.end) for item in found]
        assert 0 < len(spans) <= 2 * textcheck.MAX_FINDINGS
        assert spans == sorted(spans)
        assert all(end <= start for (_s, end), (start, _e) in itertools.pairwise(spans))
