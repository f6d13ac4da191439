"""The number and dose patterns the checker reads with: digits, powers of ten, units, bases, bounds and prices."""


# Numbers are found with one simple pattern; everything around a number is read with short anchored patterns in
# a window of at most a hundred characters, so the cost per number is fixed whatever the text holds.

from __future__ import annotations

import re

_SUPERSCRIPT = "⁰¹²³⁴⁵⁶⁷⁸⁹"
_SUPER_TABLE = str.maketrans(_SUPERSCRIPT, "0123456789")
_NUMBER = re.compile(r"\d{1,20}(?:[.,]\d{1,20}){0,8}")
_GROUPED = re.compile(r"\d{1,3}(?:,\d{3}){1,6}(?:\.\d{1,8})?")
_GROUPED_PREFIX = re.compile(r"\d{1,3}(?:,\d{3}){1,6}")
_POWER = re.compile(rf"\s{{0,2}}(?:\^|\*\*)\s{{0,2}}\+?(\d{{1,2}})|([{_SUPERSCRIPT}]{{1,2}})")
_SCI = re.compile(
    rf"\s{{0,3}}[x×X✕*·]\s{{0,3}}10(?:\s{{0,2}}(?:\^|\*\*)\s{{0,2}}\+?(\d{{1,2}})|([{_SUPERSCRIPT}]{{1,2}})|(\d{{1,2}}))"
    r"(?![\d])"
)
_E_NOTATION = re.compile(r"[eE]\+?(\d{1,2})(?![\w])")
_WORD_MULT = re.compile(
    r"\s{0,2}-?\s{0,1}(million|millions|mln|mio|billion|billions|bn|thousand|thousands)\b", re.IGNORECASE
)
_LETTER_MULT = re.compile(r"(MM|M|B|bn|K|k)(?![A-Za-z])")
_PLUS = re.compile(r"\s{0,1}\+")
_JOIN = re.compile(r"\s{0,2}(?:(-|–|—|‐|‑|~)|(to)\b|(,)\s{0,2}(?:(?:and|or)\s{1,3})?|(and|or)\b)\s{0,2}", re.IGNORECASE)
_SPREAD = re.compile(r"\s{0,3}(?:±|\+/-|\+-)\s{0,3}\d{1,12}(?:\.\d{1,8})?")
_ADJ = (
    r"of|your|own|the|adult|autologous|allogeneic|allogenic|live|living|viable|fresh|cultured|expanded"
    r"|culture-expanded|umbilical|cord|cord-derived|adipose|adipose-derived|fat|fat-derived|bone|marrow"
    r"|bone-marrow|marrow-derived|bone-marrow-derived|derived|placental|donor|total|young|active|nucleated"
    r"|mononuclear|regenerative|progenitor|mesenchymal|stromal|hematopoietic|haematopoietic|Wharton['’]s|jelly"
    r"|high-quality|potent|healthy|pure|premium|MSC|mesenchymal-derived|stem|cell|human|purified|certified|additional"
)
_UNIT = re.compile(
    rf"(?:\s{{0,3}}(?:{_ADJ})\b){{0,5}}\s{{0,3}}(?:"
    r"(?P<cells>stem[\s-]{1,2}cells?|cells?|(?:[A-Za-z]{1,5}-)?MSCs?|ADSCs?|BMSCs?|ASCs?)"
    r"|(?P<exosomes>exosomes?|extracellular\s{1,3}vesicles?|EVs|vesicles?|secretome)"
    r"|(?P<particles>(?:nano)?particles?)"
    r"|(?P<platelets>platelets?))\b",
    re.IGNORECASE,
)
_PAREN = re.compile(r"\s{0,2}\([^()\n]{1,20}\)")
_BASIS = re.compile(
    r"\s{0,3}(?:/|\bper\b|\beach\b|\ba\b|\bfor\s{1,3}(?:one|each|a|every)\b|\bin\s{1,3}each\b)\s{0,3}(?:\d{1,3}(?:\.\d{1,2})?\s{0,2})?"
    r"(?P<b>kg|kilo(?:gram)?s?|knees?|joints?|discs?|disks?|levels?|injections?|sessions?|treatments?|infusions?"
    r"|courses?|ml|cc|doses?|vials?|patients?)\b",
    re.IGNORECASE,
)
_BASIS_WORDS = {
    "kg": "per kg", "kilo": "per kg", "knee": "per knee", "joint": "per joint", "disc": "per disc", "disk": "per disc",
    "level": "per disc", "injection": "per injection", "session": "per session", "treatment": "per treatment",
    "infusion": "per infusion", "course": "per course", "ml": "per mL", "cc": "per mL", "dose": "per injection",
    "vial": "per vial", "patient": "per patient",
}  # fmt: skip
_AT_MOST = re.compile(
    r"(?:up\s{1,3}to|as\s{1,3}many\s{1,3}as|max(?:imum)?(?:\s{1,3}of)?|no\s{1,3}more\s{1,3}than|less\s{1,3}than"
    r"|fewer\s{1,3}than|under|below|<|≤)\s{0,3}[~≈]?\s{0,2}$",
    re.IGNORECASE,
)
_AT_LEAST = re.compile(
    r"(?:over|more\s{1,3}than|at\s{1,3}least|min(?:imum)?(?:\s{1,3}of)?|above|exceeding|>|≥)\s{0,3}[~≈]?\s{0,2}$",
    re.IGNORECASE,
)
_TOTAL_BEFORE = re.compile(
    r"\b(?:total(?:ing|ling|s)?|in\s{1,3}total|overall|cumulative(?:ly)?)\s{0,3}(?:of\s{1,3})?$", re.I
)
_BETWEEN = re.compile(r"\bbetween\s{1,3}$", re.IGNORECASE)
_CURRENCY_BEFORE = re.compile(r"(?:[$€£¥₹]|\b(?:usd|eur|gbp|us\$|a\$|c\$))\s{0,2}$", re.IGNORECASE)
_NOT_CELLS_BEFORE = re.compile(
    r"\b(?:worth|market|revenue|valued|valuation|spent|spend|costs?|price[sd]?|pay|paid|earn|sales|funding|raised"
    r"|invested|budget|fees?|affects?|affecting|affected|pmid|nct|doi|isbn|no\.)\s{0,3}(?:of\s{1,3})?"
    r"(?:about|around|approximately|over|nearly|almost|up\s{1,3}to|more\s{1,3}than)?\s{0,3}$",
    re.IGNORECASE,
)
_NOT_CELLS_AFTER = re.compile(
    r"\s{0,3}(?:[\w'’-]{1,20}\s{1,3}){0,2}?(?:people|persons?|individuals|americans|europeans|britons|adults|children"
    r"|kids|men|women|patients|sufferers|users|readers|views|visitors|followers|cases|procedures|treatments"
    r"|injections|doctors|clinics|dollars|euros|pounds|usd|eur|gbp|years?|yrs|months?|weeks?|days?|hours?|minutes?"
    r"|seconds?|times|cc|ccs|ml|mls|millilit(?:er|re)s?|lit(?:er|re)s?|l|mg|g|grams?|kg|lbs?|mm|cm|nm|percent"
    r"|worldwide|globally|dollar|euro|joints|subscribers|businesses|companies|words|pages|articles|papers|studies"
    r"|references|citations|members|employees|downloads|animals|dogs|cats|horses|mice|rats|surgeries|operations"
    r"|discectomies|fusions|replacements|arthroplasties)\b|\s{0,3}%",
    re.IGNORECASE,
)
# Right after a number: the body's own blood cells ("makes 200 billion new blood cells a day") are no dose; cord-blood
# cells are, so "cord" is not among the words allowed before "blood".
_BODY_BLOOD_CELLS = re.compile(r"\s{0,3}(?:(?:new|red|white|healthy)\s{1,3}){0,2}blood\s{1,3}cells?\b", re.IGNORECASE)
_DOSE_WORDS = (
    "cell",
    "msc",
    "stem",
    "inject",
    "dose",
    "dosing",
    "dosage",
    "infus",
    "intravenous",
    "articular",
    "discal",
    "intrathecal",
    "epidural",
    "administ",
    "transplant",
    "protocol",
    "exosom",
)
_MARKET_WORDS = (
    "market",
    "industry",
    "revenue",
    " sales",
    "valued",
    "valuation",
    "funding",
    "invest",
    "spending",
    "budget",
)

_IV = re.compile(r"(?<![A-Za-z])IV(?![A-Za-z])")
_DOSE_CONTEXT = re.compile(
    r"\bcells?\b|\bMSCs?\b|\bstem\b|\binject|\bdos(?:e|es|age|ing)\b|\binfus|\bintravenous|\bintra[\s-]?articular"
    r"|\bintra[\s-]?discal|\bintrathecal|\bepidural|\badminist|\btransplant|\bprotocol|\bexosom|(?-i:\bIV\b)",
    re.IGNORECASE,
)
_MARKET = re.compile(
    r"\b(?:markets?|industry|revenues?|sales|valued|valuation|funding|invest\w{0,6}|spending|budget)\b", re.I
)
_EXOSOME_CONTEXT = re.compile(r"\bexosom|\bvesicle|\bEVs\b", re.IGNORECASE)
_CELL_WORD = re.compile(r"\bcells?\b|\bMSCs?\b", re.IGNORECASE)
_YEAR = re.compile(r"(?:19|20)\d{2}")

_UNITS = ["one", "two", "three", "four", "five", "six", "seven", "eight", "nine"]
_TEENS = ["ten", "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen"]
_TENS = ["twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"]
_WORD_VALUES = (
    {w: i + 1 for i, w in enumerate(_UNITS)}
    | {w: i + 10 for i, w in enumerate(_TEENS)}
    | {w: (i + 2) * 10 for i, w in enumerate(_TENS)}
    | {"a": 1, "an": 1}
)
_WORD = "|".join(sorted(_WORD_VALUES, key=len, reverse=True))
# Word numbers are looked for only just before "million"/"billion" (found first, cheaply), never across the text.
_MILLION_WORD = re.compile(r"\b(?:million|billion)\b")
_WORD_NUMBER = re.compile(rf"\b(?:{_WORD})(?:[\s-]{{1,2}}(?:{_WORD}|hundred|and)){{0,5}}\s{{1,2}}$")
_COUNT = r"(\d{1,2}|one|two|three|four|five|six|seven|eight|nine|ten|twelve)"
_EVERY = r"(?:once\s{1,3}a\s{1,3}|every\s{1,3})"
_COURSE = (
    re.compile(rf"\b(?:{_EVERY}month|monthly)\s{{1,3}}for\s{{1,3}}{_COUNT}\s{{1,3}}months?\b", re.I),
    re.compile(rf"\b(?:{_EVERY}week|weekly)\s{{1,3}}for\s{{1,3}}{_COUNT}\s{{1,3}}weeks?\b", re.I),
    re.compile(rf"\b{_COUNT}\s{{1,3}}(?:times|injections|infusions|sessions|doses|treatments|rounds)\b", re.I),
    re.compile(r"\b(twice)\b", re.I),
)  # fmt: skip
_HARVEST = re.compile(
    r"(?:between\s{1,3})?(\d{1,4}(?:\.\d{1,2})?)(?:\s{0,2}(?:-|–|to|and)\s{0,2}\d{1,4}(?:\.\d{1,2})?)?\s{0,2}"
    r"(?:cc['’]?s?|ml|mls|millilit(?:er|re)s?)\b(?:\s{1,3}(?:[\w'’-]{1,20}\s{1,3}){0,5}?(?:bone\s{1,3}marrow|marrow"
    r"|fat|adipose|lipoaspirate|blood|aspirate))?",
    re.IGNORECASE,
)
_HARVEST_CONTEXT = re.compile(r"\b(?:harvest|collect|draw|extract|aspirat|liposuction|lipoaspirat|take)\w{0,5}", re.I)
_PRICE = re.compile(
    r"(?:[$€£¥₹]|\b(?:USD|EUR|GBP|US\$)\s{0,2})\s{0,2}\d{1,3}(?:[,.]\d{3}){0,3}(?:\.\d{2})?\+?"
    r"(?:\s{0,2}(?:-|–|to)\s{0,2}(?:[$€£¥₹]\s{0,2})?\d{1,3}(?:[,.]\d{3}){0,3}(?:\.\d{2})?\+?)?"
    r"(?:\s{0,2}(?:USD|EUR|GBP|k|thousand)\b)?",
    re.IGNORECASE,
)
