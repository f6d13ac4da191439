"""Cached loading shared by every session: the data folder's key, the validated dataset and derived views."""

from __future__ import annotations

import hashlib
import threading
import time
from collections import OrderedDict
from collections.abc import Callable, Hashable
from typing import Any

import streamlit as st

from core import data as core_data
from core.data.translate import localised
from ui.language import lang

_KEY_TTL_SECONDS = 1.0
_key_memo: dict[str, tuple[float, str]] = {}


def _data_key() -> tuple[str, str]:
    """The data folder and its files' sizes and times: a new key whenever a file changes.

    Looked at no more than once a second per folder: a page asks several times per rerun, and an edited
    file is still picked up on the next click.
    """
    folder = core_data.default_data_dir()
    now = time.monotonic()
    memo = _key_memo.get(str(folder))
    if memo and now - memo[0] < _KEY_TTL_SECONDS:
        return str(folder), memo[1]
    files = sorted(folder.glob("*")) if folder.is_dir() else []
    # A short digest, not the tuple itself: every cached view hashes this key on every call.
    signature = repr(tuple((p.name, p.stat().st_size, p.stat().st_mtime) for p in files if p.is_file()))
    digest = hashlib.sha256(signature.encode()).hexdigest()[:16]
    _key_memo[str(folder)] = (now, digest)
    return str(folder), digest


# NOTE: cache_resource, not cache_data: every session shares one Dataset object instead of unpickling a
# copy on each rerun (about 7 ms). Core functions never mutate their inputs, and nothing else may either.
# A broken folder's DataError is cached too (returned, not raised), so a failure is not re-read on every rerun.
@st.cache_resource(show_spinner=False, max_entries=4)
def _load_cached(folder: str, signature: str) -> core_data.Dataset | core_data.DataError:
    try:
        return core_data.load(folder)
    except core_data.DataError as error:
        return error


def load_dataset() -> core_data.Dataset:
    """The validated dataset, loaded once per data folder and file change (shared: never mutate it)."""
    folder, signature = _data_key()
    loaded = _load_cached(folder, signature)
    if isinstance(loaded, core_data.DataError):
        raise loaded
    return loaded


def load_edition() -> core_data.Dataset:
    """The dataset in the visitor's language (translatable cells translated, ds.lang set); shared like the data."""
    return localised(load_dataset(), lang())


# NOTE: shared, not copied (cache_resource): unpickling a view of a hundred small tables on every rerun cost
# more than computing it. Views are read-only; pages only read them.
# Sizes measured with tracemalloc (8 December 2026): one view holds up to about 0.7 MB (a Dose page view 0.5 MB
# since the rows behind its items are gathered when opened). Views without arguments are about twenty per data
# version; views with arguments multiply with every weight, route and page choice, so they live in their own
# cache, where a burst of new choices cannot push the shared page views out.
DERIVED_ENTRIES, DERIVED_BY_ARGS_ENTRIES, DERIVED_BY_ARGS_TTL = 64, 64, "30m"  # caps: ~45 MB and ~40 MB


@st.cache_resource(show_spinner=False, max_entries=DERIVED_ENTRIES)
def _derived(name: str, data_key: tuple, language: str, args: tuple, _fn: Callable[..., Any]) -> Any:
    # name, data_key, language and args are only the cache key; the function itself is not hashed (leading underscore).
    return _fn(localised(load_dataset(), language), *args)


@st.cache_resource(show_spinner=False, max_entries=DERIVED_BY_ARGS_ENTRIES, ttl=DERIVED_BY_ARGS_TTL)
def _derived_by_args(name: str, data_key: tuple, language: str, args: tuple, _fn: Callable[..., Any]) -> Any:
    return _fn(localised(load_dataset(), language), *args)


# In front of the shared caches, the views asked for in the last seconds, found by a plain dict lookup: Streamlit
# hashes a cache key (md5 over every argument) on every call, about 0.3 ms each, and a page asks for four or five
# views per rerun. This memo only holds what the caches above already hold, for ten seconds at most, so their caps,
# their time limits and their clearing still decide what is kept (and a crowd trying many weights cannot make it
# keep many views alive past their eviction).
RECENT_ENTRIES, RECENT_SECONDS = 16, 10.0
_recent: OrderedDict[tuple, tuple[float, Any]] = OrderedDict()
_recent_lock = threading.Lock()


def derived(fn: Callable[..., Any], *args: Hashable) -> Any:
    """fn(dataset, *args) on the visitor's edition of the data, computed once per data version, language and
    argument values, shared by all sessions.

    Arguments must be small and hashable (a weight, a tuple of ids), never DataFrames: they form the cache key.
    Pass values from a fixed set (bound_number snaps numbers to its step) so that the keys stay few.
    """
    key = (f"{fn.__module__}.{fn.__qualname__}", _data_key(), lang(), args)
    now = time.monotonic()
    with _recent_lock:
        hit = _recent.get(key)
        if hit is not None and now - hit[0] < RECENT_SECONDS:
            _recent.move_to_end(key)
            return hit[1]
    cached = _derived_by_args if args else _derived
    value = cached(*key, fn)
    with _recent_lock:
        _recent[key] = (now, value)
        while len(_recent) > RECENT_ENTRIES:
            _recent.popitem(last=False)
    return value
