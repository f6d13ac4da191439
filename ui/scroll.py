"""Bring a part of the page into view once: after a check, or when a live room shows a new question."""

from __future__ import annotations

import re

import streamlit as st

_KEY = re.compile(r"[a-z][a-z0-9_]{0,40}")
_TOKEN = re.compile(r"[A-Za-z0-9_.:\-]{0,80}")

# One fixed script, the same bytes every time, so the Content-Security-Policy can allow it by its hash (hosting.py);
# what to scroll to travels in data attributes of the element beside it, checked above. The browser remembers the
# last token per key, so a rerun that draws the same token again does not scroll (a phone reading an explanation is
# never pulled back up); a new token (a new question, a new check) scrolls once.
SCRIPT = """(() => {
  const seen = (window.__scrolledTo = window.__scrolledTo || {});
  document.querySelectorAll("[data-scroll-key]").forEach((mark) => {
    const key = mark.dataset.scrollKey, token = mark.dataset.scrollToken || "";
    if (seen[key] === token) return;
    let tries = 0;
    const go = () => {
      const target = document.querySelector(".st-key-" + key);
      if (target) {
        seen[key] = token;
        target.style.scrollMarginTop = "4rem";  // below Streamlit's header bar, which covers the top 3.75rem
        target.scrollIntoView({block: "start"});
        // Elements above may still be growing as the rest of the page draws: settle twice within a second.
        setTimeout(() => target.scrollIntoView({block: "start"}), 300);
        setTimeout(() => target.scrollIntoView({block: "start"}), 900);
      } else if (tries++ < 60) setTimeout(go, 50);
    };
    go();
  });
})();"""


def scroll_to(key: str, token: str = "") -> None:
    """Scroll the container drawn with st.container(key=key) to the top of the screen, once per token."""
    if not _KEY.fullmatch(key) or not _TOKEN.fullmatch(token):
        raise ValueError("scroll_to takes a container key and a token of plain characters")
    st.html(
        f'<span data-scroll-key="{key}" data-scroll-token="{token}"></span><script>{SCRIPT}</script>',
        unsafe_allow_javascript=True,
    )


def scroll_after_press(pressed: bool, key: str) -> None:
    """When a button was just pressed, bring the container `key` to the top of the screen, once for that press."""
    if pressed:
        presses = st.session_state.get(f"_presses_{key}", 0) + 1
        st.session_state[f"_presses_{key}"] = presses
        scroll_to(key, f"p{presses}")
