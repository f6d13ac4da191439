"""The kinds of red flag: each one's short label, its plain reason and the app page that explains it."""

from __future__ import annotations

from core import site
from core.i18n import N_

FLAG_KINDS: dict[str, tuple[str, str, str]] = {
    # kind: (short label, plain reason, app page that explains it); label and reason are msgids (gettext them)
    "approval": (
        N_("Regulator's name used as a selling point"),
        N_(
            "An FDA registration, an ethics-board (IRB) approval, a health ministry's licence or 'meeting guidelines' "
            "does not mean a treatment works or is approved for knees or backs."
        ),
        site.path("claims"),
    ),
    "success": (
        N_("Success percentage"),
        N_(
            "A success rate without a comparison group, a definition of success and a published study cannot be "
            "checked."
        ),
        site.path("evidence"),
    ),
    "no risk": (
        N_("Says there is no risk"),
        N_("Every injection carries risks (infection, pain, swelling); trials report side effects."),
        site.path("evidence"),
    ),
    "testimonial": (
        N_("Patient stories used as proof"),
        N_("What some patients say is not evidence: people also improve after dummy injections."),
        site.path("evidence"),
    ),
    "cure": (
        N_("Promises a cure"),
        N_("No stem-cell shot has been shown to cure knee arthritis or back pain."),
        site.path("claims"),
    ),
    "regenerate": (
        N_("Promises to regrow cartilage or tissue"),
        N_("Controlled trials have not shown injected cells rebuilding cartilage or discs in a way patients feel."),
        site.path("mechanisms"),
    ),
    "price lure": (
        N_("Price or urgency used to sell"),
        N_("Savings, discounts and deadlines are sales pressure, not information about whether it works."),
        site.path("claims"),
    ),
    "regulated product": (
        N_("A product regulators warn about, offered as treatment"),
        N_(
            "US regulators say exosome, fat-derived SVF, Wharton's jelly, amniotic and cord-blood products used to "
            "treat disease are drugs that need approval; none is approved for knee or back pain, and FDA has had "
            "reports of serious harm from unapproved ones."
        ),
        site.path("evidence"),
    ),
    "instead of surgery": (
        N_("Offered in place of surgery"),
        N_(
            "No controlled trial in our data compared a stem-cell shot with knee or spine surgery, so nobody knows if "
            "it can stand in for one; FDA says no such product is approved for any knee or back condition."
        ),
        site.path("evidence"),
    ),
    "dose outside trials": (
        N_("Dose far outside human trials"),
        N_("Far more cells than any human trial for the same condition and route used: nobody has tested it."),
        site.path("doses"),
    ),
    "product as cells": (
        N_("Something that is not cells counted as cells"),
        N_("Exosomes, platelets and particles are not cells; a count of them cannot be compared with a cell dose."),
        site.path("doses"),
    ),
}
