"""Pushed records for the fuzz test (tests/central/test_fuzz.py): what a kiosk of the role
really pushes (a check-in, a walk-in, a host call, a door's "book now", a mode switch by the
seeded host), with a field or two replaced by a value typed like its column and drawn from
what the store holds (another kiosk's name, another room, an existing row's id, a time); now
and then any entity with every field so drawn. The schema alone (any object as a payload)
would seldom get past the edge to the rules that write."""

from __future__ import annotations

import uuid
from datetime import datetime, timedelta
from typing import Any

from hypothesis import strategies as st
from sqlalchemy import JSON, Boolean, Date, Integer, Uuid

from kiosk.central.edge import PLANNED, PUSHABLE
from kiosk.store.dbtypes import UTCDateTime
from kiosk.sync.replication import ENTITIES
from tests.central.openapi_kit import json_values, mostly
from tests.central.scope_kit import Kiosk
from tests.central.thief_kit import checkin, mode, visitor
from tests.stores import NOON

WORDS = ["in", "out", "badge", "qr", "walk-in", "button", "auto", "closed", "event", "normal",
         "book", "extend", "end", "checkin", "release", "confirmed", "Aino"]  # fmt: skip
TIMES = [NOON + timedelta(minutes=m) for m in (-24 * 60, -60, -5, 0, 5, 30, 60, 24 * 60)]
PRINTABLE = st.characters(codec="latin-1", categories=["L", "N", "P", "Zs"])
PEOPLE_COLUMNS = {"person_id", "host_id", "set_by", "organiser_id", "actor_id", "created_by"}


def templates(kiosk: Kiosk, host: str, member: str) -> list[tuple[str, dict[str, Any]]]:
    """Records of each kind the kiosk's own code pushes, as it would push them (ids and a door
    action's booking are drawn afresh)."""
    call = {"id": "", "kiosk_id": kiosk.id, "at": NOON.isoformat(), "updated_at": NOON.isoformat()}
    book = {
        "id": "", "booking_id": None, "room_id": kiosk.room, "kind": "book",
        "starts_at": NOON.isoformat(), "ends_at": (NOON + timedelta(minutes=30)).isoformat(),
        "title": None, "actor_id": None, "kiosk_id": kiosk.id, "at": NOON.isoformat(),
        "outcome": None, "reason": None, "updated_at": NOON.isoformat(),
    }  # fmt: skip
    return [
        ("checkins", {**checkin(kiosk.id, "badge"), "person_id": member}),
        ("visitors", visitor("Vieras Testinen")),
        ("host_calls", call),
        ("booking_actions", book),
        ("booking_actions", {**book, "kind": "checkin"}),
        ("booking_actions", {**book, "kind": "end"}),
        ("room_modes", mode(kiosk.id, host, NOON, kiosk.room)),
    ]


def pushed_records(
    kiosk: Kiosk, known: dict[str, list[str]], names: list[str]
) -> st.SearchStrategy[dict[str, Any]]:
    """``PushItemIn`` hints: ``known`` ids by kind (hosts, people, rows), ``names`` of kiosks
    and rooms the store knows."""
    people = st.sampled_from(known["hosts"] + known["people"][:5])
    ids = st.sampled_from(known["rows"] + known["hosts"]) | st.uuids().map(str)
    bookings = st.sampled_from(known["bookings"]) | st.uuids().map(str)
    own = templates(kiosk, known["hosts"][0], known["people"][-1])
    own = [(entity, row) for entity, row in own if entity in PUSHABLE[kiosk.role]]

    def column(name: str, kind: Any) -> st.SearchStrategy[Any]:
        if name in ("kiosk_id", "room_id"):
            return st.sampled_from([*names, None])
        if isinstance(kind, Uuid):
            return (people if name in PEOPLE_COLUMNS else ids) | st.none()
        if isinstance(kind, UTCDateTime):  # only what is planned may lie ahead
            times = TIMES if name in PLANNED else [t for t in TIMES if t <= NOON]
            return st.sampled_from(times).map(datetime.isoformat)
        if isinstance(kind, Date):
            return st.just(NOON.date().isoformat())
        if isinstance(kind, Boolean):
            return st.booleans()
        if isinstance(kind, Integer):
            return st.integers(0, 12)
        if isinstance(kind, JSON):
            return st.dictionaries(st.sampled_from(["interests", "x"]), json_values, max_size=2)
        return st.sampled_from(WORDS) | st.text(PRINTABLE, max_size=12) | st.none()

    def fields(entity: str) -> dict[str, st.SearchStrategy[Any]]:
        return {c.name: mostly(column(c.name, c.type), json_values)
                for c in ENTITIES[entity].table.columns}  # fmt: skip

    @st.composite
    def item(draw: st.DrawFn) -> dict[str, Any]:
        if draw(mostly(st.just(True), st.just(False))):
            entity, row = draw(st.sampled_from(own))
            changed = draw(st.lists(st.sampled_from(sorted(row)), max_size=2, unique=True))
            fresh = {"id": draw(ids)}  # a new record, or an existing row's id
            if "booking_id" in row:  # any room's booking, or a new one
                fresh["booking_id"] = draw(bookings)
            drawn = draw(st.fixed_dictionaries({k: fields(entity)[k] for k in changed}))
            payload = {**row, **fresh, **drawn}
        else:
            entity = draw(st.sampled_from(sorted(ENTITIES)))
            payload = draw(st.fixed_dictionaries(fields(entity)))
        seq = draw(st.integers(0, 2**53))
        return {"seq": seq, "entity": entity, "payload": _json_safe(payload)}

    return item()


def _json_safe(payload: dict[str, Any]) -> dict[str, Any]:
    return {k: str(v) if isinstance(v, uuid.UUID) else v for k, v in payload.items()}
