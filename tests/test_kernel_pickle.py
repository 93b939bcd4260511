"""Picklable kernels (codegen.kernel_pickle): a Kernel pickles as its C source + build recipe +
content hash; a fresh process (other cwd, no spec file, its own cache dir) rebuilds it from the
carried source, or loads it from the cache, and computes the numbers the parent computes
independently (symbolic per-sample evaluation, symbolic.dataset.dataset_point); altered source
in a pickle is refused before anything is compiled; FusedOptimizer pickles with its state."""

from __future__ import annotations

import json
import os
import pickle
import shutil
import subprocess
import sys
import time

import numpy as np
import pytest

import codegen
from codegen import build
from codegen.kernel import compile as kcompile
from codegen.kernel_pickle import KernelPickleError, content_hash
from codegen.plan_layout import objective_split
from symbolic.bundled import load_graph
from symbolic.dataset import dataset_point

from conftest import EXAMPLES, PKG_ROOT

needs_cc = pytest.mark.skipif(
    shutil.which("cc") is None and shutil.which("gcc") is None and not os.environ.get("CC"),
    reason="no C compiler on PATH: cannot build kernels",
)
pytestmark = needs_cc

# The child loads the pickle (counting compiler runs) and evaluates loss, gradient and H·u.
CHILD = r"""
import json, pickle, sys, time
sys.path.insert(0, sys.argv[1])
import numpy as np
from codegen import build, kernel  # imports (SymPy, ...) are not part of the load time
calls = []
original = build._compile
build._compile = lambda ffi, tmpdir: (calls.append(1), original(ffi, tmpdir))[1]
t0 = time.perf_counter()
with open(sys.argv[2], "rb") as f:
    k = pickle.load(f)
seconds = time.perf_counter() - t0
data = np.load(sys.argv[3])
theta, D, u = data["theta"], data["D"], data["u"]
loss, g, hv = k.hvp_flat(theta, D, u)
print(json.dumps({"compiles": len(calls), "seconds": seconds, "loss": float(loss), "grad": g.tolist(),
                  "hv": hv.tolist(), "repr": repr(k)}))
"""


def _child(tmp_path, cache_dir, pickle_path, arrays_path) -> dict:
    cwd = tmp_path / "elsewhere"
    cwd.mkdir(exist_ok=True)
    env = {**os.environ, "SYMGRAD_CACHE_DIR": str(cache_dir)}
    proc = subprocess.run(
        [sys.executable, "-P", "-c", CHILD, str(PKG_ROOT), str(pickle_path), str(arrays_path)],
        cwd=cwd,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert proc.returncode == 0, proc.stderr
    return json.loads(proc.stdout)


def test_fresh_process_rebuilds_then_hits_the_cache(tmp_path):
    """The pickle of a kernel compiled from a spec that is then deleted loads in a fresh
    process from another cwd: with an empty cache it compiles once, with the same cache again
    it compiles nothing; both give the symbolic whole-set objective, gradient and H·u."""
    spec = tmp_path / "model" / "mlp_tanh.toml"
    spec.parent.mkdir()
    shutil.copy(EXAMPLES / "mlp_tanh.toml", spec)  # [penalty] and mean reduction
    g = load_graph(spec)
    k = kcompile(g)
    pickle_path = tmp_path / "kernel.pkl"
    pickle_path.write_bytes(pickle.dumps(k))
    shutil.rmtree(spec.parent)  # no spec file anywhere for the child

    rng = np.random.default_rng(3)
    params = {p: 0.4 * rng.normal(size=s) for p, s in g.params.items()}
    data = {"x": rng.normal(size=(7, 4)), "y": rng.normal(size=(7, 2))}
    direction = {p: rng.normal(size=s) for p, s in g.params.items()}
    arrays_path = tmp_path / "arrays.npz"
    np.savez(arrays_path, theta=k.pack(params), D=k.pack_data(data), u=k.pack(direction))
    want = dataset_point(g, params, data, *objective_split(g), direction=direction)  # symbolic, per sample

    fresh = tmp_path / "fresh-cache"
    built = _child(tmp_path, fresh, pickle_path, arrays_path)
    hit = _child(tmp_path, fresh, pickle_path, arrays_path)
    print(f"\nfresh process: rebuild {built['seconds']:.2f} s, cache hit {hit['seconds'] * 1e3:.1f} ms")
    assert built["compiles"] == 1 and hit["compiles"] == 0
    assert hit["seconds"] < built["seconds"]
    for r in (built, hit):
        assert r["repr"].startswith("<Kernel mlp_tanh float64: 386 params")
        np.testing.assert_allclose(r["loss"], want.objective, rtol=1e-10)
        np.testing.assert_allclose(r["grad"], k.pack(want.grad), rtol=1e-9, atol=1e-12)
        np.testing.assert_allclose(r["hv"], k.pack(want.hvp), rtol=1e-9, atol=1e-12)


def test_same_process_round_trip_and_content_hash():
    """pickle.loads in the same process: the module comes from the cache (no compile), the
    numbers are bit-identical and the hash is stable; a float32 kernel keeps its dtype."""
    k = kcompile("two_two_one")
    k2 = pickle.loads(pickle.dumps(k))
    assert content_hash(k2) == content_hash(k) and len(content_hash(k)) == 64
    assert (k2.name, k2.dtype, k2.functions, k2.blas, k2.portable) == (k.name, k.dtype, k.functions, k.blas, False)
    rng = np.random.default_rng(0)
    theta, D = rng.normal(size=k.n_params), rng.normal(size=(5, k.data_width))
    assert k2.loss_and_grad_flat(theta, D)[0] == k.loss_and_grad_flat(theta, D)[0]
    np.testing.assert_array_equal(k2.loss_and_grad_flat(theta, D)[1], k.loss_and_grad_flat(theta, D)[1])
    f = kcompile("two_two_one", dtype="float32", what="loss_grad")
    f2 = pickle.loads(pickle.dumps(f))
    assert f2.dtype == np.float32 and f2.functions == ("loss_grad",) and content_hash(f2) != content_hash(k)


def test_tampered_source_is_refused_before_compiling(monkeypatch):
    """Changed C in the pickle (same length, so the pickle stays well-formed) is a one-line
    KernelPickleError naming the kernel and the hash mismatch; the compiler never runs."""
    k = kcompile("mlp_tanh")
    blob = pickle.dumps(k)
    assert blob.count(b"(1.0/2.0)") >= 1
    bad = blob.replace(b"(1.0/2.0)", b"(1.0/3.0)", 1)
    calls = []
    monkeypatch.setattr(build, "_compile", lambda *a: calls.append(1))
    with pytest.raises(KernelPickleError, match=r"pickled kernel 'mlp_tanh': content hash mismatch") as e:
        pickle.loads(bad)
    assert "\n" not in str(e.value) and calls == []
    state = k.__reduce__()[1][0]
    graph = bytearray(state["graph"])
    graph[-3] ^= 1  # a flipped bit in the pickled Graph
    with pytest.raises(KernelPickleError, match=r"content hash mismatch .*the pickled model \(Graph\) was altered"):
        codegen.kernel._unpickle({**state, "graph": bytes(graph)})
    with pytest.raises(KernelPickleError, match="format"):
        codegen.kernel._unpickle({**state, "format": "symgrad-kernel-pickle-0"})
    with pytest.raises(KernelPickleError, match="incomplete recipe"):
        codegen.kernel._unpickle({k: v for k, v in state.items() if k != "hash"})


def test_fused_optimizer_pickles_with_its_state():
    """A FusedOptimizer after 3 Adam steps, pickled and loaded, continues exactly like the
    original (same θ, state and t after 3 more steps each)."""
    k = kcompile("two_two_one", what="loss_grad")
    rng = np.random.default_rng(5)
    D = rng.normal(size=(6, k.data_width))
    theta = rng.normal(size=k.n_params)
    opt = codegen.optimizer(k, "adam", lr=0.05, beta2=0.99, weight_decay=0.01)
    for _ in range(3):
        opt.step(theta, D)
    opt2, theta2 = pickle.loads(pickle.dumps(opt)), theta.copy()
    assert opt2.t == 3 and opt2.name == "adam" and opt2.settings == opt.settings
    for _ in range(3):
        opt.step(theta, D)
        opt2.step(theta2, D)
    np.testing.assert_array_equal(theta2, theta)
    for name in opt.state:
        np.testing.assert_array_equal(opt2.state[name], opt.state[name])
    assert opt2.t == opt.t == 6


def test_pickle_timing_is_small():
    """Pickling is text plus a small graph: well under a second and a few hundred kB."""
    k = kcompile("mlp_tanh")
    t0 = time.perf_counter()
    blob = pickle.dumps(k)
    assert time.perf_counter() - t0 < 1.0
    assert len(blob) < 500_000
