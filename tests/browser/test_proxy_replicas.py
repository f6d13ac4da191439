"""The README's recipe: Debian's nginx in front of two Streamlit replicas sharing one PostgreSQL, on loopback ports."""

from __future__ import annotations

import re
import secrets
import time
import urllib.request
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest
from playwright.sync_api import TimeoutError as PlaywrightTimeout

from bench import room_load
from deploy import run_replicas
from tests import room_postgres
from tests.browser.conftest import DESKTOP, PHONE, wait_rendered
from tests.browser.test_room_two_servers import metric_value, room_at_question_one

# One worker runs the module, so the PostgreSQL cluster and the running recipe are set up once.
pytestmark = pytest.mark.xdist_group("proxy_replicas")
COOKIE = room_load.REPLICA_COOKIE


def skip_or_fail_without_nginx_and_postgres() -> None:
    """Skip with the reason where nginx or PostgreSQL is missing; fail instead where CI requires them."""
    room_postgres.skip_or_fail_without_postgres()
    reason = run_replicas.nginx_missing_reason()
    if reason:
        if room_postgres.required():
            pytest.fail(f"nginx is required here but {reason}")
        pytest.skip(reason)


@pytest.fixture(scope="module")
def cluster() -> Iterator[str]:
    skip_or_fail_without_nginx_and_postgres()
    with room_postgres.postgres_cluster() as url:
        yield url


@pytest.fixture(scope="module")
def recipe(cluster) -> Iterator[run_replicas.Replicas]:
    with run_replicas.replicas(room_postgres.fresh_database(cluster)) as running:
        yield running


def fetch(url: str, cookie: str = "") -> tuple[int, list[str]]:
    """Status and Set-Cookie headers of one page load, with the sticky cookie if given."""
    request = urllib.request.Request(url, headers={"Cookie": f"{COOKIE}={cookie}"} if cookie else {})
    with urllib.request.urlopen(request, timeout=60) as response:
        response.read()
        return response.status, response.headers.get_all("Set-Cookie") or []


def test_the_config_is_one_nginx_accepts(tmp_path):
    skip_or_fail_without_nginx_and_postgres()
    config = tmp_path / "nginx.conf"
    config.write_text(run_replicas.render_config(tmp_path, "127.0.0.1:20001", [20002, 20003, 20004]))
    run_replicas.check_config(config, tmp_path)  # raises with nginx's own words


@pytest.mark.parametrize(("name", "value"), [("MALLOC_ARENA_MAX", "2"), ("ARROW_DEFAULT_MEMORY_POOL", "system")])
def test_each_replica_starts_with_the_memory_settings_the_capacity_figures_assume(recipe, name, value):
    for process in recipe.servers:
        environment = Path(f"/proc/{process.pid}/environ").read_bytes().split(b"\0")
        assert f"{name}={value}".encode() in environment


def test_the_recipes_postgresql_keeps_small_shared_buffers(cluster):
    import sqlalchemy as sa

    with sa.create_engine(cluster).connect() as connection:
        assert connection.execute(sa.text("show shared_buffers")).scalar() == "16MB"


def test_a_first_visit_gets_a_sticky_cookie_and_a_returning_one_does_not(recipe):
    status, cookies = fetch(recipe.url + "/")
    assert status == 200
    assert len(cookies) == 1
    assert re.fullmatch(rf"{COOKIE}=[0-9a-f]{{32}}; Path=/; HttpOnly; SameSite=Lax", cookies[0])
    key = cookies[0].split(";")[0].split("=")[1]
    assert fetch(recipe.url + "/Join", cookie=key) == (200, [])


def test_one_cookie_stays_on_one_replica_and_many_cookies_use_both(recipe):
    keys = [f"{n:032x}" for n in range(1, 25)]
    for key in keys:
        for path in ("/", "/_stcore/health", "/Join"):
            fetch(recipe.url + path, cookie=key)
    replicas_per_key = {key: recipe.upstream_of(key) for key in keys}
    assert None not in replicas_per_key.values()
    assert set(replicas_per_key.values()) == set(recipe.server_ports)
    log = (recipe.folder / "access.log").read_text()
    for key, port in replicas_per_key.items():
        served = re.findall(rf"replica_key={key} upstream=127\.0\.0\.1:(\d+)", log)
        assert served == [str(port)] * 3, key


def test_the_response_names_no_version_and_no_replica(recipe):
    with urllib.request.urlopen(recipe.url + "/", timeout=60) as response:
        headers = dict(response.headers)
    assert headers.get("Server") == "nginx"
    assert not any(f":{port}" in value for value in headers.values() for port in recipe.server_ports)


@pytest.mark.browser
def test_a_page_loads_through_the_proxy_and_its_websocket_works(recipe, browser):
    context = browser.new_context(viewport=DESKTOP)
    sockets, frames = [], []
    try:
        page = context.new_page()
        page.on("websocket", lambda ws: (sockets.append(ws.url), ws.on("framereceived", lambda f: frames.append(f))))
        page.goto(recipe.url + "/")
        wait_rendered(page)  # Streamlit draws the page only from messages on its websocket
        assert page.locator("h1").first.inner_text()
        assert sockets == [recipe.url.replace("http://", "ws://") + "/_stcore/stream"]
        assert frames
        assert any(c["name"] == COOKIE for c in context.cookies())
        assert page.locator('[data-testid="stException"]').count() == 0
    finally:
        context.close()


def test_a_replica_killed_mid_session_loses_no_answer(cluster):
    """20 phones and a facilitator through nginx; the replica without the facilitator is SIGKILLed after 2 of 4
    questions. Its phones reconnect through nginx to the live replica and every answer is stored once."""
    participants, questions = 20, 4
    url = room_postgres.fresh_database(cluster)
    with room_load.set_up("proxy", url) as servers, ThreadPoolExecutor(1) as thread:
        # In a thread of its own: the session runs an asyncio loop, and Playwright's sync API may hold this one's.
        result = thread.submit(room_load.measured_session, "proxy", servers, url, participants, questions, 5).result()
    assert result["errors"] == 0, result["error_examples"]
    assert result["killed_mid_session"] == 1
    assert len(result["websockets_per_replica"]) == 2  # phones were on both replicas before the kill
    assert result["reconnects"] >= 1
    assert result["failed_reconnects"] == 0
    assert result["questions"] == questions
    assert result["answers_acknowledged"] == participants * questions
    assert result["lost"] == 0
    assert result["stored_not_acknowledged"] == 0
    assert result["answers_stored"] == result["answers_acknowledged"]


def key_on(running: run_replicas.Replicas, port: int) -> str:
    """A sticky-cookie key that nginx sends to the replica on `port` (random keys, tried until one lands there)."""
    for _ in range(200):
        key = secrets.token_hex(16)
        fetch(running.url + "/_stcore/health", cookie=key)
        if running.upstream_of(key) == port:
            return key
    raise AssertionError(f"no key reached the replica on port {port}")


@pytest.mark.browser
def test_a_phone_whose_replica_dies_answers_through_the_live_one(cluster, browser):
    """Chromium as facilitator on one replica and as a phone on the other; the phone's replica is SIGKILLed before
    it answers. Streamlit's page reconnects through nginx to the live replica, keeps its participant id, and its
    answer reaches the facilitator's live count."""
    with run_replicas.replicas(room_postgres.fresh_database(cluster)) as running:
        facilitator_port, phone_port = running.server_ports
        desk, hand = browser.new_context(viewport=DESKTOP), browser.new_context(viewport=PHONE)
        try:
            for context, port in ((desk, facilitator_port), (hand, phone_port)):
                context.add_cookies([{"name": COOKIE, "value": key_on(running, port), "url": running.url}])
            screen, _code, phone, options = room_at_question_one(desk, hand, running.url, running.url)
            joined_as = phone.url

            victim = running.servers[running.server_ports.index(phone_port)]
            victim.kill()  # SIGKILL: the replica says no goodbye
            victim.wait()
            # The page's live check reconnects by itself; wait until nginx has sent it to the live replica.
            for _ in range(120):
                if any(", 127.0.0.1:" in line for line in (running.folder / "access.log").read_text().splitlines()):
                    break
                time.sleep(0.25)
            # A tap while the page is still reconnecting is lost (the phone shows no answer chosen), and a person taps
            # again: so does the test, up to three times. A second tap of one option replaces the answer, so a phone
            # counted twice would still show as two.
            for attempt in range(3):
                options.first.click()
                try:
                    screen.wait_for_function(
                        """() => {
                            const m = document.querySelector('[data-testid="stMetricValue"]');
                            return m && m.innerText.startsWith('1 of');
                        }""",
                        timeout=15_000,
                    )
                    break
                except PlaywrightTimeout:
                    if attempt == 2:
                        raise
            assert metric_value(screen) == "1 of 1 phone"  # the same participant, not a second one
            assert phone.url == joined_as
            assert phone.locator('[data-testid="stException"]').count() == 0
        finally:
            desk.close()
            hand.close()
