"""Each kiosk's share of the change feed: only what its screens show (docs/sync.md, "Least data").

The feed's audiences already keep visitor data (check-ins, visitors, invitations) away from
doors. Here the service narrows further, per device and per change:

- no kiosk receives PIN hashes: the service checks host PINs itself;
- every kiosk receives every ``people`` row (bookings, badges, modes and calls refer to them,
  and a kiosk's store checks references), but a door only their id, role and whether they are
  active, and the name of those who can act there; a lobby also the organisation (walk-in host
  search, evacuation list) and the e-mail of active people (the lobby itself tells a visitor's
  host and the hosts on duty, :mod:`kiosk.lobby.notify_queue`);
- a badge's HMAC goes only where its holder can act: on a lobby, active people's badges; on a
  door, active people's, or only hosts' and admins' where the room allows anonymous actions.
  Any other badge arrives with a placeholder instead of its HMAC, so an HMAC a kiosk held
  before is overwritten when the badge is revoked;
- a door receives its own room's bookings, door actions and room modes (and the Lab-wide
  ones), and nothing that only a lobby uses (signing keys);
- a lobby receives no bookings (no lobby screen shows one); invitations valid within
  :data:`LOOKAHEAD` ahead (or ended less than :data:`TRAILING` ago) and the visitors they
  name; check-ins of that period plus the latest check-in of anyone still inside (the
  evacuation list covers every entrance); of a visitor who walked in at another lobby only
  the name.

A change a device may not see is left out of its page; its cursor still moves past it. Rows
that become relevant later (an invitation entering the look-ahead) are published again by
:mod:`kiosk.central.reshare`; a visitor that a shared row names is added to the page with it
(:func:`with_companions`), so a kiosk's store never misses a row a reference needs.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from functools import cache, partial
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.engine import Connection

from kiosk.base.timeutil import as_utc
from kiosk.central.credentials import Device
from kiosk.security.host_auth import HOST_ROLES
from kiosk.store.models import Checkin, Invitation, Person, Room, Visitor, table_of
from kiosk.sync.feed import ChangeRow, FeedCursor
from kiosk.sync.link import FeedPage, SharedChange, read_page
from kiosk.sync.replication import ENTITIES, to_payload

#: How far ahead a lobby receives invitations: a lobby offline since yesterday evening still
#: knows this morning's visitors. A longer look-ahead holds more visitor data on each lobby.
LOOKAHEAD = timedelta(days=2)
#: How long after its end an invitation (and its check-ins) still reach a lobby: a visitor
#: still inside after the end of their invitation is listed by name.
TRAILING = timedelta(days=1)
#: How far back a lobby's share looks for people still inside: a check-in older than this with
#: no check-out (a forgotten one, where automatic sign-out is off) is no longer listed, so each
#: page ranks a month of check-ins, not the Lab's whole history.
PRESENCE_HORIZON = timedelta(days=31)

_ROOM_SCOPED = frozenset({"bookings", "booking_actions"})
_DOOR_SKIPS = frozenset({"signing_keys"})
_LOBBY_SKIPS = frozenset({"bookings", "booking_actions"})  # no lobby screen shows a booking
_DOOR_PERSON = ("id", "name", "role", "active", "updated_at")
_people, _checkins = table_of(Person), table_of(Checkin)
_invitations, _visitors = table_of(Invitation), table_of(Visitor)


@dataclass
class ShareView:
    """What the central store says, when a page is read, about rows a device may receive.

    Each fact is read when a change first needs it (a page of bookings asks nothing about
    visitors), at most once per page, on the page's own connection.
    """

    now: datetime
    loaders: dict[str, Callable[[], frozenset[str]]] = field(default_factory=dict)
    _known: dict[str, frozenset[str]] = field(default_factory=dict, repr=False)

    def _fact(self, name: str) -> frozenset[str] | None:
        if name not in self._known:
            loader = self.loaders.get(name)
            if loader is None:
                return None
            self._known[name] = loader()
        return self._known[name]

    @property
    def actors(self) -> frozenset[str] | None:
        """People whose badges work at this device (None: not known, every holder counts)."""
        return self._fact("actors")

    @property
    def visitors(self) -> frozenset[str]:
        """Visitors the lobby may know: invited within the window, seen lately, still inside."""
        return self._fact("visitors") or frozenset()

    @property
    def foreign_walkins(self) -> frozenset[str]:
        """Visitors who walked in at another lobby: their name only."""
        return self._fact("foreign_walkins") or frozenset()

    @property
    def present(self) -> frozenset[str]:
        """Old check-ins still someone's latest "in" (the evacuation list needs them)."""
        return self._fact("present") or frozenset()

    @property
    def since(self) -> datetime:
        return self.now - TRAILING

    @property
    def until(self) -> datetime:
        return self.now + LOOKAHEAD


def load_view(conn: Connection, device: Device, now: datetime) -> ShareView:
    """The central facts ``device``'s share depends on, each read when first needed."""
    p = _people.c
    if device.role == "door":

        def actors() -> frozenset[str]:
            rooms = table_of(Room).c
            anonymous = conn.execute(
                select(rooms.anonymous_actions).where(rooms.id == device.room_id)
            ).scalar()
            query = select(p.id).where(p.active.is_(True))
            if anonymous:  # only a host's badge does anything here (the host panel)
                query = query.where(p.role.in_(HOST_ROLES))
            return _ids(conn, query)

        return ShareView(now, {"actors": actors})
    since, until = now - TRAILING, now + LOOKAHEAD
    i, c = _invitations.c, _checkins.c

    @cache
    def inside_since_long() -> list[Any]:
        latest = (
            select(
                c.id,
                c.visitor_id,
                c.direction,
                c.at,
                c.method,
                c.kiosk_id,
                func.row_number()
                .over(
                    partition_by=(c.person_id, func.coalesce(c.invitation_id, c.visitor_id)),
                    order_by=(c.at.desc(), c.id.desc()),
                )
                .label("rank"),
            )
            .where(c.at > now - PRESENCE_HORIZON)
            .subquery()
        )
        return list(
            conn.execute(
                select(latest.c.id, latest.c.visitor_id, latest.c.method, latest.c.kiosk_id).where(
                    latest.c.rank == 1, latest.c.direction == "in", latest.c.at <= since
                )
            ).all()
        )

    def visitors() -> frozenset[str]:
        invited = select(i.visitor_id).where(
            i.visitor_id.is_not(None), i.valid_from < until, i.valid_to > since
        )
        # A walk-in is registered with its check-in: ``seen`` covers it.
        seen = select(c.visitor_id).where(c.visitor_id.is_not(None), c.at > since)
        inside = {str(r.visitor_id) for r in inside_since_long() if r.visitor_id is not None}
        return _ids(conn, invited) | _ids(conn, seen) | inside

    def foreign_walkins() -> frozenset[str]:
        """Walk-ins registered at another lobby, among the visitors a lobby may see at all
        (recent, or still inside): not every walk-in ever, which grows without end."""
        recent = select(c.visitor_id).where(
            c.visitor_id.is_not(None),
            c.method == "walk-in",
            c.kiosk_id != device.id,
            c.at > since,
        )
        inside = {
            str(r.visitor_id)
            for r in inside_since_long()
            if r.visitor_id is not None and r.method == "walk-in" and r.kiosk_id != device.id
        }
        return _ids(conn, recent) | inside

    return ShareView(
        now,
        {
            "actors": lambda: _ids(conn, select(p.id).where(p.active.is_(True))),
            "visitors": visitors,
            "foreign_walkins": foreign_walkins,
            "present": lambda: frozenset(str(r.id) for r in inside_since_long()),
        },
    )


def _ids(conn: Connection, query: Any) -> frozenset[str]:
    return frozenset(str(x) for x in conn.execute(query).scalars())


def read_share(
    conn: Connection, device: Device, cursor: FeedCursor, limit: int, now: datetime
) -> FeedPage:
    """One page of ``device``'s share after ``cursor``: what every endpoint that serves feed
    pages should call (it reads the view, shares each change, adds the companions)."""
    view = load_view(conn, device, now)
    page = read_page(conn, cursor, device.role, limit, partial(share, device, view=view))
    return with_companions(conn, page, view)


def share(
    device: Device, change: ChangeRow, view: ShareView | None = None
) -> dict[str, Any] | None:
    """The payload ``device`` receives for ``change``, or None when it gets nothing of it.

    Without ``view`` only the rules that need nothing but the change itself apply: a lobby then
    receives visitors, invitations and check-ins whole (as before this module narrowed them);
    use :func:`read_share`.
    """
    entity, payload = change.entity, change.payload
    if entity == "people":
        return _person(device, payload, view)
    if entity == "badges":
        return _badge(payload, view)
    if device.role == "door":
        return _for_door(device, entity, payload)
    if entity in _LOBBY_SKIPS:
        return None
    if view is None:
        return payload
    if entity == "invitations":
        if _within(payload, view):
            return payload
        if payload.get("revoked_at") is not None:
            # A revocation always reaches lobbies (one may hold the invitation), without the
            # visitor: an invitation that is never used again needs no name.
            return {**payload, "visitor_id": None}
        return None
    if entity == "visitors":
        known = payload.get("id") in view.visitors or payload.get("anonymised_at") is not None
        return visitor_payload(payload, view) if known else None
    if entity == "checkins":
        at = _time(payload, "at")
        recent = at is not None and at > view.since
        return payload if recent or payload.get("id") in view.present else None
    return payload


def visitor_payload(payload: dict[str, Any], view: ShareView | None) -> dict[str, Any]:
    """A visitor as a lobby receives it: only the name of one who walked in elsewhere; an
    anonymised one as a stub, to every lobby (one that held the visitor scrubs its copy)."""
    stub = payload.get("anonymised_at") is not None
    if stub or (view is not None and payload.get("id") in view.foreign_walkins):
        return {**payload, "organisation": None, "host_id": None}
    return payload


def _person(device: Device, payload: dict[str, Any], view: ShareView | None) -> dict[str, Any]:
    # The local schema keeps e-mail unique and required: withheld ones become placeholders.
    placeholder = f"{payload.get('id')}@redacted.invalid"
    if device.role == "door":
        kept = {k: payload.get(k) for k in _DOOR_PERSON}
        if not _acts(payload.get("id"), bool(payload.get("active")), view):
            kept["name"] = ""  # a door shows the name of who acts there, and nobody else's
        return {**kept, "email": placeholder, "organisation": None, "pin_hash": None}
    active = _acts(payload.get("id"), bool(payload.get("active")), view)  # now, not then
    email = payload.get("email") if active else placeholder
    return {**payload, "email": email, "pin_hash": None}


def _acts(person_id: object, active: bool, view: ShareView | None) -> bool:
    """Whether the person's badge works at the device (as far as ``view`` knows)."""
    if view is None or view.actors is None:
        return active
    return person_id in view.actors


def _badge(payload: dict[str, Any], view: ShareView | None) -> dict[str, Any]:
    usable = payload.get("revoked_at") is None and _acts(payload.get("person_id"), True, view)
    if usable:
        return payload
    # Unique like an HMAC, never equal to one (not hex): the row stays, what it opens goes.
    return {**payload, "uid_hmac": f"withheld-{payload.get('id')}"}


def _for_door(device: Device, entity: str, payload: dict[str, Any]) -> dict[str, Any] | None:
    if entity in _DOOR_SKIPS:
        return None
    if entity in _ROOM_SCOPED and payload.get("room_id") != device.room_id:
        return None
    if entity == "room_modes" and payload.get("room_id") not in (None, device.room_id):
        return None
    return payload


def with_companions(conn: Connection, page: FeedPage, view: ShareView) -> FeedPage:
    """``page`` with the current row of every visitor a shared invitation or check-in names
    and the page does not bring before it: a lobby's store checks that reference, and the
    visitor's own feed row may have been withheld when it passed (invited for later)."""
    have: set[str] = set()
    wanted: list[tuple[int, str]] = []
    for n, change in enumerate(page.changes):
        if change.entity == "visitors":
            have.add(str(change.payload.get("id")))
        elif change.entity in ("invitations", "checkins"):
            visitor = change.payload.get("visitor_id")
            if visitor is not None and str(visitor) not in have:
                wanted.append((n, str(visitor)))
                have.add(str(visitor))
    if not wanted:
        return page
    entity = ENTITIES["visitors"]
    v = _visitors.c
    ids = [uuid.UUID(w) for _, w in wanted]
    rows = {
        str(r.id): visitor_payload(to_payload(entity, r._asdict()), view)
        for r in conn.execute(select(_visitors).where(v.id.in_(ids)))
    }
    changes: list[SharedChange] = []
    before = dict(wanted)
    for n, change in enumerate(page.changes):
        row = rows.get(before.get(n, ""))
        if row is not None:
            changes.append(SharedChange(change.cursor, "visitors", row))
        changes.append(change)
    return FeedPage(changes, page.cursor, page.full, page.pending)


def _within(invitation: dict[str, Any], view: ShareView) -> bool:
    valid_from, valid_to = _time(invitation, "valid_from"), _time(invitation, "valid_to")
    if valid_from is None or valid_to is None:
        return False
    return valid_from < view.until and valid_to > view.since


def _time(payload: dict[str, Any], key: str) -> datetime | None:
    value = payload.get(key)
    if not isinstance(value, str):
        return None
    try:
        return as_utc(datetime.fromisoformat(value))
    except ValueError:
        return None
