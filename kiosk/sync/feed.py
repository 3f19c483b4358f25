"""The central change feed, read so that no row is ever skipped or delivered twice.

Why not ``seq > cursor``: on PostgreSQL a sequence value is taken when a row is inserted, but
the row becomes visible when its transaction commits, and transactions commit in any order. A
reader that saw seq 11 (committed) while seq 10 was still in flight would move its cursor past
10 and never see it.

The design: every feed row carries ``txid``, the id of the transaction that wrote it
(``pg_current_xact_id()``, a 64-bit id that never wraps). A reader takes only rows whose txid is
below the watermark: the oldest transaction *of this database* still running when its
statement's snapshot was taken (or, with none, the snapshot's ``xmax``, below which every
transaction not listed as running has finished). Every feed row below that watermark is
committed or never will be, and a transaction that starts later gets a larger id, so the set of
rows below the watermark is final: nothing can be added to it any more. The feed is ordered by
``(txid, seq)`` and the cursor is the ``(txid, seq)`` of the last row applied; each read
continues strictly after it. A finished prefix of a total order, read in order from a cursor
inside that prefix, cannot skip a row and cannot return one twice.

Transaction ids are shared by the whole PostgreSQL cluster. Only transactions of this database
can write feed rows, so those *seen* in another database (``pg_stat_activity``,
``pg_prepared_xacts``) do not hold the watermark back: before, one long transaction of another
application on a shared server delayed every screen's wake-up by as long as it ran. Any running
transaction not seen elsewhere (hidden, just started, a subtransaction) counts as this
database's: a wrong guess costs lag, never loss, because a transaction id belongs to one
database for good.

The watermark is read by the same statement as the rows (``pg_current_snapshot()`` is that
statement's snapshot), so every row below it is also visible to the read. The price is lag,
never loss: a long-running writing transaction in this database holds the watermark back until
it ends. :func:`pending` tells a reader that committed rows are waiting above the watermark, so
it can look again shortly instead of waiting for its next poll.

On SQLite, writers are serialized (one write transaction at a time, ``BEGIN IMMEDIATE``), so
seq order is commit order; txid stays 0 and the cursor is ``(0, seq)``.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, NamedTuple

from sqlalchemy import JSON, BigInteger, String, column, func, select, table, text, tuple_
from sqlalchemy.engine import Connection

from kiosk.sync.replication import ROLE_AUDIENCES

# A lightweight view of the ``changes`` table including ``txid`` (added by migration 0002).
feed_table = table(
    "changes",
    column("seq", BigInteger),
    column("txid", BigInteger),
    column("entity", String),
    column("audience", String),
    column("payload", JSON),
)
_c = feed_table.c

#: The watermark: this database's transactions with an id below it have all finished. The
#: running ids of the statement's snapshot, less those seen running in another database (their
#: 32-bit ids are the low half of the 64-bit ones), and the snapshot's xmax above them all. An
#: uncorrelated subquery: PostgreSQL evaluates it once per statement. NOT EXISTS, not NOT IN:
#: a NULL in a NOT IN list would exempt every running transaction, ours too.
WATERMARK = text(
    "(SELECT least(pg_snapshot_xmax(pg_current_snapshot())::text::bigint,"
    " min(x::text::bigint))"
    " FROM pg_snapshot_xip(pg_current_snapshot()) AS x"
    " WHERE NOT EXISTS (SELECT FROM pg_stat_activity AS a"
    " WHERE a.datname <> current_database()"
    " AND a.backend_xid::text::bigint = (x::text::bigint & 4294967295))"
    " AND NOT EXISTS (SELECT FROM pg_prepared_xacts AS p"
    " WHERE p.database <> current_database()"
    " AND p.transaction::text::bigint = (x::text::bigint & 4294967295)))"
)


class FeedCursor(NamedTuple):
    """The position of the last change applied: ``(txid, seq)``."""

    txid: int
    seq: int

    def __str__(self) -> str:
        return f"{self.txid}:{self.seq}"

    @classmethod
    def parse(cls, text_value: str | None) -> FeedCursor:
        """Read a stored cursor; a bare number (the seq-only cursor of revision 0001) is (0, N).

        Rows written before revision 0002 carry txid 0, so the old cursor keeps its meaning.
        """
        if not text_value:
            return START
        try:
            if ":" in text_value:
                txid, seq = text_value.split(":", 1)
                return cls(int(txid), int(seq))
            return cls(0, int(text_value))
        except ValueError:
            raise ValueError(f"not a feed cursor: {text_value!r}") from None


START = FeedCursor(0, 0)


@dataclass(frozen=True)
class ChangeRow:
    cursor: FeedCursor
    entity: str
    payload: dict[str, Any]


def _audiences(role: str) -> tuple[str, ...]:
    return ROLE_AUDIENCES.get(role, ())


def changes_since(
    conn: Connection, cursor: FeedCursor, role: str, limit: int = 500
) -> list[ChangeRow]:
    """Changes after ``cursor`` that a kiosk of ``role`` may receive, in feed order.

    On PostgreSQL only rows below the watermark are returned (see the module docstring).
    """
    query = (
        select(_c.txid, _c.seq, _c.entity, _c.payload)
        .where(
            tuple_(_c.txid, _c.seq) > tuple_(cursor.txid, cursor.seq),
            _c.audience.in_(_audiences(role)),
        )
        .order_by(_c.txid, _c.seq)
        .limit(limit)
    )
    if conn.dialect.name == "postgresql":
        query = query.where(_c.txid < WATERMARK)
    return [
        ChangeRow(FeedCursor(int(r.txid), int(r.seq)), r.entity, r.payload)
        for r in conn.execute(query)
    ]


def pending(conn: Connection, cursor: FeedCursor, role: str) -> bool:
    """True when committed changes for ``role`` wait above the watermark (PostgreSQL only).

    They will be readable as soon as the older transactions that hold the watermark back end.
    """
    if conn.dialect.name != "postgresql":
        return False
    query = select(
        select(_c.seq)
        .where(
            tuple_(_c.txid, _c.seq) > tuple_(cursor.txid, cursor.seq),
            _c.audience.in_(_audiences(role)),
            _c.txid >= WATERMARK,
        )
        .exists()
    )
    return bool(conn.execute(query).scalar())


def head(conn: Connection, role: str | None = None) -> FeedCursor:
    """The newest readable position of the whole feed, or of what a kiosk of ``role`` reads."""
    query = select(_c.txid, _c.seq).order_by(_c.txid.desc(), _c.seq.desc()).limit(1)
    if role is not None:
        query = query.where(_c.audience.in_(_audiences(role)))
    if conn.dialect.name == "postgresql":
        query = query.where(_c.txid < WATERMARK)
    row = conn.execute(query).first()
    return START if row is None else FeedCursor(int(row.txid), int(row.seq))


def count(conn: Connection) -> int:
    return int(conn.execute(select(func.count()).select_from(feed_table)).scalar_one())
