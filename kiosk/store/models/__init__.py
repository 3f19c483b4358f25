"""The data model, shared by the local store on every kiosk and the central store.

Every table exists in both stores (one Alembic history); local-only tables (the outbox, the sync
state) stay empty centrally and the central change feed stays empty locally. Ids are UUIDv7 minted
where a record is born; rooms and kiosks use the slug an administrator gives them.

The models live in modules by concern; import them from here, the one place that loads them all,
so ``Base.metadata`` (what Alembic and the tests compare against) always holds every table.
"""

from kiosk.store.models.base import NAMING_CONVENTION, Base, BigIntPK, table_of
from kiosk.store.models.kiosks import (
    AuditEntry,
    Counter,
    DeviceCredential,
    HostSession,
    KioskInstance,
    KioskRecord,
)
from kiosk.store.models.lab import (
    FEEDBACK_CONTEXTS,
    BoardConsent,
    Feedback,
    HostCall,
    HostCallAck,
    HostDuty,
)
from kiosk.store.models.messages import InvitationEmail, Notification
from kiosk.store.models.people import Badge, Checkin, Invitation, Person, SigningKey, Visitor
from kiosk.store.models.rooms import (
    Booking,
    BookingAction,
    CalendarFeed,
    CalendarInvitation,
    Event,
    Room,
    RoomMode,
)
from kiosk.store.models.sync import Change, OutboxRow, SyncState

__all__ = [
    "FEEDBACK_CONTEXTS",
    "NAMING_CONVENTION",
    "AuditEntry",
    "Badge",
    "Base",
    "BigIntPK",
    "BoardConsent",
    "Booking",
    "BookingAction",
    "CalendarFeed",
    "CalendarInvitation",
    "Change",
    "Checkin",
    "Counter",
    "DeviceCredential",
    "Event",
    "Feedback",
    "HostCall",
    "HostCallAck",
    "HostDuty",
    "HostSession",
    "Invitation",
    "InvitationEmail",
    "KioskInstance",
    "KioskRecord",
    "Notification",
    "OutboxRow",
    "Person",
    "Room",
    "RoomMode",
    "SigningKey",
    "SyncState",
    "Visitor",
    "table_of",
]
