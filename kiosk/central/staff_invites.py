"""The staff console's invitations: one from the form, many from a CSV (or its preview), under
the rules of ``kiosk admin invite create`` and ``invite import``, each audited."""

from __future__ import annotations

from datetime import datetime, timedelta

from sqlalchemy.engine import Connection

from kiosk.central.credentials import Device
from kiosk.central.staff_csv import capped, row_outcomes, uploaded_csv
from kiosk.central.staff_desk import StaffDesk, check_ahead
from kiosk.console.models import CsvOutcome, InviteCreated, InviteRequest
from kiosk.lobby.invitations import NewInvitation, check_window, issue_invitation
from kiosk.lobby.invite_delivery import check_address, check_lang, queue_invitation
from kiosk.lobby.invite_import import (
    InvitationRules,
    check_invitations,
    import_invitations,
    read_rows,
)
from kiosk.security.tokens import TokenKind


class StaffInvitations:
    def __init__(self, desk: StaffDesk) -> None:
        self._desk = desk

    def invite(self, device: Device, request: InviteRequest) -> InviteCreated:
        desk = self._desk
        address = check_address(request.email, "email") if request.email else None
        lang = check_lang(request.lang, desk.settings.language, "lang")
        now = desk.now
        # A token carries whole seconds: the window widened to them, never narrowed.
        valid_from = request.valid_from.replace(microsecond=0)
        valid_to = request.valid_to.replace(microsecond=0)
        if valid_to < request.valid_to:
            valid_to += timedelta(seconds=1)
        check_window(valid_from, valid_to, now)
        check_ahead("an invitation", valid_from, now)
        new = NewInvitation(
            name=request.name,
            host=str(request.host_id),
            organisation=request.company,
            valid_from=valid_from,
            valid_to=valid_to,
            single_use=request.single_use,
            kind=TokenKind.VISITOR,
        )
        with desk.store.engine.begin() as conn:
            invitation_id, token = issue_invitation(conn, new, desk.key(conn), now)
            if address is not None:
                queue_invitation(conn, invitation_id, token, address, lang, desk.mail(), now)
            name = " ".join(request.name.split())
            desk.audit(
                conn,
                device,
                "staff.invite",
                {"invitation": str(invitation_id), "mail": bool(address)},
            )
        return InviteCreated(invitation_id, name, valid_from, valid_to, address is not None)

    def invites_csv(self, device: Device, text: str, *, dry_run: bool) -> CsvOutcome:
        """The CSV import of ``kiosk admin invite import``; with ``dry_run`` every row is
        checked by the import's own checks (:func:`check_invitations`) and nothing written."""
        desk = self._desk
        now = desk.now
        with uploaded_csv(text) as path:
            rows = capped(read_rows(path))
            if dry_run:  # a read: no transaction holds back the change feed while it checks
                with desk.store.engine.connect() as conn:
                    result = check_invitations(
                        conn, iter(rows), self._rules(conn, now), out_dir=path.parent
                    )
                return row_outcomes(result, path)
            with desk.store.engine.begin() as conn:
                result = import_invitations(
                    conn,
                    iter(rows),
                    self._rules(conn, now),
                    out_dir=path.parent,
                    cards=False,  # no card leaves this folder: drawing them only took time
                )
                outcome = row_outcomes(result, path)
                desk.audit(
                    conn,
                    device,
                    "staff.invite_import",
                    {"imported": outcome.ok_count, "refused": len(outcome.refused)},
                )
        return outcome

    def _rules(self, conn: Connection, now: datetime) -> InvitationRules:
        settings = self._desk.settings
        key = self._desk.key(conn)
        return InvitationRules(key, settings.tz, now, settings.mail, settings.language)
