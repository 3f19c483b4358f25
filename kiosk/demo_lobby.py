"""Demo visitors and check-ins for the lobby's screenshots (evacuation list, QR welcome).

Everything goes through the real code paths: invitations are created and signed like
``kiosk admin invite create`` does, members tap their badges and visitors scan their codes
through the services, so a screenshot shows what a real lobby would.
"""

from __future__ import annotations

from datetime import datetime, timedelta
from pathlib import Path

from kiosk.badges import load_site_key
from kiosk.clock import FixedClock
from kiosk.invitations import NewInvitation, create_invitation
from kiosk.services.checkin import CheckinService
from kiosk.services.visitor_checkin import VisitorCheckinService
from kiosk.signing_keys import current_signing_key, new_key
from kiosk.store import Store, open_store
from kiosk.tokens import TokenKind, sign

HOST = "mikko.korhonen@lab.example"
VISITORS = [("Sofia Laine", "Kela"), ("Jonas Berg", "Svenska Kulturfonden")]
MEMBER_BADGES = ["0A00F1C2D3", "0B1234ABCD", "0C55AA0F10"]  # Aino, Linnea, Mikko


def invite_demo_visitors(central_url: str, base: Path, at: datetime) -> list[str]:
    """Create a signing key and today's demo invitations centrally; returns their tokens."""
    store = open_store(central_url)
    keys = base / "demo-admin"
    start, end = at - timedelta(hours=6), at + timedelta(hours=6)
    start, end = start.replace(microsecond=0), end.replace(microsecond=0)
    tokens = []
    try:
        with store.engine.begin() as conn:
            new_key(conn, keys, at)
        with store.engine.begin() as conn:
            _key_id, key = current_signing_key(conn, keys)
            for name, org in VISITORS:
                invitation_id = create_invitation(
                    conn, NewInvitation(name, HOST, org, start, end), at
                )
                tokens.append(
                    sign(
                        key,
                        invitation_id=invitation_id,
                        kind=TokenKind.VISITOR,
                        valid_from=start,
                        valid_to=end,
                    )
                )
    finally:
        store.dispose()
    return tokens


def check_in_demo_people(
    store: Store, site_key_file: Path, kiosk_id: str, tokens: list[str], at: datetime
) -> None:
    """Members tap in and visitors scan in during the morning before ``at``."""
    clock = FixedClock(at - timedelta(hours=4))
    badges = CheckinService(store, clock, load_site_key(site_key_file), kiosk_id)
    visitors = VisitorCheckinService(store, clock, kiosk_id)
    for uid in MEMBER_BADGES:
        badges.badge_tap(uid)
        clock.advance(timedelta(minutes=37))
    for token in tokens:
        visitors.scan(token)
        clock.advance(timedelta(minutes=21))
