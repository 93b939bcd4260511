"""What the kernel cache holds and how to prune it: the logic of `symgrad cache list|clear|path`
(codegen.cache_cli is the command-line glue).

Two kinds of entries live under the cache root (codegen.cache describes the layout):

* kernel: a built extension, <root>/<key[:2]>/<key>/ with its manifest (the model's name and
  dtype are recorded there by codegen.kernel.compile; entries built before that show none);
* source: a kernel-index record, <root>/graphs/<fp[:2]>/<fp>.json (emitted C kept so that a
  cached model loads without emitting it again; codegen.kernel_index), named after its model.

Listing reads manifests as plain data (nothing is loaded). Removing a kernel entry takes its
per-key build lock and goes through cache.discard (an atomic rename aside, then delete), so a
concurrent build never loads a half-deleted entry: it sees either the whole entry or none and
rebuilds. A root that another user could write is refused (cache.prepare_root's checks), as the
builder refuses it. "Last used" is the newest of the entry's creation time and its files' access
times, to within a day on Linux's default relatime mounts (noatime mounts never update it).
"""

from __future__ import annotations

import contextlib
import dataclasses
import json
import os
import re
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from . import cache
from .build import default_cache_dir

__all__ = ["CacheAdminError", "Entry", "clear", "entries", "fmt_age", "fmt_size", "requested_root"]

_KEY = re.compile(r"[0-9a-f]{64}")
_MODULE = re.compile(r"_symgrad_(\w+)_[0-9a-f]{16}")
INDEX_DIR = "graphs"
_NOATIME = getattr(os, "O_NOATIME", 0)
_NOFOLLOW = getattr(os, "O_NOFOLLOW", 0)


class CacheAdminError(ValueError):
    """The cache cannot be listed or cleared (unsafe root, bad option); one line."""


@dataclass(frozen=True)
class Entry:
    """One cache entry: `kind` "kernel" or "source", its key (cache key or graph fingerprint),
    the model and dtype when recorded, total bytes of its files, times in epoch seconds."""

    kind: str
    key: str
    model: str | None
    dtype: str | None
    module: str | None
    size: int
    created: float
    last_used: float
    path: Path

    def label(self) -> str:
        """The model's name, else the build's name hint in parentheses (e.g. an optimizer step)."""
        if self.model:
            return self.model
        m = _MODULE.fullmatch(self.module or "")
        return f"({m.group(1)})" if m else "?"

    def to_json(self, now: float) -> dict[str, Any]:
        return {
            "kind": self.kind,
            "key": self.key,
            "model": self.model,
            "dtype": self.dtype,
            "module": self.module,
            "size": self.size,
            "created": self.created,
            "last_used": self.last_used,
            "age_seconds": max(0.0, now - self.created),
            "path": str(self.path),
        }


def requested_root(cache_dir: str | os.PathLike | None = None) -> Path:
    """The configured cache root ($SYMGRAD_CACHE_DIR or the per-user default), not created."""
    root = Path(cache_dir if cache_dir is not None else default_cache_dir()).expanduser().absolute()
    return root.resolve() if root.exists() else root


def _checked_root(root: Path) -> Path | None:
    """The root after the builder's safety checks, or None if it does not exist (nothing cached)."""
    if not os.path.lexists(root):
        return None
    try:
        return cache.prepare_root(root)
    except OSError as exc:  # UnsafeCacheError, or not a directory / unreadable
        raise CacheAdminError(" ".join(f"cannot use the kernel cache: {exc}".split())) from None


def _files(path: Path) -> Iterator[os.stat_result]:
    """lstat of every regular file in `path` (a file or a directory tree; symlinks not followed)."""
    try:
        st = os.lstat(path)
    except OSError:
        return
    if not os.path.isdir(path) or os.path.islink(path):
        if os.path.isfile(path) and not os.path.islink(path):
            yield st
        return
    for top, _, names in os.walk(path):
        for n in names:
            with contextlib.suppress(OSError):
                s = os.lstat(os.path.join(top, n))
                if not os.path.islink(os.path.join(top, n)):
                    yield s


def _read_json(path: Path) -> dict:
    """A JSON object from `path` ({} if unreadable), read without updating its access time where
    the OS allows (O_NOATIME: listing must not count as a use)."""
    try:
        try:
            fd = os.open(path, os.O_RDONLY | _NOATIME | _NOFOLLOW)
        except PermissionError:  # O_NOATIME needs ownership; entries are ours, but be lenient
            fd = os.open(path, os.O_RDONLY | _NOFOLLOW)
        with os.fdopen(fd, encoding="utf-8") as f:
            d = json.load(f)
        return d if isinstance(d, dict) else {}
    except (OSError, ValueError):
        return {}


def _kernel_entry(path: Path) -> Entry:
    m = _read_json(path / cache.MANIFEST)
    stats = list(_files(path))
    created = m.get("created")
    if not isinstance(created, (int, float)):
        created = os.lstat(path).st_mtime
    used = max([float(created)] + [s.st_atime for s in stats])

    def text(k: str) -> str | None:
        v = m.get(k)
        return v if isinstance(v, str) else None

    size = sum(s.st_size for s in stats)
    return Entry("kernel", path.name, text("model"), text("dtype"), text("module"), size, float(created), used, path)


def _source_entry(path: Path) -> Entry:
    src = _read_json(path).get("source")
    src = src if isinstance(src, dict) else {}
    st = os.lstat(path)
    name, dtype = src.get("name"), src.get("dtype")
    return Entry(
        "source",
        path.stem,
        name if isinstance(name, str) else None,
        dtype if isinstance(dtype, str) else None,
        None,
        st.st_size,
        st.st_mtime,
        max(st.st_mtime, st.st_atime),
        path,
    )


def _subdirs(d: Path, pattern: re.Pattern[str]) -> list[Path]:
    try:
        return sorted(p for p in d.iterdir() if pattern.fullmatch(p.name) and p.is_dir() and not p.is_symlink())
    except OSError:
        return []


def entries(root: Path) -> list[Entry]:
    """Every complete kernel entry and kernel-index record under `root` (checked first), sorted
    by model then kind; [] when the root does not exist. CacheAdminError for an unsafe root."""
    real = _checked_root(root)
    if real is None:
        return []
    found = []
    for shard in _subdirs(real, re.compile(r"[0-9a-f]{2}")):
        found += [_kernel_entry(p) for p in _subdirs(shard, _KEY)]
    for shard in _subdirs(real / INDEX_DIR, re.compile(r"[0-9a-f]{2}")):
        with contextlib.suppress(OSError):
            found += [
                _source_entry(p)
                for p in sorted(shard.iterdir())
                if p.suffix == ".json" and _KEY.fullmatch(p.stem) and p.is_file() and not p.is_symlink()
            ]
    return sorted(_name_sources(found), key=lambda e: (e.label(), e.dtype or "", e.kind, e.key))


def _name_sources(found: list[Entry]) -> list[Entry]:
    """Source records carry the C name of the kernel, not the model's: the model of the kernel
    entry built from that name and dtype (its module is _symgrad_<C name>_<dtype>[_blas]_<key>),
    else the C name without the "_f32" codegen.emit appends for float32 kernels."""
    models = {}
    for e in found:
        m = _MODULE.fullmatch(e.module or "")
        if e.kind == "kernel" and e.model and e.dtype and m:
            models[(m.group(1).removesuffix("_blas").removesuffix(f"_{e.dtype}"), e.dtype)] = e.model
    out = []
    for e in found:
        if e.kind == "source" and e.model:
            model = models.get((e.model, e.dtype or ""))
            if model is None:
                model = e.model.removesuffix("_f32") if e.dtype == "float32" else e.model
            e = dataclasses.replace(e, model=model)
        out.append(e)
    return out


def _remove(root: Path, e: Entry) -> None:
    """Remove one entry safely (see the module docstring); UnsafeCacheError if it is not ours."""
    if e.kind == "source":
        with contextlib.suppress(FileNotFoundError):
            os.unlink(e.path)  # readers open the file whole or not at all: a miss
        return
    shard = cache.shard_dir(root, e.key)
    cache.check_private_dir(shard, "cache shard")
    with cache.key_lock(root, e.key):  # no builder of this key is publishing meanwhile
        with contextlib.suppress(FileNotFoundError):
            cache.check_private_dir(e.path, "cache entry")
            cache.discard(e.path)  # atomic rename aside, then delete
        with contextlib.suppress(OSError):  # an empty lock file; a waiter holding the old one
            os.unlink(shard / f"{e.key}.lock")  # only builds once more (publish lets one win)
    cache.clean_stale(shard)


def clear(
    root: Path, older_than_days: float | None = None, model: str | None = None, dry_run: bool = False
) -> tuple[list[Entry], list[tuple[Entry, str]]]:
    """Remove the entries under `root` (all, or those not used for `older_than_days` days and/or
    of model `model`); return (removed, skipped with the reason). dry_run: remove nothing."""
    if older_than_days is not None and not (older_than_days >= 0):
        raise CacheAdminError(f"--older-than must be a number of days >= 0, given {older_than_days}")
    now = time.time()
    chosen = [
        e
        for e in entries(root)
        if (model is None or e.model == model)
        and (older_than_days is None or now - e.last_used > older_than_days * 86400.0)
    ]
    if dry_run or not chosen:
        return chosen, []
    real = cache.prepare_root(root)
    removed, skipped = [], []
    for e in chosen:
        try:
            _remove(real, e)
            removed.append(e)
        except OSError as exc:  # UnsafeCacheError (not ours), permission denied...
            skipped.append((e, " ".join(str(exc).split())))
    return removed, skipped


def fmt_size(n: float) -> str:
    """Bytes in binary units: 512 B, 97.4 KiB, 1.2 MiB."""
    for unit in ("B", "KiB", "MiB", "GiB"):
        if n < 1024 or unit == "GiB":
            return f"{int(n)} B" if unit == "B" else f"{n:.1f} {unit}"
        n /= 1024
    raise AssertionError("unreachable")


def fmt_age(seconds: float) -> str:
    """A duration as its largest whole unit: 40 s, 12 min, 5 h, 3 d."""
    s = max(0.0, seconds)
    for unit, size in (("d", 86400), ("h", 3600), ("min", 60)):
        if s >= size:
            return f"{int(s // size)} {unit}"
    return f"{int(s)} s"
