"""Pieces of user-facing error messages shared by the CLI and the library (one line each)."""

from __future__ import annotations

from collections.abc import Sequence


def quoted_names(names: Sequence[str], limit: int = 8) -> str:
    """'a', 'b', 'c' — at most `limit` names, then "… and N more (M in all)", so a message about
    a weight-by-weight model with hundreds of parameters stays one readable line."""
    shown = ", ".join(repr(n) for n in names[:limit])
    rest = len(names) - limit
    return shown if rest <= 0 else f"{shown}, … and {rest} more ({len(names)} in all)"
