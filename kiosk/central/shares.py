"""Each kiosk's share of the change feed: only what its screens show.

The feed's audiences already keep visitor data (check-ins, visitors, invitations) away from
doors. Here the service narrows further, per device:

- no kiosk receives PIN hashes: the service checks host PINs itself;
- a door receives its own room's bookings, door actions and room modes (and the Lab-wide
  ones), the people it may greet or let act, without their e-mail addresses, and nothing that
  only a lobby uses (signing keys);
- a lobby receives what its screens show: today's visitors and invitations, hosts' names,
  presence across the Lab (the evacuation list covers every entrance).

A change a device may not see is left out of its page; its cursor still moves past it.
"""

from __future__ import annotations

from typing import Any

from kiosk.central.credentials import Device
from kiosk.sync.feed import ChangeRow

_ROOM_SCOPED = frozenset({"bookings", "booking_actions"})
_DOOR_SKIPS = frozenset({"signing_keys"})


def share(device: Device, change: ChangeRow) -> dict[str, Any] | None:
    """The payload ``device`` receives for ``change``, or None when it gets nothing of it."""
    payload = change.payload
    if change.entity == "people" and payload.get("pin_hash") is not None:
        # PINs are checked by the service (kiosk.central.host_pins): no kiosk holds a hash.
        payload = {**payload, "pin_hash": None}
    if device.role != "door":
        return payload
    if change.entity in _DOOR_SKIPS:
        return None
    if change.entity in _ROOM_SCOPED and payload.get("room_id") != device.room_id:
        return None
    if change.entity == "room_modes" and payload.get("room_id") not in (None, device.room_id):
        return None
    if change.entity == "people":
        # The local schema keeps e-mail unique and required: a door gets a placeholder.
        return {**payload, "email": f"{payload.get('id')}@redacted.invalid"}
    return payload
