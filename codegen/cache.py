"""On-disk kernel cache mechanics: safe roots, entry layout, per-key locking, atomic publish,
validation before loading. Knows nothing about compilers (codegen.build compiles and decides).

Layout (``key`` is a sha256 hex digest over the C source, cdef, compiler, flags, ...)::

    <root>/.secret                     32 random bytes, 0600: this cache's MAC key
    <root>/<key[:2]>/<key>/            complete entry: <module>.so, <module>.c, manifest.json
    <root>/<key[:2]>/<key>.lock        lock file (filelock) serialising builders of one key
    <root>/<key[:2]>/.tmp-<key16>-*    staging dirs of builds in progress (renamed into place)
    <root>/<key[:2]>/.trash-<key16>-*  damaged entries being deleted

Threat model. Loading an extension runs its code, so an entry must have been written by this
user's own builder. (1) Other local users: every directory we create is 0700; the root, each
shard and entry dir and each file must be owned by us and not writable by group/others, and
every ancestor of the root must be owned by us or root and not group/other-writable unless
sticky (so no other user can swap a path component between check and load). A violation raises
UnsafeCacheError (the builder warns and uses a private 0700 temporary dir instead); nothing
is loaded from, or deleted in, a cache another user could write. (2) Damage and stale or
foreign manifests: the manifest's MAC, HMAC-SHA256(.secret, key | .so name | sha256 | size),
is recomputed from the key the caller derived from the C source being built and compared to
the .so's actual digest, so an entry not written by this cache's builder for exactly this
source (a copied cache, a manifest rewritten to match a damaged file) never verifies. (3)
Truncation: on ELF platforms the headers and every loaded segment must lie inside the file
before dlopen (mapping past EOF is a SIGBUS). A failed (2)/(3) check means "damaged": the entry
is rebuilt, never loaded. Out of scope: code running as the same user (it can write the
cache and read .secret) and root. Ownership checks are POSIX only (on Windows the per-user
%LOCALAPPDATA% ACLs are relied on). Anything else read from a cache root and compiled (the
kernel index) must take that root from codegen.build.cache_root(), which applies these checks.

An entry is only ever created by ``os.rename`` of a fully written staging directory whose
manifest is written last, so readers never see half an entry. The per-key lock only avoids
duplicate builds; correctness never depends on it (publish() lets the first complete entry
win), so a crashed builder's lock, released by the OS, costs nothing.
"""

from __future__ import annotations

import contextlib
import errno
import hashlib
import hmac
import importlib.util
import json
import os
import shutil
import stat
import struct
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path
from types import ModuleType
from typing import Any

import filelock

MANIFEST = "manifest.json"
SECRET = ".secret"
FORMAT = 2  # 2: manifests carry a MAC (older entries are rebuilt once)
STALE_AFTER = 3600.0  # seconds; older staging/trash dirs are abandoned and may be removed
_NOFOLLOW = getattr(os, "O_NOFOLLOW", 0)
_POSIX = hasattr(os, "geteuid")


class UnsafeCacheError(OSError):
    """A cache root or entry that another user could have written (one-line message)."""


# ---- ownership and permissions --------------------------------------------------------------


def _check_stat(st: os.stat_result, path: Path, what: str) -> None:
    if not _POSIX:
        return
    me = os.geteuid()
    if st.st_uid != me:
        raise UnsafeCacheError(f"{what} {path} is owned by uid {st.st_uid}, not by this user (uid {me})")
    if st.st_mode & 0o022:
        raise UnsafeCacheError(
            f"{what} {path} is writable by group/others (mode {stat.S_IMODE(st.st_mode):04o}; chmod go-w or remove it)"
        )


def check_private_dir(path: Path, what: str = "cache directory") -> None:
    """Raise UnsafeCacheError unless `path` (not a symlink) is a dir owned by us, not g/o-writable;
    FileNotFoundError if absent."""
    st = os.lstat(path)
    if not stat.S_ISDIR(st.st_mode):
        raise UnsafeCacheError(f"{what} {path} is not a directory")
    _check_stat(st, path, what)


def _check_ancestors(path: Path) -> None:
    """Every ancestor of a resolved path must be owned by us or root and not writable by
    group/others unless sticky (else another user could swap a component)."""
    if not _POSIX:
        return
    me = os.geteuid()
    for parent in path.parents:
        st = os.stat(parent)
        if st.st_uid not in (me, 0):
            raise UnsafeCacheError(
                f"cache directory {path}: its parent {parent} is owned by uid {st.st_uid}, who could replace the cache"
            )
        if st.st_mode & 0o022 and not st.st_mode & stat.S_ISVTX:
            raise UnsafeCacheError(
                f"cache directory {path}: its parent {parent} is writable by "
                f"group/others (mode {stat.S_IMODE(st.st_mode):04o}, not sticky)"
            )


def prepare_root(root: str | os.PathLike) -> Path:
    """Create the cache root and any missing parents (0700) and check it and its ancestors;
    return its resolved path. Raises UnsafeCacheError or OSError (unusable)."""
    root = Path(root).expanduser().absolute()
    if _POSIX and root.is_symlink():  # a symlink planted by another user in e.g. /tmp
        st = os.lstat(root)
        if st.st_uid not in (os.geteuid(), 0):
            raise UnsafeCacheError(f"cache directory {root} is a symlink owned by uid {st.st_uid}")
    for d in [*reversed(root.parents), root]:  # missing parents too: a umask of 002 would
        if not d.exists():  # leave them group-writable (refused below)
            with contextlib.suppress(FileExistsError):
                d.mkdir(mode=0o700)
    real = root.resolve()
    check_private_dir(real)
    _check_ancestors(real)
    return real


def secret(root: Path) -> bytes:
    """This cache's MAC key (created on first use: 32 random bytes, 0600, published with link so
    concurrent creators agree). Raises UnsafeCacheError or OSError."""
    path = Path(root) / SECRET
    for _ in range(3):
        try:
            fd = os.open(path, os.O_RDONLY | _NOFOLLOW)
        except FileNotFoundError:
            _create_secret(path)
            continue
        try:
            st = os.fstat(fd)
            if not stat.S_ISREG(st.st_mode):
                raise UnsafeCacheError(f"cache key file {path} is not a regular file")
            _check_stat(st, path, "cache key file")
            if _POSIX and st.st_mode & 0o077:
                raise UnsafeCacheError(
                    f"cache key file {path} is readable by group/others (mode {stat.S_IMODE(st.st_mode):04o})"
                )
            data = os.read(fd, 64)
        finally:
            os.close(fd)
        if len(data) == 32:
            return data
        os.unlink(path)  # damaged (ours): every entry signed with it will be rebuilt
    raise OSError(f"cannot create the cache key file {path}")


def _create_secret(path: Path) -> None:
    fd, tmp = tempfile.mkstemp(prefix=".tmp-secret-", dir=path.parent)  # mode 0600
    try:
        with os.fdopen(fd, "wb") as f:
            f.write(os.urandom(32))
            f.flush()
            os.fsync(f.fileno())
        with contextlib.suppress(FileExistsError):
            os.link(tmp, path)  # never replaces a secret another process published first
    finally:
        with contextlib.suppress(OSError):
            os.unlink(tmp)


def _mac(key_bytes: bytes, key: str, so_name: str, digest: str, size: int) -> str:
    msg = f"symgrad-entry\0{key}\0{so_name}\0{digest}\0{size}".encode("utf-8", "surrogatepass")
    return hmac.new(key_bytes, msg, hashlib.sha256).hexdigest()


# ---- layout, locks, staging -----------------------------------------------------------------


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


def _make_shard(root: Path, key: str) -> Path:
    shard = shard_dir(root, key)
    with contextlib.suppress(FileExistsError):
        shard.mkdir(mode=0o700)
    check_private_dir(shard, "cache shard")
    return shard


@contextlib.contextmanager
def key_lock(root: Path, key: str) -> Iterator[None]:
    """Exclusive inter-process lock for one key (blocking; filelock: flock on POSIX, msvcrt on
    Windows, released by the OS if the holder dies). Creates the shard dir (0700).

    Raises OSError if the lock file cannot be created (unwritable cache), UnsafeCacheError if
    the shard is not ours.
    """
    shard = _make_shard(root, key)
    with filelock.FileLock(str(shard / f"{key}.lock"), mode=0o600, thread_local=False):
        yield


def make_staging_dir(root: Path, key: str) -> Path:
    """New private staging dir next to the final entry (same filesystem, so rename is atomic)."""
    shard = _make_shard(root, key)
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
            if now - p.lstat().st_mtime > max_age:
                _remove(p)
        except OSError:
            pass


def _remove(p: Path) -> None:
    if p.is_dir() and not p.is_symlink():
        shutil.rmtree(p, ignore_errors=True)
    else:
        with contextlib.suppress(OSError):
            p.unlink()


def _fsync_file(path: Path) -> None:
    with contextlib.suppress(OSError):
        fd = os.open(path, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)


def write_manifest(staging: Path, key: str, so_name: str, mac_key: bytes, **info: Any) -> dict:
    """Write the manifest of a staged entry. Must be the LAST file written before publish()."""
    so_path = staging / so_name
    for p in staging.iterdir():  # entries are private: no group/other bits on anything in them
        if p.is_file() and not p.is_symlink():
            os.chmod(p, stat.S_IMODE(p.stat().st_mode) & 0o700)
    _fsync_file(so_path)
    digest, size = sha256_file(so_path), so_path.stat().st_size
    manifest = {
        "format": FORMAT,
        "key": key,
        "so": so_name,
        "sha256": digest,
        "size": size,
        "mac": _mac(mac_key, key, so_name, digest, size),
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


# ---- validation before loading --------------------------------------------------------------


def _open_private_file(path: Path, what: str) -> int | None:
    """fd of a regular file owned by us and not g/o-writable; None if absent or not a regular
    file (damage); UnsafeCacheError if another user could have written it."""
    try:
        fd = os.open(path, os.O_RDONLY | _NOFOLLOW)
    except OSError:
        return None  # absent, or a symlink (ELOOP): treat as damage
    try:
        st = os.fstat(fd)
        if not stat.S_ISREG(st.st_mode):
            os.close(fd)
            return None
        _check_stat(st, path, what)
    except BaseException:
        os.close(fd)
        raise
    return fd


def read_valid(entry: Path, key: str, mac_key: bytes) -> dict | None:
    """Manifest of a complete, undamaged entry built by this cache for `key`, else None (missing,
    bad JSON, MAC/hash/size mismatch, truncated ELF...). Raises UnsafeCacheError when the entry
    (or its shard) is not ours or is writable by group/others: it must not be loaded NOR deleted.

    All of this happens BEFORE anything dlopens the .so (a damaged one can crash the process).
    """
    try:
        check_private_dir(entry.parent, "cache shard")
        check_private_dir(entry, "cache entry")
    except FileNotFoundError:
        return None
    fd = _open_private_file(entry / MANIFEST, "cache manifest")
    if fd is None:
        return None
    try:
        with os.fdopen(fd, encoding="utf-8") as f:
            m = json.load(f)
    except (OSError, ValueError):
        return None
    if not isinstance(m, dict) or m.get("format") != FORMAT or m.get("key") != key:
        return None
    so = m.get("so")
    if not isinstance(so, str) or not so or os.path.basename(so) != so or so in (".", ".."):
        return None
    so_path = entry / so
    fd = _open_private_file(so_path, "cache entry file")
    if fd is None:
        return None
    with os.fdopen(fd, "rb") as f:
        size = os.fstat(f.fileno()).st_size
        if size != m.get("size"):
            return None
        h = hashlib.sha256()
        for block in iter(lambda: f.read(1 << 20), b""):
            h.update(block)
        digest = h.hexdigest()
        expected = _mac(mac_key, key, so, digest, size)
        if digest != m.get("sha256") or not hmac.compare_digest(expected, str(m.get("mac", ""))):
            return None
        if not elf_intact(f, size):
            return None
    m["so_path"] = str(so_path)
    return m


def elf_intact(f, size: int) -> bool:
    """Whether an extension file's ELF headers, program headers, loaded segments and section
    header table all lie inside the file (dlopen of a truncated ELF faults with SIGBUS).
    Non-ELF files pass except on Linux, where extensions are always ELF."""
    f.seek(0)
    head = f.read(64)
    if head[:4] != b"\x7fELF":
        return not sys.platform.startswith("linux")
    if len(head) < 52 or head[4] not in (1, 2) or head[5] not in (1, 2):
        return False
    end = "<" if head[5] == 1 else ">"
    try:
        if head[4] == 2:  # ELF64
            phoff, shoff = struct.unpack_from(end + "QQ", head, 32)
            phentsize, phnum, shentsize, shnum = struct.unpack_from(end + "HHHH", head, 54)
            ph_fmt, ph_min = end + "IIQQQQ", 40  # type, flags, offset, vaddr, paddr, filesz
        else:  # ELF32
            phoff, shoff = struct.unpack_from(end + "II", head, 28)
            phentsize, phnum, shentsize, shnum = struct.unpack_from(end + "HHHH", head, 42)
            ph_fmt, ph_min = end + "IIIIII", 24  # type, offset, vaddr, paddr, filesz, memsz
        if phnum == 0 or phentsize < ph_min or phoff + phnum * phentsize > size:
            return False
        if shoff and shoff + shnum * shentsize > size:
            return False
        f.seek(phoff)
        table = f.read(phnum * phentsize)
        for i in range(phnum):
            fields = struct.unpack_from(ph_fmt, table, i * phentsize)
            if head[4] == 2:
                p_type, p_offset, p_filesz = fields[0], fields[2], fields[5]
            else:
                p_type, p_offset, p_filesz = fields[0], fields[1], fields[4]
            if p_type == 1 and p_offset + p_filesz > size:  # PT_LOAD past EOF
                return False
    except struct.error:
        return False
    return True


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
    """Remove an entry of ours (damaged or abandoned): rename it aside atomically, then delete."""
    if not os.path.lexists(entry):
        return
    aside = entry.parent / f".trash-{entry.name[:16]}-{os.getpid()}-{time.monotonic_ns()}"
    try:
        os.rename(entry, aside)
    except FileNotFoundError:
        return  # someone else removed it first
    except OSError:
        aside = entry  # cannot rename (e.g. Windows with a file in use): delete in place
    _remove(aside)


def publish(staging: Path, root: Path, key: str, mac_key: bytes) -> dict:
    """Atomically move a staged entry into place; return the manifest of the winning entry.

    If another process published the same key first, our staging dir is discarded and
    theirs is used. A damaged entry occupying the slot is discarded and the rename retried.
    Raises OSError for other failures (e.g. permission denied, UnsafeCacheError).
    """
    entry = entry_dir(root, key)
    for _ in range(3):
        try:
            os.rename(staging, entry)
        except OSError as exc:
            if exc.errno not in (errno.EEXIST, errno.ENOTEMPTY) and not isinstance(exc, FileExistsError):
                raise
            theirs = read_valid(entry, key, mac_key)
            if theirs is not None:
                shutil.rmtree(staging, ignore_errors=True)
                return theirs
            discard(entry)
            continue
        m = read_valid(entry, key, mac_key)
        if m is None:  # pragma: no cover - only if the filesystem lies to us
            raise OSError(f"published cache entry {entry} failed validation")
        return m
    raise OSError(f"could not publish cache entry {entry}")  # pragma: no cover
