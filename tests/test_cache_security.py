"""The kernel cache cannot be planted or crash the process: ownership/permission checks before
loading, MAC + ELF checks before dlopen, private fallback on unsafe roots and full disks."""

from __future__ import annotations

import errno
import json
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest

from codegen import build, cache

from conftest import EXAMPLES, PKG_ROOT

CDEF = "double add(double a, double b);"
CC = shutil.which("cc") or shutil.which("gcc") or shutil.which("clang")
needs_cc = pytest.mark.skipif(CC is None, reason="no C compiler on PATH: cannot build kernels")
needs_root = pytest.mark.skipif(
    not hasattr(os, "geteuid") or os.geteuid() != 0, reason="chown to another uid needs root"
)
posix_only = pytest.mark.skipif(not hasattr(os, "geteuid"), reason="ownership checks are POSIX only")
NOBODY = 65534

EVIL_C = r"""
#include <stdio.h>
__attribute__((constructor)) static void planted(void) {
    FILE *f = fopen(MARKER, "w");
    if (f) { fputs("planted code ran\n", f); fclose(f); }
}
"""


def src(tag: str) -> str:
    return f"/* {tag} */\ndouble add(double a, double b) {{ return a + b; }}\n"


def key_of(source: str) -> str:
    return build.cache_key(source, CDEF, build.module_flags())


def stderr_lines(capfd) -> list[str]:
    return capfd.readouterr().err.splitlines()


@pytest.fixture
def compiles(monkeypatch):
    calls: list[str] = []
    original = build._compile
    monkeypatch.setattr(build, "_compile", lambda ffi, tmpdir: (calls.append(tmpdir), original(ffi, tmpdir))[1])
    return calls


@pytest.fixture(scope="module")
def evil_so(tmp_path_factory) -> tuple[Path, Path]:
    """(a shared library whose constructor creates a marker file, that marker's path)."""
    if CC is None:
        pytest.skip("no C compiler")
    d = tmp_path_factory.mktemp("evil")
    marker = d / "MARKER-planted-code-ran"
    (d / "evil.c").write_text(EVIL_C)
    so = d / "evil.so"
    subprocess.run(
        [CC, "-shared", "-fPIC", f'-DMARKER="{marker}"', "-o", str(so), str(d / "evil.c")],
        check=True,
        capture_output=True,
        timeout=120,
    )
    return so, marker


def plant(root: Path, key: str, so_file: Path) -> Path:
    """Put `so_file` into the cache as the entry for `key`, with a manifest whose digest, size and
    even MAC match (the worst case: an attacker who can read everything)."""
    root = cache.prepare_root(root)
    shard = root / key[:2]
    shard.mkdir(mode=0o700, exist_ok=True)
    staging = Path(tempfile.mkdtemp(dir=shard))
    module = f"_symgrad_kernel_{key[:16]}"
    shutil.copy(so_file, staging / f"{module}.so")
    cache.write_manifest(staging, key, f"{module}.so", cache.secret(root), module=module)
    entry = cache.entry_dir(root, key)
    os.rename(staging, entry)
    return entry


def in_dir(path: str, d: Path) -> bool:
    return Path(path).resolve().is_relative_to(d.resolve())


# ---- planted libraries --------------------------------------------------------------------------


@needs_cc
@posix_only
@pytest.mark.parametrize("loose", ["none (control)", "root", "shard", "entry", "file"])
def test_planted_so_in_a_writable_place_is_not_loaded(tmp_path, evil_so, capfd, loose):
    """A planted .so with a fully matching manifest: loaded (the marker appears) only when every
    path component is private — so the marker staying absent is due to the permission check."""
    so, marker = evil_so
    marker.unlink(missing_ok=True)
    s = src(f"planted-{loose}")
    root = tmp_path / "shared"
    entry = plant(root, key_of(s), so)
    target = {"root": root, "shard": entry.parent, "entry": entry, "file": next(entry.glob("*.so"))}.get(loose)
    if target is not None:
        target.chmod(0o666 if target.is_file() else 0o777)
    m = build.build_module(s, CDEF, cache_dir=root, store=build.KernelStore())
    assert m.lib.add(2.0, 3.5) == 5.5
    err = stderr_lines(capfd)
    if target is None:  # control: the payload does run when the cache looks private
        assert marker.exists()
        assert err == [] and in_dir(m.__file__, root)  # import failed -> rebuilt in place
        return
    assert not marker.exists()
    assert len(err) == 1 and "writable by group/others" in err[0] and str(target) in err[0]
    assert not in_dir(m.__file__, root)  # built in the private fallback
    assert (entry / cache.MANIFEST).exists()  # a foreign-writable entry is left alone


@needs_cc
def test_planted_so_without_our_mac_is_rebuilt_not_loaded(tmp_path, evil_so, compiles):
    """Digest and size in the manifest match the planted file, but its MAC was not made with this
    cache's key for this source's key: damaged, rebuilt, never loaded."""
    so, marker = evil_so
    marker.unlink(missing_ok=True)
    s = src("planted-no-mac")
    entry = plant(tmp_path, key_of(s), so)
    manifest = json.loads((entry / cache.MANIFEST).read_text())
    manifest["mac"] = "0" * 64
    (entry / cache.MANIFEST).write_text(json.dumps(manifest))
    m = build.build_module(s, CDEF, cache_dir=tmp_path, store=build.KernelStore())
    assert m.lib.add(1.0, 2.0) == 3.0 and len(compiles) == 1
    assert not marker.exists()
    # the same manifest copied under another source's key does not verify either
    other = src("planted-other-key")
    assert cache.read_valid(cache.entry_dir(tmp_path, key_of(other)), key_of(other), cache.secret(tmp_path)) is None


@needs_cc
@needs_root
@pytest.mark.parametrize("owned", ["root", "entry", "file"])
def test_cache_owned_by_another_user_is_refused(tmp_path, capfd, compiles, owned):
    s = src(f"foreign-{owned}")
    root = tmp_path / "cache"
    build.build_module(s, CDEF, cache_dir=root, store=build.KernelStore())
    entry = cache.entry_dir(root, key_of(s))
    target = {"root": root, "entry": entry, "file": next(entry.glob("*.so"))}[owned]
    os.chown(target, NOBODY, NOBODY)
    capfd.readouterr()
    m = build.build_module(s, CDEF, cache_dir=root, store=build.KernelStore())
    assert m.lib.add(1.0, 2.0) == 3.0
    err = stderr_lines(capfd)
    assert len(err) == 1 and f"owned by uid {NOBODY}" in err[0] and str(target) in err[0]
    assert not in_dir(m.__file__, root) and len(compiles) == 2  # rebuilt in the fallback
    assert entry.exists()  # not deleted either


@posix_only
def test_prepare_root_creates_private_dirs_and_refuses_unsafe_ones(tmp_path):
    old_umask = os.umask(0o002)  # group-writable by default: created dirs must still be 0700
    try:
        root = cache.prepare_root(tmp_path / "a" / "b" / "cache")
    finally:
        os.umask(old_umask)
    assert [(p.stat().st_mode & 0o777) for p in (tmp_path / "a", root.parent, root)] == [0o700] * 3
    key = "ab" * 32
    with cache.key_lock(root, key):
        pass
    assert (cache.shard_dir(root, key).stat().st_mode & 0o777) == 0o700
    cache.secret(root)
    assert ((root / cache.SECRET).stat().st_mode & 0o777) == 0o600

    loose = tmp_path / "loose"
    loose.mkdir()
    loose.chmod(0o770)
    with pytest.raises(cache.UnsafeCacheError, match="writable by group/others"):
        cache.prepare_root(loose)
    shared_parent = tmp_path / "shared"
    shared_parent.mkdir()
    shared_parent.chmod(0o777)  # anyone could rename our root away and put theirs in its place
    with pytest.raises(cache.UnsafeCacheError, match="parent"):
        cache.prepare_root(shared_parent / "cache")
    shared_parent.chmod(0o1777)  # sticky, like /tmp: others cannot rename our entries
    assert cache.prepare_root(shared_parent / "cache") == (shared_parent / "cache").resolve()
    (root / cache.SECRET).chmod(0o644)
    with pytest.raises(cache.UnsafeCacheError, match="readable by group/others"):
        cache.secret(root)


@posix_only
@needs_root
def test_prepare_root_refuses_a_foreign_root_and_symlink(tmp_path):
    foreign = tmp_path / "foreign"
    foreign.mkdir(mode=0o700)
    os.chown(foreign, NOBODY, NOBODY)
    with pytest.raises(cache.UnsafeCacheError, match=f"owned by uid {NOBODY}"):
        cache.prepare_root(foreign)
    sticky = tmp_path / "tmp"
    sticky.mkdir()
    sticky.chmod(0o1777)
    link = sticky / "cache"
    link.symlink_to(tmp_path)
    os.chown(link, NOBODY, NOBODY, follow_symlinks=False)
    with pytest.raises(cache.UnsafeCacheError, match="symlink"):
        cache.prepare_root(link)


# ---- truncated libraries ------------------------------------------------------------------------

CHILD = r"""
import json, sys
sys.path.insert(0, sys.argv[1])
from codegen import build
calls = []
original = build._compile
build._compile = lambda ffi, tmpdir: (calls.append(1), original(ffi, tmpdir))[1]
source, cdef, cache_dir = json.loads(sys.argv[2])
m = build.build_module(source, cdef, cache_dir=cache_dir)
print(json.dumps({"result": m.lib.add(2.0, 3.5), "compiles": len(calls)}))
"""


def run_child(source: str, cache_dir: Path) -> dict:
    r = subprocess.run(
        [sys.executable, "-P", "-c", CHILD, str(PKG_ROOT), json.dumps([source, CDEF, str(cache_dir)])],
        check=False,
        capture_output=True,
        text=True,
        timeout=180,
    )
    assert r.returncode == 0, r.stderr
    return json.loads(r.stdout)


@needs_cc
@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="ELF check: Linux only")
def test_truncated_so_with_matching_manifest_is_rebuilt_in_a_surviving_process(tmp_path):
    s = src("truncated")
    assert run_child(s, tmp_path) == {"result": 5.5, "compiles": 1}  # built in a child: a file
    # mapped by this process must not be truncated under it (that is a SIGBUS here too)
    entry = cache.entry_dir(tmp_path, key_of(s))
    manifest = json.loads((entry / cache.MANIFEST).read_text())
    so = entry / manifest["so"]
    so.write_bytes(so.read_bytes()[: so.stat().st_size // 2])
    digest, size = cache.sha256_file(so), so.stat().st_size  # manifest rewritten to match,
    manifest.update(
        sha256=digest,
        size=size,  # MAC included (worst case)
        mac=cache._mac(cache.secret(tmp_path), entry.name, so.name, digest, size),
    )
    (entry / cache.MANIFEST).write_text(json.dumps(manifest))
    # control: loading this file really does kill a process (SIGBUS on Linux)
    crash = subprocess.run(
        [sys.executable, "-c", "import ctypes, sys; ctypes.CDLL(sys.argv[1])", str(so)],
        check=False,
        capture_output=True,
        timeout=60,
    )
    assert crash.returncode != 0
    assert run_child(s, tmp_path) == {"result": 5.5, "compiles": 1}  # exit 0: rebuilt, not loaded
    assert cache.sha256_file(so) != digest  # replaced by a good build


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="extensions are ELF on Linux")
def test_elf_intact_rejects_truncations_that_crash_dlopen(tmp_path):
    import _cffi_backend

    data = Path(_cffi_backend.__file__).read_bytes()

    def intact(blob: bytes) -> bool:
        p = tmp_path / "x.so"
        p.write_bytes(blob)
        with open(p, "rb") as f:
            return cache.elf_intact(f, len(blob))

    assert intact(data)
    assert not intact(data[:-1]) and not intact(data[:40]) and not intact(b"not ELF" * 100)
    for cut in (len(data) // 8, len(data) // 2):
        assert not intact(data[:cut])
        p = tmp_path / f"cut{cut}.so"
        p.write_bytes(data[:cut])
        r = subprocess.run(
            [sys.executable, "-c", "import ctypes, sys; ctypes.CDLL(sys.argv[1])", str(p)],
            check=False,
            capture_output=True,
            timeout=60,
        )
        assert r.returncode != 0  # independent witness: the real loader fails or dies on it


# ---- full disk and read-only caches -------------------------------------------------------------


def _disk_error(where: str, code: int, root: Path, monkeypatch) -> None:
    """Make one write step fail with `code` inside `root` (everywhere when root is None)."""

    def inside(p) -> bool:
        return root is None or in_dir(str(p), root)

    if where == "manifest":
        real = cache.write_manifest

        def write_manifest(staging, *a, **k):
            if inside(staging):
                raise OSError(code, os.strerror(code))
            return real(staging, *a, **k)

        monkeypatch.setattr(cache, "write_manifest", write_manifest)
    elif where == "staging":
        real_mk = cache.make_staging_dir

        def make_staging_dir(r, key):
            if inside(r):
                raise OSError(code, os.strerror(code))
            return real_mk(r, key)

        monkeypatch.setattr(cache, "make_staging_dir", make_staging_dir)
    else:  # the compiler itself reports the full disk (cffi wraps it in its own error)
        real_cc = build._compile

        def compile_(ffi, tmpdir):
            if inside(tmpdir):
                import cffi

                raise cffi.VerificationError("CompileError: /usr/bin/ld: final link failed: No space left on device")
            return real_cc(ffi, tmpdir)

        monkeypatch.setattr(build, "_compile", compile_)


@needs_cc
@pytest.mark.parametrize(
    "where,code", [("manifest", errno.ENOSPC), ("staging", errno.EROFS), ("compiler", errno.ENOSPC)]
)
def test_full_or_read_only_cache_uses_the_private_fallback(tmp_path, monkeypatch, capfd, where, code):
    root = tmp_path / "cache"
    _disk_error(where, code, root, monkeypatch)
    m = build.build_module(src(f"full-{where}"), CDEF, cache_dir=root, store=build.KernelStore())
    assert m.lib.add(1.0, 2.0) == 3.0
    assert not in_dir(m.__file__, root)
    err = stderr_lines(capfd)
    assert len(err) == 1 and str(root) in err[0] and os.strerror(code) in err[0], err
    assert not [p for p in root.rglob("*") if p.name.startswith(".tmp-") or p.suffix == ".so"]


@needs_cc
def test_full_disk_everywhere_is_one_clear_error(tmp_path, monkeypatch, capfd):
    _disk_error("manifest", errno.ENOSPC, None, monkeypatch)
    with pytest.raises(build.BuildError) as info:
        build.build_module(src("full-everywhere"), CDEF, cache_dir=tmp_path / "cache", store=build.KernelStore())
    msg = str(info.value)
    assert "\n" not in msg and "No space left on device" in msg and "TMPDIR" in msg


# ---- the kernel index stored beside the cache (codegen/kernel.py is not this module's) ------------


@needs_cc
@posix_only
def test_planted_kernel_index_source_is_not_compiled(tmp_path, evil_so):
    """The index maps a graph to C source; in a group/other-writable root a planted entry would be
    compiled and loaded. With the root refused, the index there must not be read either."""
    import dataclasses

    from codegen import emit, kernel, kernel_index
    from symbolic.spec import load_spec

    _, marker = evil_so
    marker.unlink(missing_ok=True)
    g = load_spec(EXAMPLES / "two_two_one.toml")
    src_ = emit.emit(g)
    payload = EVIL_C.replace("MARKER", json.dumps(str(marker)))
    root = tmp_path / "shared"
    root.mkdir()
    fp = kernel_index.fingerprint(g, dtype="float64", what=tuple(sorted(emit.FUNCTIONS)), name=None)
    kernel_index.store(root, fp, dataclasses.replace(src_, c=src_.c + payload))
    root.chmod(0o777)
    k = kernel.compile(g, cache_dir=root)
    assert k.source.c == src_.c
    assert not marker.exists()
