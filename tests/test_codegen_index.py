"""codegen.kernel_index: graph fingerprint → emitted source, so a cached kernel is found (and
loaded) without running the emitter."""

from __future__ import annotations

import shutil

import pytest

from codegen import emit as emit_mod
from codegen import kernel_index
from codegen.kernel import compile as kcompile
from codegen.kernel import kernel_cached
from symbolic.spec import load_spec, parse_spec

from conftest import EXAMPLES, PKG_ROOT

WE2 = EXAMPLES / "worked_example_ii.toml"
CC = shutil.which("cc") or shutil.which("gcc") or shutil.which("clang")


def fp(graph, **options):
    return kernel_index.fingerprint(graph, **{"dtype": "float64", "what": ("all",), "name": None, **options})


def test_fingerprint_is_stable_and_sensitive(tmp_path):
    a, b = load_spec(WE2), load_spec(WE2)
    assert fp(a) == fp(b)
    b.values = {}  # values never reach the C
    assert fp(a) == fp(b)
    copy = tmp_path / WE2.name  # same file name elsewhere: same C
    copy.write_text(WE2.read_text())
    assert fp(load_spec(copy)) == fp(a)
    assert fp(a, dtype="float32") != fp(a)
    assert fp(a, what=("loss_grad",)) != fp(a)
    changed = tmp_path / WE2.name
    changed.write_text(WE2.read_text().replace('L = "0.5*(y - yhat)**2"', 'L = "(y - yhat)**2"'))
    assert fp(load_spec(changed)) != fp(a)


def test_store_lookup_round_trip_and_damage(tmp_path):
    g = parse_spec(
        '[model]\nname = "idx"\ninput = 2\n[[layers]]\ndense = 3\nactivation = "tanh"\n'
        '[[layers]]\ndense = 1\n[loss]\ntype = "mse"\n',
        "<idx>",
    )
    src = emit_mod.emit(g)
    key = fp(g)
    assert kernel_index.lookup(tmp_path, key) is None
    kernel_index.store(tmp_path, key, src)
    back = kernel_index.lookup(tmp_path, key)
    assert back == src  # dataclass equality: every field, layout included
    path = next((tmp_path / "graphs").rglob("*.json"))
    path.write_text(path.read_text()[:100])  # truncated: a miss, never an exception
    assert kernel_index.lookup(tmp_path, key) is None
    kernel_index.store(tmp_path / "file-not-dir" / "x", key, src)  # unwritable: ignored
    (tmp_path / "blocker").write_text("")
    kernel_index.store(tmp_path / "blocker", key, src)


@pytest.mark.skipif(CC is None, reason="no C compiler")
def test_compile_reuses_the_index_and_survives_a_damaged_one(tmp_path, monkeypatch):
    from codegen import build

    g = load_spec(EXAMPLES / "two_two_one.toml")
    k1 = kcompile(g, cache_dir=tmp_path)
    calls = []
    real = emit_mod.emit
    monkeypatch.setattr(emit_mod, "emit", lambda *a, **kw: (calls.append(1), real(*a, **kw))[1])
    build.clear_memo()
    k2 = kcompile(load_spec(EXAMPLES / "two_two_one.toml"), cache_dir=tmp_path)
    assert calls == [] and k2.source.c == k1.source.c
    for p in (tmp_path / "graphs").rglob("*.json"):
        p.write_text("{not json")
    assert not kernel_cached(g, cache_dir=tmp_path)
    k3 = kcompile(g, cache_dir=tmp_path)  # re-emits, module still cached, index rewritten
    assert calls == [1] and k3.source.c == k1.source.c
    assert kernel_cached(g, cache_dir=tmp_path)


def test_code_version_covers_the_emitters_imports_only():
    files = {f"{p.parent.name}/{p.name}" for p in kernel_index._emitter_files(PKG_ROOT)}
    assert {
        "codegen/emit.py",
        "codegen/lower_batch.py",
        "codegen/cprinter.py",
        "symbolic/graph.py",
        "symbolic/reverse.py",
        "symbolic/tangent.py",
        "symbolic/catalogue.py",
    } <= files
    assert "symbolic/verify.py" not in files and "codegen/cli.py" not in files
    assert kernel_index._imports(
        "from . import emit as _emit, cache\nfrom .emit import (A,\n  B)\nimport os, symbolic.graph as g\n", "codegen"
    ) == [
        "codegen",
        "codegen.emit",
        "codegen.cache",
        "codegen.emit",
        "codegen.emit.A",
        "codegen.emit.B",
        "os",
        "symbolic.graph",
    ]
