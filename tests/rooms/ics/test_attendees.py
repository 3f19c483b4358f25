"""Reading an event's attendees: who is a visitor, what is skipped, what is counted."""

from __future__ import annotations

import icalendar

from kiosk.rooms.ics_attendees import clean_name, people_of


def event(*attendees: str, organiser: str = "ORGANIZER:mailto:Mikko@Lab.example") -> object:
    lines = ["BEGIN:VCALENDAR", "VERSION:2.0", "BEGIN:VEVENT", "UID:x", organiser]
    lines += [f"ATTENDEE;{a}" for a in attendees]
    text = "\r\n".join([*lines, "END:VEVENT", "END:VCALENDAR", ""])
    return icalendar.Calendar.from_ical(text).walk("VEVENT")[0]


def test_rooms_declined_and_non_participants_are_no_visitors() -> None:
    people = people_of(
        event(
            "CN=Eeva Ek:mailto:Eeva.Ek@OKM.example",
            "CN=eeva again:mailto:eeva.ek@okm.example",  # the same address: once
            "CUTYPE=ROOM;CN=Aurora:mailto:aurora@lab.example",
            "CUTYPE=RESOURCE:mailto:projector@lab.example",
            "PARTSTAT=DECLINED:mailto:no@stm.example",
            "ROLE=NON-PARTICIPANT:mailto:fyi@stm.example",
            "ROLE=OPT-PARTICIPANT:mailto:maybe@stm.example",
            "CN=Broken:mailto:nobody",
        )
    )
    assert people.organiser == "mikko@lab.example"
    assert [(a.address, a.name) for a in people.attendees] == [
        ("eeva.ek@okm.example", "Eeva Ek"),
        ("maybe@stm.example", "maybe"),  # no name in the calendar: the local part
    ]
    assert (people.malformed, people.over_cap) == (1, 0)


def test_the_cap_counts_what_it_leaves_unread() -> None:
    guests = (f"CN=G:mailto:g{i}@example.org" for i in range(10))
    people = people_of(event(*guests), max_attendees=3)
    assert len(people.attendees) == 3 and people.over_cap == 7


def test_a_missing_or_odd_organiser_is_none() -> None:
    assert people_of(event(organiser="X-NOTHING:1")).organiser is None
    assert people_of(event(organiser="ORGANIZER:http://example.org/")).organiser is None


def test_names_lose_control_and_invisible_characters() -> None:
    assert clean_name("Eve\tEvil\u200b\u202eX", "e@x.org") == "Eve Evil X"
    assert clean_name("\u200b \u2028", "eve@x.org") == "eve"
    assert len(clean_name("E" * 5000, "e@x.org")) == 200
