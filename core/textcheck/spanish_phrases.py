"""The Spanish phrase lists as data: sure words, hype, hedges, red flags, page-kind cues and checklist patterns."""

# The same kinds and the same report fields as the English lists in phrases.py, written for Spanish pages (from the
# tuning part of the Spanish corpus and the forms named in issue 18). Matched on spanish_lower(text), so they are
# lower case; accents are optional where pages often drop them. Bounded repeats only.

from __future__ import annotations

_PCT = r"\d{1,3}(?:[,.]\d{1,2})?\s?(?:%|por\s{1,3}ciento)"
_W = r"[\wáéíóúñü-]{1,15}"  # one word

LANGUAGE: tuple[tuple[str, str], ...] = (
    ("certainty", r"(?:cient[ií]fica|cl[ií]nica|m[eé]dica)mente\s{1,3}(?:probad|comprobad|demostrad)[oa]s?"),
    (
        "certainty",
        r"confirma\s{1,3}cient[ií]ficamente|est[aá]\s{1,3}(?:cient[ií]ficamente\s{1,3})?(?:comprobado|"
        r"demostrado)",
    ),
    ("certainty", r"(?:ha|han)\s{1,3}(?:sido\s{1,3})?(?:demostrad|comprobad|probad)[oa]s?"),
    ("certainty", r"garantiza(?:do|da|dos|das|mos|n)?|garant[ií]a"),
    ("certainty", r"(?:es|son)\s{1,3}(?:completamente\s{1,3}|totalmente\s{1,3}|100\s?%\s{1,3})?segur[oa]s?"),
    ("certainty", r"sin\s{1,3}(?:ning[uú]n\s{1,3})?(?:efectos?\s{1,3}(?:secundarios|adversos|colaterales)|riesgos?)"),
    ("certainty", r"permanente(?:s|mente)?|definitiv[oa]s?|para\s{1,3}siempre"),
    ("certainty", r"s[ií]\s{1,3}funciona[n]?|funciona[n]?\s{1,3}de\s{1,3}verdad|100\s?%\s{1,3}natural"),
    ("certainty", r"(?:muy|altamente|la\s{1,3}m[aá]s|el\s{1,3}m[aá]s)\s{1,3}(?:efectiv|eficaz|segur)\w{0,3}"),
    ("certainty", r"segur[oa]\s{1,3}y\s{1,3}eficaz|eficaz\s{1,3}y\s{1,3}segur[oa]|m[aá]xima\s{1,3}eficacia"),
    ("certainty", r"(?:los\s{1,3})?(?:ensayos|estudios)\s{1,3}(?:cl[ií]nicos\s{1,3})?demuestran"),
    ("hype", r"tasas?\s{1,3}de\s{1,3}[eé]xito|casos\s{1,3}de\s{1,3}[eé]xito|con\s{1,3}[eé]xito"),
    ("hype", r"revolucionari[oa]s?|revoluciona\w{0,4}|milagr(?:o|os|osa|oso|osas|osos)"),
    ("hype", r"cura(?:s|r|n|mos)?|curaci[oó]n"),
    ("hype", r"innovador(?:a|es|as)?|innovaci[oó]n|vanguardia|de\s{1,3}[uú]ltima\s{1,3}generaci[oó]n|pioner[oa]s?"),
    (
        "hype",
        r"l[ií]der(?:es)?|avance(?:s)?\s{1,3}(?:revolucionari|sin\s{1,3}precedentes)\w{0,4}|"
        r"sin\s{1,3}precedentes",
    ),
    ("hype", r"incre[ií]ble(?:s)?|extraordinari[oa]s?|asombros[oa]s?|sorprendente(?:s)?|la\s{1,3}nueva\s{1,3}frontera"),
    (
        "hype",
        r"potente(?:s)?\s{1,3}arma|arma\s{1,3}terap[eé]utica|[oó]ptim[oa]s?|"
        r"el\s{1,3}futuro\s{1,3}de\s{1,3}la\s{1,3}medicina",
    ),
    ("hype", r"est[aá]n?\s{1,3}transformando|transforma\s{1,3}la\s{1,3}vida|cambia\s{1,3}la\s{1,3}vida"),
    ("hype", r"m[aá]s\s{1,3}r[aá]pid[oa]\s{1,3}e\s{1,3}intens[oa]|de\s{1,3}manera\s{1,3}m[aá]s\s{1,3}r[aá]pida"),
    (
        "hype",
        r"regenera(?:r|n|mos|ci[oó]n)?|regenerarlos|regenerarla[s]?|restaura(?:r|"
        r"n|ci[oó]n)|reconstru(?:ir|ye|yen)",
    ),
    ("hype", r"(?:produce|logra|consigue)\w{0,2}\s{1,3}mejoras?\s{1,3}significativas?"),
    ("hype", r"andar\s{1,3}perfectamente|sin\s{1,3}dolor\s{1,3}para\s{1,3}siempre|adi[oó]s\s{1,3}al\s{1,3}dolor"),
    (
        "testimonial",
        r"testimonios?|opiniones\s{1,3}de\s{1,3}(?:nuestros\s{1,3})?pacientes|"
        r"historias\s{1,3}de\s{1,3}(?:[eé]xito|pacientes)",
    ),
    (
        "testimonial",
        r"(?:nuestros|muchos|la\s{1,3}mayor[ií]a\s{1,3}de\s{1,3}(?:los|"
        r"nuestros))\s{1,3}pacientes\s{1,3}(?:dicen|cuentan|refieren|afirman|aseguran)",
    ),
    ("hedge", r"(?:se\s{1,3}necesita[n]?|hacen\s{1,3}falta)\s{1,3}m[aá]s\s{1,3}(?:estudios|investigaci[oó]n|ensayos)"),
    ("hedge", r"m[aá]s\s{1,3}(?:estudios|investigaci[oó]n|ensayos)|algunos\s{1,3}estudios|estudios\s{1,3}preliminares"),
    ("hedge", r"podr[ií]a[n]?|puede[n]?|posible(?:s|mente)?|potencial(?:es|mente)?|probable(?:s|mente)?"),
    ("hedge", r"preliminar(?:es)?|a[uú]n\s{1,3}no|todav[ií]a\s{1,3}no|en\s{1,3}investigaci[oó]n|experimental(?:es)?"),
    ("hedge", r"sugiere[n]?|prometedor(?:a|es|as)?|los\s{1,3}resultados\s{1,3}(?:pueden\s{1,3})?var[ií]an?|intento"),
)  # fmt: skip

_REGULATORS = (
    r"(?:la\s{1,3})?(?:fda|cofepris|aemps|ema|invima|anmat|digemid|isp|minsa|secretar[ií]a\s{1,3}de\s{1,3}salud"
    r"|ministerio\s{1,3}de\s{1,3}salud|ministerio\s{1,3}de\s{1,3}sanidad)"
)
RED_FLAGS: tuple[tuple[str, str], ...] = (
    ("approval", rf"(?:aprobad|autorizad|avalad|certificad|registrad|regulad)[oa]s?\s{{1,3}}por\s{{1,3}}{_REGULATORS}"),
    (
        "approval",
        rf"(?:con\s{{1,3}})?(?:licencia|registro|permiso|autorizaci[oó]n)\s{{1,3}}(?:sanitari[oa]\s{{1,3}})?(?:de\s{{1,3}})?{_REGULATORS}",
    ),
    ("approval", r"(?:fda|cofepris)[\s-]{0,2}(?:aprobad|registrad|certificad)[oa]s?"),
    (
        "success",
        rf"(?:tasa|[ií]ndice|porcentaje)\s{{1,3}}de\s{{1,3}}[eé]xito[^.\n%]{{0,40}}%|"
        rf"{_PCT}\s{{1,3}}de\s{{1,3}}[eé]xito",
    ),
    (
        "success",
        rf"(?:casi\s{{1,3}}|hasta\s{{1,3}}|m[aá]s\s{{1,3}}del?\s{{1,3}}|"
        rf"en\s{{1,3}})?(?:el|un)\s{{1,3}}{_PCT}(?:\s{{1,3}}{_W}){{0,10}}?\s{{1,3}}(?:mejor\w{{1,4}}|"
        rf"alivio|experimenta\w{{0,3}}\s{{1,3}}(?:un\s{{1,3}})?(?:alivio|"
        rf"mejor\w{{1,4}})|[eé]xito|resultados|satisf\w{{1,6}}|persist\w{{1,4}})",
    ),
    (
        "success",
        r"la\s{1,3}mayor[ií]a\s{1,3}de\s{1,3}(?:los\s{1,3}|nuestros\s{1,3})?pacientes\s{1,3}(?:deja|"
        r"dejan|mejora|mejoran|experimenta\w{0,2}|nota\w{0,2}|logra\w{0,2}|vuelve\w{0,2})",
    ),
    (
        "no risk",
        r"sin\s{1,3}(?:ning[uú]n\s{1,3})?(?:riesgos?|efectos?\s{1,3}(?:secundarios|"
        r"adversos|colaterales))|riesgo\s{1,3}cero|libre\s{1,3}de\s{1,3}riesgos?",
    ),
    (
        "no risk",
        r"sin\s{1,3}(?:posibilidad|riesgo)\s{1,3}de\s{1,3}rechazo|ni\s{1,3}un\s{1,3}solo\s{1,3}efecto\s{1,3}adverso",
    ),
    (
        "no risk",
        r"(?:100\s?%|completamente|totalmente|absolutamente)\s{1,3}segur[oa]s?|"
        r"(?:alternativa|opci[oó]n|terapia|tratamiento|procedimiento)\s{1,3}segur[oa]\s{1,3}y\s{1,3}eficaz",
    ),
    (
        "testimonial",
        r"testimonios|casos\s{1,3}de\s{1,3}[eé]xito|historias\s{1,3}de\s{1,3}(?:[eé]xito|"
        r"pacientes)|opiniones\s{1,3}de\s{1,3}(?:nuestros\s{1,3})?pacientes",
    ),
    (
        "testimonial",
        r"(?:nuestros|muchos|la\s{1,3}mayor[ií]a\s{1,3}de\s{1,3}(?:los|"
        r"nuestros))\s{1,3}pacientes\s{1,3}(?:dicen|cuentan|refieren|afirman|aseguran)",
    ),
    (
        "cure",
        r"cura\s{1,3}(?:definitiva|la\s{1,3}artrosis|la\s{1,3}artritis|"
        r"el\s{1,3}dolor)|curaci[oó]n\s{1,3}definitiva|cura[nr]?\s{1,3}(?:la\s{1,3}|"
        r"el\s{1,3})?(?:artrosis|artritis|osteoartritis|hernia|dolor)",
    ),
    (
        "cure",
        r"(?:elimina|eliminar|termina\w{0,2}\s{1,3}con)\s{1,3}(?:el\s{1,3}|"
        r"la\s{1,3})?(?:dolor|artrosis)\s{1,3}(?:para\s{1,3}siempre|definitivamente)|"
        r"adi[oó]s\s{1,3}al\s{1,3}dolor",
    ),
    (
        "regenerate",
        r"regenera(?:r|n|mos|rlos|rlas)?\s{1,3}(?:\w{1,15}\s{1,3}){0,3}?(?:el\s{1,3}|"
        r"los\s{1,3}|la\s{1,3}|las\s{1,3})?(?:cart[ií]lagos?|tejidos?|articulaci[oó]n\w{0,2}|"
        r"discos?|estructuras|hueso)",
    ),
    (
        "regenerate",
        r"regeneraci[oó]n\s{1,3}(?:articular|condral|del\s{1,3}cart[ií]lago|"
        r"de\s{1,3}(?:los\s{1,3}|la\s{1,3})?(?:tejidos?|cart[ií]lago|articulaci[oó]n|disco))",
    ),
    (
        "regenerate",
        r"(?:reparar|reconstruir|restaurar|regrow)\s{1,3}(?:\w{1,15}\s{1,3}){0,2}?(?:el\s{1,3}|"
        r"los\s{1,3}|la\s{1,3})?(?:cart[ií]lago|tejidos?|disco|articulaci[oó]n)|"
        r"restauraci[oó]n\s{1,3}(?:estructural|del\s{1,3}cart[ií]lago|del\s{1,3}tejido)",
    ),
    (
        "regenerate",
        r"para\s{1,3}regenerarlos|cicatrizaci[oó]n\s{1,3}de\s{1,3}las\s{1,3}lesiones\s{1,3}del\s{1,3}cart[ií]lago|"
        r"(?:forma|genera|crea|produce)[n]?\s{1,3}(?:nuevo\s{1,3}cart[ií]lago|nuevos?\s{1,3}tejidos?)",
    ),
    (
        "price lure",
        r"oferta\s{1,3}(?:especial|limitada|exclusiva)|descuentos?|promoci[oó]n(?:es)?|"
        r"por\s{1,3}tiempo\s{1,3}limitado|plazas\s{1,3}limitadas",
    ),
    (
        "price lure",
        r"\d{1,3}\s?%\s{1,3}de\s{1,3}descuento|m[aá]s\s{1,3}barat[oa]\s{1,3}que|"
        r"fracci[oó]n\s{1,3}del\s{1,3}(?:costo|coste|precio)|precio\s{1,3}especial|"
        r"ahorr(?:e|a|o|ar)\s{1,3}(?:hasta\s{1,3})?(?:un\s{1,3})?\d",
    ),
    ("cure", r"cura(?:ci[oó]n)?\s{1,3}garantizada|garantiza(?:mos|n)?\s{1,3}(?:la\s{1,3}|su\s{1,3})?cura(?:ci[oó]n)?"),
    (
        "approval",
        r"(?:fda|cofepris|aemps|invima|anmat)\s{1,3}(?:lo\s{1,3}|la\s{1,3})?(?:aprob[oó]|avala|certifica|autoriz[oó])",
    ),
    (
        "price lure",
        r"[uú]ltimas\s{1,3}plazas|solo\s{1,3}(?:por\s{1,3})?hoy|no\s{1,3}espere\s{1,3}m[aá]s|ap[uú]rese|ap[uú]rate",
    ),
)  # fmt: skip

REGULATED_PRODUCTS = (
    r"exosom(?:a|as|al|ales)|ves[ií]culas\s{1,3}extracelulares|fracci[oó]n\s{1,3}(?:estromal|del\s{1,3}estroma)"
    r"\s{1,3}vascular|svf|gelatina\s{1,3}de\s{1,3}wharton|amni[oó]tic[oa]s?|sangre\s{1,3}de\s{1,3}cord[oó]n"
)
GIVING = (
    r"\b(?:administra\w{0,3}|inyecta\w{0,3}|infiltra\w{0,3}|aplica\w{0,3}|implanta\w{0,3}|obtenemos|utilizamos|usamos"
    r"|ofrecemos|trabajamos\s{1,3}con|nuestr[oa]s?\s{1,3}(?:terapias?|tratamientos?)|terapia\s{1,3}con|tratamiento"
    r"\s{1,3}con)\b"
)
PAST_GIVING = (
    r"\b(?:fue|fueron|hab[ií]a[n]?\s{1,3}sido)\s{1,3}(?:administrad|inyectad|infiltrad|aplicad)\w{1,2}"
    r"|\binyect[eé]\b|\brecibieron\b"
)
NOT_AN_OFFER = (
    r"\b(?:no\s{1,3}aprobad\w{1,2}|no\s{1,3}autorizad\w{1,2}|advert\w{1,6}|alerta\w{0,2}|riesgos?|peligr\w{1,4}"
    r"|ilegal\w{0,4}|infecci\w{1,4}|muerte\w{0,1}|ceguera|cl[ií]nicas|empresas|podr[ií]a\w{0,2}|estudios?"
    r"|investigaci[oó]n\w{0,2}|ensayos?|preclínic\w{1,2}|animales|ratones)\b"
)
INSTEAD_OF_SURGERY = (
    r"(?:alternativas?\s{1,3}(?:a|al)|en\s{1,3}lugar\s{1,3}de|evit(?:a|ar|an|e|ando|ar[aá])|sin\s{1,3}necesidad\s{1,3}de)"
    r"\s{1,3}(?:[\wáéíóúñ-]{1,15}\s{1,3}){0,4}?(?:cirug[ií]as?|pr[oó]tesis|operaci[oó]n|operarse|quir[oó]fano"
    r"|reemplazo|artroplastia|fusi[oó]n\s{1,3}vertebral)|sin\s{1,3}cirug[ií]a|alternativa\s{1,3}no\s{1,3}quir[uú]rgica"
)
NOT_A_PROMISE = (
    r"\b(?:no|nunca|ni|esperanza|buscan?|quiere[n]?|desea[n]?|podr[ií]a\w{0,2}|puede[n]?|intento|estudios?|ensayos?"
    r"|aleatori\w{1,5}|investiga\w{1,5}|compar\w{1,5}|si)\b"
)

PAGE_CUES: tuple[tuple[str, int, str], ...] = (
    (
        "booking",
        3,
        r"(?:pida|pide|solicite|solicita|agende|agenda|reserve|reserva)\s{1,3}(?:su|"
        r"tu|una)\s{1,3}(?:cita|consulta|valoraci[oó]n|presupuesto)",
    ),
    (
        "booking",
        3,
        r"consulta\s{1,3}(?:gratuita|gratis|sin\s{1,3}costo)|valoraci[oó]n\s{1,3}(?:gratuita|"
        r"gratis|sin\s{1,3}costo)|whats\s?app",
    ),
    (
        "booking",
        3,
        r"cont[aá]ct(?:anos|enos|ar)|ll[aá]m(?:anos|enos)|escr[ií]b(?:enos|"
        r"anos)|solicit[ae]\s{1,3}(?:m[aá]s\s{1,3})?informaci[oó]n",
    ),
    (
        "seller",
        1,
        r"\bnuestr[oa]s?\s{1,3}(?:cl[ií]nica|centro|unidad|equipo|pacientes|"
        r"m[eé]dicos|laboratorio|protocolos?|tratamientos?|especialistas|"
        r"terapias?)\b|\ben\s{1,3}nuestr[oa]\b",
    ),
    (
        "seller",
        1,
        r"\b(?:ofrecemos|tratamos|utilizamos|realizamos|aplicamos|inyectamos|"
        r"somos|obtenemos|extraemos|hacemos|trabajamos)\b",
    ),
    (
        "seller",
        1,
        r"\b(?:contamos\s{1,3}con|le\s{1,3}ofrecemos|te\s{1,3}ofrecemos|"
        r"infiltramos|he\s{1,3}desarrollado|mis\s{1,3}pacientes|inyect[eé])\b",
    ),
    (
        "seller",
        1,
        r"el\s{1,3}procedimiento\s{1,3}consiste|el\s{1,3}tratamiento\s{1,3}(?:se\s{1,3}hace|"
        r"se\s{1,3}realiza|consiste)|posolog[ií]a|dosificaci[oó]n|su\s{1,3}m[eé]dico\s{1,3}puede",
    ),
    (
        "seller",
        1,
        r"turismo\s{1,3}m[eé]dico|pacientes\s{1,3}internacionales|paquetes?\s{1,3}(?:de\s{1,3})?tratamiento|"
        r"cuesta\s{1,3}entre|precio\s{1,3}del?\s{1,3}tratamiento",
    ),
    (
        "regulator",
        2,
        r"\bla\s{1,3}agencia\b|\baemps\b|agencia\s{1,3}espa[nñ]ola\s{1,3}de\s{1,3}medicamentos|"
        r"alerta\s{1,3}sanitaria|farmacovigilancia",
    ),
    (
        "regulator",
        2,
        r"marco\s{1,3}legal|reglamento\s{1,3}\(ce\)|real\s{1,3}decreto|"
        r"autorizaci[oó]n\s{1,3}de\s{1,3}comercializaci[oó]n|medicamentos?\s{1,3}de\s{1,3}terapia\s{1,3}avanzada",
    ),
    (
        "news",
        1,
        r"\b(?:dijo|afirm[oó]|explic[oó]|señal[oó]|asegur[oó]|inform[oó]|"
        r"report[oó]|anunci[oó]|advirti[oó])\b|\bseg[uú]n\b|de\s{1,3}acuerdo\s{1,3}con",
    ),
    (
        "news",
        1,
        r"(?:expertos|cient[ií]ficos|investigadores|autoridades|m[eé]dicos)\s{1,3}(?:advierten|"
        r"alertan|dicen|señalan|afirman)|dieron\s{1,3}a\s{1,3}conocer|publicad[oa]\s{1,3}en",
    ),
    (
        "news",
        1,
        r"\bcl[ií]nicas\b|\bno\s{1,3}probad\w{1,2}|\bsin\s{1,3}probar\b|"
        r"\bfraude\b|\bestafa\b|\bengañ\w{1,4}|falsas\s{1,3}promesas",
    ),
    (
        "study",
        1,
        r"aleatori[sz]ad\w{1,2}|\bplacebo\b|\bfase\s{1,3}(?:i{1,3}|[1-3])\b|"
        r"criterios\s{1,3}de\s{1,3}(?:inclusi[oó]n|exclusi[oó]n)|metaan[aá]lisis|meta-an[aá]lisis",
    ),
    (
        "study",
        1,
        r"revisi[oó]n\s{1,3}sistem[aá]tica|\bparticipantes\b|\(n\s?=\s?\d{1,5}\)|"
        r"\bp\s?[<=]\s?0?[.,]\d|estudio\s{1,3}(?:descriptivo|transversal|"
        r"prospectivo|retrospectivo|observacional)",
    ),
    (
        "study",
        1,
        r"(?m:^[ \t]{0,3}(?:objetivos?|m[eé]todos|materiales\s{1,3}y\s{1,3}m[eé]todos|"
        r"resultados|conclusi[oó]n(?:es)?|introducci[oó]n|resumen|antecedentes)[ \t]{0,2}:)|"
        r"\bcon\s{1,3}la\s{1,3}presente\s{1,3}revisi[oó]n\b",
    ),
    (
        "study",
        1,
        r"modelos\s{1,3}experimentales|precl[ií]nic\w{1,3}|ensayos\s{1,3}cl[ií]nicos\s{1,3}(?:aleatori|"
        r"controlad)\w{0,6}",
    ),
    (
        "study",
        1,
        r"\[\d{1,3}\]|\bnct\d{8}\b|\bla\s{1,3}presente\s{1,3}revisi[oó]n\b|"
        r"\bmuestra\s{1,3}no\s{1,3}probabil\w{1,6}",
    ),
)  # fmt: skip

# --- the checklist --------------------------------------------------------------------------------------------------
RISK = (
    r"\b(?:efectos?\s{1,3}(?:secundarios|adversos|colaterales)|complicaci[oó]n(?:es)?|eventos\s{1,3}adversos"
    r"|infecci[oó]n(?:es)?|sangrado|hemorragia|tumor(?:es)?|ceguera|muerte|par[aá]lisis|da[nñ]os?|inflamaci[oó]n)\b"
)
RISK_WORD = r"\b(?:riesgos?|peligros?|peligros[oa]s?)\b"
RISK_DENIED = (
    r"\bno\s{1,3}(?:hay|tiene[n]?|existe[n]?|presenta[n]?|conlleva[n]?|implica[n]?)\s{1,3}(?:ning[uú]n\s{1,3})?"
    r"(?:riesgos?|efectos?|complicaci[oó]n(?:es)?)\b"
    r"|\b(?:sin|ning[uú]n|cero|m[ií]nim[oa]s?|libre\s{1,3}de|reduce[n]?|"
    r"evita[rn]?)\s{1,3}(?:[\wáéíóúñ-]{1,20}\s{1,3}){0,3}"
    r"(?:riesgos?|efectos?|complicaci[oó]n(?:es)?|infecci[oó]n(?:es)?|"
    r"rechazo)\b|\b(?:completamente|totalmente|100\s?%)\s{1,3}segur"
)
OTHER_TREATMENT = (
    r"\b(?:tradicional(?:es)?|convencional(?:es)?|cirug[ií]a|quir[uú]rgic\w{1,2}|medicamentos|f[aá]rmacos|cortisona"
    r"|corticoides|analg[eé]sicos)\b"
)
COST_WORDS = r"\b(?:precios?|costos?|coste|cuesta[n]?|tarifas?|caro|cara|econ[oó]mic\w{1,2}|seguro|financiaci[oó]n)\b"
VAGUE_STUDY = (
    r"\b(?:estudios|investigaciones|ensayos(?:\s{1,3}cl[ií]nicos)?|la\s{1,3}evidencia|la\s{1,3}ciencia)\s{1,3}"
    r"(?:recientes\s{1,3})?(?:demuestran|muestran|han\s{1,3}demostrado|sugieren|confirman|respaldan|revelan)\b"
    r"|\bestudios\s{1,3}cl[ií]nicos\b|\bensayos\s{1,3}cl[ií]nicos\b|\bpublicad[oa]\s{1,3}en\b"
)
REGULATION = (
    r"\b(?:no|nunca|ning[uú]n|ninguna)\s{1,3}(?:[\wáéíóúñ-]{1,20}\s{1,3}){0,4}(?:aprobad|autorizad|registrad)[oa]s?\b"
    r"|\bsin\s{1,3}(?:la\s{1,3})?(?:autorizaci[oó]n|aprobaci[oó]n)|"
    r"\bno\s{1,3}autorizad\w{1,2}|\bno\s{1,3}aprobad\w{1,2}"
    r"|\ben\s{1,3}investigaci[oó]n\b|\bexperimental(?:es)?\b|\bfuera\s{1,3}de\s{1,3}(?:los\s{1,3})?ensayos"
    r"|\bmarcos?\s{1,3}regulatorios?|\bautorizaci[oó]n\s{1,3}de\s{1,3}comercializaci[oó]n|"
    r"\brequiere[n]?\s{1,3}(?:la\s{1,3})?autorizaci[oó]n"
)
BOOKING = (
    r"\b(?:whats\s?app|cont[aá]ct(?:anos|enos)|ll[aá]m(?:anos|enos)|escr[ií]b(?:enos|anos))\b"
    r"|\b(?:pida|pide|solicite|solicita|agende|agenda|reserve|reserva)\s{1,3}(?:su|"
    r"tu|una)\s{1,3}(?:cita|consulta|valoraci[oó]n|presupuesto)\b"
    r"|\bconsulta\s{1,3}(?:gratuita|gratis|sin\s{1,3}costo)\b|\bvaloraci[oó]n\s{1,3}(?:gratuita|gratis)\b"
)  # fmt: skip
