"""Streamlit's file-upload box in the visitor's language: its button and size note are English in Streamlit itself."""

from __future__ import annotations

import re
from html import escape

import streamlit as st

from core.i18n import format_number
from ui.language import _, lang

# One fixed script, the same bytes every time, so the Content-Security-Policy allows it by its hash (hosting.py). The
# words travel in data attributes of the element beside it. Streamlit redraws the box (a new file, a rerun), so a
# MutationObserver puts the words back; it writes only where the text differs, so its own writes end the loop.
SCRIPT = """(() => {
  const put = () => {
    document.querySelectorAll("[data-upload-key]").forEach((mark) => {
      const words = mark.dataset, box = document.querySelector(".st-key-" + words.uploadKey);
      if (!box) return;
      const button = box.querySelector('button [data-testid="stMarkdownContainer"] p');
      if (button && button.textContent !== words.uploadButton) button.textContent = words.uploadButton;
      const note = box.querySelector('[data-testid="stFileUploaderDropzoneInstructions"] span');
      if (note && note.textContent !== words.uploadNote) note.textContent = words.uploadNote;
    });
  };
  put();
  if (!window.__uploadWords) {
    window.__uploadWords = new MutationObserver(put);
    window.__uploadWords.observe(document.body, {childList: true, subtree: true, characterData: true});
  }
})();"""


_KEY = re.compile(r"[a-z][a-z0-9_]{0,40}")


def upload_words(key: str, max_mb: float) -> None:
    """Give the upload box drawn with `key` our words for its button and size limit (nothing to do in English)."""
    if not _KEY.fullmatch(key):
        raise ValueError("upload_words takes the upload box's key, in plain characters")
    if lang() == "en":
        return
    button = escape(_("Upload"))
    note = escape(_("Up to {size} MB per file").format(size=format_number(max_mb, lang())))
    st.html(
        f'<span data-upload-key="{key}" data-upload-button="{button}" data-upload-note="{note}"></span>'
        f"<script>{SCRIPT}</script>",
        unsafe_allow_javascript=True,
    )
