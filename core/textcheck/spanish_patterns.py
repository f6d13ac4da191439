"""The Spanish word lists as data: multipliers, units, bases, routes, sure words, hedges, red flags, page cues."""

# Written for Spanish pages from the tuning part of tests/textcheck_eval/corpus/spanish.json (spanish_split.json)
# and the forms the issue names. Like phrases.py: bounded repeats only, matched on lower-cased text (spanish_lower
# keeps every position), written in lower case; accents are optional because pages often drop them.

from __future__ import annotations

import string

_UPPER = string.ascii_uppercase + "ÁÉÍÓÚÜÑ"
_LOWER_TABLE = str.maketrans(_UPPER, _UPPER.lower())


def spanish_lower(text: str) -> str:
    """Lower case, accented capitals included, one character for one (positions stay where they were)."""
    return text.translate(_LOWER_TABLE)


# --- numbers --------------------------------------------------------------------------------------------------------
SUPERSCRIPT = "⁰¹²³⁴⁵⁶⁷⁸⁹"
NUMBER = r"\d{1,3}(?:[.,\u00a0\u202f]\d{3}){1,5}(?:[.,]\d{1,3})?(?!\d)|\d{1,12}(?:[.,]\d{1,4})?(?!\d)"
POWER = rf"\s{{0,2}}(?:\^|\*\*)\s{{0,2}}\+?(\d{{1,2}})|([{SUPERSCRIPT}]{{1,2}})"
SCI = (
    rf"\s{{0,3}}[x×X✕*·]\s{{0,3}}10(?:\s{{0,2}}(?:\^|\*\*|e|E)\s{{0,2}}\+?(\d{{1,2}})|([{SUPERSCRIPT}]{{1,2}})"
    r"|(\d{1,2}))(?!\d)"
)
E_NOTATION = r"[eE]\+?(\d{1,2})(?![\w])"
# The long scale: a Spanish "billón" is a million millions (10^12); "mil millones" and "millardo" are 10^9.
MULTIPLIERS = (
    (r"mil\s{1,3}millones", 1e9),
    (r"millardos?", 1e9),
    (r"bill[oó]n(?:es)?", 1e12),
    (r"mill[oó]n(?:es)?|mill\.|mlls?\.?|mm(?![a-z0-9])", 1e6),
    (r"mil", 1e3),
)
WORD_MULT = r"\s{0,2}(?:" + "|".join(f"(?P<m{i}>{p})" for i, (p, _v) in enumerate(MULTIPLIERS)) + r")(?![a-zñáéíóú])"
LETTER_MULT = r"(MM|M)(?![A-Za-z])"
WORD_VALUES = {
    "un": 1, "uno": 1, "una": 1, "dos": 2, "tres": 3, "cuatro": 4, "cinco": 5, "seis": 6, "siete": 7, "ocho": 8,
    "nueve": 9, "diez": 10, "once": 11, "doce": 12, "quince": 15, "veinte": 20, "veinticinco": 25, "treinta": 30,
    "cuarenta": 40, "cincuenta": 50, "sesenta": 60, "setenta": 70, "ochenta": 80, "noventa": 90, "cien": 100,
    "ciento": 100, "doscientos": 200, "doscientas": 200, "trescientos": 300, "cuatrocientos": 400,
    "quinientos": 500, "seiscientos": 600, "setecientos": 700, "ochocientos": 800, "novecientos": 900,
}  # fmt: skip
_WORDS = "|".join(sorted(WORD_VALUES, key=len, reverse=True))
WORD_NUMBER = (
    rf"(?<![a-zñáéíóú])(?:{_WORDS})(?:\s{{1,2}}(?:y\s{{1,2}})?(?:{_WORDS})){{0,3}}"
    r"(?=\s{1,2}(?:mil\s|mill|bill))"
)
BARE_THOUSAND_MILLION = r"(?<![\w])mil\s{1,3}millones"  # "dos mil millones" is read whole, before this
JOIN = r"\s{0,2}(?:(-|–|—|\ba\b|\bhasta\b)|(,)\s{0,2}(?:(?:y|o|e|u)\s{1,3})?|\b(y|o|e|u)\b)\s{0,2}"
BETWEEN = r"\b(?:entre|de)\s{1,3}$"
ADJ_BEFORE = r"(?:\s{1,3}(?:sus|las|los|tus|propias|nuevas|potentes|sus\s{1,3}propias))"
UNIT = (
    r"(?:\s{0,3}de)?" + ADJ_BEFORE + r"{0,2}\s{0,3}(?:"
    r"(?P<cells>c[eé]lulas?(?:\s{1,3}madre)?|(?:[a-z]{1,5}-)?(?:MSCs?|CMMs?|ADSCs?|BMSCs?|ASCs?|CMs?)"
    r"|stem\s{1,3}cells)"
    r"|(?P<exosomes>exosomas?|ves[ií]culas(?:\s{1,3}extracelulares)?|secretoma)"
    r"|(?P<particles>(?:nano)?part[ií]culas)"
    r"|(?P<platelets>plaquetas))(?![a-záéíóúñ])"
)
ADJ_AFTER = (
    r"(?:\s{1,3}(?:madre|troncales|mesenquimales|mesenquimatosas|estromales|vivas|viables|aut[oó]logas|alog[eé]nicas"
    r"|adultas|expandidas|cultivadas|del\s{1,3}propio\s{1,3}paciente|de\s{1,3}(?:cord[oó]n\s{1,3}umbilical|m[eé]dula"
    r"\s{1,3}[oó]sea|tejido\s{1,3}adiposo|grasa|placenta))){0,4}"
)
BASIS = (
    r"\s{0,3}(?:/|\bpor\b|\ben\s{1,3}cada\b|\bcada\b|\bpara\s{1,3}cada\b)\s{0,3}(?:cada\s{1,3})?(?:\d\s{0,2})?"
    r"(?P<b>kg\b|kilos?\b|kilogramos?\b|rodillas?\b|articulaci[oó]n\b|articulaciones\b|discos?\b|niveles?\b"
    r"|inyecci[oó]n\b|inyecciones\b|infiltraci[oó]n\b|sesi[oó]n\b|sesiones\b|tratamientos?\b|infusi[oó]n\b|ml\b"
    r"|mililitros?\b|cc\b|dosis\b|viales?\b|pacientes?\b|aplicaci[oó]n\b)"
    r"(?:\s{1,3}de\s{1,3}peso(?:\s{1,3}corporal)?)?"
)
BASIS_WORDS = {
    "kg": "per kg", "kilo": "per kg", "rodilla": "per knee", "articulaci": "per joint", "disco": "per disc",
    "nivel": "per disc", "inyecci": "per injection", "infiltraci": "per injection", "aplicaci": "per injection",
    "sesi": "per session", "tratamiento": "per treatment", "infusi": "per infusion", "ml": "per mL",
    "mililitro": "per mL", "cc": "per mL", "dosis": "per injection", "vial": "per vial", "paciente": "per patient",
}  # fmt: skip
AT_MOST = r"(?:hasta|como\s{1,3}m[aá]ximo|m[aá]ximo(?:\s{1,3}de)?|menos\s{1,3}de|no\s{1,3}m[aá]s\s{1,3}de|<|≤)\s{0,3}$"
AT_LEAST = (
    r"(?:m[aá]s\s{1,3}de|al\s{1,3}menos|como\s{1,3}m[ií]nimo|m[ií]nimo(?:\s{1,3}de)?|por\s{1,3}encima\s{1,3}de"
    r"|superior(?:es)?\s{1,3}a|>|≥)\s{0,3}$"
)
TOTAL_BEFORE = r"\b(?:en\s{1,3}total|un\s{1,3}total\s{1,3}de|total\s{1,3}de|acumulad[oa]s?\s{1,3}de)\s{0,3}$"
CURRENCY_BEFORE = r"(?:[$€£]|\b(?:usd|eur|mxn|cop|ars|clp|pen|us\$)\.?)\s{0,2}$"
NOT_CELLS_BEFORE = (
    r"\b(?:vale|valor|mercado|factura\w{0,4}|ingresos|invers\w{0,5}|invirti\w{0,3}|gast\w{0,4}|cuesta|cuestan|costo"
    r"|coste|precio|pag\w{0,3}|ventas|financiaci[oó]n|presupuesto|afecta\w{0,2}|pmid|nct|doi|isbn|n[uú]mero)"
    r"\s{0,3}(?:de\s{1,3})?(?:unos|unas|cerca\s{1,3}de|aproximadamente|m[aá]s\s{1,3}de|casi|hasta)?\s{0,3}$"
)
NOT_CELLS_AFTER = (
    r"\s{0,3}(?:de\s{1,3})?(?:[\w-]{1,15}\s{1,3})?(?:personas|pacientes|habitantes|adultos|ni[nñ]os|mujeres|hombres"
    r"|espa[nñ]oles|mexicanos|colombianos|argentinos|chilenos|peruanos|"
    r"estadounidenses|casos|procedimientos|tratamientos"
    r"|inyecciones|m[eé]dicos|cl[ií]nicas|d[oó]lares|euros|pesos|soles|usd|eur|a[nñ]os|meses|semanas|d[ií]as|horas"
    r"|minutos|veces|visitas|seguidores|empresas|ml|cc|mg|kg|cm|mm|"
    r"litros)(?![a-záéíóúñ])|\s{0,3}%|\s{0,3}por\s{1,3}ciento"
)
DOSE_WORDS = (
    "célula", "celula", "msc", "cmm", "madre", "dosis", "inyect", "infus", "infiltr", "intraarticular",
    "intra-articular", "intradiscal", "intravenos", "endovenos", "intratecal", "epidural", "administr", "trasplant",
    "implant", "exosom", "vial", "protocolo",
)  # fmt: skip
MARKET_WORDS = ("mercado", "industria", "factura", "ingresos", "inversi", "invert", "financia", "presupuesto", "ventas")
EXOSOME_CONTEXT = r"exosom|ves[ií]culas|secretoma"
CELL_WORD = r"c[eé]lulas?|\bmscs?\b|\bcmms?\b"
PRICE = (
    r"(?:[$€£]|\b(?:usd|us\$|eur|mxn)\s{0,2})\s{0,2}\d{1,3}(?:[,.\u00a0]\d{3}){0,3}(?:[.,]\d{2})?"
    r"(?:\s{0,2}(?:usd|eur|mxn|d[oó]lares|euros|pesos))?"
    r"|\d{1,3}(?:[,.\u00a0]\d{3}){0,3}(?:[.,]\d{2})?\s{0,2}(?:€|euros|d[oó]lares|usd|pesos(?:\s{1,3}mexicanos)?|mxn)"
    r"(?![a-záéíóúñ])"
)
HARVEST = (
    r"(\d{1,4}(?:[.,]\d{1,2})?)(?:\s{0,2}(?:-|–|a|y)\s{0,2}\d{1,4}(?:[.,]\d{1,2})?)?\s{0,2}"
    r"(?:cc|ml|cm3|cm³|mililitros?)(?![a-z])(?:\s{1,3}de\s{1,3}(?:grasa|m[eé]dula(?:\s{1,3}[oó]sea)?|sangre|tejido"
    r"\s{1,3}adiposo|aspirado))?"
)
HARVEST_CONTEXT = r"(?:extra\w{1,6}|obten\w{1,6}|obtien\w{1,4}|aspir\w{1,6}|liposucci\w{1,3}|recog\w{1,6}|tom\w{1,6})"

_COUNT = r"(\d{1,2}|dos|tres|cuatro|cinco|seis|siete|ocho|nueve|diez|doce)"
COURSE = (
    rf"\b(?:una\s{{1,3}}vez\s{{1,3}}al\s{{1,3}}mes|mensualmente|cada\s{{1,3}}mes)\s{{1,3}}durante\s{{1,3}}{_COUNT}\s{{1,3}}meses\b",
    rf"\b(?:una\s{{1,3}}vez\s{{1,3}}(?:a\s{{1,3}}la|por)\s{{1,3}}semana|semanalmente|cada\s{{1,3}}semana)\s{{1,3}}durante"
    rf"\s{{1,3}}{_COUNT}\s{{1,3}}semanas\b",
    rf"\b{_COUNT}\s{{1,3}}(?:veces|inyecciones|infusiones|sesiones|dosis|aplicaciones|infiltraciones|tratamientos)\b",
)

# --- routes ---------------------------------------------------------------------------------------------------------
_ART = r"(?:la|las|el|los|cada|ambas|su|sus|una|un)\s{1,3}"
_PLACE = rf"(?:en|a|dentro\s{{1,3}}de|hacia)\s{{1,3}}{_ART}(?:[a-záéíóúñ]{{1,12}}\s{{1,3}})?"
ROUTE_WORDS = (
    rf"(?P<knee>intra[\s-]{{0,2}}articular(?:es|mente)?|{_PLACE}rodillas?|"
    rf"por\s{{1,3}}(?:cada\s{{1,3}})?rodilla|infiltraci[oó]n\s{{1,3}}de\s{{1,3}}rodilla"
    rf"|{_PLACE}articulaci[oó]n(?:es)?)"
    rf"|(?P<disc>intra[\s-]{{0,2}}discal(?:es|mente)?|{_PLACE}discos?|"
    rf"por\s{{1,3}}(?:cada\s{{1,3}})?disco|{_PLACE}n[uú]cleo\s{{1,3}}(?:pulposo|del\s{{1,3}}disco))"
    r"|(?P<thecal>intratecal(?:es|mente)?|punci[oó]n\s{1,3}lumbar)"
    r"|(?P<epidural>epidural(?:es|mente)?)"
    r"|(?P<iv>(?:intra|endo)[\s-]?venos[oa]s?|(?:intra|endo)venosamente|infusi[oó]n(?:es)?|goteo|sueroterapia"
    r"|en\s{1,3}(?:la|una)\s{1,3}vena|(?<![a-z])i\.v\.)"
    rf"|(?P<spine>{_PLACE}(?:columna|espalda)|columna\s{{1,3}}(?:vertebral|lumbar)|lumbar(?:es)?|v[eé]rtebras?)"
)
HEADING_WORDS = (
    r"(?P<knee>rodillas?|intra[\s-]{0,2}articular)|(?P<disc>discos?|intra[\s-]{0,2}discal)|(?P<thecal>intratecal)"
    r"|(?P<epidural>epidural)|(?P<iv>(?:intra|endo)[\s-]?venos[oa]|infusi[oó]n|sueroterapia)"
)
LABEL = (
    r"(?m)^[ \t]{0,4}(?:v[ií]a(?:\s{1,3}de\s{1,3}administraci[oó]n)?|administraci[oó]n|aplicaci[oó]n|m[eé]todo"
    r"|forma\s{1,3}de\s{1,3}aplicaci[oó]n)[ \t]{0,3}[:：-][ \t]{0,3}([^\n]{1,80})$"
)

# --- whose voice ----------------------------------------------------------------------------------------------------
NEGATOR = r"\b(?:no|nunca|jam[aá]s|ni|sin|tampoco|ning[uú]n|ninguna|nada)\b(?!\s{1,3}(?:solo|s[oó]lo|obstante)\b)"
CLAUSE_TURN = r"[,;:()\[\]]|\s[-–—]\s|\b(?:pero|sino|aunque|sin\s{1,3}embargo|mientras|no\s{1,3}obstante)\b"
REPORTING = (
    r"\b(?:afirma\w{0,3}|asegura\w{0,3}|promete\w{0,1}|prometen|promet[ií]a\w{0,1}|promesas?|anuncia\w{0,3}"
    r"|supuesta\w{0,4}|supuesto\w{0,1}|presunta\w{0,4}|dijo|dice[n]?|explic[aó]\w{0,1}|seg[uú]n|de\s{1,3}acuerdo"
    r"\s{1,3}con|report[oó]|inform[oó]|alega\w{0,2}|publicit\w{1,3}|ofrecen|venden|las\s{1,3}cl[ií]nicas)\b"
)
DISTANCING = r"\b(?:supuest\w{1,4}|presunt\w{1,4}|llamad[oa]s?|mitos?|falsas?|pseudociencia|la\s{1,3}idea\s{1,3}de)\b"
HEDGE_BEFORE = (
    r"\b(?:podr[ií]a\w{0,2}|puede[n]?|posible\w{0,5}|potencial\w{0,5}|intent\w{1,3}|esperanza|estudios?"
    r"|investigaci[oó]n\w{0,2})\b"
)
CURE_NOUN_BEFORE = r"\b(?:buscan|busca|buscar|tratamiento\s{1,3}o|sin)\s{1,3}(?:una\s{1,3}|la\s{1,3})?$"
