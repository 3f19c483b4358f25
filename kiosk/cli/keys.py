"""``kiosk admin keys ...``: the Ed25519 keys that sign invitation tokens.

``create`` makes the first key, ``rotate`` makes a new current key while older ones keep
verifying, ``retire`` stops a key verifying anything, ``list`` shows them all.
"""

from __future__ import annotations

import argparse
from typing import Any

from kiosk.cli.context import context_from_args, print_json


def add_parsers(cmds: Any) -> None:
    keys = cmds.add_parser("keys", help="keys that sign invitations").add_subparsers(
        dest="keys_cmd", required=True
    )
    p = keys.add_parser("create", help="create the first signing key")
    p.set_defaults(func=cmd_keys_create, rotate=False)
    p = keys.add_parser("rotate", help="create a new current key; older keys stay valid")
    p.set_defaults(func=cmd_keys_create, rotate=True)
    p = keys.add_parser("retire", help="stop accepting invitations signed with a key")
    p.add_argument("key_id", help="the key's id (from keys list)")
    p.set_defaults(func=cmd_keys_retire)
    p = keys.add_parser("list", help="list signing keys")
    p.add_argument("--json", action="store_true", help="print JSON (for scripts) instead of text")
    p.set_defaults(func=cmd_keys_list)


def cmd_keys_create(args: argparse.Namespace) -> int:
    from kiosk.base.errors import Conflict
    from kiosk.security.signing_keys import (
        discard_private_key,
        list_keys,
        new_key,
        private_key_path,
    )

    ctx = context_from_args(args)
    data_dir = ctx.config.data_dir
    key_id = None
    try:
        with ctx.central() as conn:
            current = [k.key_id for k in list_keys(conn) if k.current]
            if current and not args.rotate:
                raise Conflict(
                    f"signing key {current[0]} already exists; use `kiosk admin keys rotate`"
                )
            key_id = new_key(conn, data_dir, ctx.clock.now())
    except BaseException:
        if key_id is not None:  # the commit failed after the file was written
            discard_private_key(data_dir, key_id)
        raise
    print(f"signing key {key_id} created; private key: {private_key_path(data_dir, key_id)}")
    return 0


def cmd_keys_retire(args: argparse.Namespace) -> int:
    from kiosk.security.signing_keys import retire_key

    ctx = context_from_args(args)
    with ctx.central() as conn:
        retire_key(conn, args.key_id, ctx.clock.now())
    print(f"signing key {args.key_id} retired")
    return 0


def cmd_keys_list(args: argparse.Namespace) -> int:
    from kiosk.security.signing_keys import list_keys, private_key_path

    ctx = context_from_args(args)
    with ctx.central(write=False) as conn:
        keys = list_keys(conn)
    tz = ctx.config.tz
    rows: list[dict[str, Any]] = [
        {
            "key_id": k.key_id,
            "public_key": k.public_key,
            "created_at": k.created_at.astimezone(tz).isoformat(),
            "retired_at": k.retired_at.astimezone(tz).isoformat() if k.retired_at else None,
            "current": k.current,
            "private_key_here": private_key_path(ctx.config.data_dir, k.key_id).exists(),
        }
        for k in keys
    ]
    if args.json:
        print_json(rows)
    elif not rows:
        print("no signing keys; run `kiosk admin keys create`")
    else:
        for r in rows:
            state = "current" if r["current"] else ("retired" if r["retired_at"] else "valid")
            here = "private key here" if r["private_key_here"] else "no private key here"
            print(f"{r['key_id']}  {state:<8} created {r['created_at'][:16]}  {here}")
    return 0
