"""The live workshop room: a shared store of rooms and answers, the questions it asks, and session plans."""

from core.room.rules import RoomError, RoomState
from core.room.schema import default_url
from core.room.store import RoomStore

__all__ = ["RoomError", "RoomState", "RoomStore", "default_url"]
