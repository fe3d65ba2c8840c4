"""``ekokit db status|upgrade``, ``ekokit backup`` and ``ekokit restore``: the part of the command
line that keeps the store (parsed here, done by :mod:`ekokit.store.migrate`,
:mod:`ekokit.store.backup` and :mod:`ekokit.store.restore`). ``ekokit.cli`` adds it."""

from __future__ import annotations

import argparse
from typing import Any

from ekokit.content.i18n import t


def _url(args: argparse.Namespace) -> str:
    from ekokit.paths import as_db_url, default_db_url

    return as_db_url(args.db) if args.db else default_db_url()


def add_store_commands(sub: Any) -> None:
    db = sub.add_parser("db", help="the store's schema: status, or upgrade a store made by an "
                        "earlier version of the kit").add_subparsers(dest="db_cmd", required=True)
    db.add_parser("status", help="where the store stands (exit 1 when it needs an upgrade)"
                  ).set_defaults(func=cmd_db)
    db.add_parser("upgrade", help="migrate the store to this kit's schema (take a backup first)"
                  ).set_defaults(func=cmd_db)

    bak = sub.add_parser("backup", help="a consistent copy of the store, also while it is in use "
                         "(SQLite's online backup, or pg_dump)")
    bak.add_argument("--output", "-o", metavar="FILE",
                     help="the backup file (default: ekokit-backup-<UTC time>.sqlite or .dump)")
    bak.set_defaults(func=cmd_backup)
    res = sub.add_parser("restore", help="bring a backup back into an empty store, and check it")
    res.add_argument("file")
    res.set_defaults(func=cmd_restore)


def cmd_db(args: argparse.Namespace) -> int:
    """``ekokit db status`` says where the store stands; ``ekokit db upgrade`` migrates it."""
    from ekokit.store import migrate
    from ekokit.store.backup import shown_url

    url = _url(args)
    lang = args.lang
    if args.db_cmd == "upgrade":
        done = migrate.upgrade(url)
        if done.before.state == "current":
            print(t("store.already_current", lang, version=done.after.version))
        else:
            print(t("store.upgraded", lang, before=done.before.version, after=done.after.version,
                    seconds=f"{done.seconds:.2f}"))
        return 0
    now = migrate.status(url)
    print(t("store.status_store", lang, store=shown_url(url)))
    print(t(f"store.status_{now.state}", lang, version=now.version, head=now.head,
            count=len(now.pending)))
    return 0 if now.state in ("current", "new") else 1


def cmd_backup(args: argparse.Namespace) -> int:
    from ekokit.store.backup import make_backup

    done = make_backup(_url(args), args.output)
    print(t("store.backup_done", args.lang, path=done.path, teams=len(done.contents.teams),
            revisions=done.contents.revisions, version=done.contents.version,
            seconds=f"{done.seconds:.1f}"))
    return 0


def cmd_restore(args: argparse.Namespace) -> int:
    from ekokit.store.restore import restore_backup

    done = restore_backup(args.file, _url(args))
    print(t("store.restored", args.lang, path=args.file, teams=len(done.contents.teams),
            revisions=done.contents.revisions, seconds=f"{done.seconds:.1f}"))
    if not done.current:
        print(t("store.restored_old", args.lang, version=done.contents.version))
    return 0
