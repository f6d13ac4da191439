"""The English page-kind cues as data: words that make a text read like a seller's, a regulator's, news or a study."""

# Written like phrases.py: bounded repeats only, matched on ASCII-lower-cased text.

from __future__ import annotations

# Page-kind cues: (kind, weight, pattern).
PAGE_CUES: tuple[tuple[str, int, str], ...] = (
    ("booking", 3, r"book\s{1,3}(?:a|an|your|now|appointment)|free\s{1,3}consultation|whats\s?app"),
    (
        "booking",
        3,
        r"schedule\s{1,3}(?:a|your)\s{1,3}(?:consultation|appointment|call)|contact\s{1,3}us|call\s{1,3}(?:us|now|today)",
    ),
    (
        "booking",
        3,
        r"request\s{1,3}(?:a|more|your)\s{1,3}(?:[\w-]{1,15}\s{1,3})?(?:quote|information|info|consultation|booklet)|get\s{1,3}(?:a|your)\s{1,3}(?:free\s{1,3})?quote",
    ),
    (
        "booking",
        3,
        r"complete\s{1,3}our\s{1,3}(?:online\s{1,3})?(?:medical\s{1,3}history|form|questionnaire)|(?:apply|enquire|inquire)\s{1,3}(?:now|today)",
    ),
    (
        "seller",
        1,
        r"\bour\s{1,3}(?:clinic|center|centre|patients|doctors|team|lab|laboratory|protocols?|treatments?|stem\s{1,3}cells)\b|\bat\s{1,3}our\b",
    ),
    (
        "seller",
        1,
        r"\bwe\s{1,3}(?:offer|treat|provide|inject|use|harvest|extract|need\s{1,3}to\s{1,3}collect|have\s{1,3}treated|meet|specialize|perform|administer|isolate)\b",
    ),
    (
        "seller",
        1,
        r"treatment\s{1,3}packages?|medical\s{1,3}tourism|international\s{1,3}patients|price\s{1,3}tag|average\s{1,3}cost",
    ),
    (
        "seller",
        1,
        r"clinics\s{1,3}in\s{1,3}[\w.]{1,15}\s{1,3}offer|cost\s{1,3}(?:of|for)\s{1,3}stem\s{1,3}cell|savings",
    ),
    (
        "regulator",
        2,
        r"\bFDA\s{1,3}(?:is\s{1,3}informing|has\s{1,3}(?:not\s{1,3})?approved|has\s{1,3}received|regulates|encourages|advises|wants)",
    ),
    (
        "regulator",
        2,
        r"(?:Food\s{1,3}and\s{1,3}Drug\s{1,3}Administration|FDA)\s{1,3}(?:\(FDA\)\s{1,3})?regulates|contact\s{1,3}FDA|MedWatch",
    ),
    (
        "regulator",
        2,
        r"consumer\s{1,3}(?:update|alert)|public\s{1,3}safety\s{1,3}alert|informing\s{1,3}the\s{1,3}public|licensure",
    ),
    ("regulator", 2, r"@fda\.hhs\.gov|investigational\s{1,3}new\s{1,3}drug|\bthe\s{1,3}agency\b"),
    ("news", 1, r"\b(?:says|said|told)\b|a\s{1,3}(?:study|survey)\s{1,3}published|in\s{1,3}an\s{1,3}interview"),
    (
        "news",
        1,
        r"(?:critics|experts|researchers|officials)\s{1,3}(?:warn|say|said|found)|has\s{1,3}(?:issued|warned)|\bwarned\b",
    ),
    ("news", 1, r"\bunproven\b|\bscam\b|\bsketchy\b|\bdubious\b|\bclinics\b"),
    # A dated lead and the verbs a report uses of what others put out: "On December 6, 2019, the FDA released".
    (
        "news",
        1,
        r"\bon\s{1,3}(?:january|february|march|april|may|june|july|august|september|october|november|december)"
        r"\s{1,3}\d{1,2},\s{1,3}(?:19|20)\d{2}\b|\b(?:released|announced|asserts|asserted|reported)\s{1,3}(?:a|an|that|the)\b",
    ),
    (
        "news",
        1,
        r"the\s{1,3}(?:u\.s\.\s{1,3})?food\s{1,3}and\s{1,3}drug\s{1,3}administration\s{1,3}(?:allows|has|is|says|said|warns|issued)",
    ),
    (
        "study",
        1,
        r"\bNCT\d{8}\b|randomi[sz]ed|\bphase\s{1,3}(?:I{1,3}V?|[1-4])\b|inclusion\s{1,3}criteria|exclusion\s{1,3}criteria",
    ),
    (
        "study",
        1,
        r"\bplacebo\b|\benrolled\b|\bfollow-up\b|meta-analysis|\(n\s?=\s?\d{1,5}\)|\bp\s?[<=]\s?0?\.\d|\bparticipants\b",
    ),
    # The labelled parts of a structured abstract or case report ("Introduction:", "Case presentation:"), a
    # numbered table, and numbered references ("[112]").
    (
        "study",
        1,
        r"(?m:^[ \t]{0,3}(?:introduction|aims?|objectives?|methods|results|conclusions?"
        r"|case\s{1,3}(?:presentation|report)|background|design)[ \t]{0,2}:)"
        r"|(?m:^[ \t]{0,3}table\s{1,3}\d{1,3}\.)|case\s{1,3}series",
    ),
    ("study", 1, r"\[\d{1,3}\]"),
    (
        "study",
        1,
        r"(?m:^\s{0,3}(?:Methods|Results|Conclusions?|Background|Abstract|Arms\s{1,3}of\s{1,3}the\s{1,3}Study|Intervention|Sponsored\s{1,3}by|Study\s{1,3}Type|Trial\s{1,3}registration)\b)",
    ),
)
