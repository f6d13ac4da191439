"""One pass over every page at phone and desktop width, taking what the layout, chart and accessibility tests
check (text, height, screenshots, chart text and sizes, axe-core findings, keyboard reach), so each page is drawn
once per width however many tests read it. Home is loaded afresh and the reader's path is followed from there by
each page's "Next:" link; the chart pages' other states (a chosen page, all studies) are loaded from their links."""

from __future__ import annotations

import json
from urllib.parse import urlsplit

import ui
from tests.browser.conftest import ARTIFACTS, DESKTOP, PHONE, ROOT
from tests.browser.page_pass import Visit, start_in_page, visit_all
from tests.browser.test_browser import url_path

AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"
WIDTHS = {"phone": PHONE, "desktop": DESKTOP}
# Chart pages as a reader opens them, including the states a link can put them in.
CHART_PAGES = {
    "Home": "/",
    "Sources": "/Sources",
    "Sources-one-page": "/Sources?source=stemcellu",
    "Doses": "/Doses",
    "Routes": "/Routes",
    "Mechanisms": "/Mechanisms",
    "Claims": "/Claims",
    "Evidence": "/Evidence",
    "Evidence-all-studies": "/Evidence?studies=all",
}
OUR_CONTENT = '[data-testid="stMainBlockContainer"], [data-testid="stSidebarUserContent"]'
DATA_SWITCH = "Data behind this chart, downloads and sharing"
# Height budgets at 390 px before anything is opened; a page over budget is a wall of text on a phone.
DEFAULT_BUDGET_PX = 7000
BUDGETS_PX = {"streamlit_app.py": 4500, "pages/5_Claims.py": 6000, "pages/11_Handout.py": 4500}

SCREEN_FACTS = """() => {
    const main = document.querySelector('[data-testid="stMain"]');
    const root = document.documentElement;
    return {
        text: main.innerText,
        height: main.scrollHeight,
        errors: document.querySelectorAll('[data-testid="stException"]').length,
        first_alert: document.querySelector('[data-testid="stAlert"]')?.innerText ?? '',
        // Each piece of interface text, quotes (block quotes) and the language switch left out.
        // Material icons are drawn from their names ("search"), which are not words a reader sees.
        pieces: [...main.querySelectorAll('p, li, h1, h2, h3, h4, label, button, summary, a')]
            .filter(el => !el.closest('blockquote, [data-testid="language-switch"]') && el.innerText.trim())
            .map(el => { const copy = el.cloneNode(true);
                         copy.querySelectorAll('[data-testid="stIconMaterial"]').forEach(icon => icon.remove());
                         return copy.textContent.trim(); })
            .filter(text => text),
        overflow: Math.max(root.scrollWidth - root.clientWidth, main.scrollWidth - main.clientWidth),
        image_widths: [...document.querySelectorAll('[data-testid=stImage] img')]
            .map(img => img.getBoundingClientRect().width).filter(w => w > 0),
        // The paragraphs, list items and headings a reader sees before scrolling.
        first_screen: [...main.querySelectorAll('p, li, h1, h2, h3')]
            .filter(el => { const r = el.getBoundingClientRect(); return r.height > 0 && r.bottom <= innerHeight; })
            .map(el => el.innerText).join(' | '),
    };
}"""
# Streamlit draws Vega-Lite as SVG, so every piece of chart text is an SVG <text> element we can read and measure.
CHART_FACTS = """() => [...document.querySelectorAll('[data-testid="stVegaLiteChart"]')].map(chart => {
    const svg = chart.querySelector('svg');
    if (!svg) return {name: '', width: 0, height: chart.getBoundingClientRect().height, svgHeight: 0, texts: []};
    const box = svg.getBoundingClientRect();
    const texts = [...svg.querySelectorAll('text')].filter(t => t.textContent.trim()).map(t => {
        const r = t.getBoundingClientRect();
        return {text: t.textContent, left: r.left - box.left, right: r.right - box.left,
                top: r.top - box.top, bottom: r.bottom - box.top};
    });
    return {name: (chart.getAttribute('aria-label') || '').trim(), width: box.width,
            height: chart.getBoundingClientRect().height, svgHeight: box.height, texts};
})"""
AXE_RUN = """async (ours) => {
    const r = await axe.run(document, {runOnly: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'],
                                       resultTypes: ['violations']});
    return r.violations.filter(v => ['serious', 'critical'].includes(v.impact)).flatMap(v =>
        v.nodes.map(n => ({rule: v.id, impact: v.impact, html: n.html.slice(0, 200), target: n.target.join(' '),
                           ours: !!document.querySelector(n.target[0])?.closest(ours)})));
}"""
MARK_WIDGETS = """(ours) => {
    // A radio group is one Tab stop (arrow keys move inside it), as the ARIA practices say.
    const sel = 'input:not([type="radio"]), textarea, button, [role="combobox"], summary, '
              + '[tabindex="0"], [role="radiogroup"]';
    const root = document.querySelector('[data-testid="stMainBlockContainer"]');
    const hidden = 'details:not([open]) > :not(summary)';
    const group = e => e.getAttribute('role') === 'radiogroup';
    const visible = [...root.querySelectorAll(sel)].filter(e =>
        e.offsetParent !== null && !e.disabled && (e.tabIndex >= 0 || group(e))
        && !e.closest(hidden) && !(e.closest('[role="radiogroup"]') && !group(e)));
    visible.forEach((e, i) => e.setAttribute('data-kbd', String(i)));
    return visible.length;
}"""
FOCUSED_MARK = "() => document.activeElement?.closest('[data-kbd]')?.getAttribute('data-kbd')"


def shot_name(path: str, width_name: str, lang: str = "en") -> str:
    name = f"{path.strip('/').replace('?', '-').replace('=', '-') or 'Home'}-{width_name}"
    return name if lang == "en" else f"{name}-{lang}"


def in_language(path: str, lang: str) -> str:
    """The address of a page in a language: English pages keep their plain address."""
    if lang == "en":
        return path
    return f"{path}{'&' if urlsplit(path).query else '?'}lang={lang}"


SHOT_CAP_PX = 9000  # longer pages are cut in the contact sheet (their height is still recorded)
THUMB_WIDTH = {"desktop": 320, "phone": 195}


def contact_sheet(width_name: str, lang: str = "en"):
    """One image of every page at one width, side by side, from the pass's screenshots; returns its path."""
    from PIL import Image, ImageDraw

    thumbs = []
    for page in ui.PAGES:
        shot = Image.open(ARTIFACTS / f"{shot_name(url_path(page.path), width_name, lang)}.png").convert("RGB")
        shot = shot.crop((0, 0, shot.width, min(shot.height, SHOT_CAP_PX)))
        scale = THUMB_WIDTH[width_name] / shot.width
        thumbs.append((page.label, shot.resize((THUMB_WIDTH[width_name], max(1, int(shot.height * scale))))))
    columns = len(thumbs) if width_name == "phone" else 7
    rows = -(-len(thumbs) // columns)
    cell_w, label_h = THUMB_WIDTH[width_name] + 16, 22
    row_heights = [
        max(t.height for _, t in thumbs[r * columns : (r + 1) * columns]) + label_h + 16 for r in range(rows)
    ]
    sheet = Image.new("RGB", (cell_w * columns, sum(row_heights)), "#d9d9d9")
    draw = ImageDraw.Draw(sheet)
    for index, (label, thumb) in enumerate(thumbs):
        row, column = divmod(index, columns)
        x, y = column * cell_w + 8, sum(row_heights[:row]) + 8
        draw.text((x, y), label, fill="#000000")
        sheet.paste(thumb, (x, y + label_h))
    path = ARTIFACTS / f"contact-sheet-{width_name}{'' if lang == 'en' else '-' + lang}.png"
    sheet.save(path)
    return path


def _keyboard_reach(page) -> dict[str, int]:
    """How many widgets Tab reaches, of those a reader can see (all are drawn: the window is full height)."""
    widgets = page.evaluate(MARK_WIDGETS, OUR_CONTENT)
    reached = set()
    page.locator("body").focus()
    for _ in range(widgets * 3 + 40):
        page.keyboard.press("Tab")
        marker = page.evaluate(FOCUSED_MARK)
        if marker is not None:
            reached.add(marker)
        if len(reached) == widgets:
            break
    return {"widgets": widgets, "reached": len(reached)}


def _at_full_height(name: str, checks_keyboard: bool):
    def take(page) -> dict:
        facts = {
            "charts": page.evaluate(CHART_FACTS),
            "chart_switches": page.get_by_text(DATA_SWITCH, exact=True).count(),
        }
        (ARTIFACTS / f"{name}.png").write_bytes(page.screenshot())
        if checks_keyboard:
            facts["keyboard"] = _keyboard_reach(page)
        return facts

    return take


def _run_axe(axe_source: str):
    def start(page) -> None:
        # Evaluated, not added as an inline <script>: the app's Content-Security-Policy refuses inline scripts.
        page.evaluate(axe_source)
        start_in_page(page, AXE_RUN, OUR_CONTENT)

    return start


def visit_every_page(browser, server: str, lang: str = "en") -> dict[tuple[str, str], dict]:
    """Facts for (address path, "phone" | "desktop"), for every page in the menu and every chart page state, in a
    language (keys are the English addresses; the pages are opened with ?lang= for another language)."""
    ARTIFACTS.mkdir(exist_ok=True)
    axe_source = AXE.read_text(encoding="utf-8") if AXE.exists() else None
    wanted = [(url_path(page.path), width) for page in ui.PAGES for width in WIDTHS]
    wanted += [(path, "phone") for path in CHART_PAGES.values() if (path, "phone") not in wanted]
    in_menu = {url_path(page.path) for page in ui.PAGES}
    visits = [
        Visit(
            key=(path, width),
            url=server + in_language(path, lang),
            viewport=WIDTHS[width],
            at_screen_size=lambda page: page.evaluate(SCREEN_FACTS),
            at_full_height=_at_full_height(shot_name(path, width, lang), checks_keyboard=width == "desktop"),
            in_page=_run_axe(axe_source) if width == "desktop" and axe_source is not None else None,
            # The menu's pages are walked in order by their Next links, from Home loaded afresh.
            chain=f"{width}-{lang}" if path in in_menu else None,
        )
        for path, width in wanted
    ]
    found = visit_all(browser, visits)
    _write_records(found, "" if lang == "en" else f"-{lang}")
    return found


def _write_records(found: dict[tuple[str, str], dict], suffix: str) -> None:
    """Page heights against their budgets, and the accessibility findings in Streamlit's own chrome."""
    heights = {
        page.path: {
            "label": page.label,
            "height_px_at_390": found[(url_path(page.path), "phone")].get("height"),
            "budget_px": BUDGETS_PX.get(page.path, DEFAULT_BUDGET_PX),
            "height_px_at_1280": found[(url_path(page.path), "desktop")].get("height"),
        }
        for page in ui.PAGES
    }
    (ARTIFACTS / f"page-heights{suffix}.json").write_text(json.dumps(heights, indent=2) + "\n", encoding="utf-8")
    charts = {name: found[(path, "phone")].get("height") for name, path in CHART_PAGES.items()}
    (ARTIFACTS / f"chart-pages-heights-390{suffix}.json").write_text(json.dumps(charts, indent=1), encoding="utf-8")
    for page in ui.PAGES:
        # Streamlit's own chrome is outside our control; keep a record so the README can list it.
        axe = found[(url_path(page.path), "desktop")].get("in_page") or []
        chrome = [finding for finding in axe if not finding.get("ours")]
        name = url_path(page.path).strip("/") or "Home"
        (ARTIFACTS / f"a11y-streamlit-chrome-{name}{suffix}.json").write_text(
            json.dumps(chrome, indent=2), encoding="utf-8"
        )
