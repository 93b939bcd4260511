"""`symgrad cache path|list|clear` (codegen.cache_admin, codegen.cache_cli) on a temporary
SYMGRAD_CACHE_DIR: two built kernels are listed with their model names and with sizes equal to
the files on disk (os.stat), clear removes them (all, by model, by age), a kernel builds and
computes correctly afterwards, and an unsafe cache is refused with one line."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from pathlib import Path

import numpy as np
import pytest

import codegen
from codegen import build
from codegen.cli import main

MODELS = ("hvp_quadratic", "worked_example_ii")


def symgrad(*args: str, root: Path) -> subprocess.CompletedProcess:
    """The installed console script (next to this Python), else the module entry point."""
    script = Path(sys.executable).with_name("symgrad")
    cmd = [str(script)] if script.exists() else [sys.executable, "-m", "codegen.cli"]
    env = {**os.environ, "SYMGRAD_CACHE_DIR": str(root)}
    return subprocess.run(cmd + list(args), capture_output=True, text=True, check=False, env=env, timeout=300)


def run(capsys, *args: str) -> tuple[int, str, str]:
    rc = main(list(args))
    out, err = capsys.readouterr()
    return rc, out, err


def disk_size(path: str) -> int:
    p = Path(path)
    if p.is_file():
        return os.stat(p).st_size
    return sum(os.stat(f).st_size for f in p.rglob("*") if f.is_file())


@pytest.fixture
def root(tmp_path, monkeypatch) -> Path:
    r = tmp_path / "cache"
    monkeypatch.setenv("SYMGRAD_CACHE_DIR", str(r))
    build.clear_memo()
    return r


def quadratic_grad_ok(k) -> bool:
    """f = w1² + 3 w1 w2 + 2 w2² (seed 001 §2.11.1): ∇f at (1, 2) = (2 + 6, 3 + 8)."""
    params = {"w1": np.array(1.0), "w2": np.array(2.0)}
    _, g = k.loss_and_grad(params, {n: np.zeros((1, *s)) for n, s in k.input_shapes.items()})
    return float(g["w1"]) == pytest.approx(8.0) and float(g["w2"]) == pytest.approx(11.0)


def test_list_clear_and_rebuild(root, capsys):
    kernels = [codegen.compile(m) for m in MODELS]
    r = symgrad("cache", "list", "--json", root=root)  # the installed command, once
    assert r.returncode == 0, r.stderr
    doc = json.loads(r.stdout)
    assert Path(doc["root"]) == root.resolve()
    built = [e for e in doc["entries"] if e["kind"] == "kernel"]
    assert sorted(e["model"] for e in built) == sorted(MODELS)
    assert {e["dtype"] for e in built} == {"float64"}
    assert {e["model"] for e in doc["entries"] if e["kind"] == "source"} == set(MODELS)
    for e in doc["entries"]:
        assert e["size"] == disk_size(e["path"]) > 0, e
        assert Path(e["path"]).resolve().is_relative_to(root.resolve())
        assert 0 <= e["age_seconds"] < 600
    assert doc["total_size"] == sum(e["size"] for e in doc["entries"])
    manifest = json.loads((Path(built[0]["path"]) / "manifest.json").read_text())
    assert manifest["model"] == built[0]["model"] and manifest["dtype"] == "float64"

    rc, out, _ = run(capsys, "cache", "list")
    assert rc == 0
    assert out.splitlines()[0].split()[:4] == ["MODEL", "DTYPE", "KIND", "KEY"]
    for e in built:
        assert any(line.split()[0] == e["model"] and e["key"][:12] in line for line in out.splitlines())
    assert f"{len(doc['entries'])} entries" in out.splitlines()[-1]

    rc, out, _ = run(capsys, "cache", "clear", "--model", "worked_example_ii")
    assert rc == 0 and "removed kernel worked_example_ii float64" in out
    left = json.loads(run(capsys, "cache", "list", "--json")[1])["entries"]
    assert {e["model"] for e in left} == {"hvp_quadratic"}
    assert not Path(next(e["path"] for e in built if e["model"] == "worked_example_ii")).exists()

    rc, out, _ = run(capsys, "cache", "clear")
    assert rc == 0 and out.splitlines()[-1].startswith(f"removed {len(left)} entries")
    assert run(capsys, "cache", "list")[1].startswith("no cached kernels in")
    assert not [p for p in root.rglob("*") if p.is_file() and p.name != ".secret"]  # nothing left behind
    assert quadratic_grad_ok(kernels[0])  # a module loaded before the clear keeps working

    k = codegen.compile("hvp_quadratic")  # and builds again afterwards
    assert quadratic_grad_ok(k)
    again = json.loads(run(capsys, "cache", "list", "--json")[1])["entries"]
    assert sorted(e["kind"] for e in again) == ["kernel", "source"]


def test_clear_older_than_uses_the_last_use(root, capsys):
    codegen.compile("hvp_quadratic", what="loss_grad")
    codegen.compile("hvp_quadratic", what="loss_grad", dtype="float32")
    entries = json.loads(run(capsys, "cache", "list", "--json")[1])["entries"]
    old = [e for e in entries if e["dtype"] == "float32"]
    past = time.time() - 10 * 86400
    for e in old:  # pretend these were built and last used ten days ago
        p = Path(e["path"])
        if e["kind"] == "kernel":
            m = json.loads((p / "manifest.json").read_text())
            m["created"] = past  # descriptive, outside the manifest's MAC
            (p / "manifest.json").write_text(json.dumps(m))
            for f in p.iterdir():
                os.utime(f, (past, past))
        else:
            os.utime(p, (past, past))
    rc, out, _ = run(capsys, "cache", "clear", "--older-than", "5", "--dry-run")
    assert len(old) == 2 and {e["model"] for e in old} == {"hvp_quadratic"}
    assert rc == 0 and out.count("would remove kernel hvp_quadratic float32") == 1
    assert out.count("would remove source hvp_quadratic float32") == 1
    assert len(json.loads(run(capsys, "cache", "list", "--json")[1])["entries"]) == len(entries)
    rc, out, _ = run(capsys, "cache", "clear", "--older-than", "5", "--json")
    assert rc == 0
    assert sorted(e["key"] for e in json.loads(out)["removed"]) == sorted(e["key"] for e in old)
    left = json.loads(run(capsys, "cache", "list", "--json")[1])["entries"]
    assert {e["dtype"] for e in left} == {"float64"} and len(left) == len(entries) - len(old)


def test_path_prints_the_root_and_errors_are_one_line(root, capsys):
    r = symgrad("cache", "path", root=root)
    assert r.returncode == 0 and r.stdout.strip() == str(root)
    assert not root.exists()  # `path` and `list` do not create the cache
    rc, out, _ = run(capsys, "cache", "list")
    assert rc == 0 and out.strip() == f"no cached kernels in {root}" and not root.exists()
    root.mkdir(mode=0o700)
    os.chmod(root, 0o777)  # another user could plant a module here: refused, as the builder does
    for args in (["cache", "list"], ["cache", "clear"]):
        rc, out, err = run(capsys, *args)
        assert rc == 2 and not out
        assert err.startswith("symgrad: error: cannot use the kernel cache:") and err.count("\n") == 1
    os.chmod(root, 0o700)
    for args in (["cache"], ["cache", "clear", "--older-than", "-1"], ["cache", "clear", "--older-than", "x"]):
        with pytest.raises(SystemExit) as e:
            main(args)
        assert e.value.code == 2
        assert capsys.readouterr().err.count("\n") == 1


def test_clear_waits_for_a_build_holding_the_key_lock(root):
    """A kernel entry is removed under its per-key build lock (and renamed aside first), so a
    builder publishing that key meanwhile is never interleaved with the removal."""
    import threading

    from codegen import cache, cache_admin

    codegen.compile("hvp_quadratic", what="loss_grad")
    (entry,) = [e for e in cache_admin.entries(root) if e.kind == "kernel"]
    real = root.resolve()
    done = threading.Event()
    with cache.key_lock(real, entry.key):  # as a builder of this key holds it
        worker = threading.Thread(target=lambda: (cache_admin.clear(real), done.set()))
        worker.start()
        assert not done.wait(0.5)  # clear is blocked on the lock; the entry is whole
        assert (entry.path / "manifest.json").is_file()
    worker.join(30)
    assert done.is_set() and not entry.path.exists()
    assert cache_admin.entries(root) == []
