"""What a phone in a room can do: join (one id per browser), answer, and change its answer."""

import json
import secrets

import sqlalchemy as sa

from core.i18n import N_
from core.room.rules import (
    LOCKED,
    MAX_OPTION_CHARS,
    MAX_PARTICIPANTS,
    PARTICIPANT_BYTES,
    RoomError,
    _check_participant,
    _check_question_id,
    _text,
    database_errors_in_words,
    no_room,
    normalise_code,
)
from core.room.schema import answers, participants, room_questions


class Participating:
    """RoomStore's participant actions (a mixin: the store gives _write, _read, _room and the rest)."""

    @database_errors_in_words
    def join(self, code: str) -> str:
        """A new anonymous participant id for this room (no name, nothing about the person)."""
        code = normalise_code(code)
        pid = secrets.token_urlsafe(PARTICIPANT_BYTES)
        with self._write() as conn, conn.begin():
            room = self._room(conn, code, lock=True)  # count, then insert, while holding the room
            if room.ended:
                raise no_room()
            if room.locked:
                raise RoomError(LOCKED)
            joined = conn.execute(
                sa.select(sa.func.count()).select_from(participants).where(participants.c.room_code == code)
            ).scalar_one()
            if joined >= MAX_PARTICIPANTS:
                raise RoomError(N_("Room {code} is full."), code=code)
            conn.execute(participants.insert().values(id=pid, room_code=code, joined_at=self._now()))
        return pid

    @database_errors_in_words
    def is_participant(self, code: str, participant_id: str) -> bool:
        """Whether this id joined this room (so a returning phone keeps its answers)."""
        code, pid = normalise_code(code), _check_participant(participant_id)
        with self._read() as conn:
            self._room(conn, code)
            found = conn.execute(
                sa.select(participants.c.id).where(participants.c.id == pid, participants.c.room_code == code)
            ).first()
        return found is not None

    @database_errors_in_words
    def answer(self, code: str, participant_id: str, question_id: str, choice: str) -> None:
        """Record one participant's answer to the current question; a second answer replaces the first."""
        code, pid, qid = normalise_code(code), _check_participant(participant_id), _check_question_id(question_id)
        choice = _text(choice, "answer", MAX_OPTION_CHARS)
        with self._write() as conn, conn.begin():
            room = self._room(conn, code)
            if room.ended:
                raise RoomError(N_("This session has ended; answers are closed."))
            current = self._question_at(conn, code, room.position)
            if current is None or current[0] != qid:
                raise RoomError(N_("That question is not on screen any more; answer the current one."))
            if room.revealed:
                raise RoomError(N_("The answer has been revealed, so answers to this question are closed."))
            if choice not in current[1]:
                raise RoomError(N_("That is not one of the options."))
            joined = conn.execute(
                sa.select(participants.c.id).where(participants.c.id == pid, participants.c.room_code == code)
            ).first()
            if joined is None:
                raise RoomError(N_("This phone has not joined the room yet: join again with the room code."))
            insert = self._insert(answers).values(
                room_code=code, question_id=qid, participant_id=pid, choice=current[1].index(choice),
                answered_at=self._now(),
            )  # fmt: skip
            conn.execute(
                insert.on_conflict_do_update(
                    index_elements=[answers.c.room_code, answers.c.question_id, answers.c.participant_id],
                    set_={"choice": insert.excluded.choice, "answered_at": insert.excluded.answered_at},
                )
            )

    @database_errors_in_words
    def my_answers(self, code: str, participant_id: str) -> dict[str, str]:
        """This participant's answers so far, {question id: option}, so a returning phone shows them."""
        code, pid = normalise_code(code), _check_participant(participant_id)
        with self._read() as conn:
            self._room(conn, code)
            rows = conn.execute(
                sa.select(answers.c.question_id, answers.c.choice, room_questions.c.options)
                .join(
                    room_questions,
                    (room_questions.c.room_code == answers.c.room_code)
                    & (room_questions.c.question_id == answers.c.question_id),
                )
                .where(answers.c.room_code == code, answers.c.participant_id == pid)
            ).all()
        return {r.question_id: json.loads(r.options)[r.choice] for r in rows}

    # --- anyone in the room ---------------------------------------------------------------------
