"""Calling a host from the lobby, and hosts taking the call.

"Call a host" stores a ``host_calls`` row with its outbox row and one queued notification per
host on duty today, in one local transaction; the notifier's own thread sends them, so the
button never waits for a mail server. A host takes the call on any kiosk's host panel (an
``host_call_acks`` row, pushed like any other record) or with ``kiosk admin host-call ack``;
the lobby learns of it from its replica and says who is on the way.

The host panel names the lobby a call came from as a host knows it: "Lobby" while only one lobby
has ever called, else "Lobby 2" (:func:`lobby_numbers`; no kiosk has a display name, and its
id is IT's word). Calls are kept and sent to every kiosk, so every panel numbers alike.

A call is *open* while nobody has taken it and it is younger than :data:`OPEN_FOR`; after that
nobody is waiting any more. Pressing the button again while the last call of this kiosk is open
and recent (:data:`REPEAT_WINDOW`) shows that call again instead of calling everyone twice.
"""

from __future__ import annotations

import logging
import re
import uuid
from collections.abc import Iterable
from dataclasses import replace
from datetime import datetime, timedelta
from typing import Any
from zoneinfo import ZoneInfo

from sqlalchemy import func, select
from sqlalchemy.engine import Connection

from kiosk.base.clock import Clock
from kiosk.base.errors import Conflict, NotFound, UsageError
from kiosk.base.ids import new_id
from kiosk.base.timeutil import as_utc
from kiosk.lab.host_duty import HOST_ROLES, HostOnDuty, hosts_on_duty
from kiosk.store.engine import Store
from kiosk.store.models import HostCall, HostCallAck, Person, table_of
from kiosk.sync import central, outbox
from kiosk.views.lobby import CallState as CallState  # re-exported: built here

log = logging.getLogger(__name__)

OPEN_FOR = timedelta(hours=2)
REPEAT_WINDOW = timedelta(minutes=10)

calls_t, acks_t, people_t = table_of(HostCall), table_of(HostCallAck), table_of(Person)


def _first_acks() -> Any:
    """Each call's first acknowledgement (rank 1) with the host's name, as a subquery."""
    a, p = acks_t.c, people_t.c
    return (
        select(
            a.call_id,
            a.at,
            p.name,
            func.row_number().over(partition_by=a.call_id, order_by=(a.at, a.id)).label("rank"),
        )
        .join(people_t, p.id == a.host_id)
        .subquery()
    )


def list_calls(
    conn: Connection,
    now: datetime,
    *,
    open_only: bool = False,
    since: datetime | None = None,
    call_id: uuid.UUID | None = None,
) -> list[CallState]:
    """Calls, newest first; ``open_only``: not taken and younger than :data:`OPEN_FOR`."""
    c = calls_t.c
    ack = _first_acks()
    query = (
        select(c.id, c.kiosk_id, c.at, ack.c.name, ack.c.at.label("acked_at"))
        .select_from(calls_t)
        .outerjoin(ack, (ack.c.call_id == c.id) & (ack.c.rank == 1))
        .order_by(c.at.desc(), c.id.desc())
    )
    if open_only:
        query = query.where(ack.c.call_id.is_(None), c.at > now - OPEN_FOR)
    if since is not None:
        query = query.where(c.at >= since)
    if call_id is not None:
        query = query.where(c.id == call_id)
    return [
        CallState(
            r.id, r.kiosk_id, as_utc(r.at), r.name, as_utc(r.acked_at) if r.acked_at else None
        )
        for r in conn.execute(query)
    ]


def lobby_numbers(first_calls: Iterable[tuple[str, datetime]]) -> dict[str, int]:
    """Each lobby's number from (kiosk id, its first call): none while only one has called.

    The number IT put at the end of the ids (``lobby-1``, ``lobby-2``) where every id has its
    own; otherwise the order of their first calls, which later calls never change.
    """
    ids = [kiosk for kiosk, _ in sorted(first_calls, key=lambda pair: (pair[1], pair[0]))]
    if len(ids) < 2:
        return {}
    ends = {kiosk: int(m.group(1)) for kiosk in ids if (m := re.search(r"(\d+)$", kiosk))}
    if len(ends) == len(ids) and len(set(ends.values())) == len(ids) and 0 not in ends.values():
        return ends
    return {kiosk: n for n, kiosk in enumerate(ids, 1)}


def _numbered(conn: Connection, calls: list[CallState]) -> list[CallState]:
    c = calls_t.c
    firsts = conn.execute(select(c.kiosk_id, func.min(c.at)).group_by(c.kiosk_id))
    numbers = lobby_numbers((kiosk, as_utc(at)) for kiosk, at in firsts)
    return [replace(call, lobby_number=numbers.get(call.kiosk_id)) for call in calls]


def ack_row(
    call_id: uuid.UUID, host_id: uuid.UUID, now: datetime, kiosk_id: str | None
) -> dict[str, Any]:
    return {
        "id": new_id(),
        "call_id": call_id,
        "host_id": host_id,
        "kiosk_id": kiosk_id,
        "at": now,
        "updated_at": now,
    }


def _check_host(conn: Connection, host_id: uuid.UUID) -> None:
    p = people_t.c
    row = conn.execute(select(p.role, p.active).where(p.id == host_id)).first()
    if row is None or not row.active or row.role not in HOST_ROLES:
        raise UsageError("only an active host (role host or admin) can take a call")


def _call_state(conn: Connection, call_id: uuid.UUID, now: datetime) -> CallState:
    found = list_calls(conn, now, call_id=call_id)
    if not found:
        raise NotFound(f"no host call {call_id}")
    return found[0]


class HostCallService:
    """Calls, acknowledgements and today's hosts on a kiosk's replica (database worker)."""

    def __init__(
        self, store: Store, clock: Clock, kiosk_id: str, tz: ZoneInfo, *, notify: bool = True
    ) -> None:
        self._store = store
        self._clock = clock
        self._kiosk_id = kiosk_id
        self._tz = tz
        self._notify = notify  # False: no notifier on this kiosk; the call is still recorded

    def call(self) -> CallState:
        """Call the hosts on duty (or show this kiosk's recent open call again)."""
        now = self._clock.now()
        with self._store.session() as session:
            conn = session.connection()
            recent = [
                c
                for c in list_calls(conn, now, open_only=True, since=now - REPEAT_WINDOW)
                if c.kiosk_id == self._kiosk_id
            ]
            if recent:
                return recent[0]
            call = HostCall(id=new_id(), kiosk_id=self._kiosk_id, at=now, updated_at=now)
            session.add(call)
            outbox.enqueue(session, "host_calls", call, now)
            hosts = hosts_on_duty(conn, now.astimezone(self._tz).date())
            if self._notify and hosts:
                from kiosk.lobby.notify_queue import enqueue_host_call  # lobbies only: not on doors

                enqueue_host_call(session, call.id, [h.person_id for h in hosts], now)
        log.info("host called at %s (%d on duty)", self._kiosk_id, len(hosts))
        return CallState(call.id, self._kiosk_id, now, hosts_notified=len(hosts))

    def state(self, call_id: uuid.UUID) -> CallState:
        """The call as this replica knows it now (polled after each sync)."""
        with self._store.engine.connect() as conn:
            return _call_state(conn, call_id, self._clock.now())

    def acknowledge(self, call_id: uuid.UUID, host_id: uuid.UUID) -> CallState:
        """``host_id`` takes the call (host panel, after badge + PIN); the first taker wins."""
        now = self._clock.now()
        with self._store.session() as session:
            conn = session.connection()
            _check_host(conn, host_id)
            state = _call_state(conn, call_id, now)
            if state.acknowledged:
                return state
            ack = HostCallAck(**ack_row(call_id, host_id, now, self._kiosk_id))
            session.add(ack)
            outbox.enqueue(session, "host_call_acks", ack, now)
            session.flush()
            state = _call_state(conn, call_id, now)
        log.info("host call taken at %s", self._kiosk_id)
        return state

    def open_calls(self) -> list[CallState]:
        """The calls nobody has taken yet, newest first, each with its lobby's number."""
        with self._store.engine.connect() as conn:
            return _numbered(conn, list_calls(conn, self._clock.now(), open_only=True))

    def hosts_today(self) -> list[HostOnDuty]:
        with self._store.engine.connect() as conn:
            return hosts_on_duty(conn, self._clock.now().astimezone(self._tz).date())


def acknowledge_centrally(
    conn: Connection, call_id: uuid.UUID, host_id: uuid.UUID, now: datetime
) -> CallState:
    """``kiosk admin host-call ack``: the same rules on the central store."""
    _check_host(conn, host_id)
    state = _call_state(conn, call_id, now)
    if state.acknowledged:
        raise Conflict(f"the call was already taken by {state.host_name}; nothing was changed")
    central.write(conn, "host_call_acks", ack_row(call_id, host_id, now, None), now)
    return _call_state(conn, call_id, now)
