"""Reading a user's text file (spec, claims, values): every failure is one line naming the file.

Only regular files are read, and only up to MAX_FILE_BYTES: the type and size are checked on the
open descriptor (opened non-blocking, so a FIFO cannot hang) before any byte is read.
"""

from __future__ import annotations

import os
import stat
from collections.abc import Callable
from pathlib import Path

from .limits import MAX_FILE_BYTES


def _kind(mode: int) -> str:
    for test, name in (
        (stat.S_ISDIR, "a directory"),
        (stat.S_ISFIFO, "a named pipe"),
        (stat.S_ISCHR, "a character device"),
        (stat.S_ISBLK, "a block device"),
        (stat.S_ISSOCK, "a socket"),
    ):
        if test(mode):
            return name
    return "not a regular file"


def read_user_bytes(
    path: str | Path, what: str, error: Callable[[str], Exception], limit: int = MAX_FILE_BYTES
) -> bytes:
    """The bytes of a regular file of at most `limit` bytes; else `error(message)` is raised."""
    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
    except OSError as e:
        raise error(f"{path}: cannot read {what} ({e.strerror or e})") from None
    try:
        st = os.fstat(fd)
        if not stat.S_ISREG(st.st_mode):
            raise error(f"{path}: cannot read {what} ({_kind(st.st_mode)}, not a regular file)")
        if st.st_size > limit:
            raise error(f"{path}: cannot read {what} ({st.st_size} bytes; the limit is {limit})")
        chunks, total = [], 0
        while True:
            chunk = os.read(fd, min(1 << 20, limit + 1 - total))
            if not chunk:
                break
            chunks.append(chunk)
            total += len(chunk)
            if total > limit:  # the file grew after fstat
                raise error(f"{path}: cannot read {what} (more than {limit} bytes)")
        return b"".join(chunks)
    except OSError as e:
        raise error(f"{path}: cannot read {what} ({e.strerror or e})") from None
    finally:
        os.close(fd)


def read_user_text(path: str | Path, what: str, error: Callable[[str], Exception], limit: int = MAX_FILE_BYTES) -> str:
    """The file's UTF-8 text; `error(message)` is raised for a missing, unreadable, special,
    oversized or binary file."""
    data = read_user_bytes(path, what, error, limit)
    if b"\x00" in data:
        raise error(f"{path}: cannot read {what} (a binary file, not text)")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as e:
        raise error(
            f"{path}: cannot read {what} (not UTF-8 text: byte 0x{data[e.start]:02x} at "
            f"offset {e.start}; save the file as UTF-8)"
        ) from None
