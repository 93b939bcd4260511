"""CLI glue for `symgrad cache path|list|clear` (the logic is codegen.cache_admin).

codegen/cli.py calls `add_cache_parser(subparsers)`; `cmd_cache(args)` runs the chosen action
with an argparse-like namespace. Problems are one-line CliErrors (exit code 2).
"""

from __future__ import annotations

import argparse
import json
import time

from . import cache_admin
from .cli_errors import CliError

__all__ = ["add_cache_parser", "cmd_cache"]


def _days(text: str) -> float:
    try:
        v = float(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected a number of days, given {text!r}") from None
    if not v >= 0 or v == float("inf"):
        raise argparse.ArgumentTypeError(f"expected a number of days >= 0, given {text!r}")
    return v


def add_cache_parser(sub) -> None:
    """Register `cache` with its actions path, list and clear on the CLI's subparsers."""
    c = sub.add_parser("cache", help="where compiled kernels are cached; list them (size, age, model) or clear them")
    actions = c.add_subparsers(dest="cache_action", metavar="ACTION", required=True)
    actions.add_parser("path", help="print the cache directory ($SYMGRAD_CACHE_DIR or the per-user default)")
    ls = actions.add_parser("list", help="one line per cached kernel: model, dtype, kind, key, size, age, last use")
    ls.add_argument("--json", action="store_true")
    cl = actions.add_parser("clear", help="remove cached kernels (all, or filtered); they rebuild when next needed")
    cl.add_argument("--older-than", metavar="DAYS", type=_days, help="only entries not used for more than DAYS days")
    cl.add_argument("--model", metavar="NAME", help="only entries of the model NAME (as `cache list` shows it)")
    cl.add_argument("--dry-run", action="store_true", help="print what would be removed, remove nothing")
    cl.add_argument("--json", action="store_true")
    c.set_defaults(func=cmd_cache)


def cmd_cache(args) -> int:
    root = cache_admin.requested_root()
    try:
        if args.cache_action == "path":
            print(root)
        elif args.cache_action == "list":
            _list(root, bool(getattr(args, "json", False)))
        else:
            return _clear(root, args)
    except cache_admin.CacheAdminError as exc:
        raise CliError(str(exc)) from None
    return 0


def _row(e: cache_admin.Entry, now: float) -> list[str]:
    return [
        e.label(),
        e.dtype or "-",
        e.kind,
        e.key[:12],
        cache_admin.fmt_size(e.size),
        cache_admin.fmt_age(now - e.created),
        cache_admin.fmt_age(now - e.last_used) + " ago",
    ]


def _table(rows: list[list[str]]) -> str:
    head = ["MODEL", "DTYPE", "KIND", "KEY", "SIZE", "AGE", "LAST USED"]
    widths = [max(len(r[i]) for r in [head, *rows]) for i in range(len(head))]
    right = {4, 5, 6}
    return "\n".join(
        "  ".join(
            c.rjust(w) if i in right else c.ljust(w) for i, (c, w) in enumerate(zip(r, widths, strict=True))
        ).rstrip()
        for r in [head, *rows]
    )


def _list(root, as_json: bool) -> None:
    found = cache_admin.entries(root)
    now = time.time()
    total = sum(e.size for e in found)
    if as_json:
        doc = {"root": str(root), "entries": [e.to_json(now) for e in found], "total_size": total}
        print(json.dumps(doc, indent=1))
        return
    if not found:
        print(f"no cached kernels in {root}")
        return
    print(_table([_row(e, now) for e in found]))
    print(f"{len(found)} entries, {cache_admin.fmt_size(total)} in {root}")


def _clear(root, args) -> int:
    dry = bool(getattr(args, "dry_run", False))
    removed, skipped = cache_admin.clear(
        root, older_than_days=getattr(args, "older_than", None), model=getattr(args, "model", None), dry_run=dry
    )
    now = time.time()
    if getattr(args, "json", False):
        doc = {
            "root": str(root),
            "dry_run": dry,
            "removed": [e.to_json(now) for e in removed],
            "skipped": [{**e.to_json(now), "reason": why} for e, why in skipped],
        }
        print(json.dumps(doc, indent=1))
    else:
        verb = "would remove" if dry else "removed"
        for e in removed:
            print(f"{verb} {e.kind} {e.label()} {e.dtype or '-'} {e.key[:12]} ({cache_admin.fmt_size(e.size)})")
        for e, why in skipped:
            print(f"skipped {e.kind} {e.label()} {e.key[:12]}: {why}")
        size = cache_admin.fmt_size(sum(e.size for e in removed))
        print(f"{verb} {len(removed)} entries ({size}) from {root}")
    return 1 if skipped else 0
