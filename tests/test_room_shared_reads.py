"""The room pages' shared reads: one store query a second for all phones of a server, forgotten on a change."""

from __future__ import annotations

import pytest

from core.room import RoomError
from ui import room as room_ui


class CountingReads:
    """A stand-in for one store read that counts its calls and can be told to refuse."""

    def __init__(self) -> None:
        self.calls = 0
        self.refuse = False

    def state(self, code: str) -> str:
        self.calls += 1
        if self.refuse:
            raise RoomError("This room is unknown.")
        return f"{code} #{self.calls}"


@pytest.fixture
def reads(monkeypatch) -> CountingReads:
    monkeypatch.setattr(room_ui, "_shared_reads", {})
    return CountingReads()


def test_phones_within_a_second_share_one_read(reads):
    assert {room_ui.shared_read(reads.state, "K7DP3X") for _ in range(50)} == {"K7DP3X #1"}
    assert reads.calls == 1


def test_a_read_is_repeated_after_a_second(reads, monkeypatch):
    room_ui.shared_read(reads.state, "K7DP3X")
    monkeypatch.setattr(room_ui, "SHARED_READ_SECONDS", 0.0)  # as if the second had passed
    assert room_ui.shared_read(reads.state, "K7DP3X") == "K7DP3X #2"


def test_a_change_on_this_server_is_seen_at_once(reads):
    room_ui.shared_read(reads.state, "K7DP3X")
    room_ui.shared_read(reads.state, "AAAAAA")
    room_ui.forget_room("K7DP3X")
    assert room_ui.shared_read(reads.state, "K7DP3X") == "K7DP3X #3"
    assert room_ui.shared_read(reads.state, "AAAAAA") == "AAAAAA #2"


def test_a_refusal_is_never_kept(reads):
    reads.refuse = True
    with pytest.raises(RoomError):
        room_ui.shared_read(reads.state, "K7DP3X")
    reads.refuse = False
    assert room_ui.shared_read(reads.state, "K7DP3X") == "K7DP3X #2"
