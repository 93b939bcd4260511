"""On-disk kernel cache mechanics: entry layout, per-key locking, atomic publish, validation, loading.
Knows nothing about compilers: codegen.build compiles into a staging dir and decides when to load.

Layout (``key`` is a sha256 hex digest)::

    <root>/<key[:2]>/<key>/            complete entry: <module>.so, <module>.c, manifest.json
    <root>/<key[:2]>/<key>.lock        lock file (filelock) serialising builders of one key
    <root>/<key[:2]>/.tmp-<key16>-*    staging dirs of builds in progress (renamed into place)
    <root>/<key[:2]>/.trash-<key16>-*  damaged entries being deleted

An entry is only ever created by ``os.rename`` of a fully written staging directory whose
manifest (written last) records the sha256 of the extension, so readers never see half an entry.
The per-key lock only avoids duplicate builds; correctness never depends on it (publish() lets
the first complete entry win), so a crashed builder's lock, released by the OS, costs nothing.
"""
from __future__ import annotations

import contextlib
import errno
import hashlib
import importlib.util
import json
import os
import shutil
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path
from types import ModuleType
from typing import Any

import filelock

MANIFEST = "manifest.json"
FORMAT = 1
STALE_AFTER = 3600.0  # seconds; older staging/trash dirs are abandoned and may be removed


def sha256_file(path: str | os.PathLike) -> str:
    h = hashlib.sha256()
    with open(path, "rb") as f:
        for block in iter(lambda: f.read(1 << 20), b""):
            h.update(block)
    return h.hexdigest()


def shard_dir(root: Path, key: str) -> Path:
    return Path(root) / key[:2]


def entry_dir(root: Path, key: str) -> Path:
    return shard_dir(root, key) / key


@contextlib.contextmanager
def key_lock(root: Path, key: str) -> Iterator[None]:
    """Exclusive inter-process lock for one key (blocking; filelock: flock on POSIX, msvcrt on
    Windows, released by the OS if the holder dies). Creates the shard dir.

    Raises OSError if the lock file cannot be created (unwritable cache).
    """
    shard = shard_dir(root, key)
    shard.mkdir(parents=True, exist_ok=True)
    with filelock.FileLock(str(shard / f"{key}.lock"), thread_local=False):
        yield


def make_staging_dir(root: Path, key: str) -> Path:
    """New private staging dir next to the final entry (same filesystem, so rename is atomic)."""
    shard = shard_dir(root, key)
    shard.mkdir(parents=True, exist_ok=True)
    clean_stale(shard)
    return Path(tempfile.mkdtemp(prefix=f".tmp-{key[:16]}-", dir=shard))


def clean_stale(shard: Path, max_age: float = STALE_AFTER) -> None:
    """Remove staging/trash dirs left by crashed or killed builders (best effort)."""
    now = time.time()
    try:
        children = list(shard.iterdir())
    except OSError:
        return
    for p in children:
        if not p.name.startswith((".tmp-", ".trash-")):
            continue
        try:
            if now - p.stat().st_mtime > max_age:
                shutil.rmtree(p, ignore_errors=True)
        except OSError:
            pass


def _fsync_file(path: Path) -> None:
    with contextlib.suppress(OSError):
        fd = os.open(path, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)


def write_manifest(staging: Path, key: str, so_name: str, **info: Any) -> dict:
    """Write the manifest of a staged entry. Must be the LAST file written before publish()."""
    so_path = staging / so_name
    _fsync_file(so_path)
    manifest = {
        "format": FORMAT,
        "key": key,
        "so": so_name,
        "sha256": sha256_file(so_path),
        "size": so_path.stat().st_size,
        "created": time.time(),
        **info,
    }
    tmp = staging / (MANIFEST + ".part")
    with open(tmp, "w", encoding="utf-8") as f:
        json.dump(manifest, f, indent=1, sort_keys=True)
        f.flush()
        os.fsync(f.fileno())
    os.replace(tmp, staging / MANIFEST)
    return manifest


def read_valid(entry: Path, key: str) -> dict | None:
    """Manifest of a complete, undamaged entry, else None (missing, bad JSON, hash mismatch...).

    The extension's sha256 is checked here, BEFORE anything dlopens it: a truncated .so
    must be rejected, never imported (that can crash the process).
    """
    try:
        with open(entry / MANIFEST, encoding="utf-8") as f:
            m = json.load(f)
    except (OSError, ValueError):
        return None
    if not isinstance(m, dict) or m.get("format") != FORMAT or m.get("key") != key:
        return None
    so = m.get("so")
    if not isinstance(so, str) or not so or os.path.basename(so) != so or so in (".", ".."):
        return None
    so_path = entry / so
    try:
        if so_path.stat().st_size != m.get("size") or sha256_file(so_path) != m.get("sha256"):
            return None
    except OSError:
        return None
    m["so_path"] = str(so_path)
    return m


def import_extension(name: str, path: str | os.PathLike) -> ModuleType:
    """Import an extension module from its file (not via sys.path). Raises ImportError/OSError.

    Call only on a file read_valid() accepted: dlopen of a truncated .so may crash the process.
    """
    if not isinstance(name, str) or not name.isidentifier():
        raise ImportError(f"bad extension module name {name!r}")
    spec = importlib.util.spec_from_file_location(name, path)
    if spec is None or spec.loader is None:
        raise ImportError(f"cannot load {path} as an extension module")
    mod = importlib.util.module_from_spec(spec)  # dlopen + PyInit happen here
    spec.loader.exec_module(mod)
    return mod


def discard(entry: Path) -> None:
    """Remove an entry (damaged or abandoned): rename it aside atomically, then delete."""
    if not entry.exists():
        return
    aside = entry.parent / f".trash-{entry.name[:16]}-{os.getpid()}-{time.monotonic_ns()}"
    try:
        os.rename(entry, aside)
    except FileNotFoundError:
        return  # someone else removed it first
    except OSError:
        aside = entry  # cannot rename (e.g. Windows with a file in use): delete in place
    shutil.rmtree(aside, ignore_errors=True)


def publish(staging: Path, root: Path, key: str) -> dict:
    """Atomically move a staged entry into place; return the manifest of the winning entry.

    If another process published the same key first, our staging dir is discarded and
    theirs is used. A damaged entry occupying the slot is discarded and the rename retried.
    Raises OSError for other failures (e.g. permission denied).
    """
    entry = entry_dir(root, key)
    for _ in range(3):
        try:
            os.rename(staging, entry)
        except OSError as exc:
            if exc.errno not in (errno.EEXIST, errno.ENOTEMPTY) and not isinstance(exc, FileExistsError):
                raise
            theirs = read_valid(entry, key)
            if theirs is not None:
                shutil.rmtree(staging, ignore_errors=True)
                return theirs
            discard(entry)
            continue
        m = read_valid(entry, key)
        if m is None:  # pragma: no cover - only if the filesystem lies to us
            raise OSError(f"published cache entry {entry} failed validation")
        return m
    raise OSError(f"could not publish cache entry {entry}")  # pragma: no cover
