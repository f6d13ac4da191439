"""The live workshop room: a shared store of rooms and answers, the questions it asks, and session plans."""

from core.room.store import RoomError, RoomState, RoomStore, default_url

__all__ = ["RoomError", "RoomState", "RoomStore", "default_url"]
