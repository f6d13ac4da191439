"""The address phones use: a configured public URL, page addresses, loopback detection, the network address."""

from __future__ import annotations

import pytest

from core.room import address
from core.views import room as view


@pytest.mark.parametrize(
    ("raw", "base"),
    [
        ("http://192.168.1.20:8501", "http://192.168.1.20:8501"),
        ("https://workshop.example.org/app/", "https://workshop.example.org/app"),
        ("  https://workshop.example.org  ", "https://workshop.example.org"),
        ("https://workshop.example.org/?x=1#y", "https://workshop.example.org"),
    ],
)
def test_a_configured_public_url_becomes_a_clean_base(raw, base):
    assert address.check_base(raw) == base


@pytest.mark.parametrize("raw", [None, "", "ftp://host", "workshop.example.org", "http://", "http://a b", "x" * 400])
def test_a_public_url_that_is_not_a_web_address_is_ignored(raw):
    assert address.check_base(raw) is None


@pytest.mark.parametrize(
    ("base", "page", "query", "url"),
    [
        ("http://10.0.0.5:8501", "Join", {"room": "K7DP3XAC"}, "http://10.0.0.5:8501/Join?room=K7DP3XAC"),
        ("https://h.example/app/", "/Join", {"room": "K7DP3XAC"}, "https://h.example/app/Join?room=K7DP3XAC"),
        ("https://h.example/app", "Doses", None, "https://h.example/app/Doses"),
        ("https://h.example", "", None, "https://h.example"),
    ],
)
def test_page_url_joins_base_page_and_query(base, page, query, url):
    assert address.page_url(base, page, query) == url


@pytest.mark.parametrize(
    ("page", "base"),
    [
        ("http://127.0.0.1:8501/Run_a_session", "http://127.0.0.1:8501"),
        ("https://h.example/app/Run_a_session?x=1", "https://h.example/app"),
        ("", "http://localhost:8501"),
    ],
)
def test_the_base_of_a_page_address_drops_the_page(page, base):
    assert address.base_of_page(page) == base


@pytest.mark.parametrize(
    "host", ["localhost", "app.localhost", "127.0.0.1", "127.4.5.6", "::1", "[::1]", "0.0.0.0", ""]
)
def test_loopback_hosts_are_recognised(host):
    assert address.is_loopback(host)


@pytest.mark.parametrize("host", ["192.168.1.20", "10.0.0.5", "workshop.example.org", "2001:db8::1"])
def test_hosts_phones_can_reach_are_not_loopback(host):
    assert not address.is_loopback(host)


def test_usable_addresses_skip_loopback_link_local_and_ipv6():
    found = address.usable_addresses(
        ["127.0.1.1", "169.254.3.4", "fe80::1", "nonsense", "192.168.1.20", "192.168.1.20"]
    )
    assert found == ["192.168.1.20"]


def test_the_network_address_is_never_loopback():
    found = address.network_address()
    assert found is None or not address.is_loopback(found)


def test_a_configured_public_url_wins_over_everything():
    base, suggested = address.phone_base("http://localhost:8501/Run_a_session", "https://w.example", "192.168.1.20")
    assert (base, suggested) == ("https://w.example", None)


def test_a_loopback_page_is_swapped_for_the_network_address_on_the_same_port():
    base, suggested = address.phone_base("http://localhost:8501/Run_a_session", None, "192.168.1.20")
    assert base == suggested == "http://192.168.1.20:8501"


def test_a_reachable_page_address_is_kept():
    assert address.phone_base("http://10.0.0.5:8501/Run_a_session", None, "192.168.1.20") == (
        "http://10.0.0.5:8501",
        None,
    )


def test_a_loopback_page_without_a_network_address_keeps_its_address():
    assert address.phone_base("http://127.0.0.1:8501/Run_a_session", None, None) == ("http://127.0.0.1:8501", None)


@pytest.mark.parametrize(
    ("page", "configured", "suggested", "says"),
    [
        ("http://localhost:8501/x", None, "http://192.168.1.20:8501", "http://192.168.1.20:8501"),
        ("http://127.0.0.1:8501/x", None, None, "No network address"),
    ],
)
def test_a_facilitator_on_loopback_is_warned_in_plain_words(page, configured, suggested, says):
    words = address.loopback_warning(page, configured, suggested)
    assert "phones cannot use it" in words
    assert says in words
    assert address.PUBLIC_URL_ENV in words


@pytest.mark.parametrize(
    ("page", "configured"), [("http://localhost:8501/x", "https://w.example"), ("http://10.0.0.5:8501/x", None)]
)
def test_no_warning_when_phones_can_open_the_links(page, configured):
    assert address.loopback_warning(page, configured, None) is None


def test_the_join_link_sits_under_the_public_base():
    assert view.join_link_at("https://w.example/app", "K7DP3XAC") == "https://w.example/app/Join?room=K7DP3XAC"
