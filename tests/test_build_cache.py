"""Tests for codegen.build / codegen.cache: cffi kernel builds and the content-hash kernel cache."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest

from codegen import build, cache

from conftest import PKG_ROOT

CDEF = "double add(double a, double b);"


def _have_compiler() -> bool:
    cc = os.environ.get("CC", "").split()
    return any(shutil.which(c) for c in cc[:1] + ["cc", "gcc", "clang"])


needs_cc = pytest.mark.skipif(
    not _have_compiler(), reason="no C compiler ($CC, cc, gcc, clang) on PATH: cannot build cffi kernels"
)


def src(tag: str, op: str = "+") -> str:
    """A tiny kernel; `tag` makes the source (hence the key) unique per test."""
    return f"/* {tag} */\ndouble add(double a, double b) {{ return a {op} b; }}\n"


@pytest.fixture(autouse=True)
def _fresh_memo():
    build.clear_memo()
    yield
    build.clear_memo()


@pytest.fixture
def compiles(monkeypatch):
    """Records every real compiler invocation."""
    calls: list[str] = []
    original = build._compile

    def counting(ffi, tmpdir):
        calls.append(tmpdir)
        return original(ffi, tmpdir)

    monkeypatch.setattr(build, "_compile", counting)
    return calls


def entry_of(root: Path, source: str, portable: bool = False) -> Path:
    return cache.entry_dir(root, build.cache_key(source, CDEF, build.module_flags(portable)))


def valid(entry: Path) -> dict | None:
    """The entry's manifest if it verifies against its cache's key file."""
    return cache.read_valid(entry, entry.name, cache.secret(entry.parent.parent))


CHILD = r"""
import json, sys, time
sys.path.insert(0, sys.argv[1])
from codegen import build
calls = []
original = build._compile
build._compile = lambda ffi, tmpdir: (calls.append(1), original(ffi, tmpdir))[1]
source, cdef, cache_dir, start = json.loads(sys.argv[2])
while time.time() < start:
    time.sleep(0.002)
m = build.build_module(source, cdef, cache_dir=cache_dir)
print(json.dumps({"result": m.lib.add(2.0, 3.5), "compiles": len(calls)}))
"""


def spawn_child(source: str, cache_dir: Path, start: float = 0.0) -> subprocess.Popen:
    args = [sys.executable, "-P", "-c", CHILD, str(PKG_ROOT), json.dumps([source, CDEF, str(cache_dir), start])]
    return subprocess.Popen(args, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


def child_result(proc: subprocess.Popen) -> dict:
    out, err = proc.communicate(timeout=120)
    assert proc.returncode == 0, err
    assert err == ""  # builds are silent
    return json.loads(out)


@needs_cc
def test_build_then_cache_hit(tmp_path, monkeypatch, compiles, capfd):
    monkeypatch.setenv("SYMGRAD_CACHE_DIR", str(tmp_path))
    s = src("t1")
    m1 = build.build_module(s, CDEF)
    assert m1.lib.add(1.0, 2.0) == 3.0
    assert len(compiles) == 1
    assert capfd.readouterr() == ("", "")  # compiler/setuptools output captured
    m2 = build.build_module(s, CDEF)  # verified disk cache hit: no compile, same extension
    assert m2.lib.add(1.0, 2.5) == 3.5 and m2.__file__ == m1.__file__
    build.clear_memo()
    m3 = build.build_module(s, CDEF)  # disk cache hit: no compile
    assert m3.lib.add(2.0, 2.5) == 4.5
    assert len(compiles) == 1
    entry = entry_of(tmp_path, s)
    manifest = valid(entry)
    assert manifest is not None and manifest["module"].startswith("_symgrad_kernel_")
    assert sorted(p.name for p in entry.parent.iterdir()) == [entry.name, entry.name + ".lock"]


@needs_cc
def test_different_sources_coexist(tmp_path, compiles):
    # same C function name, different bodies: module names must differ per key
    plus = build.build_module(src("t2"), CDEF, cache_dir=tmp_path, name_hint="my-kernel")
    times = build.build_module(src("t2", "*"), CDEF, cache_dir=tmp_path, name_hint="my-kernel")
    assert len(compiles) == 2
    assert plus is not times and plus.__name__ != times.__name__
    assert plus.__name__.startswith("_symgrad_my_kernel_")
    assert plus.lib.add(3.0, 4.0) == 7.0 and times.lib.add(3.0, 4.0) == 12.0


def test_key_depends_on_flags():
    if not _have_compiler():
        pytest.skip("no C compiler: cache_key hashes the compiler version")
    native, portable = build.compile_flags(False), build.compile_flags(True)
    assert "-fno-wrapv" in portable and "-O3" in portable
    assert not any("native" in f for f in portable)
    assert not any("fast-math" in f for f in native + portable)
    s = src("t3")
    keys = {
        build.cache_key(s, CDEF, native),
        build.cache_key(s, CDEF, portable),
        build.cache_key(s, CDEF, portable + ["-DX=1"]),
        build.cache_key(s + " ", CDEF, portable),
        build.cache_key(s, CDEF + " ", portable),
    }
    assert len(keys) == 5
    assert build.cache_key(s, CDEF, portable) == build.cache_key(s, CDEF, list(portable))
    assert len(build.cache_key(s, CDEF, portable)) == 64


@needs_cc
@pytest.mark.parametrize("damage", ["truncate", "garbage_with_matching_manifest"])
def test_damaged_so_is_rebuilt(tmp_path, compiles, damage):
    s = src(f"t4-{damage}")
    assert child_result(spawn_child(s, tmp_path)) == {"result": 5.5, "compiles": 1}
    entry = entry_of(tmp_path, s)
    manifest = json.loads((entry / cache.MANIFEST).read_text())
    so = entry / manifest["so"]
    data = so.read_bytes()
    if damage == "truncate":  # hash mismatch: must be caught BEFORE dlopen
        so.write_bytes(data[: len(data) // 2])
    else:  # hash matches, but the import fails
        so.write_bytes(b"not an ELF file" * 100)
        manifest.update(sha256=cache.sha256_file(so), size=so.stat().st_size)
        (entry / cache.MANIFEST).write_text(json.dumps(manifest))
    m = build.build_module(s, CDEF, cache_dir=tmp_path)  # this process never loaded the old one
    assert m.lib.add(2.0, 3.5) == 5.5
    assert len(compiles) == 1
    assert valid(entry)["sha256"] == cache.sha256_file(so)
    assert not [p for p in entry.parent.iterdir() if p.name.startswith((".tmp-", ".trash-"))]


@needs_cc
def test_missing_manifest_and_stale_temp_dirs(tmp_path, compiles):
    s = src("t5")
    build.build_module(s, CDEF, cache_dir=tmp_path)
    entry = entry_of(tmp_path, s)
    (entry / cache.MANIFEST).unlink()
    stale, fresh = entry.parent / ".tmp-dead-build", entry.parent / ".tmp-running-build"
    stale.mkdir()
    fresh.mkdir()
    old = time.time() - 2 * cache.STALE_AFTER
    os.utime(stale, (old, old))
    build.clear_memo()
    m = build.build_module(s, CDEF, cache_dir=tmp_path)
    assert m.lib.add(1.0, 1.0) == 2.0
    assert len(compiles) == 2
    assert (entry / cache.MANIFEST).exists()
    assert not stale.exists() and fresh.exists()  # only abandoned (old) staging dirs are removed


@needs_cc
def test_crash_mid_build_leaves_no_entry(tmp_path, monkeypatch, compiles):
    s = src("t5b")

    def killed(*args, **kwargs):
        raise KeyboardInterrupt  # as if interrupted between compiling and writing the manifest

    with monkeypatch.context() as mp:
        mp.setattr(cache, "write_manifest", killed)
        with pytest.raises(KeyboardInterrupt):
            build.build_module(s, CDEF, cache_dir=tmp_path)
    entry = entry_of(tmp_path, s)
    assert sorted(p.name for p in entry.parent.iterdir()) == [entry.name + ".lock"]
    assert build.build_module(s, CDEF, cache_dir=tmp_path).lib.add(1.0, 2.0) == 3.0
    assert len(compiles) == 2


@needs_cc
def test_parallel_builds_build_once(tmp_path):
    s = src("t6")
    start = time.time() + 1.0  # let all 4 interpreters start, then race
    results = [child_result(p) for p in [spawn_child(s, tmp_path, start) for _ in range(4)]]
    assert all(r["result"] == 5.5 for r in results)
    assert sum(r["compiles"] for r in results) == 1  # the filelock serialises the builders
    entry = entry_of(tmp_path, s)
    assert sorted(p.name for p in tmp_path.iterdir()) == [cache.SECRET, entry.parent.name]
    assert sorted(p.name for p in entry.parent.iterdir()) == [entry.name, entry.name + ".lock"]
    assert valid(entry) is not None


@needs_cc
def test_unusable_cache_dir_falls_back(tmp_path, capfd):
    blocker = tmp_path / "file"
    blocker.write_text("a regular file: nothing can be created below it")
    cache_dir = blocker / "cache"
    m = build.build_module(src("t7"), CDEF, cache_dir=cache_dir)
    assert m.lib.add(1.0, 2.0) == 3.0
    err = capfd.readouterr().err
    assert err.count("\n") == 1 and "not used" in err and str(cache_dir) in err
    m2 = build.build_module(src("t7", "-"), CDEF, cache_dir=cache_dir)
    assert m2.lib.add(1.0, 2.0) == -1.0
    assert capfd.readouterr().err == ""  # warned once per cache dir


@needs_cc
@pytest.mark.skipif(not hasattr(os, "geteuid") or os.geteuid() == 0, reason="root ignores directory permissions")
def test_read_only_cache_dir_falls_back(tmp_path, capfd):
    ro = tmp_path / "ro"
    ro.mkdir(mode=0o500)
    try:
        assert build.build_module(src("t7ro"), CDEF, cache_dir=ro).lib.add(1.0, 2.0) == 3.0
    finally:
        ro.chmod(0o700)
    assert "not used" in capfd.readouterr().err


def test_missing_compiler(monkeypatch, tmp_path):
    monkeypatch.setenv("PATH", "")
    monkeypatch.delenv("CC", raising=False)
    with pytest.raises(build.CompilerNotFoundError, match="gcc") as info:
        build.build_module(src("t8"), CDEF, cache_dir=tmp_path)
    assert isinstance(info.value, build.BuildError)
    assert list(tmp_path.iterdir()) == []


@needs_cc
def test_syntax_error(tmp_path, capfd):
    with pytest.raises(build.BuildError) as info:
        build.build_module("double add(double a, double b) { return a + b }", CDEF, cache_dir=tmp_path)
    msg = str(info.value)
    assert "\n" not in msg and "error" in msg
    assert "error:" in info.value.log
    assert capfd.readouterr() == ("", "")
    leftovers = [
        p for shard in tmp_path.iterdir() if shard.is_dir() for p in shard.iterdir() if not p.name.endswith(".lock")
    ]
    assert leftovers == []


@needs_cc
def test_declared_but_undefined_function(tmp_path):
    with pytest.raises(build.BuildError, match="undefined symbol"):
        build.build_module("/* t9b */", CDEF, cache_dir=tmp_path)
    leftovers = [
        p for shard in tmp_path.iterdir() if shard.is_dir() for p in shard.iterdir() if not p.name.endswith(".lock")
    ]
    assert leftovers == []


def test_default_cache_dir(monkeypatch, tmp_path):
    monkeypatch.setenv("SYMGRAD_CACHE_DIR", str(tmp_path / "explicit"))
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
    assert build.default_cache_dir() == tmp_path / "explicit"
    monkeypatch.delenv("SYMGRAD_CACHE_DIR")
    if not sys.platform.startswith("linux"):
        pytest.skip("XDG_CACHE_HOME only applies on Linux")
    assert build.default_cache_dir() == tmp_path / "xdg" / "symgrad"
    monkeypatch.setenv("XDG_CACHE_HOME", "relative/path")  # ignored, per the XDG spec
    assert build.default_cache_dir() == Path.home() / ".cache" / "symgrad"
    monkeypatch.delenv("XDG_CACHE_HOME")
    assert build.default_cache_dir() == Path.home() / ".cache" / "symgrad"


# ---- $CC and $CFLAGS ------------------------------------------------------------------------------


@needs_cc
def test_cc_and_cflags_are_honoured_and_keyed(tmp_path, monkeypatch, compiles):
    """CC names a wrapper that logs its arguments; CFLAGS defines the value the kernel returns."""
    real = build.find_compiler()[0]
    log = tmp_path / "cc.log"
    wrapper = tmp_path / "logging-cc"
    wrapper.write_text(f'#!/bin/sh\necho "$@" >> "{log}"\nexec "{real}" "$@"\n')
    wrapper.chmod(0o755)
    source, cdef = "int sg_flag(void) { return SG_FROM_CFLAGS; }\n", "int sg_flag(void);"
    monkeypatch.setenv("CC", str(wrapper))
    monkeypatch.setenv("CFLAGS", "-DSG_FROM_CFLAGS=41")
    assert build.find_compiler() == [str(wrapper)]
    key41 = build.cache_key(source, cdef, build.module_flags())
    assert build.build_module(source, cdef, cache_dir=tmp_path / "c").lib.sg_flag() == 41
    calls = log.read_text()
    assert "-DSG_FROM_CFLAGS=41" in calls and " -c " in calls  # the wrapper compiled it
    # the user's CFLAGS come after symgrad's own flags, so they win
    assert build.module_flags()[-1] == "-DSG_FROM_CFLAGS=41"
    monkeypatch.setenv("CFLAGS", "-DSG_FROM_CFLAGS=42")
    assert build.cache_key(source, cdef, build.module_flags()) != key41
    assert build.build_module(source, cdef, cache_dir=tmp_path / "c").lib.sg_flag() == 42
    assert len(compiles) == 2
    monkeypatch.delenv("CC")
    assert build.find_compiler() != [str(wrapper)]


def test_missing_cc_is_one_clear_error(tmp_path, monkeypatch):
    monkeypatch.setenv("CC", "/nonexistent/cc")
    with pytest.raises(build.CompilerNotFoundError) as info:
        build.build_module(src("t10"), CDEF, cache_dir=tmp_path)
    msg = str(info.value)
    assert "\n" not in msg and "CC" in msg and "/nonexistent/cc" in msg
    assert not build.is_cached(src("t10"), CDEF, cache_dir=tmp_path)


@needs_cc
def test_is_cached_never_compiles(tmp_path, compiles):
    s = src("t11")
    assert not build.is_cached(s, CDEF, cache_dir=tmp_path)
    build.build_module(s, CDEF, cache_dir=tmp_path)
    build.clear_memo()
    assert build.is_cached(s, CDEF, cache_dir=tmp_path)
    assert not build.is_cached(s, CDEF, cache_dir=tmp_path, portable=True)
    assert len(compiles) == 1


def test_default_cache_dir_is_platformdirs(monkeypatch):
    import platformdirs

    monkeypatch.delenv("SYMGRAD_CACHE_DIR", raising=False)
    assert build.default_cache_dir() == Path(platformdirs.user_cache_dir("symgrad", appauthor=False))
