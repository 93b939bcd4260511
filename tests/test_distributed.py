"""symgrad.distributed on a LocalCluster of 2 worker processes: full-batch objective, gradient,
H·u and per-sample values over chunked dask arrays equal the single-process kernel (rtol 1e-12)
and the independent symbolic whole-set evaluation (symbolic.dataset.dataset_point, per-sample
symbolic.point.evaluate_point), for mean and sum reductions, with and without a [penalty]
(counted once however many chunks), on uneven chunks; `symgrad train --optimizer newton-cg
--scheduler ADDRESS` reaches the optimum of `symgrad step --optimizer newton-cg --data`."""

from __future__ import annotations

import dataclasses
import json
import os
import shutil
import socket
import sys
import time

import numpy as np
import pytest

da = pytest.importorskip("dask.array", reason="dask[array] not installed (pip install 'symgrad[distributed]')")
distributed = pytest.importorskip("distributed", reason="dask.distributed not installed (symgrad[distributed])")

import symgrad.distributed as sd  # noqa: E402
from codegen.cli import main  # noqa: E402
from codegen.kernel import compile as kcompile  # noqa: E402
from codegen.plan_layout import objective_split  # noqa: E402
from symbolic.bundled import load_graph  # noqa: E402
from symbolic.dataset import dataset_point  # noqa: E402
from symbolic.point import evaluate_point  # noqa: E402

from conftest import EXAMPLES  # noqa: E402

pytestmark = pytest.mark.skipif(
    shutil.which("cc") is None and shutil.which("gcc") is None and not os.environ.get("CC"),
    reason="no C compiler on PATH: cannot build kernels",
)

SUM_PENALTY = """
[model]
name = "sum_penalty"
input = 3
[[layers]]
dense = 4
activation = "tanh"
[[layers]]
dense = 2
activation = "identity"
[loss]
type = "mse"
half = true
reduction = "sum"
[penalty]
type = "l2"
lam = 0.3
"""


@pytest.fixture(scope="module")
def client():
    with (
        distributed.LocalCluster(
            n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None, silence_logs=40
        ) as cluster,
        distributed.Client(cluster) as c,
    ):
        yield c


@pytest.fixture(scope="module")
def sum_penalty_spec(tmp_path_factory):
    p = tmp_path_factory.mktemp("spec") / "sum_penalty.toml"
    p.write_text(SUM_PENALTY)
    return p


def _case(spec, n: int, seed: int):
    g = load_graph(spec)
    k = kcompile(g, what=("loss_grad", "hvp"))
    rng = np.random.default_rng(seed)
    params = {p: 0.5 * rng.normal(size=s) for p, s in g.params.items()}
    data = {x: rng.normal(size=(n, *s)) for x, s in g.inputs.items()}
    u = {p: rng.normal(size=s) for p, s in g.params.items()}
    return g, k, params, data, u


def _chunked(data: dict, chunks: tuple[int, ...]) -> dict:
    return {x: da.from_array(a, chunks=(chunks,) + tuple((d,) for d in a.shape[1:])) for x, a in data.items()}


CASES = [  # (spec, reduction, has penalty)
    ("two_two_one", "mean", False),
    ("mlp_tanh", "mean", True),
    ("seed003_four_points", "sum", False),
    ("sum_penalty", "sum", True),
]


@pytest.mark.parametrize(("name", "reduction", "penalty"), CASES, ids=[c[0] for c in CASES])
def test_loss_grad_hvp_equal_local_and_symbolic(client, sum_penalty_spec, name, reduction, penalty):
    """Uneven chunks (7, 13, 1, 19): J, ∇J, H·u equal the one-process kernel on all rows and
    the symbolic per-sample evaluation reduced with the penalty once."""
    spec = sum_penalty_spec if name == "sum_penalty" else EXAMPLES / f"{name}.toml"
    g, k, params, data, u = _case(spec, 40, seed=len(name))
    assert (k.layout.reduction, k.layout.penalty is not None) == (reduction, penalty)
    theta, D, v = k.pack(params), k.pack_data(data), k.pack(u)
    L0, g0, h0 = k.hvp_flat(theta, D, v)
    sym = dataset_point(g, params, data, *objective_split(g), direction=u)
    dd = _chunked(data, (7, 13, 1, 19))

    L, grad = sd.loss_and_grad(k, theta, dd, client)
    L2, grad2, hv = sd.hvp(k, params, dd, u, client)  # dicts are packed like Kernel.pack
    for got_l, got_g in ((L, grad), (L2, grad2)):
        np.testing.assert_allclose(got_l, L0, rtol=1e-12)
        np.testing.assert_allclose(got_g, g0, rtol=1e-12, atol=1e-15 * np.abs(g0).max())
        np.testing.assert_allclose(got_l, sym.objective, rtol=1e-10)
        np.testing.assert_allclose(got_g, k.pack(sym.grad), rtol=1e-9, atol=1e-12)
    np.testing.assert_allclose(hv, h0, rtol=1e-12, atol=1e-15 * np.abs(h0).max())
    np.testing.assert_allclose(hv, k.pack(sym.hvp), rtol=1e-9, atol=1e-12)


def test_penalty_counted_once_with_many_chunks(client, sum_penalty_spec):
    """sum reduction with a penalty over 5 chunks: the naive sum of chunk objectives counts R
    five times; the result counts it once (R = λ/2 Σ W², evaluated here by hand)."""
    _, k, params, data, _ = _case(sum_penalty_spec, 25, seed=9)
    theta = k.pack(params)
    R = 0.3 / 2 * sum(np.sum(params[w] ** 2) for w in ("W1", "W2"))
    dd = _chunked(data, (5,) * 5)
    L, _ = sd.loss_and_grad(k, theta, dd, client)
    D = k.pack_data(data)
    naive = sum(k.loss_and_grad_flat(theta, np.ascontiguousarray(D[i : i + 5]))[0] for i in range(0, 25, 5))
    np.testing.assert_allclose(naive - L, 4 * R, rtol=1e-10)
    np.testing.assert_allclose(L, k.loss_and_grad_flat(theta, D)[0], rtol=1e-12)


def test_packed_rows_and_mismatched_chunks(client):
    """One packed dask array (N, width), and inputs chunked differently (rechunked to the first
    input's chunks), give the same answer as the kernel on all rows."""
    _, k, params, data, _ = _case(EXAMPLES / "mlp_tanh.toml", 33, seed=4)
    theta, D = k.pack(params), k.pack_data(data)
    L0, g0 = k.loss_and_grad_flat(theta, D)
    packed = da.from_array(D, chunks=((10, 10, 13), (k.data_width,)))
    mixed = {"x": da.from_array(data["x"], chunks=(8, 4)), "y": da.from_array(data["y"], chunks=(17, 2))}
    for dd in (packed, mixed, sd.pack_data(k, mixed, client)):
        L, grad = sd.loss_and_grad(k, theta, dd, client)
        np.testing.assert_allclose(L, L0, rtol=1e-12)
        np.testing.assert_allclose(grad, g0, rtol=1e-12, atol=1e-15 * np.abs(g0).max())


@pytest.mark.parametrize("name", ["mlp_tanh", "sum_penalty"])
def test_per_sample_loss_and_grad(client, sum_penalty_spec, name):
    """Per-sample L_i and ∇L_i (penalty excluded) equal symbolic evaluate_point of the data
    objective at each sample, and reduce_i L_i + R is the kernel's objective."""
    spec = sum_penalty_spec if name == "sum_penalty" else EXAMPLES / f"{name}.toml"
    g, k, params, data, _ = _case(spec, 12, seed=2)
    theta = k.pack(params)
    dd = _chunked(data, (5, 4, 3))
    loss = sd.per_sample(k, theta, dd, client, what="loss")
    grads = sd.per_sample(k, theta, dd, client, what="grad")
    assert isinstance(loss, da.Array) and loss.shape == (12,) and grads.shape == (12, k.n_params)
    loss, grads = loss.compute(), grads.compute()
    obj, pen = objective_split(g)
    per = dataclasses.replace(g, objective=obj)
    for i in range(12):
        r = evaluate_point(per, {**params, **{x: data[x][i] for x in g.inputs}})
        np.testing.assert_allclose(loss[i], r.objective, rtol=1e-9, atol=1e-13)
        np.testing.assert_allclose(grads[i], k.pack(r.grad), rtol=1e-9, atol=1e-13)
    R = evaluate_point(dataclasses.replace(g, objective=pen), {**params, **{x: data[x][0] for x in g.inputs}})
    J = (loss.mean() if k.layout.reduction == "mean" else loss.sum()) + R.objective
    np.testing.assert_allclose(J, k.loss_and_grad_flat(theta, k.pack_data(data))[0], rtol=1e-12)
    with pytest.raises(ValueError, match="what: expected one of loss, grad"):
        sd.per_sample(k, theta, dd, client, what="hvp")


def test_bad_data_is_one_line(client):
    k = kcompile("two_two_one", what=("loss_grad", "hvp"))
    theta = np.zeros(k.n_params)
    with pytest.raises(ValueError, match=r"data: expected the inputs \['x', 'y'\]; missing \['y'\]"):
        sd.loss_and_grad(k, theta, {"x": da.zeros((4, 2), chunks=2)}, client)
    with pytest.raises(ValueError, match=r"data\['y'\]: expected shape \(4,\) \+ \(\) \(batch-first\)"):
        sd.loss_and_grad(k, theta, {"x": da.zeros((4, 2), chunks=2), "y": da.zeros((4, 3), chunks=2)}, client)
    with pytest.raises(ValueError, match=r"theta: expected shape"):
        sd.loss_and_grad(k, np.zeros(3), {"x": da.zeros((4, 2), chunks=2), "y": da.zeros(4, chunks=2)}, client)


def test_missing_dask_is_one_line(monkeypatch):
    monkeypatch.setitem(sys.modules, "dask", None)
    with pytest.raises(ImportError, match=r"^needs dask: pip install 'symgrad\[distributed\]'$"):
        sd._dask()


def test_train_newton_cg_on_the_cluster_matches_step(client, capsys, tmp_path):
    """`train --optimizer newton-cg --scheduler` (chunks of 3 of the 4 samples) ends where
    `step --optimizer newton-cg --data` (full batch in one process) ends."""
    spec, csv = str(EXAMPLES / "seed003_four_points.toml"), str(EXAMPLES / "seed003_four_points.csv")
    out = tmp_path / "params.json"
    address = client.scheduler.address
    argv = ["train", spec, "--data", csv, "--optimizer", "newton-cg", "--scheduler", address]
    rc = main([*argv, "--epochs", "12", "--batch", "3", "--out", str(out), "--quiet"])
    text = capsys.readouterr().out
    assert rc == 0 and "done: 12 newton-cg steps on the cluster" in text
    rc = main(["step", spec, "--data", csv, "--optimizer", "newton-cg", "--steps", "12", "--json"])
    want = json.loads(capsys.readouterr().out)
    assert rc == 0
    np.testing.assert_allclose(json.loads(out.read_text())["w"], want["params"]["w"], rtol=1e-9)
    assert want["final_objective"] < 1e-4  # an optimum, not the start


def test_train_scheduler_errors_are_one_line(capsys):
    spec, csv = str(EXAMPLES / "seed003_four_points.toml"), str(EXAMPLES / "seed003_four_points.csv")
    with socket.socket() as s:  # a port nobody listens on
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    t0 = time.perf_counter()
    rc = main(["train", spec, "--data", csv, "--optimizer", "newton-cg", "--scheduler", f"tcp://127.0.0.1:{port}",
               "--epochs", "1", "--batch", "2"])  # fmt: skip
    err = capsys.readouterr().err
    assert rc == 2 and err.startswith(f"symgrad: error: cannot reach the Dask scheduler at tcp://127.0.0.1:{port}")
    assert err.count("\n") == 1 and time.perf_counter() - t0 < 30
    rc = main(["train", spec, "--data", csv, "--optimizer", "adam", "--scheduler", "tcp://x:1", "--epochs", "1",
               "--batch", "2"])  # fmt: skip
    assert rc == 2 and "--scheduler applies to --optimizer newton-cg" in capsys.readouterr().err


def test_pinned_names_as_the_issue_spells_them(client):
    """`symgrad.distributed.loss_and_grad(kernel, theta, data, client)` and
    `symgrad.distributed.hvp(kernel, theta, data, u, client)`, spelled out in full."""
    import symgrad.distributed

    _, kernel, params, data, u = _case(EXAMPLES / "two_two_one.toml", 24, seed=5)
    theta, packed = kernel.pack(params), kernel.pack_data(data)
    dd = _chunked(data, (10, 14))
    loss, grad = symgrad.distributed.loss_and_grad(kernel, theta, dd, client)
    loss2, grad2, hv = symgrad.distributed.hvp(kernel, theta, dd, kernel.pack(u), client)
    want_loss, want_grad, want_hv = kernel.hvp_flat(theta, packed, kernel.pack(u))
    assert loss == pytest.approx(want_loss, rel=1e-12)
    assert loss2 == pytest.approx(want_loss, rel=1e-12)
    np.testing.assert_allclose(grad, want_grad, rtol=1e-12, atol=1e-14)
    np.testing.assert_allclose(grad2, want_grad, rtol=1e-12, atol=1e-14)
    np.testing.assert_allclose(hv, want_hv, rtol=1e-12, atol=1e-14)
