"""Reading a user's text file (spec, claims, values): every failure is one line naming the file."""
from __future__ import annotations

from collections.abc import Callable
from pathlib import Path


def read_user_text(path: str | Path, what: str, error: Callable[[str], Exception]) -> str:
    """The file's UTF-8 text; `error(message)` is raised for a missing, unreadable or binary file."""
    try:
        data = Path(path).read_bytes()
    except OSError as e:
        raise error(f"{path}: cannot read {what} ({e.strerror or e})") from None
    if b"\x00" in data:
        raise error(f"{path}: cannot read {what} (a binary file, not text)")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as e:
        raise error(f"{path}: cannot read {what} (not UTF-8 text: byte 0x{data[e.start]:02x} at "
                    f"offset {e.start}; save the file as UTF-8)") from None
