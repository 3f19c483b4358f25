"""The service's request and response bodies, with their bounds: published in /openapi.json."""

from __future__ import annotations

import uuid
from datetime import datetime
from typing import Any

from pydantic import BaseModel, ConfigDict, Field

MAX_BATCH = 500
# At most 18 digits a part: every such number fits a bigint (2**63 - 1 has 19), so a cursor
# out of range is a 422 here, not an overflow in the store.
CURSOR_PATTERN = r"^[0-9]{1,18}(:[0-9]{1,18})?$"
CURSOR_LENGTH = 37
HEX16 = r"^[0-9a-f]{16}$"


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid")


class PushItemIn(_Strict):
    seq: int = Field(ge=0, le=2**53, description="the kiosk's outbox sequence number")
    entity: str = Field(min_length=1, max_length=40, pattern=r"^[a-z_]+$")
    payload: dict[str, Any] = Field(description="the record as a row image (checked per field)")


class PushIn(_Strict):
    items: list[PushItemIn] = Field(max_length=MAX_BATCH)


class PushOut(BaseModel):
    acknowledged: list[int] = Field(description="stored now or already stored: drop them")
    rejected: dict[str, str] = Field(description="outbox seq -> why it is refused for good")


class ChangeOut(BaseModel):
    cursor: str
    entity: str
    payload: dict[str, Any]


class ChangesOut(BaseModel):
    changes: list[ChangeOut]
    cursor: str = Field(description="where the next page starts")
    full: bool = Field(description="the page was full: ask again at once")
    pending: bool = Field(description="committed changes wait behind an open transaction")


class HeartbeatIn(_Strict):
    version: str = Field(min_length=1, max_length=64, pattern=r"^[A-Za-z0-9.+_-]+$")
    status: dict[str, Any] = Field(default_factory=dict)
    instance: str | None = Field(
        None, pattern=HEX16, description="this kiosk process, random at each start"
    )
    machine: str | None = Field(
        None, pattern=HEX16, description="this kiosk's machine (a keyed hash of its machine id)"
    )
    stopping: bool = Field(False, description="the process's goodbye: it is stopping cleanly")


class HeartbeatOut(BaseModel):
    duplicate: bool = Field(description="another running kiosk uses this kiosk's id")
    instances: int = Field(description="running processes of this kiosk id (0: not named)")


class WhoAmI(BaseModel):
    id: str
    role: str
    room_id: str | None


class WaitOut(BaseModel):
    changed: bool = Field(description="the feed has news for this kiosk: pull now")
    page: ChangesOut | None = Field(
        default=None, description="with ?page=true and news: the page /v1/changes would answer"
    )


class HostPinIn(_Strict):
    person_id: uuid.UUID
    pin: str = Field(min_length=4, max_length=8, pattern=r"^[0-9]+$")


class HostPinOut(BaseModel):
    result: str = Field(description="ok, wrong, locked, no_pin or not_a_host")
    tries_left: int = 0
    locked_until: datetime | None = None
