"""Markup in URLs, pasted or uploaded text and data files renders as text and never runs or links anywhere."""

from __future__ import annotations

import ast
import csv
import json
import shutil
from pathlib import Path
from urllib.parse import urlencode

import pytest

from tests.browser.conftest import DESKTOP, ROOT, start_server, stop_server, wait_rendered
from tests.browser.page_pass import Visit, visit_all
from tests.browser.test_browser import url_path
from tests.test_text_escape import PROBES

pytestmark = pytest.mark.browser
# The tests that read one pass over the pages share an xdist group, so one worker makes that pass once; the two
# passes are separate groups, so two workers can make them side by side.
ONE_URL_PASS = pytest.mark.xdist_group("hostile_url")
ONE_DATA_PASS = pytest.mark.xdist_group("hostile_data")

PAYLOADS = [
    "<img src=x onerror=alert(1)>",
    "<script>alert('x')</script>",
    "[link](javascript:alert(1))",
]
# Every probe in one value, a blank line apart, so that one page load tries them all.
HOSTILE = "\n\n".join(PROBES)
# For cells whose pattern the loader checks only up to 500 characters (web addresses).
SHORT_PROBE = (
    "[linkprobe](http://example-clinic.test) ![imageprobe](http://example-clinic.test/p.png) www.example-clinic.test "
    ":material/bug_report: :smile: <img src=x onerror=alert(1)> $x^2$ :red[redprobe]"
)

TRACEBACK = '[data-testid="stException"]'
# Elements the probes would become if any of them were read as Markdown; each is named in the failure message.
FIND_LIVE_MARKUP = r"""() => {
  const found = [];
  const text = (el) => (el.textContent || "").trim();
  // Where it is (the nearest Streamlit element) helps find the line that renders it.
  const where = (el) => (el.closest("[data-testid^=st]:not([data-testid=stMarkdownContainer])") || {dataset: {}})
    .dataset.testid;
  const context = (el) => (el.closest("[data-testid=stElementContainer]") || el).innerText.slice(0, 80);
  const add = (what, el) => found.push(`${what} in ${where(el)}: ${text(el).slice(0, 40)} | ${context(el)}`);
  document.querySelectorAll("a").forEach((a) => {
    const href = a.getAttribute("href") || "";
    if (href.startsWith("#")) return;  // a heading's own anchor, made by Streamlit from the heading's text
    if (/example-clinic|^mailto:|^javascript:/i.test(href) || /example-clinic|linkprobe|refprobe/i.test(text(a)))
      add("link " + href, a);
  });
  document.querySelectorAll("img").forEach((img) => {
    const src = img.getAttribute("src") || "";
    if (/example-clinic/.test(src) || src === "x" || ["imageprobe", "Streamlit logo"].includes(img.alt))
      add("image " + src, img);
  });
  document.querySelectorAll("h1,h2,h3,h4,h5,h6").forEach((h) => {
    if (/heading probe/i.test(text(h))) add("heading", h);
  });
  document.querySelectorAll("code,pre").forEach((c) => {
    // st.code shows text as it is, by design; a code block made from the probe's own Markdown is the failure.
    if (/code probe|graph TD/.test(text(c)) && !c.closest("[data-testid=stCode]")) add("code", c);
  });
  document.querySelectorAll('[data-testid="stIconMaterial"]').forEach((i) => {
    if (text(i) === "bug_report") add("icon", i);
  });
  document.querySelectorAll(".stMarkdownColoredText,.stMarkdownBadge,small").forEach((c) => {
    if (/probe/.test(text(c))) add("coloured text", c);
  });
  document.querySelectorAll(".katex,.katex-display").forEach((k) => add("LaTeX", k));
  document.querySelectorAll("td,th").forEach((c) => { if (text(c) === "tcellprobe") add("table", c); });
  document.querySelectorAll("blockquote").forEach((b) => {
    if (text(b).startsWith("quoted probe") || b.querySelector("blockquote")) add("quote", b);
  });
  document.querySelectorAll("li").forEach((l) => {
    if (/^(list item probe|task probe)/.test(text(l)) || l.querySelector("input[type=checkbox]")) add("list", l);
  });
  document.querySelectorAll("strong,b,em,i,del,s").forEach((e) => {
    if (["boldprobe", "htmlprobe", "italicprobe", "struckprobe"].includes(text(e))) add("styled", e);
  });
  document.querySelectorAll("[data-footnote-ref],section.footnotes").forEach((f) => add("footnote", f));
  document.querySelectorAll("script").forEach((s) => { if (s.textContent.includes("alert('x')")) add("script", s); });
  const body = document.body.innerText;
  for (const shown of ["\u{1F604}", "\u{1F44D}", "A \u2192 B"])
    if (body.includes(shown)) found.push("rewritten: " + shown);
  return found;
}"""


def page_urls() -> dict[str, str]:
    """Each page's address path, from the one list of pages."""
    import ui

    return {page.path: url_path(page.path) for page in ui.PAGES}


def parameters_by_page() -> dict[str, set[str]]:
    """The query-parameter names each page binds a widget to (the key of each ui.bound_* or ui.paginate call)."""
    found = {}
    for script in [ROOT / "streamlit_app.py", *sorted((ROOT / "pages").glob("*.py"))]:
        names = set()
        for node in ast.walk(ast.parse(script.read_text(encoding="utf-8"))):
            if not (isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute)):
                continue
            if not (node.func.attr.startswith("bound_") or node.func.attr == "paginate"):
                continue
            position = 1 if node.func.attr in ("bound_number", "paginate") else 2  # where `key` sits
            keys = [k.value for k in node.keywords if k.arg == "key"] + node.args[position : position + 1]
            names |= {k.value for k in keys if isinstance(k, ast.Constant) and isinstance(k.value, str)}
        found[str(script.relative_to(ROOT))] = names
    return found


# Parameters a page binds only once a live room is running (the projector switch): a first visit cannot read them.
BOUND_ONCE_A_ROOM_RUNS = {"pages/12_Run_a_session.py": {"view"}}


def url_parameters() -> list[str]:
    """Every query-parameter name any page binds a widget to."""
    return sorted(set().union(*parameters_by_page().values()))


def sessions_without_shared_keys(paths: list[str]) -> list[list[str]]:
    """Pages grouped so that no two in a group bind the same parameter: a widget key a session has already seen
    no longer reads the address, so each group can share one browser session and still read every probe."""
    keys, groups = parameters_by_page(), []
    for path in paths:
        group = next(
            (g for g in groups if len(g) < SESSION_PAGES and not keys[path] & set().union(*(keys[o] for o in g))),
            None,
        )
        if group is None:
            groups.append(group := [])
        group.append(path)
    return groups


def open_checked(page_at, url: str):
    page = page_at(url)
    dialogs: list[str] = []
    page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    wait_rendered(page)
    return page, dialogs


def assert_no_live_markup(page, dialogs: list[str]) -> None:
    _assert_probed({**_probe(page), "dialogs": dialogs})


def _probe(page) -> dict:
    return {
        "live_markup": page.evaluate(FIND_LIVE_MARKUP),
        "tracebacks": page.locator(TRACEBACK).count(),
        "ignored_notices": page.locator('[data-testid="stAlert"]', has_text="ignored").count(),
    }


def _payload_facts(page) -> dict:
    # The escape puts invisible word joiners after colons; a reader sees (and a test compares) the text without them.
    notice = page.locator('[data-testid="stAlert"]', has_text="ignored")
    return {
        "notice": notice.first.inner_text().replace("\u2060", "") if notice.count() else "",
        "bad_images": page.locator("img[src='x']").count(),
        "script_links": page.locator("a[href^='javascript:']").count(),
    }


def _assert_probed(facts: dict) -> None:
    assert "error" not in facts, facts["error"]
    assert facts["live_markup"] == []
    assert facts["tracebacks"] == 0, "a traceback is shown"
    assert facts["dialogs"] == []


# Each payload as the choice on a page that names an unknown choice in a notice; the three pages bind different
# parameters, so one session carries all three.
PAYLOAD_PAGES = [
    ("pages/1_Sources.py", "source"),
    ("pages/4_Mechanisms.py", "mechanism"),
    ("pages/9_Methods.py", "file"),
]
SESSION_PAGES = 5  # pages per shared session: a few sessions run side by side


@pytest.fixture(scope="module")
def probed_by_url(browser, server) -> dict[str, dict]:
    """Every page with every probe in every URL parameter, and each payload as a page's choice. Pages that bind no
    common parameter share a session, reached one after another through the browser's history."""
    query = urlencode({name: HOSTILE for name in url_parameters()})
    addresses = page_urls()
    visits = [
        Visit(addresses[path], f"{server}{addresses[path]}?{query}", DESKTOP, at_screen_size=_probe,
              chain=f"session {number}", by_history=True)
        for number, group in enumerate(sessions_without_shared_keys(list(addresses)))
        for path in group
    ]  # fmt: skip
    visits += [
        Visit(payload, f"{server}{addresses[path]}?{urlencode({key: payload})}", DESKTOP,
              at_screen_size=_payload_facts, at_full_height=_probe, chain="payloads", by_history=True)
        for payload, (path, key) in zip(PAYLOADS, PAYLOAD_PAGES, strict=True)
    ]  # fmt: skip
    return visit_all(browser, visits)


@ONE_URL_PASS
@pytest.mark.parametrize("payload", PAYLOADS)
def test_markup_in_query_params_is_shown_as_text(probed_by_url, payload):
    facts = probed_by_url[payload]
    assert payload in facts["notice"], "the payload is shown literally in the notice"
    assert facts["bad_images"] == 0
    assert facts["script_links"] == 0
    _assert_probed(facts)


def test_url_parameters_are_found():
    # Guards the test below: it must try the parameters the pages really read.
    assert {"source", "weight"} <= set(url_parameters())


def test_pages_sharing_a_session_bind_no_common_parameter():
    keys = parameters_by_page()
    groups = sessions_without_shared_keys(list(page_urls()))
    assert sorted(path for group in groups for path in group) == sorted(page_urls())
    for group in groups:
        bound = [name for path in group for name in keys[path]]
        assert len(bound) == len(set(bound)), group


@pytest.mark.parametrize(("path", "key"), PAYLOAD_PAGES)
def test_payload_pages_bind_the_parameter_they_are_given(path, key):
    assert key in parameters_by_page()[path]


@ONE_URL_PASS
@pytest.mark.parametrize("path", list(page_urls().values()))
def test_every_probe_in_every_url_parameter_stays_text(probed_by_url, path):
    _assert_probed(probed_by_url[path])
    page_file = next(file for file, address in page_urls().items() if address == path)
    if parameters_by_page()[page_file] - BOUND_ONCE_A_ROOM_RUNS.get(page_file, set()):
        # The page read the probes from its address (a key its session had already seen would not have).
        assert probed_by_url[path]["ignored_notices"] > 0


def test_every_probe_pasted_into_the_text_checker_stays_text(server, page_at):
    page, dialogs = open_checked(page_at, f"{server}/Check_a_text")
    box = page.get_by_role("textbox").first
    box.fill("We inject 50 million stem cells.\n\n" + HOSTILE)
    box.press("Control+Enter")
    page.get_by_text("50 million", exact=False).first.wait_for()
    wait_rendered(page)
    assert_no_live_markup(page, dialogs)


def test_every_probe_in_an_uploaded_file_stays_text(server, page_at, tmp_path):
    page, dialogs = open_checked(page_at, f"{server}/Check_a_text")
    upload = tmp_path / "clinic.txt"
    upload.write_text("We inject 50 million stem cells.\n\n" + HOSTILE, encoding="utf-8")
    page.locator('[data-testid="stFileUploader"] input[type="file"]').set_input_files(str(upload))
    page.get_by_text("50 million", exact=False).first.wait_for()
    wait_rendered(page)
    assert_no_live_markup(page, dialogs)


# --- data files with every free-text cell replaced by the probes ---------------------------------


def _free_text_fields(resource: dict) -> list[tuple[str, str]]:
    """(field, how to inject) for each string column a maintainer could fill with anything that still loads."""
    schema = resource["schema"]
    keys = {fk["fields"] for fk in schema.get("foreignKeys", [])} | {schema.get("primaryKey")}
    if "x-language" in resource:
        # A translation names its table, row and column like a foreign key, and its from_hash is a fingerprint of
        # the English it was made from (hostile_data_copy writes it again); only its text is free.
        keys |= {"table", "row_id", "column", "from_hash"}
    out = []
    for field in schema["fields"]:
        rules = field.get("constraints", {})
        if field["type"] != "string" or "x-list-separator" in field or "enum" in rules or field["name"] in keys:
            continue
        if rules.get("pattern") == "^https?://":
            out.append((field["name"], "after an address"))
        elif "pattern" not in rules:
            out.append((field["name"], "append" if rules.get("unique") else "replace"))
    return out


def hostile_data_copy(folder: Path) -> Path:
    """A copy of data/ whose free-text cells all hold every probe (edges trimmed, as the loader requires)."""
    shutil.copytree(ROOT / "data", folder)
    package = json.loads((folder / "datapackage.json").read_text(encoding="utf-8"))
    probe = HOSTILE.strip()
    for resource in package["resources"]:
        path = folder / resource["path"]
        with path.open(encoding="utf-8-sig", newline="") as handle:
            rows = list(csv.DictReader(handle))
        if not rows:
            continue
        for name, how in _free_text_fields(resource):
            for number, row in enumerate(rows):
                if not row[name]:
                    continue  # an empty cell stays empty: filling it could break a rule that pairs columns
                row[name] = {
                    "replace": probe,
                    "append": f"{row[name]} {number} {probe}",
                    "after an address": f"https://example-clinic.test/{number} {SHORT_PROBE}",
                }[how]
        with path.open("w", encoding="utf-8", newline="") as handle:
            writer = csv.DictWriter(handle, fieldnames=list(rows[0]))
            writer.writeheader()
            writer.writerows(rows)
    _fingerprint_translations(folder, package)
    return folder


def _fingerprint_translations(folder: Path, package: dict) -> None:
    """Each translation made from the hostile English it now stands beside, as a maintainer would translate it."""
    from core.data.translations import english_hash

    def read(path: Path) -> list[dict]:
        with path.open(encoding="utf-8-sig", newline="") as handle:
            return list(csv.DictReader(handle))

    resources = {r["name"]: r for r in package["resources"]}
    english = {}
    for name, resource in resources.items():
        if "x-language" not in resource and resource["schema"].get("primaryKey"):
            key = resource["schema"]["primaryKey"]
            english[name] = {row[key]: row for row in read(folder / resource["path"])}
    for resource in resources.values():
        if "x-language" not in resource:
            continue
        path = folder / resource["path"]
        rows = read(path)
        for row in rows:
            cell = english.get(row["table"], {}).get(row["row_id"], {}).get(row["column"])
            if cell is not None:
                row["from_hash"] = english_hash(cell)
        with path.open("w", encoding="utf-8", newline="") as handle:
            writer = csv.DictWriter(handle, fieldnames=list(rows[0]))
            writer.writeheader()
            writer.writerows(rows)


@pytest.fixture(scope="module")
def hostile_data_server(tmp_path_factory):
    from core import data

    folder = hostile_data_copy(tmp_path_factory.mktemp("hostile") / "data")
    data.load(folder)  # the copy must still load, or the test would only see the error message
    process, url = start_server({"STEMCELL_DATA_DIR": str(folder)})
    yield url
    stop_server(process)


OPEN_SWITCHES = """(most) => {
    const closed = [...document.querySelectorAll('[data-testid="stMain"] [role="switch"]:not(:checked)')];
    closed.slice(0, most).forEach(switch_ => switch_.click());
    return Math.min(closed.length, most);
}"""


def _show_details(page, limit: int = 6) -> int:
    """Open expanders and the first few detail switches, so that what they hide is drawn too; how many stay shut."""
    # Clicked from script: a sticky header or the page's own scrolling can keep a pointer click from landing.
    page.evaluate("() => document.querySelectorAll('[data-testid=stExpander] summary').forEach(s => s.click())")
    opened = 0
    while opened < limit:
        # All switches in view at once (one rerun); what they reveal may hold more switches.
        count = page.evaluate(OPEN_SWITCHES, limit - opened)
        if count == 0:
            break
        opened += count
        wait_rendered(page)
    return page.locator('[data-testid="stMain"] [role="switch"]:not(:checked)').count()


def _probe_details(limit: int):
    def take(page) -> dict:
        return {"switches_shut": _show_details(page, limit), **_probe(page)}

    return take


def _load_failures(page) -> dict:
    return {"load_failures": page.locator('[data-testid="stAlert"]', has_text="could not be loaded").count()}


@pytest.fixture(scope="module")
def probed_data(browser, hostile_data_server) -> dict[str, dict]:
    """Every page drawn from the hostile data copy, with its details open; and one source in detail."""
    from core import data

    first = data.load(ROOT / "data").sources["id"].iloc[0]
    # The pages are walked in menu order by their Next links, in two halves side by side, each from a fresh load.
    paths = list(page_urls().values())
    visits = [
        Visit(path, hostile_data_server + path, DESKTOP, at_screen_size=_load_failures,
              at_full_height=_probe_details(6), chain="first half" if index < len(paths) // 2 else "second half")
        for index, path in enumerate(paths)
    ]  # fmt: skip
    visits.append(
        Visit("one source", f"{hostile_data_server}/Sources?source={first}", DESKTOP,
              at_screen_size=_load_failures, at_full_height=_probe_details(10))
    )  # fmt: skip
    return visit_all(browser, visits)


@ONE_DATA_PASS
@pytest.mark.parametrize("path", list(page_urls().values()))
def test_every_probe_in_every_free_text_data_column_stays_text(probed_data, path):
    assert probed_data[path].get("load_failures") == 0
    _assert_probed(probed_data[path])


@ONE_DATA_PASS
def test_one_source_in_detail_with_probes_stays_text(probed_data):
    # The Sources page draws claims, checklist and doses only for one chosen page.
    _assert_probed(probed_data["one source"])
    assert probed_data["one source"]["switches_shut"] == 0, "every detail switch was opened and its details drawn"
