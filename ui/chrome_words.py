"""Streamlit's own words in the visitor's language: the upload box, input hints, help buttons, the sidebar button.

Streamlit draws these in English whatever the page's language. A Spanish page would meet "Upload", "Press Enter to
apply" or a screen reader's "Help for …", so a small script puts our words in their place; it also declares the
document's language where the server did not (`<html lang>`, under plain `streamlit run streamlit_app.py`)."""

from __future__ import annotations

import json
from html import escape

import streamlit as st

from core.i18n import format_number
from ui.language import _, lang

# One fixed script, the same bytes every time, so the Content-Security-Policy allows it by its hash (hosting.py). The
# words travel as JSON in a data attribute of the element beside it: whole texts to replace (in the places listed
# in `where`), whole accessible names (aria-label), and the starts of names ("Help for …", "Remove …"). Streamlit
# redraws these parts often, so a MutationObserver puts the words back; it writes only where a text differs, so its
# own writes end the loop.
SCRIPT = """(() => {
  const mark = document.querySelector("[data-chrome-words]");
  if (!mark) return;
  const words = JSON.parse(mark.dataset.chromeWords);
  // Served by serve.py the page already says its language; under plain `streamlit run` it says "en" until now.
  if (document.documentElement.lang !== words.lang) document.documentElement.lang = words.lang;
  const put = () => {
    document.querySelectorAll(words.where).forEach((part) => {
      const walker = document.createTreeWalker(part, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const said = words.texts[node.nodeValue.trim()];
        if (said !== undefined && node.nodeValue !== said) node.nodeValue = said;
      }
    });
    document.querySelectorAll("[aria-label]").forEach((element) => {
      const label = element.getAttribute("aria-label");
      let said = words.labels[label];
      for (const [english, ours] of Object.entries(words.prefixes)) {
        if (said === undefined && label.startsWith(english)) said = ours + label.slice(english.length);
      }
      if (said !== undefined && said !== label) element.setAttribute("aria-label", said);
    });
    document.querySelectorAll("[aria-roledescription]").forEach((element) => {
      const said = words.roles[element.getAttribute("aria-roledescription")];
      if (said !== undefined) element.setAttribute("aria-roledescription", said);
    });
  };
  put();
  if (!window.__chromeWords) {
    window.__chromeWords = new MutationObserver(put);
    window.__chromeWords.observe(document.body, {childList: true, subtree: true, characterData: true});
  }
})();"""
WHERE = ", ".join(
    f'[data-testid="{test_id}"]'
    for test_id in ("InputInstructions", "stFileUploaderDropzone", "stStatusWidget", "stTooltipContent")
)
UPLOAD_SIZES_MB = (1, 5)  # the room's key file, and every other upload (.streamlit/config.toml, maxUploadSize)


def chrome_words() -> None:
    """Give this page's Streamlit parts our words (nothing to do in English, Streamlit's own language)."""
    language = lang()
    if language == "en":
        return
    texts = {
        "Upload": _("Upload"),
        "Press Enter to apply": _("Press Enter to apply"),
        "Press Enter to submit form": _("Press Enter to submit form"),
        "Press ⌘+Enter to apply": _("Press ⌘+Enter to apply"),
        "Press Ctrl+Enter to apply": _("Press Ctrl+Enter to apply"),
        "Running...": _("Running…"),
        **{f"{size}MB per file": _("Up to {size} MB per file").format(size=format_number(size, language))
           for size in UPLOAD_SIZES_MB},
    }  # fmt: skip
    labels = {
        "Collapse sidebar": _("Close the side panel"),
        "Expand sidebar": _("Open the side panel"),
        "Sidebar": _("Side panel"),
        "Open": _("Open the list"),
        "Clear all": _("Clear all"),
        "Selected values": _("Chosen"),
        "Increment": _("Add one step"),
        "Decrement": _("Take away one step"),
        "Link to heading": _("Link to this heading"),
        "Show data": _("Show the data"),
        "Download as PNG": _("Download as PNG"),
        "Copy Vega-Lite spec": _("Copy the chart's Vega-Lite definition"),
        "Fullscreen": _("Full screen"),
        "Close fullscreen": _("Leave full screen"),
    }
    prefixes = {"Help for ": _("Help: "), "Remove ": _("Remove: ")}
    # Vega calls every chart a "visualization" and its root a "group mark container", whatever the page's language.
    roles = {"visualization": _("chart"), "group mark container": _("chart area")}
    words = {"lang": language, "where": WHERE, "texts": texts, "labels": labels, "prefixes": prefixes, "roles": roles}
    st.html(
        f'<span data-chrome-words="{escape(json.dumps(words, ensure_ascii=False))}"></span><script>{SCRIPT}</script>',
        unsafe_allow_javascript=True,
    )
