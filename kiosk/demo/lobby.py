"""Demo visitors and check-ins for the lobby's screenshots (evacuation list, QR welcome).

Everything goes through the real code paths: invitations are created and signed like
``kiosk admin invite create`` does, members tap their badges and visitors scan their codes
through the services, so a screenshot shows what a real lobby would.
"""

from __future__ import annotations

from datetime import datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

from kiosk.base.clock import FixedClock
from kiosk.lobby.checkin import CheckinService
from kiosk.lobby.invitations import NewInvitation, create_invitation
from kiosk.lobby.visitor_checkin import VisitorCheckinService
from kiosk.security.badges import load_site_key
from kiosk.security.signing_keys import current_signing_key, new_key
from kiosk.security.tokens import TokenKind, sign
from kiosk.store.engine import Store, open_store

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


DEMO_EVENT = "Tekoäly työn tukena – Lab-ilta"
DEMO_EVENT_CAPACITY = 200
DEMO_EVENT_IN = 142


def prepare_demo_event(central_url: str, at: datetime) -> None:
    """An event on at ``at`` for the whole Lab (capacity 200, walk-ins), 142 tickets already in.

    The check-ins are written centrally as another lobby's (``lobby-2``), so the screenshot's
    lobby receives them by sync exactly as it would receive a second lobby's entries.
    """
    from kiosk.base.ids import new_id
    from kiosk.events.manage import NewEvent, create_event, create_ticket, get_event
    from kiosk.rooms.modes import ModeSwitch, set_mode_central
    from kiosk.sync import central

    start = at.replace(minute=0, second=0, microsecond=0) - timedelta(hours=1)
    end = start + timedelta(hours=4)
    store = open_store(central_url)
    try:
        with store.engine.begin() as conn:
            new = NewEvent(
                DEMO_EVENT,
                start,
                end,
                "Miten tekoäly muuttaa asiantuntijatyötä? Puheenvuoroja ja työpajoja.",
                DEMO_EVENT_CAPACITY,
                None,
                allow_walkins=True,
            )
            event_id = create_event(conn, new, at - timedelta(days=7))
            switch = ModeSwitch(None, "event", start, end, DEMO_EVENT, event_id)
            set_mode_central(conn, switch, set_by=None, now=at - timedelta(days=7))
            event = get_event(conn, event_id)
            moment = start
            for _ in range(DEMO_EVENT_IN):
                ticket = create_ticket(conn, event, None, None, at - timedelta(days=7))
                moment += timedelta(seconds=40)
                checkin = {
                    "id": new_id(),
                    "direction": "in",
                    "person_id": None,
                    "visitor_id": None,
                    "invitation_id": ticket,
                    "method": "qr",
                    "kiosk_id": "lobby-2",
                    "at": min(moment, at),
                    "event_id": event_id,
                }
                central.write(conn, "checkins", checkin, at)
    finally:
        store.dispose()


# --- the "Here today" board and hosts on duty (kiosk screenshot --screen here-today) -------

# (name, e-mail, organisation, badge UID, interests or None: checked in but never opted in)
BOARD_PEOPLE = [
    (
        "Sanna Heikkinen",
        "sanna.heikkinen@traficom.example",
        "Traficom",
        "0E10203040",
        ["liikenteen data", "avoin lähdekoodi"],
    ),
    (
        "Amira Hassan",
        "amira.hassan@thl.example",
        "Terveyden ja hyvinvoinnin laitos",
        "0E50607080",
        ["hyvinvointialueet", "tekoäly", "palvelumuotoilu"],
    ),
    (
        "Petteri Mäkelä",
        "petteri.makela@stat.example",
        "Tilastokeskus",
        "0E90A0B0C0",
        ["tiedolla johtaminen"],
    ),
]
# Demo people (kiosk/demo/data.py) who opt in too; Linnea taps in but never opts in.
BOARD_OPT_INS = [
    ("aino.virtanen@vm.example", ["julkinen talous", "kokeilukulttuuri"]),
    ("erik.sjoberg@um.example", ["EU-yhteistyö", "svenska nätverket"]),
]
BOARD_BADGES = ["0A00F1C2D3", "0B1234ABCD", "0D0BADCAFE", *(p[3] for p in BOARD_PEOPLE)]
HOSTS_TODAY = ["mikko.korhonen@lab.example", "helmi.saarinen@lab.example"]


def prepare_here_today(central_url: str, site_key_file: Path, at: datetime, tz: ZoneInfo) -> None:
    """More members, their board opt-ins (made with the CLI's code) and today's hosts."""
    from kiosk.lab.here_today import opt_in
    from kiosk.lab.host_duty import set_duty
    from kiosk.security.directory import add_person, enroll_badge, find_person

    key = load_site_key(site_key_file)
    earlier = at - timedelta(days=3)
    store = open_store(central_url)
    try:
        with store.engine.begin() as conn:
            for name, email, org, uid, _interests in BOARD_PEOPLE:
                add_person(
                    conn, name=name, email=email, role="member", organisation=org, now=earlier
                )
                enroll_badge(conn, email, uid, key, earlier)
            add_person(
                conn,
                name="Helmi Saarinen",
                email="helmi.saarinen@lab.example",
                role="host",
                organisation="Työ 2.0 Lab",
                now=earlier,
            )
            chosen = [(email, interests) for _n, email, _o, _u, interests in BOARD_PEOPLE]
            for email, interests in [*chosen, *BOARD_OPT_INS]:
                opt_in(conn, find_person(conn, email), interests, earlier)
            hosts = [find_person(conn, email) for email in HOSTS_TODAY]
            set_duty(conn, at.astimezone(tz).date(), hosts, earlier)
    finally:
        store.dispose()


def check_in_board_people(store: Store, site_key_file: Path, kiosk_id: str, at: datetime) -> None:
    """The board's people tap in during the morning before ``at`` (after the lobby synced)."""
    clock = FixedClock(at - timedelta(hours=3))
    badges = CheckinService(store, clock, load_site_key(site_key_file), kiosk_id)
    for uid in BOARD_BADGES:
        badges.badge_tap(uid)
        clock.advance(timedelta(minutes=23))
