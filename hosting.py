"""Hardening for `streamlit run serve.py`: security headers, a Host allow-list, closed operator endpoints, and the
page's language declared in its <html lang>."""

from __future__ import annotations

import base64
import hashlib
import importlib.util
import ipaddress
import logging
import os
import re
from collections.abc import Callable, Iterable
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

from core import i18n
from core.views.embed import is_embed_request

PUBLIC_URL_ENV = "STEMCELL_PUBLIC_URL"
ALLOWED_HOSTS_ENV = "STEMCELL_ALLOWED_HOSTS"
# "1" sends the policy as Content-Security-Policy-Report-Only: the browser reports what it would block and blocks
# nothing. For trying a changed policy (or a new Streamlit) on a live server before enforcing it.
CSP_REPORT_ONLY_ENV = "STEMCELL_CSP_REPORT_ONLY"

# Paths (as the browser asks for them) that other sites may show in a frame: they get `frame-ancestors *` and no
# X-Frame-Options. Empty: besides the chart-only embed view (core.views.embed.is_embed_request, an address with
# ?embed_chart=<id>), no page of the app can be framed by another origin.
FRAMEABLE_PATHS: frozenset[str] = frozenset()


def _base_path() -> str:
    """Streamlit's server.baseUrlPath (the app's folder when it is served under a prefix), '' by default."""
    from streamlit import config

    return str(config.get_option("server.baseUrlPath") or "")


# Answered 404 on every address: Prometheus metrics name the app's caches and count its sessions, and the agent API
# (off in this app) would still describe itself. Nothing in the app's pages asks for either.
# What a refused request reads, in its language (the link's ?lang=, else the browser's).
WRONG_HOST = i18n.N_("This server does not answer to that host name.")
NOT_FOUND = i18n.N_("Not found.")
CLOSED_PATH = re.compile(r"(^|/)_stcore/(metrics|agent)(/|$)")

# What a Host header may look like before it is even compared: a name or IP literal and an optional port.
_HOST_SHAPE = re.compile(r"^(\[[0-9a-fA-F:.]+\]|[A-Za-z0-9._-]+)(:[0-9]{1,5})?$")
_LOOPBACK_NAMES = frozenset({"localhost"})
_LOGGER = logging.getLogger(__name__)
_INLINE_SCRIPT = re.compile(rb"<script>(.*?)</script>", re.DOTALL)

PERMISSIONS_POLICY = "camera=(), microphone=(), geolocation=(), payment=(), usb=(), display-capture=()"
REFERRER_POLICY = "same-origin"  # room codes and participant ids ride in addresses; other sites never see them


def streamlit_inline_script_hashes() -> tuple[str, ...]:
    """CSP hashes of the inline scripts in Streamlit's own index.html (one today: `window.prerenderReady = false`)."""
    spec = importlib.util.find_spec("streamlit")
    if spec is None or spec.origin is None:
        return ()
    page = (Path(spec.origin).parent / "static" / "index.html").read_bytes()
    return tuple(
        "'sha256-" + base64.b64encode(hashlib.sha256(body).digest()).decode() + "'"
        for body in _INLINE_SCRIPT.findall(page)
    )


def app_inline_script_hashes() -> tuple[str, ...]:
    """CSP hashes of the app's own fixed inline scripts (the scroll helper, Streamlit's words in the page's
    language): the same bytes on every page."""
    from ui.chrome_words import SCRIPT as CHROME_WORDS
    from ui.scroll import SCRIPT as SCROLL

    return tuple("'sha256-" + base64.b64encode(hashlib.sha256(s.encode()).digest()).decode() + "'"
                 for s in (SCROLL, CHROME_WORDS))  # fmt: skip


def content_security_policy(host: str, script_hashes: Iterable[str], frameable: bool = False) -> str:
    """The policy for one response. `host` is an already-allowed Host header (the websocket goes back to it)."""
    directives = {
        "default-src": "'self'",
        # 'wasm-unsafe-eval' lets protobuf.js (Streamlit's wire format) compile its small WebAssembly helper; it
        # allows no JavaScript eval. Without it, every page load reports one violation.
        "script-src": " ".join(["'self'", "'wasm-unsafe-eval'", *script_hashes]),
        # Streamlit's components style themselves with inline <style> and style attributes (Emotion).
        "style-src": "'self' 'unsafe-inline'",
        # QR codes and charts arrive as data: and blob: images; downloads are blob: links.
        "img-src": "'self' data: blob:",
        "font-src": "'self' data:",
        "media-src": "'self' data: blob:",
        "worker-src": "'self' blob:",
        # 'self' covers the websocket in current browsers; ws:/wss: of the same host spell it out for older ones.
        "connect-src": f"'self' ws://{host} wss://{host}",
        "frame-src": "'self'",
        "object-src": "'none'",
        "base-uri": "'self'",
        "form-action": "'self'",
        "frame-ancestors": "*" if frameable else "'self'",
    }
    return "; ".join(f"{name} {value}" for name, value in directives.items())


def host_name(header: str) -> str | None:
    """The name or address in a Host header, lower-case, without port or brackets; None when malformed."""
    match = _HOST_SHAPE.match(header.strip())
    if not match:
        return None
    return match.group(1).strip("[]").lower().rstrip(".") or None


def _origin_host(header: str, name: str) -> str:
    """The checked host as a CSP source writes it: the normalised name (IPv6 in brackets) and the port, if any."""
    port = _HOST_SHAPE.match(header.strip()).group(2) or ""
    return (f"[{name}]" if ":" in name else name) + port


def _is_ip_literal(name: str) -> bool:
    try:
        ipaddress.ip_address(name)
    except ValueError:
        return False
    return True


def configured_hosts(public_url: str | None, allowed: str | None) -> frozenset[str]:
    """Host names this server answers to besides loopback and IP literals: the public URL's host and a comma list."""
    names = {item.strip().lower().rstrip(".") for item in (allowed or "").split(",")}
    if public_url:
        names.add((urlsplit(public_url.strip()).hostname or "").rstrip("."))
    return frozenset(name for name in names if name)


def host_allowed(name: str | None, extra: frozenset[str]) -> bool:
    """Loopback names, any IP literal (DNS rebinding needs a name) and the configured names; `*.x.org` covers
    subdomains of x.org."""
    if not name:
        return False
    if name in _LOOPBACK_NAMES or _is_ip_literal(name) or name in extra:
        return True
    return any(entry.startswith("*.") and name.endswith(entry[1:]) for entry in extra)


class Hardening:
    """ASGI middleware: refuses foreign Host names (HTTP and websocket), closes operator endpoints and adds the
    security headers to every HTTP response. `setting` looks up STEMCELL_PUBLIC_URL and STEMCELL_ALLOWED_HOSTS; it
    is first called on the first request, after Streamlit has loaded the app's secrets."""

    def __init__(self, app, setting: Callable[[str], str | None] = os.environ.get) -> None:
        self.app = app
        self._setting = setting
        self._extra_hosts: frozenset[str] | None = None
        self._refused_logged: set[str] = set()
        self._script_hashes = (*streamlit_inline_script_hashes(), *app_inline_script_hashes())
        self._report_only = os.environ.get(CSP_REPORT_ONLY_ENV) == "1"

    def _allowed_extra(self) -> frozenset[str]:
        if self._extra_hosts is None:
            self._extra_hosts = configured_hosts(self._setting(PUBLIC_URL_ENV), self._setting(ALLOWED_HOSTS_ENV))
        return self._extra_hosts

    def _log_refusal(self, raw_host: str) -> None:
        # Once per name (and at most 20): an operator who forgot to allow the public name finds out why at once.
        shown = raw_host[:80].encode("ascii", "replace").decode()
        if shown not in self._refused_logged and len(self._refused_logged) < 20:
            self._refused_logged.add(shown)
            _LOGGER.warning(
                "Refused a request for host %r: set %s or %s to serve that name.",
                shown,
                PUBLIC_URL_ENV,
                ALLOWED_HOSTS_ENV,
            )

    async def __call__(self, scope, receive, send) -> None:
        if scope["type"] not in ("http", "websocket"):
            await self.app(scope, receive, send)
            return
        hosts = [value for key, value in scope.get("headers") or [] if key.lower() == b"host"]
        raw_host = hosts[0].decode("latin-1") if len(hosts) == 1 else ""  # none, or two that may disagree
        name = host_name(raw_host)
        if not host_allowed(name, self._allowed_extra()):
            self._log_refusal(raw_host)
            await self._refuse(scope, send, 400, WRONG_HOST)
            return
        if CLOSED_PATH.search(scope.get("path", "")):
            await self._refuse(scope, send, 404, NOT_FOUND)
            return
        if scope["type"] == "websocket":
            await self.app(scope, receive, send)
            return
        query = (scope.get("query_string") or b"").decode("latin-1")
        headers = self._headers(_origin_host(raw_host, name), scope.get("path", ""), query)
        ours = {key for key, _ in headers}

        async def send_with_headers(message) -> None:
            if message["type"] == "http.response.start":
                kept = [(k, v) for k, v in message.get("headers", []) if k.lower() not in ours]
                message = {**message, "headers": kept + headers}
            await send(message)

        await self.app(scope, receive, send_with_headers)

    def _headers(self, host: str, path: str, query: str = "") -> list[tuple[bytes, bytes]]:
        # Only the chart-only view may be framed by other sites (a reporter's embed); every other page refuses.
        frameable = path in FRAMEABLE_PATHS or is_embed_request(path, query, _base_path())
        policy_name = "content-security-policy-report-only" if self._report_only else "content-security-policy"
        headers = {
            policy_name: content_security_policy(host, self._script_hashes, frameable),
            "x-content-type-options": "nosniff",
            "referrer-policy": REFERRER_POLICY,
            "permissions-policy": PERMISSIONS_POLICY,
        }
        if not frameable:
            headers["x-frame-options"] = "SAMEORIGIN"
        return [(name.encode(), value.encode("latin-1")) for name, value in headers.items()]

    async def _refuse(self, scope, send, status: int, text: str) -> None:
        if scope["type"] == "websocket":
            # Closing before accepting makes the server answer the handshake with 403.
            await send({"type": "websocket.close", "code": 1008})
            return
        # In the visitor's language, as the page would have been: a Spanish link says it in Spanish.
        language = document_language(scope.get("query_string") or b"", _header(scope, b"accept-language"))
        body = i18n.gettext(language, text).encode()
        await send(
            {
                "type": "http.response.start",
                "status": status,
                "headers": [
                    (b"content-type", b"text/plain; charset=utf-8"),
                    (b"content-language", language.encode()),
                    (b"content-length", str(len(body)).encode()),
                    (b"x-content-type-options", b"nosniff"),
                    (b"x-frame-options", b"SAMEORIGIN"),
                    (b"cache-control", b"no-store"),
                ],
            }
        )
        await send({"type": "http.response.body", "body": body})


def _header(scope, name: bytes) -> str | None:
    """A request header's value (the first, if sent twice), or None."""
    return next((v.decode("latin-1") for k, v in scope.get("headers") or [] if k.lower() == name), None)


# --- the document's language --------------------------------------------------------------------------------------

# Streamlit's index.html (served for "/" and for every page's address) declares English whatever the page shows.
_HTML_LANG = b'<html lang="en"'
# Addresses that never answer with the index page: Streamlit's endpoints, its bundles, media and components.
_NOT_A_DOCUMENT = re.compile(r"(^|/)(_stcore|static|media|component|app/static)(/|$)")
# Asked of Streamlit without these: a gzipped body cannot be rewritten, and a "304 Not Modified" would let the
# browser reuse a copy sent in another language.
_DROPPED_REQUEST_HEADERS = frozenset({b"accept-encoding", b"if-none-match", b"if-modified-since"})
_DROPPED_RESPONSE_HEADERS = frozenset({b"content-length", b"etag", b"last-modified", b"vary"})


def document_language(query_string: bytes, accept_language: str | None) -> str:
    """The language a page load asks for: ?lang= if we have it, else the browser's Accept-Language, else English."""
    asked = parse_qs(query_string.decode("latin-1")).get(i18n.QUERY_KEY, [None])[0]
    return i18n.supported(asked) or i18n.from_accept_language(accept_language) or i18n.DEFAULT


class DocumentLanguage:
    """ASGI middleware: writes the visitor's language into the index page's `<html lang>`, so screen readers read a
    Spanish page as Spanish and browsers do not offer to translate it. Only a full page load gets it right: Streamlit
    changes pages inside the browser without a new document, so the app's language switch is a plain link."""

    def __init__(self, app) -> None:
        self.app = app

    async def __call__(self, scope, receive, send) -> None:
        if scope["type"] != "http" or scope.get("method") != "GET" or _NOT_A_DOCUMENT.search(scope.get("path", "")):
            await self.app(scope, receive, send)
            return
        headers = scope.get("headers") or []
        lang = document_language(scope.get("query_string", b""), _header(scope, b"accept-language"))
        kept = [(k, v) for k, v in headers if k.lower() not in _DROPPED_REQUEST_HEADERS]
        held: dict | None = None  # the response start of an HTML page, sent once its body is rewritten
        chunks: list[bytes] = []

        async def rewrite(message) -> None:
            nonlocal held
            if message["type"] == "http.response.start":
                content_type = dict((k.lower(), v) for k, v in message.get("headers", [])).get(b"content-type", b"")
                if message.get("status") == 200 and content_type.startswith(b"text/html"):
                    held = message
                    return
            if held is None or message["type"] != "http.response.body":
                await send(message)
                return
            chunks.append(message.get("body", b""))
            if message.get("more_body"):
                return
            body = b"".join(chunks).replace(_HTML_LANG, b'<html lang="' + lang.encode() + b'"', 1)
            out = [(k, v) for k, v in held.get("headers", []) if k.lower() not in _DROPPED_RESPONSE_HEADERS]
            out += [(b"content-length", str(len(body)).encode()), (b"vary", b"Accept-Language")]
            await send({**held, "headers": out})
            await send({"type": "http.response.body", "body": body})

        await self.app({**scope, "headers": kept}, receive, rewrite)
