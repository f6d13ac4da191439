"""The checker's word lists as data: sure words, hype, hedges and red flags (page-kind cues: page_cues.py)."""

# Every pattern is a short regular expression with bounded repeats only (no nested open-ended quantifiers), so
# matching costs a fixed amount per character on any input. They are matched on ASCII-lower-cased text, so they
# are written in lower case.

from __future__ import annotations

from core.textcheck.flag_kinds import FLAG_KINDS

# (kind, pattern). Order matters: an earlier, longer phrase wins over a later one at the same place.
LANGUAGE: tuple[tuple[str, str], ...] = (
    ("certainty", r"(?:clinically|scientifically|medically)\s{1,3}proven"),
    ("certainty", r"(?:has|have)\s{1,3}(?:been\s{1,3})?(?:shown|proven|demonstrated)"),
    ("certainty", r"proven"),
    ("certainty", r"guarantee[sd]?"),
    ("certainty", r"(?:is|are)\s{1,3}(?:completely\s{1,3}|totally\s{1,3}|100%\s{1,3})?safe"),
    ("certainty", r"no\s{1,3}side[\s-]{1,2}effects"),
    ("certainty", r"risk[\s-]{1,2}free"),
    ("certainty", r"permanent(?:ly)?"),
    ("certainty", r"will\s{1,3}(?:cure|heal|repair|regrow|regenerate|restore)"),
    ("certainty", r"eliminates?"),
    ("certainty", r"confirms?"),
    ("certainty", r"(?:highly|the\s{1,3}most)\s{1,3}effective"),
    ("certainty", r"the\s{1,3}safest"),
    ("hype", r"success\s{1,3}rates?(?:[^.\n%]{0,40}%)?"),
    ("hype", r"(?:complete\s{1,3})?remission\s{1,3}in\s{1,3}\d{1,3}(?:\.\d)?\s?%"),
    ("hype", r"\d{1,3}(?:\.\d{1,2})?\s?%\s{1,3}(?:purity(?:\s{1,3}and\s{1,3}safety)?|pure|safe|safety|success)"),
    ("hype", r"gold\s{1,3}standard"),
    ("hype", r"global\s{1,3}(?:leader|powerhouse|pioneer|hub)"),
    ("hype", r"world[\s-]{1,2}(?:class|leading|leader)"),
    ("hype", r"(?:far\s{1,3})?superior\s{1,3}(?:outcomes?|results?|cell\s{1,3}count|potency)"),
    ("hype", r"revolution(?:ary|i[sz]e[sd]?)?"),
    ("hype", r"breakthroughs?"),
    ("hype", r"miracles?|miraculous"),
    ("hype", r"cutting[\s-]{1,2}edge"),
    ("hype", r"state[\s-]{1,2}of[\s-]{1,2}the[\s-]{1,2}art"),
    ("hype", r"game[\s-]{1,2}chang(?:er|ing)"),
    ("hype", r"cures?|cured"),
    ("hype", r"remarkable|groundbreaking|amazing|unprecedented|innovative|renowned|world[\s-]{1,2}renowned"),
    (
        "hype",
        r"(?:form|grow|build|create|produce|generate|make)s?\s{1,3}new\s{1,3}(?:healthy\s{1,3})?"
        r"(?:cells|cartilage|tissues?|discs?|bone)",
    ),
    (
        "hype",
        r"(?:improvements?|improved\s{1,3}[\w-]{1,15}|remission|relief|satisfaction|mobility|function|results?|better)"
        r"\s{1,3}(?:[\w-]{1,15}\s{1,3}){0,3}?(?:in|for)\s{1,3}(?:up\s{1,3}to\s{1,3}|about\s{1,3}|over\s{1,3})?"
        r"\d{1,3}(?:\s?[-–]\s?\d{1,3})?\s?%(?:\s{1,3}of\s{1,3}(?:[\w-]{1,15}\s{1,3})?(?:patients|candidates|people|cases))?",
    ),
    ("hype", r"regenerat(?:e|es|ed|ing|ion)|regenerative(?!\s{1,3}(?:medicine|orthopa?edics))"),
    ("hype", r"restor(?:e|es|ed|ing|ation)"),
    ("hype", r"regrow(?:s|th|ing)?"),
    ("hype", r"medicine\s{1,3}of\s{1,3}the\s{1,3}future"),
    (
        "hype",
        r"heal\s{1,3}(?:almost\s{1,3}|nearly\s{1,3}|virtually\s{1,3})?(?:any|every|all)\s{1,3}"
        r"(?:joints?|conditions?|diseases?|injur(?:y|ies))",
    ),
    ("testimonial", r"(?:many\s{1,3}|most\s{1,3}|our\s{1,3}|some\s{1,3})?patients\s{1,3}(?:report|say|tell|describe)"),
    (
        "testimonial",
        r"testimonials?|success\s{1,3}stories|reviews?\s{1,3}from\s{1,3}patients|patient\s{1,3}(?:feedback|reviews)",
    ),
    ("hedge", r"more\s{1,3}(?:research|studies|trials)\s{1,3}(?:is|are)\s{1,3}needed"),
    ("hedge", r"further\s{1,3}research|(?:additional|more)\s{1,3}(?:research|studies|trials)"),
    ("hedge", r"may\s{1,3}not|might|could|potential(?:ly)?|possibl[ey]|not\s{1,3}yet|under\s{1,3}investigation"),
    ("hedge", r"results\s{1,3}(?:may\s{1,3})?vary|early\s{1,3}(?:studies|research|results)|emerging|suggests?"),
    ("hedge", r"may(?!\s{0,3}\d)"),
)

# Words that, shortly before a phrase, take it out of the page's own voice.
NEGATION_BEFORE = (
    r"\b(?:not|no|never|neither|nor|without|cannot|can['’]t|don['’]t|doesn['’]t|isn['’]t|aren['’]t|won['’]t)"
    r"(?!\s{1,3}(?:just|only|other)\b)(?:\s{1,3}[\w-]{1,15}){0,4}\s{1,3}$"
)
# A denial reaches across its whole clause, not only the next four words: "does not guarantee a permanent solution or
# a lifetime cure". The clause ends at a comma, semicolon, colon, dash or a turn ("but", "however", "yet", "instead").
NEGATOR = (
    r"\b(?:not|no|never|neither|nor|without|cannot|can['’]t|don['’]t|doesn['’]t|isn['’]t|aren['’]t|won['’]t)\b"
    r"(?!\s{1,3}(?:just|only|other|longer|more|less|doubt|wonder)\b)"
)
CLAUSE_TURN = (
    r"[,;:()\[\]]|\s[-–—]\s|\b(?:but|however|yet|instead|although|though|while|whereas|and\s{1,3}(?:it|they|this))\b"
)
MAX_NEGATION_REACH = 90  # characters: a denial further back than this is rarely about the word
# "Cure" as the thing people seek ("seeking cures", "the treatment or cure of") is not a promise of one.
CURE_NOUN_BEFORE = r"\b(?:seeking|treatment\s{1,3}or|treat\s{1,3}or|for\s{1,3}the\s{1,3}treatment\s{1,3}or)\s{1,3}$"
# The page reports what somebody else claims: these words earlier in the sentence mark reported speech.
REPORTING = (
    r"\b(?:claim(?:s|ed|ing)?|promis(?:e|es|ed|ing)|advertis\w{0,4}|marketed\s{1,3}as|tout(?:s|ed|ing)?|so-called"
    r"|called\s{1,3}them|peddl\w{0,3}|pitch(?:es|ed|ing)?|pull\s{1,3}people|says|said|the\s{1,3}hope\s{1,3}was"
    r"|hop(?:e|ed|ing)\s{1,3}that|allegedly|purported\w{0,2}|supposedly)\b"
)
# Words in the sentence that hold a short quotation at arm's length: the quotation marks are not the page's own scare
# quotes but somebody else's words held up to doubt ("the concept of ... somehow 'regrowing tissue'").
DISTANCING = (
    r"\b(?:so[\s-]called|supposed(?:ly)?|alleged(?:ly)?|purported(?:ly)?|somehow|myths?|nonsens\w{0,4}|fantas\w{1,3}"
    r"|buzz[\s-]?words?|the\s{1,3}(?:concept|idea|notion|myth)\s{1,3}(?:of|that))\b"
)
# Hedges shortly before a "regenerate"/"restore" word make it a possibility, not a promise.
HEDGE_BEFORE = r"\b(?:potential|could|may|might|possibly|hope)\b"

# Red flags: (kind, pattern). The reason and the page that explains each kind are in FLAG_KINDS.
RED_FLAGS: tuple[tuple[str, str], ...] = (
    ("approval", r"FDA[\s-]{0,2}(?:registered|approved|cleared|certified|compliant)"),
    ("approval", r"approved\s{1,3}by\s{1,3}(?:the\s{1,3})?FDA|IRB[\s-]{0,2}approved"),
    # A manufacturing standard worn as a seal ("an FDA cGMP-compliant laboratory"): it says how cells are handled,
    # not that the shot works.
    ("approval", r"c?gmp\)?[\s-]{0,2}(?:compliant|certified|approved)"),
    (
        "approval",
        r"(?:meets?|met)\s{1,3}all\s{1,3}(?:of\s{1,3})?(?:those|the|these|FDA)\s{1,3}(?:[\w-]{1,15}\s{1,3})?"
        r"(?:guidelines|regulations|requirements)"
        r"|standards\s{1,3}(?:set|established)\s{1,3}by\s{1,3}(?:both\s{1,3})?(?:the\s{1,3})?(?:fda|food\s{1,3}and)",
    ),
    # Other countries' regulators and laws named as a seal of quality ("Ministry of Health-licensed", "regulated by
    # INVIMA", "operate under the Act on the Safety of Regenerative Medicine"): a licence to process cells is not
    # evidence that the shot works.
    (
        "approval",
        r"ministry\s{1,3}of\s{1,3}health[\s-]{1,2}(?:licensed|approved|certified|registered)"
        r"|regulated\s{1,3}by\s{1,3}(?:the\s{1,3})?(?:invima|cofepris|mfds|kfda|mhlw|ministry\s{1,3}of\s{1,3}health)",
    ),
    (
        "approval",
        r"(?:(?:operates?|licensed|approved)\s{1,3}under|governed\s{1,3}by)\s{1,3}(?:the\s{1,3})?"
        r"(?:act\s{1,3}on\s{1,3}the\s{1,3}safety\s{1,3}of\s{1,3}regenerative\s{1,3}medicine|asrm)",
    ),
    # A government's stamp in general words ("government approved stem cell therapy", "registered with the
    # Philippines Department of Health").
    (
        "approval",
        r"government[\s-]{1,2}(?:approved|regulated|licensed|certified)|registered\s{1,3}with\s{1,3}the\s{1,3}(?:[\w-]{1,15}\s{1,3}){0,2}"
        r"(?:ministry|department)\s{1,3}of\s{1,3}health",
    ),
    ("success", r"success\s{1,3}rates?[^.\n%]{0,40}%|\d{1,3}\s?%\s{1,3}success"),
    # A share of patients said to do well, with or without the word "success": "relief ... for 70-85% of suitable
    # candidates", "improvement was seen in 60%".
    (
        "success",
        r"(?:improvements?|improved\s{1,3}[\w-]{1,15}|remission|relief|satisfaction|mobility|function|results?|better)"
        r"\s{1,3}(?:[\w-]{1,15}\s{1,3}){0,3}?(?:in|for)\s{1,3}(?:up\s{1,3}to\s{1,3}|about\s{1,3}|over\s{1,3})?"
        r"\d{1,3}(?:\s?[-–]\s?\d{1,3})?\s?%",
    ),
    # A satisfaction share shown as a badge, with no group to compare it with ("97% patient satisfaction").
    ("success", r"\d{1,3}(?:\.\d{1,2})?\s?%\s{1,3}(?:patient\s{1,3}|client\s{1,3})?satisfaction"),
    (
        "no risk",
        r"all\s{1,3}but\s{1,3}non[\s-]?existent|little\s{1,3}to\s{1,3}no\s{1,3}risk"
        r"|(?:no|zero)\s{1,3}(?:inherent\s{1,3}|real\s{1,3})?risks?",
    ),
    # Rejection ruled out, or side effects: "no rejection reaction", "without side effects".
    (
        "no risk",
        r"no\s{1,3}(?:risk\s{1,3}of\s{1,3})?rejection|without\s{1,3}(?:any\s{1,3})?side[\s-]{1,2}effects"
        r"|minimal\s{1,3}downside\s{1,3}risk",
    ),
    ("no risk", r"risk[\s-]{1,2}free|no\s{1,3}(?:serious\s{1,3}|adverse\s{1,3}|major\s{1,3})?side[\s-]{1,2}effects"),
    ("no risk", r"(?:100%|completely|totally|perfectly)\s{1,3}safe|safety\s{1,3}guarantee[sd]?|guaranteed\s{1,3}safe"),
    ("no risk", r"\d{2,3}(?:\.\d{1,2})?\s?%\s{1,3}(?:purity\s{1,3}and\s{1,3})?safe(?:ty)?"),
    # Safety listed first among a treatment's selling points ("a safe, minimally-invasive procedure", "Safe, effective
    # and natural"); "safe and effective" alone is left out: regulators use it for what must be shown first.
    ("no risk", r"safe\s{0,2},\s{1,3}(?:effective|natural|non[\s-]?surgical|minimally[\s-]invasive|painless|proven)"),
    # Most patients said to improve, with no comparison: "most have a substantial improvement".
    (
        "success",
        r"(?:most|the\s{1,3}majority)\s{1,3}(?:of\s{1,3})?(?:(?:our|my)\s{1,3})?(?:patients\s{1,3}|people\s{1,3})?"
        r"(?:have|see|experience|notice|get|feel)\s{1,3}(?:an?\s{1,3})?(?:[\w-]{1,15}\s{1,3})?improvement",
    ),
    ("testimonial", r"(?:most|many|our|some)\s{1,3}patients\s{1,3}(?:report|say|tell)|patients\s{1,3}report"),
    ("testimonial", r"(?:videos?|stories)\s{1,3}(?:of|from)\s{1,3}(?:actual|real|our)\s{1,3}patients"),
    ("testimonial", r"according\s{1,3}to\s{1,3}patient\s{1,3}feedback|success\s{1,3}stories"),
    ("testimonial", r"(?:read|see|watch)\s{1,3}(?:our\s{1,3})?(?:patient\s{1,3})?(?:testimonials|reviews|stories)"),
    # A heading that brings in reviews as proof ("Patient Reviews", "Google Reviews", "Testimonials").
    (
        "testimonial",
        r"(?m:^[ \t]{0,3}(?:(?:google|patient|our|client|real)\s{1,3})?(?:reviews|testimonials)"
        r"[ \t]{0,3}:?[ \t]{0,3}$)",
    ),
    ("cure", r"cures?|cured"),
    ("regenerate", r"regeneration\s{1,3}of\s{1,3}(?:the\s{1,3})?(?:articular\s{1,3})?(?:cartilage|discs?|joints?)"),
    ("regenerate", r"(?:cartilage|disc|joint|meniscus|meniscal)\s{1,3}(?:regeneration|restoration|regrowth)"),
    (
        "regenerate",
        r"(?:regenerat(?:e|es|ed|ing)|regrow(?:s|ing)?|rebuild(?:s|ing)?|restor(?:e|es|ed|ing|ation))[”\"’']?\s{1,3}"
        r"(?:[\w-]{1,15}\s{1,3}){0,2}(?:cartilage|joints?|discs?|structures|tissues?)",
    ),
    # Damaged tissue said to be replaced, repaired or made young again ("replace damaged tissues", "repair the damaged
    # cartilage"), and a "regenerative effect" promised.
    (
        "regenerate",
        r"(?:replac(?:e|es|ed|ing)|repair(?:s|ed|ing)?|rejuvenat(?:e|es|ed|ing)|fix(?:es|ed|ing)?)\s{1,3}(?:the\s{1,3})?"
        r"(?:damaged|injured|worn|lost|degenerated)"
        r"\s{1,3}(?:[\w-]{1,15}\s{1,3})?(?:cartilage|tissues?|discs?|joints?)|regenerative\s{1,3}effects?",
    ),
    ("regenerate", r"(?:formation|growth)\s{1,3}of\s{1,3}(?:new|fresh)\s{1,3}(?:cartilage|tissues?)"),
    # Regrowth in other words: the cells "form new cells", "grow new cartilage".
    (
        "regenerate",
        r"(?:form|grow|build|create|produce|generate|make)s?\s{1,3}new\s{1,3}(?:healthy\s{1,3})?"
        r"(?:cells|cartilage|tissues?|discs?|bone)",
    ),
    (
        "price lure",
        r"financing\s{1,3}(?:options?|plans?|is\s{1,3}available|for)|offers?\s{1,3}(?:[\w-]{1,15}\s{1,3}){0,2}financing"
        r"|payment\s{1,3}plans?",
    ),
    ("price lure", r"window\s{1,3}of\s{1,3}opportunity\s{1,3}(?:closes|is\s{1,3}closing|is\s{1,3}shrinking)"),
    ("price lure", r"limited[\s-]{1,2}time|act\s{1,3}now|(?:special|exclusive)\s{1,3}(?:offer|price|discount)"),
    ("price lure", r"only\s{1,3}\d{1,3}\s{1,3}(?:spots|places|slots)|\d{1,3}\s?%\s{1,3}off\b|discount(?:s|ed)?"),
    (
        "price lure",
        r"savings?\s{1,3}of\s{1,3}(?:up\s{1,3}to\s{1,3})?\d{1,3}|cost\s{1,3}savings|save\s{1,3}(?:up\s{1,3}to\s{1,3})?[$€£\d]",
    ),
    (
        "price lure",
        r"\d{1,3}\s?%?\s?(?:[-–]\s?\d{1,3}\s?%)?\s{1,3}(?:less|cheaper)\s{1,3}than"
        r"|more\s{1,3}(?:[\w-]{1,15}\s{1,3}and\s{1,3})?affordable",
    ),
    ("price lure", r"fraction\s{1,3}of\s{1,3}the\s{1,3}(?:cost|price)|cheaper\s{1,3}than"),
    # Something given away to bring patients in: "a free medical evaluation", "performed by the doctor for free".
    (
        "price lure",
        r"free\s{1,3}(?:(?:medical|initial|online|phone|video)\s{1,3})?"
        r"(?:consultations?|evaluations?|assessments?|screenings?)|for\s{1,3}free|at\s{1,3}no\s{1,3}(?:cost|charge)"
        r"|free\s{1,3}of\s{1,3}charge",
    ),
    (
        "price lure",
        r"without\s{1,3}the\s{1,3}(?:exorbitant|high|hefty|steep|huge|sky-high)\s{1,3}(?:price|cost)s?(?:\s{1,3}tags?)?",
    ),
    (
        "price lure",
        r"[$€£]\s?\d[\d,.]{0,12}\+?\s{1,3}(?:in\s{1,3}[\w.]{1,15}\s{1,3})?(?:versus|vs\.?|compared\s{1,3}(?:to|with))"
        r"\s{1,3}[$€£]\s?\d",
    ),
)

# A product US regulators have named in warnings (exosomes, fat-derived SVF, Wharton's jelly, amniotic and cord-blood
# products), and the words that say the page gives it to patients. The flag needs both in one sentence of the page's
# own voice, in the present (a trial reporting what "was injected" is not an offer), outside a warning or a study.
REGULATED_PRODUCTS = (
    r"exosom(?:e|es|al)|secretome|extracellular\s{1,3}vesicles?|stromal\s{1,3}vascular\s{1,3}fractions?|svf"
    r"|wharton['’]?s?[\s-]{1,3}jelly|amniotic|(?:umbilical\s{1,3})?cord[\s-]{1,2}blood|umbilical\s{1,3}cord"
    r"|placenta(?:l)?|birth\s{1,3}tissues?"
)
GIVING = (
    r"\b(?:administer(?:s|ed|ing)?|inject(?:s|ed|ing)?|infus(?:e|es|ed|ing)|deploy(?:s|ed|ing)?|deliver(?:s|ed|ing)?"
    r"|implant(?:s|ed|ing)?|through\s{1,3}(?:an\s{1,3})?iv|iv\s{1,3}drips?"
    r"|into\s{1,3}the\s{1,3}(?:affected\s{1,3})?(?:knees?|joints?|discs?|spine)"
    r"|we\s{1,3}(?:use|offer|provide|utili[sz]e)|our\s{1,3}(?:[\w-]{1,20}\s{1,3})?(?:therapy|therapies|treatments?)"
    # A clinic's own choice of product ("we prefer to add", "our preference is", "augment the injections with"),
    # someone who uses it, or a product said to be on hand now.
    r"|we\s{1,3}(?:choose|prefer)\s{1,3}to|our\s{1,3}preference|augment(?:s|ed|ing)?|uses?|using"
    r"|(?:is|are)\s{1,3}now\s{1,3}available"
    # A product presented as a treatment in its own right ("the cord-blood cell drug is for the treatment of").
    r"|(?:is|are)\s{1,3}(?:indicated\s{1,3})?for\s{1,3}the\s{1,3}treatment\s{1,3}of)\b"
)
# What the product does for the patient, said in the present as the page's own claim: "PRP and exosome material
# support local soft-tissue repair" offers the product as treatment as plainly as a verb of giving.
TREATING = (
    r"\b(?:supports?|promotes?|heals?|repairs?|treats?|relieves?|reduces?|regenerates?|rebuilds?|enhances?|boosts?)"
    r"\s{1,3}(?:[\w’'-]{1,15}\s{1,3}){0,2}(?:self[\s-])?(?:repair|healing|pain|inflammation|tissues?|cartilage|joints?"
    r"|discs?)\b"
)
# A labelled list of what a clinic uses ("Materials: MSC · exosome · PRP"): the label on the line itself or the line
# just above the product.
OFFER_LABEL = (
    r"(?:materials|products|biologics|treatments|therapies|services|what\s{1,3}we\s{1,3}(?:use|offer)"
    r"|our\s{1,3}(?:products|treatments|therapies|services))"
)
# Said of the past, as a study or trial result ("patients were injected", "received", "underwent").
PAST_GIVING = (
    r"\b(?:was|were|had\s{1,3}been)\s{1,3}(?:[\w-]{1,15}\s{1,3}){0,2}"
    r"(?:administered|injected|infused|deployed|delivered|implanted|treated|given)\b|\b(?:received|underwent)\b"
)
# A warning, somebody else's offer, or research: the sentence is about the product, not an offer of it.
NOT_AN_OFFER = (
    r"\b(?:unapproved|approved|approval|warn\w{0,4}|alerts?|adverse|risks?|harm\w{0,4}|danger\w{0,4}|illegal\w{0,2}"
    r"|unproven|unlicensed|licens\w{0,4}|contaminat\w{0,5}|infections?|deaths?|died|injur\w{0,4}|blind\w{0,4}"
    r"|caution\w{0,3}|concern\w{0,3}|regulat\w{0,5}|market\w{0,3}|sold|sell\w{0,3}|clinics|companies|providers"
    r"|businesses|could|might|potential(?:ly)?|promis\w{0,3}|stud(?:y|ies)|research\w{0,3}|trials?|investigat\w{0,5}"
    r"|preclinical|animals?|mice|rats|in\s{1,3}vitro|experiment\w{0,3}|et\s{1,3}al)\b|\[\d{1,3}\]"
)
# Offered in place of surgery: a promise that the shot works as well as an operation nobody has compared it with.
INSTEAD_OF_SURGERY = (
    r"(?:alternatives?\s{1,3}to|instead\s{1,3}of|in\s{1,3}lieu\s{1,3}of|avoid(?:s|ing)?|avert(?:s|ing)?)\s{1,3}"
    r"(?:[\w,-]{1,15}\s{1,3}){0,8}?"
    r"(?:surger(?:y|ies)|replacements?|arthroplast(?:y|ies)|spinal\s{1,3}fusions?|operations?)"
    # The same promise in other words: "relief without surgery", "prevents the need for knee replacement".
    r"|without\s{1,3}(?:the\s{1,3}need\s{1,3}(?:for|to)\s{1,3}(?:resort\s{1,3}to\s{1,3}|have\s{1,3})?|any\s{1,3})?"
    r"(?:(?:major|invasive|open|risky)\s{1,3})?(?:surgery|surgical|operations?)"
    r"|without\s{1,3}having\s{1,3}to\s{1,3}(?:go\s{1,3}through|undergo|have)\s{1,3}(?:[\w-]{1,15}\s{1,3}){0,2}?"
    r"(?:surger(?:y|ies)|replacements?|operations?)"
    r"|lack\s{1,3}of\s{1,3}(?:the\s{1,3}|any\s{1,3})?need\s{1,3}for\s{1,3}(?:surger(?:y|ies)|replacements?|operations?)"
    # A patient "saved from a costly, high-risk surgery".
    r"|sav(?:e|es|ed|ing)\s{1,3}(?:[\w-]{1,15}\s{1,3})?from\s{1,3}(?:[\w,-]{1,15}\s{1,3}){0,4}?"
    r"(?:surger(?:y|ies)|replacements?|operations?)"
    r"|(?:reduces?|eliminates?|prevents?)\s{1,3}(?:[\w’'-]{1,15}\s{1,3}){0,2}need\s{1,3}for\s{1,3}"
    r"(?:[\w,-]{1,15}\s{1,3}){0,8}?(?:surger(?:y|ies)|replacements?|operations?)"
    # In everyday words: "options that don't involve going under the knife", "surgery isn't your only option".
    r"|(?:avoid(?:s|ing)?|without|don['’]t\s{1,3}involve|no\s{1,3}need\s{1,3}(?:to|for))\s{1,3}(?:going\s{1,3})?"
    r"under\s{1,3}the\s{1,3}knife"
    r"|(?:surgery|an\s{1,3}operation)\s{1,3}(?:isn['’]t|is\s{1,3}not)\s{1,3}(?:your|the)\s{1,3}only\s{1,3}option"
    r"|non[\s-]?surgical\s{1,3}solutions?"
    # Put off or beaten: "can delay or prevent the need for a knee replacement", "better than surgery".
    r"|(?:delay|postpone|defer)(?:s|ed|ing)?\s{1,3}(?:[\w’'-]{1,15}\s{1,3}){0,8}?"
    r"(?:surger(?:y|ies)|replacements?|arthroplast(?:y|ies)|operations?)"
    r"|(?:better|simpler|safer|easier)\s{1,3}than\s{1,3}(?:[\w-]{1,15}\s{1,3}){0,3}?"
    r"(?:surger(?:y|ies)|replacements?|operations?)"
    # "A non-surgical alternative" with nothing after it is an alternative to surgery; "a non-surgical alternative to
    # traditional treatments" is not.
    r"|(?:non[\s-]?surgical|less[\s-]{1,2}invasive|minimally[\s-]{1,2}invasive)\s{1,3}alternatives?(?!\s{1,3}to\b)"
)
# Before the phrase in its sentence: a denial, a wish (what patients hope for is not a promise), a hedge or a study.
# A wish, a hedge or a study ("new hope" sells rather than wishes); the learned reader's gates use it as it is.
WISH_HEDGE_OR_STUDY = (
    r"(?<!new\s)hop(?:e|es|ed|ing)|seek\w{0,3}|looking\s{1,3}for|want\w{0,3}|wish\w{0,3}|may|might|could"
    r"|potential(?:ly)?|stud(?:y|ies)|trials?|randomi[sz]ed|investigat\w{0,5}|evaluat\w{0,5}|compar\w{0,5}|whether"
)
NOT_A_PROMISE = rf"\b(?:not|no|never|nor|neither|cannot|can['’]t|isn['’]t|aren['’]t|won['’]t|{WISH_HEDGE_OR_STUDY})\b"
# A wish still promises when the page itself calls the alternative one that works ("looking for effective
# alternatives to surgery").
WORKING_ALTERNATIVE = r"\b(?:effective|proven|safe|real|viable|successful|better)\s{1,3}alternatives?\s{1,3}to\b"

# FLAG_KINDS (label, reason and explaining page of each kind) lives in flag_kinds.py, with the texts translated.
__all__ = ["FLAG_KINDS"]
