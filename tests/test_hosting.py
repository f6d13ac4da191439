"""`streamlit run serve.py` sends the security headers, refuses foreign Host names and closes operator endpoints."""

from __future__ import annotations

import http.client
import re
import socket
from collections.abc import Iterator

import pytest

import hosting
from tests.browser.conftest import start_server, stop_server

# One worker runs the module, so its server starts once.
pytestmark = pytest.mark.xdist_group("hosting")

PUBLIC_URL = "https://workshop.example.org/stemcells"
ALLOWED = "proxy.internal, *.rooms.example.net"


@pytest.fixture(scope="module")
def port() -> Iterator[int]:
    process, url = start_server({hosting.PUBLIC_URL_ENV: PUBLIC_URL, hosting.ALLOWED_HOSTS_ENV: ALLOWED})
    yield int(url.rsplit(":", 1)[1])
    stop_server(process)


def get(port: int, path: str = "/", host: str | None = None, *more_hosts: str) -> http.client.HTTPResponse:
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    # skip_host: the test writes the Host header itself (or sends none, or several).
    connection.putrequest("GET", path, skip_host=True, skip_accept_encoding=True)
    for value in [host, *more_hosts] if host is not None else []:
        connection.putheader("Host", value)
    connection.endheaders()
    response = connection.getresponse()
    response.body = response.read()
    connection.close()
    return response


def handshake_status(port: int, host: str) -> int:
    """The status line of a websocket handshake to Streamlit's stream, sent with the given Host."""
    with socket.create_connection(("127.0.0.1", port), timeout=30) as sock:
        sock.sendall(
            f"GET /_stcore/stream HTTP/1.1\r\nHost: {host}\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
            "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n\r\n".encode()
        )
        return int(sock.recv(100).split(b" ")[1])


def csp(port: int, path: str = "/") -> dict[str, str]:
    header = get(port, path, "localhost").getheader("Content-Security-Policy") or ""
    return dict(part.strip().split(" ", 1) for part in header.split(";") if part.strip())


# --- headers ---------------------------------------------------------------------------------------


@pytest.mark.parametrize("path", ["/", "/Run_a_session", "/_stcore/health", "/favicon.png"])
@pytest.mark.parametrize(
    ("header", "value"),
    [
        ("X-Content-Type-Options", "nosniff"),
        ("X-Frame-Options", "SAMEORIGIN"),
        ("Referrer-Policy", "same-origin"),
        ("Permissions-Policy", hosting.PERMISSIONS_POLICY),
    ],
)
def test_response_carries_the_header(port, path, header, value):
    assert get(port, path, "localhost").getheader(header) == value


@pytest.mark.parametrize(
    ("directive", "value"),
    [
        ("default-src", "'self'"),
        ("frame-ancestors", "'self'"),
        ("object-src", "'none'"),
        ("base-uri", "'self'"),
        ("form-action", "'self'"),
        ("connect-src", "'self' ws://localhost wss://localhost"),
    ],
)
def test_content_security_policy_directive(port, directive, value):
    assert csp(port)[directive] == value


@pytest.mark.parametrize("loophole", ["'unsafe-inline'", "'unsafe-eval'", "*", "data:", "http:", "https:"])
def test_scripts_come_only_from_the_app(port, loophole):
    assert loophole not in csp(port)["script-src"].split()


def test_policy_is_enforced_not_only_reported(port):
    response = get(port, "/", "localhost")
    assert response.getheader("Content-Security-Policy")
    assert response.getheader("Content-Security-Policy-Report-Only") is None


# --- Host names ------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "host",
    [
        "localhost", "localhost:8501", "127.0.0.1", "127.0.0.1:8501", "[::1]:8501", "192.168.1.20:8501",
        "10.0.0.7", "[fe80::1]", "workshop.example.org", "WORKSHOP.Example.org.", "proxy.internal",
        "a.rooms.example.net",
    ],
)  # fmt: skip
def test_allowed_host_gets_the_app(port, host):
    response = get(port, "/", host)
    assert response.status == 200
    assert b"<html" in response.body.lower()


@pytest.mark.parametrize(
    "host",
    [
        "evil.example", "attacker.example:8501", "localhost.evil.example", "127.0.0.1.nip.io",
        "workshop.example.org.evil.example", "example.org", "rooms.example.net", "bad host", "",
    ],
)  # fmt: skip
def test_foreign_host_is_refused_in_plain_words(port, host):
    response = get(port, "/", host)
    assert (response.status, response.body) == (400, b"This server does not answer to that host name.")


@pytest.mark.parametrize(
    ("path", "accept", "said"),
    [
        ("/?lang=es", None, "Este servidor no responde a ese nombre de host."),
        ("/", "es-MX,es;q=0.9", "Este servidor no responde a ese nombre de host."),
        ("/?lang=en", "es", "This server does not answer to that host name."),
    ],
)
def test_foreign_host_is_refused_in_the_visitors_language(port, path, accept, said):
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    connection.putrequest("GET", path, skip_host=True, skip_accept_encoding=True)
    connection.putheader("Host", "evil.example")
    if accept:
        connection.putheader("Accept-Language", accept)
    connection.endheaders()
    response = connection.getresponse()
    assert (response.status, response.read().decode()) == (400, said)
    assert response.getheader("Content-Language") == ("en" if said.startswith("This") else "es")
    connection.close()


def test_request_without_a_host_is_refused(port):
    assert get(port, "/", None).status == 400


def test_second_host_header_cannot_smuggle_a_foreign_name(port):
    assert get(port, "/", "localhost", "evil.example").status == 400


@pytest.mark.parametrize(
    ("host", "source"),
    [("WORKSHOP.Example.org.", "ws://workshop.example.org"), ("[::1]:8501", "ws://[::1]:8501")],
)
def test_websocket_source_is_the_checked_host_normalised(port, host, source):
    header = get(port, "/", host).getheader("Content-Security-Policy")
    assert f"connect-src 'self' {source} {source.replace('ws:', 'wss:')};" in header


@pytest.mark.parametrize(("host", "status"), [("localhost", 101), ("evil.example", 403)])
def test_websocket_handshake_checks_the_host(port, host, status):
    assert handshake_status(port, host) == status


# --- operator endpoints and versions ---------------------------------------------------------------


@pytest.mark.parametrize("path", ["/_stcore/metrics", "/_stcore/agent/openapi.json", "/_stcore/agent/mcp"])
def test_operator_endpoint_is_closed_even_from_loopback(port, path):
    assert get(port, path, "127.0.0.1").status == 404


@pytest.mark.parametrize("path", ["/", "/_stcore/health", "/_stcore/host-config"])
def test_no_version_in_headers_or_body(port, path):
    import platform

    import streamlit

    response = get(port, path, "localhost")
    text = "\n".join(f"{k}: {v}" for k, v in response.getheaders()) + response.body.decode("utf-8", "replace")
    assert streamlit.__version__ not in text
    assert platform.python_version() not in text
    assert not re.search(r"server: \S*\d", text, re.IGNORECASE)


# --- the pieces, without a server ------------------------------------------------------------------


@pytest.mark.parametrize(
    ("header", "name"),
    [("LocalHost:80", "localhost"), ("[::1]:8501", "::1"), ("app.example.org.", "app.example.org"),
     ("a b", None), ("x:99999999", None), ("", None), ("host/path", None)],
)  # fmt: skip
def test_host_name_reads_the_header(header, name):
    assert hosting.host_name(header) == name


def test_embed_hook_opens_only_its_own_path_to_framing(monkeypatch):
    monkeypatch.setattr(hosting, "FRAMEABLE_PATHS", frozenset({"/Embed"}))
    guard = hosting.Hardening(app=None)
    embed = dict(guard._headers("localhost", "/Embed"))
    other = dict(guard._headers("localhost", "/Claims"))
    assert b"x-frame-options" not in embed
    assert b"frame-ancestors *" in embed[b"content-security-policy"]
    assert other[b"x-frame-options"] == b"SAMEORIGIN"


def test_report_only_mode_renames_the_header(monkeypatch):
    monkeypatch.setenv(hosting.CSP_REPORT_ONLY_ENV, "1")
    headers = dict(hosting.Hardening(app=None)._headers("localhost", "/"))
    assert b"content-security-policy-report-only" in headers
    assert b"content-security-policy" not in headers


def test_inline_script_of_streamlit_is_allowed_by_hash():
    assert hosting.streamlit_inline_script_hashes()
    assert all(h.startswith("'sha256-") for h in hosting.streamlit_inline_script_hashes())


def test_public_url_in_the_secrets_file_is_allowed(tmp_path):
    # Community Cloud and most hosts give settings as secrets; Streamlit also reads ~/.streamlit/secrets.toml.
    (tmp_path / ".streamlit").mkdir()
    (tmp_path / ".streamlit" / "secrets.toml").write_text(
        f'{hosting.PUBLIC_URL_ENV} = "https://from-secrets.example.org"\n', encoding="utf-8"
    )
    process, url = start_server({"HOME": str(tmp_path)})
    try:
        port = int(url.rsplit(":", 1)[1])
        assert get(port, "/", "from-secrets.example.org").status == 200
        assert get(port, "/", "workshop.example.org").status == 400
    finally:
        stop_server(process)


@pytest.mark.parametrize(
    ("public_url", "allowed", "hosts"),
    [
        (None, None, set()),
        ("https://Room.Example.org:8443/x?y=1", None, {"room.example.org"}),
        ("not a url", " a.example , ,b.example. ", {"a.example", "b.example"}),
    ],
)
def test_configured_hosts_reads_both_settings(public_url, allowed, hosts):
    assert hosting.configured_hosts(public_url, allowed) == hosts
