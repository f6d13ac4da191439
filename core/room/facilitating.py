"""What only a room's facilitator can do: start, plan, move on, reveal, end, lock, resume and read tallies."""

import json
import secrets
from collections.abc import Sequence

import sqlalchemy as sa

from core.i18n import N_
from core.room.rules import (
    CODE_ALPHABET,
    CODE_LENGTH,
    MAX_ACTIVE_ROOMS,
    MAX_OPTION_CHARS,
    MAX_OPTIONS,
    MAX_QUESTIONS,
    TOKEN_BYTES,
    UNSTARTED_TTL_SECONDS,
    RoomError,
    RoomState,
    _check_question_id,
    _check_token,
    _hash,
    _text,
    database_errors_in_words,
    normalise_code,
)
from core.room.schema import answers, counters, reveals, room_questions, rooms


class Facilitating:
    """RoomStore's facilitator actions (a mixin: the store gives _write, _read, _room and the rest)."""

    @database_errors_in_words
    def create_room(self) -> tuple[str, str]:
        """A new room: its join code and the facilitator's secret key (only its hash is stored)."""
        self.purge_expired()
        token = secrets.token_urlsafe(TOKEN_BYTES)
        now = self._now()
        # Count and insert in one transaction holding the counter row, so concurrent creators cannot overrun the cap.
        with self._write() as conn, conn.begin():
            conn.execute(sa.select(counters.c.name).where(counters.c.name == "rooms").with_for_update())
            if self.active_rooms(conn) >= MAX_ACTIVE_ROOMS:
                raise RoomError(N_("Too many rooms are open right now; try again later."))
            for _ in range(20):
                code = "".join(secrets.choice(CODE_ALPHABET) for _ in range(CODE_LENGTH))
                # Creators wait on the counter row, so no one else can take this code between the check and insert.
                if conn.execute(sa.select(rooms.c.code).where(rooms.c.code == code)).first() is None:
                    break
            else:
                raise RoomError(N_("Could not find a free room code; try again."))
            conn.execute(
                rooms.insert().values(
                    code=code, token_hash=_hash(token), created_at=now, expires_at=now + UNSTARTED_TTL_SECONDS,
                    position=-1, revealed=False, ended=False, locked=False,
                )
            )  # fmt: skip
        return code, token

    @database_errors_in_words
    def keep_open(self, code: str, token: str) -> None:
        """The facilitator's page is still open: a room not yet started stays open another 30 minutes."""
        code, token = normalise_code(code), _check_token(token)
        with self._write() as conn, conn.begin():
            room = self._facilitator_room(conn, code, token)
            if room.position < 0 and not room.ended:
                later = self._now() + UNSTARTED_TTL_SECONDS
                conn.execute(
                    rooms.update()
                    .where(rooms.c.code == code)
                    .values(expires_at=sa.case((rooms.c.expires_at > later, rooms.c.expires_at), else_=later))
                )

    @database_errors_in_words
    def set_locked(self, code: str, token: str, locked: bool) -> None:
        """Close the room to newcomers (phones already in keep their place), or open it again."""
        code, token = normalise_code(code), _check_token(token)
        with self._write() as conn, conn.begin():
            self._facilitator_room(conn, code, token)
            conn.execute(rooms.update().where(rooms.c.code == code).values(locked=bool(locked)))

    @database_errors_in_words
    def set_plan(self, code: str, token: str, questions: Sequence[tuple[str, Sequence[str]]]) -> None:
        """Choose the room's questions (id and options, in order); only before the first question is shown."""
        code, token = normalise_code(code), _check_token(token)
        if not 0 < len(questions) <= MAX_QUESTIONS:
            raise RoomError(N_("A session needs 1 to {count} questions."), count=MAX_QUESTIONS)
        rows, seen = [], set()
        for position, (qid, options) in enumerate(questions):
            qid = _check_question_id(qid)
            options = [_text(o, "answer option", MAX_OPTION_CHARS) for o in options]
            if qid in seen or not 2 <= len(options) <= MAX_OPTIONS or len(set(options)) != len(options):
                raise RoomError(N_("Each question needs a unique id and 2 to 12 different options."))
            seen.add(qid)
            rows.append({"room_code": code, "position": position, "question_id": qid, "options": json.dumps(options)})
        with self._write() as conn, conn.begin():
            room = self._facilitator_room(conn, code, token)
            if room.position >= 0 or room.ended:
                raise RoomError(N_("The session has started; its questions can no longer change."))
            conn.execute(room_questions.delete().where(room_questions.c.room_code == code))
            conn.execute(room_questions.insert(), rows)

    @database_errors_in_words
    def advance(self, code: str, token: str) -> RoomState:
        """Show the next question (the first one, before the session starts)."""
        code, token = normalise_code(code), _check_token(token)
        with self._write() as conn, conn.begin():
            room = self._facilitator_room(conn, code, token)
            if room.ended:
                raise RoomError(N_("This session has ended."))
            if self._question_at(conn, code, room.position + 1) is None:
                raise RoomError(N_("That was the last question: end the session to see the summary."))
            values = {"position": room.position + 1, "revealed": False}
            if room.position < 0:  # the session starts: the room now lasts the workshop day
                values["expires_at"] = self._now() + self.ttl_seconds
            conn.execute(rooms.update().where(rooms.c.code == code).values(**values))
        return self.state(code)

    @database_errors_in_words
    def reveal(self, code: str, facilitator_token: str, question_id: str) -> None:
        """Show the room the answer to the current question; answers to it close."""
        code, token, qid = normalise_code(code), _check_token(facilitator_token), _check_question_id(question_id)
        with self._write() as conn, conn.begin():
            room = self._facilitator_room(conn, code, token)
            current = self._question_at(conn, code, room.position)
            if current is None or current[0] != qid:
                raise RoomError(N_("Only the question on screen can be revealed."))
            conn.execute(rooms.update().where(rooms.c.code == code).values(revealed=True))
            conn.execute(self._insert(reveals).values(room_code=code, question_id=qid).on_conflict_do_nothing())

    @database_errors_in_words
    def end(self, code: str, token: str) -> None:
        """End the session: no more answers; the summary stays until the room expires."""
        code, token = normalise_code(code), _check_token(token)
        with self._write() as conn, conn.begin():
            self._facilitator_room(conn, code, token)
            conn.execute(rooms.update().where(rooms.c.code == code).values(ended=True))

    @database_errors_in_words
    def bind_browser(self, code: str, token: str, browser_key: str) -> None:
        """Let this browser's secret resume the room (after a restart, in one step); replaces any earlier browser."""
        code, token, browser_key = normalise_code(code), _check_token(token), _check_token(browser_key)
        with self._write() as conn, conn.begin():
            self._facilitator_room(conn, code, token)
            conn.execute(rooms.update().where(rooms.c.code == code).values(browser_hash=_hash(browser_key)))

    @database_errors_in_words
    def rooms_for_browser(self, browser_key: str) -> list[RoomState]:
        """The open rooms this browser started or resumed, newest first (none for a key of the wrong form)."""
        try:
            browser_key = _check_token(browser_key)
        except RoomError:
            return []
        self._maybe_purge()
        with self._read() as conn:
            codes = (
                conn.execute(
                    sa.select(rooms.c.code)
                    .where(rooms.c.browser_hash == _hash(browser_key), rooms.c.expires_at > self._now())
                    .order_by(rooms.c.created_at.desc())
                    .limit(5)
                )
                .scalars()
                .all()
            )
        found = []
        for code in codes:
            try:
                found.append(self.state(code))
            except RoomError:
                continue  # expired in between
        return found

    @database_errors_in_words
    def new_key(self, code: str, token: str) -> str:
        """A new facilitator key for the room (the old key file stops working); for a browser that resumed
        without the file and wants one to move to another computer."""
        code, token = normalise_code(code), _check_token(token)
        fresh = secrets.token_urlsafe(TOKEN_BYTES)
        with self._write() as conn, conn.begin():
            self._facilitator_room(conn, code, token)
            conn.execute(rooms.update().where(rooms.c.code == code).values(token_hash=_hash(fresh)))
        return fresh

    @database_errors_in_words
    def check_facilitator(self, code: str, token: str) -> str:
        """The normalised code when the key opens this room (to resume a session); a RoomError otherwise."""
        code, token = normalise_code(code), _check_token(token)
        with self._read() as conn:
            self._facilitator_room(conn, code, token)
        return code

    @database_errors_in_words
    def tallies(self, code: str, token: str) -> dict[str, dict[str, int]]:
        """Answer counts of the questions the room was asked (shown on screen), in order, for the summary."""
        code, token = normalise_code(code), _check_token(token)
        with self._read() as conn:
            room = self._facilitator_room(conn, code, token)
            plan = conn.execute(
                sa.select(room_questions.c.question_id, room_questions.c.options)
                .where(room_questions.c.room_code == code, room_questions.c.position <= room.position)
                .order_by(room_questions.c.position)
            ).all()
            counts = conn.execute(
                sa.select(answers.c.question_id, answers.c.choice, sa.func.count())
                .where(answers.c.room_code == code)
                .group_by(answers.c.question_id, answers.c.choice)
            ).all()
        result = {row.question_id: dict.fromkeys(json.loads(row.options), 0) for row in plan}
        for qid, choice, count in counts:
            options = list(result.get(qid, {}))
            if 0 <= choice < len(options):
                result[qid][options[choice]] = count
        return result

    # --- participants ---------------------------------------------------------------------------
