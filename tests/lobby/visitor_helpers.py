"""A lobby replica with a signing key and invitations, for the visitor check-in tests."""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from pathlib import Path

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from kiosk.base.clock import FixedClock
from kiosk.lobby.invitations import NewInvitation, create_invitation, revoke_invitation
from kiosk.lobby.visitor_checkin import VisitorCheckinService
from kiosk.security.signing_keys import current_signing_key, new_key
from kiosk.security.tokens import TokenKind, sign
from kiosk.store.engine import Store
from kiosk.sync.engine import SyncEngine
from tests.stores import NOON, local, seed_central, site_key

HOST = "mikko@lab.example"


@dataclass
class Lab:
    """A central store with a key, a lobby replica, and a way to mint codes."""

    tmp_path: Path
    clock: FixedClock
    central: Store
    lobby: Store
    key: Ed25519PrivateKey
    service: VisitorCheckinService
    engines: list[SyncEngine] = field(default_factory=list)

    @property
    def central_url(self) -> str:
        return f"sqlite:///{self.tmp_path / 'central.db'}"

    def invite(
        self,
        name: str = "Eeva Ek",
        *,
        valid_from: datetime | None = None,
        valid_to: datetime | None = None,
        single_use: bool = False,
    ) -> tuple[uuid.UUID, str]:
        start = valid_from or NOON - timedelta(hours=2)
        end = valid_to or NOON + timedelta(hours=10)
        with self.central.engine.begin() as conn:
            invitation_id = create_invitation(
                conn,
                NewInvitation(name, HOST, "OKM", start, end, single_use=single_use),
                self.clock.now(),
            )
        return invitation_id, self.token(invitation_id, start, end)

    def token(self, invitation_id: uuid.UUID, start: datetime, end: datetime) -> str:
        return sign(
            self.key,
            invitation_id=invitation_id,
            kind=TokenKind.VISITOR,
            valid_from=start,
            valid_to=end,
        )

    def revoke(self, invitation_id: uuid.UUID) -> None:
        with self.central.engine.begin() as conn:
            revoke_invitation(conn, str(invitation_id), self.clock.now())

    def sync(self) -> None:
        engine = SyncEngine(
            self.lobby,
            self.central_url,
            kiosk_id="lobby-1",
            role="lobby",
            room_id=None,
            clock=self.clock,
        )
        try:
            engine.cycle()
        finally:
            engine.close()

    def close(self) -> None:
        self.lobby.dispose()
        self.central.dispose()


def make_lab(tmp_path: Path) -> Lab:
    clock = FixedClock(NOON)
    central = seed_central(f"sqlite:///{tmp_path / 'central.db'}", site_key(tmp_path), clock)
    with central.engine.begin() as conn:
        new_key(conn, tmp_path / "admin", clock.now())
    with central.engine.connect() as conn:
        _key_id, key = current_signing_key(conn, tmp_path / "admin")
    lobby = local(tmp_path)
    service = VisitorCheckinService(lobby, clock, "lobby-1")
    lab = Lab(tmp_path, clock, central, lobby, key, service)
    lab.sync()
    return lab
