"""The served page declares the visitor's language in <html lang>: ?lang= first, then Accept-Language, then en."""

from __future__ import annotations

import asyncio
import http.client
import re
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor

import pytest

import hosting
from tests.browser.conftest import start_server, stop_server

pytestmark = pytest.mark.xdist_group("document_language")
HTML_LANG = re.compile(rb'<html lang="([^"]*)"')


@pytest.fixture(scope="module")
def port() -> Iterator[int]:
    process, url = start_server()
    yield int(url.rsplit(":", 1)[1])
    stop_server(process)


def get(port: int, path: str, **headers: str) -> http.client.HTTPResponse:
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    connection.request("GET", path, headers={"Host": "localhost", **headers})
    response = connection.getresponse()
    response.body = response.read()
    connection.close()
    return response


def declared(response: http.client.HTTPResponse) -> str:
    return HTML_LANG.search(response.body).group(1).decode()


# --- a real server ---------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("path", "headers", "lang"),
    [
        ("/?lang=es", {}, "es"),
        ("/", {}, "en"),
        ("/?lang=en", {"Accept-Language": "es-ES,es;q=0.9"}, "en"),
        ("/", {"Accept-Language": "es-MX,es;q=0.9,en;q=0.8"}, "es"),
        ("/?lang=fr", {"Accept-Language": "fr-FR,es;q=0.5"}, "es"),
        ("/?lang=%22%3E%3Cscript%3E", {}, "en"),
        ("/Doses?lang=es", {}, "es"),
        ("/Doses?lang=es", {"Accept-Encoding": "gzip"}, "es"),  # a page address whose answer could be gzipped
        ("/Run_a_session?room=ABCD&lang=es", {}, "es"),
    ],
)
def test_page_declares_its_language(port, path, headers, lang):
    response = get(port, path, **headers)
    assert response.status == 200
    assert declared(response) == lang


def test_rewritten_page_keeps_a_correct_length(port):
    response = get(port, "/?lang=es")
    assert int(response.getheader("Content-Length")) == len(response.body)


def test_a_cached_english_copy_is_not_reused_for_spanish(port):
    first = get(port, "/Doses")
    tag = first.getheader("ETag") or '"anything"'
    again = get(port, "/Doses?lang=es", **{"If-None-Match": tag, "If-Modified-Since": "Mon, 07 Dec 2099 00:00:00 GMT"})
    assert (again.status, declared(again)) == (200, "es")


def test_security_headers_still_come_with_the_rewritten_page(port):
    response = get(port, "/?lang=es")
    assert response.getheader("Content-Security-Policy")
    assert response.getheader("X-Frame-Options") == "SAMEORIGIN"


def test_scripts_and_endpoints_are_left_alone(port):
    assert get(port, "/_stcore/health?lang=es").body == b"ok"


# --- the middleware alone --------------------------------------------------------------------------------------


def run(app_body: list[bytes], content_type: bytes = b"text/html", query: bytes = b"lang=es", status: int = 200):
    """Send one GET through DocumentLanguage in front of a fake app; return the messages and the headers it saw."""
    seen, sent = {}, []

    async def app(scope, receive, send):
        seen["headers"] = dict(scope["headers"])
        headers = [(b"content-type", content_type), (b"content-length", b"999"), (b"etag", b'"x"')]
        await send({"type": "http.response.start", "status": status, "headers": headers})
        for index, chunk in enumerate(app_body):
            await send({"type": "http.response.body", "body": chunk, "more_body": index < len(app_body) - 1})

    async def send(message):
        sent.append(message)

    request = [(b"accept-encoding", b"gzip"), (b"if-none-match", b'"x"'), (b"host", b"localhost")]
    scope = {"type": "http", "method": "GET", "path": "/", "query_string": query, "headers": request}
    # In a thread of its own: on a worker that also drives Playwright, this thread already runs an event loop.
    with ThreadPoolExecutor(1) as pool:
        pool.submit(asyncio.run, hosting.DocumentLanguage(app)(scope, None, send)).result()
    return sent, seen["headers"]


def test_body_split_across_messages_is_rewritten_whole():
    sent, _ = run([b"<!DOCTYPE html>\n<html la", b'ng="en">\n<body></body></html>'])
    body = b"".join(m.get("body", b"") for m in sent if m["type"] == "http.response.body")
    assert body == b'<!DOCTYPE html>\n<html lang="es">\n<body></body></html>'
    assert dict(sent[0]["headers"])[b"content-length"] == str(len(body)).encode()


def test_rewritten_page_drops_its_validators():
    sent, _ = run([b'<html lang="en">'])
    assert b"etag" not in dict(sent[0]["headers"])


def test_streamlit_is_asked_for_a_plain_fresh_copy():
    _, headers = run([b'<html lang="en">'])
    assert b"accept-encoding" not in headers
    assert b"if-none-match" not in headers
    assert headers[b"host"] == b"localhost"


@pytest.mark.parametrize(("content_type", "status"), [(b"application/json", 200), (b"text/html", 404)])
def test_other_responses_pass_untouched(content_type, status):
    sent, _ = run([b'<html lang="en">'], content_type=content_type, status=status)
    assert sent[1]["body"] == b'<html lang="en">'
    assert dict(sent[0]["headers"])[b"content-length"] == b"999"


@pytest.mark.parametrize(
    ("query", "accept", "lang"),
    [(b"lang=es", None, "es"), (b"lang=es&lang=en", None, "es"), (b"", "es", "es"), (b"lang=de", "de", "en")],
)
def test_document_language(query, accept, lang):
    assert hosting.document_language(query, accept) == lang
