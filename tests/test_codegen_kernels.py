"""Compiled kernels agree with the graph-wise and layer-wise numpy references and FD, for every
bundled example and a set of specs covering every op; batching, packing and the flat API."""

from pathlib import Path

import numpy as np
import pytest

from codegen import reference_graph as rg
from codegen.check import format_table, random_point, run_check
from codegen.kernel import compile as kcompile
from symbolic.point import evaluate_point, jacobian_at
from symbolic.spec import load_spec, parse_spec

import _codegen_specs as S
from conftest import EXAMPLES as INSTALLED_EXAMPLES

EXAMPLES = sorted(INSTALLED_EXAMPLES.glob("*.toml"))
SPECS = {n: getattr(S, n) for n in ("MLP_PEN_SUM", "CE_SOFTPLUS", "ACTS", "HUBER_RELU", "ASSIGN_OPS")}


_GRAPHS, _KERNELS = {}, {}


def graph(name):
    if name not in _GRAPHS:
        _GRAPHS[name] = load_spec(name) if name.endswith(".toml") else parse_spec(SPECS[name], f"<{name}>")
    return _GRAPHS[name]


def kernel(name, dtype="float64"):
    key = (name, dtype)
    if key not in _KERNELS:
        _KERNELS[key] = kcompile(graph(name), dtype=dtype)
    return _KERNELS[key]


ALL = [str(p) for p in EXAMPLES] + list(SPECS)


@pytest.mark.parametrize("name", ALL, ids=lambda n: Path(n).stem)
def test_check_float64(name):
    rows, ok = run_check(graph(name), points=2, kernel=kernel(name))
    assert ok, format_table(rows, name)
    quantities = {r.quantity for r in rows}
    assert {"objective", "gradient", "hvp"} <= quantities


F32 = [str(INSTALLED_EXAMPLES / "worked_example_ii.toml"), "MLP_PEN_SUM", "CE_SOFTPLUS", "ASSIGN_OPS"]


@pytest.mark.parametrize("name", F32, ids=lambda n: Path(n).stem)
def test_check_float32(name):
    rows, ok = run_check(graph(name), points=1, kernel=kernel(name, "float32"), kernel64=kernel(name))
    assert ok, format_table(rows, name + " float32")


@pytest.mark.parametrize("name", [str(p) for p in EXAMPLES] + ["ASSIGN_OPS"], ids=lambda n: Path(n).stem)
def test_single_sample_matches_symbolic_point(name):
    g, k = graph(name), kernel(name)
    rng = np.random.default_rng(1)
    params, data = random_point(g, rng, 1)
    sample = {x: v[0] for x, v in data.items()}
    u = {p: rng.standard_normal(s) for p, s in g.params.items()}
    ref = evaluate_point(g, {**params, **sample}, direction=u, hessian=True)
    loss, grads, hv = k.hvp(params, sample, u)
    assert loss == pytest.approx(ref.objective, rel=1e-12, abs=1e-13)
    for p in g.params:
        np.testing.assert_allclose(grads[p], ref.grad[p], rtol=1e-10, atol=1e-12)
        np.testing.assert_allclose(hv[p], ref.hvp[p], rtol=1e-9, atol=1e-11)
    np.testing.assert_allclose(k.hessian(params, sample), ref.hessian[1], rtol=1e-9, atol=1e-11)
    assert k.flat_labels() == ref.hessian[0]
    jr = jacobian_at(g, {**params, **sample})
    J = k.jacobian(params, sample)
    _rows, cols = k.jacobian_labels()
    np.testing.assert_allclose(J, np.vstack([jr[o]["matrix"] for o in jr]), rtol=1e-9, atol=1e-11)
    assert cols == jr[next(iter(jr))]["cols"]


def test_batch_is_reduction_of_samples_and_tiles_do_not_matter():
    g, k = graph("MLP_PEN_SUM"), kernel("MLP_PEN_SUM")
    rng = np.random.default_rng(2)
    for n in (1, 31, 32, 33, 100):
        params, data = random_point(g, rng, n)
        loss, grads = k.loss_and_grad(params, data)
        rl, rgr = rg.batch_loss_and_grad(g, params, data)
        assert loss == pytest.approx(rl, rel=1e-11)
        for p in g.params:
            np.testing.assert_allclose(grads[p], rgr[p], rtol=1e-10, atol=1e-12)


def test_forward_batch_and_missing_unneeded_inputs():
    g, k = graph("MLP_PEN_SUM"), kernel("MLP_PEN_SUM")
    rng = np.random.default_rng(3)
    params, data = random_point(g, rng, 5)
    out = k.forward(params, {"x": data["x"]})  # y is not needed for yhat
    for i in range(5):
        vals = rg.graph_forward(g, {**params, "x": data["x"][i], "y": data["y"][i]})
        np.testing.assert_allclose(out["yhat"][i], vals["yhat"], rtol=1e-12)
    one = k.forward(params, {"x": data["x"][0]})
    assert one["yhat"].shape == (2,)


def test_flat_api_out_and_zero_copy():
    k = kernel("MLP_PEN_SUM")
    rng = np.random.default_rng(4)
    theta = rng.standard_normal(k.n_params)
    D = rng.standard_normal((7, k.data_width))
    u = rng.standard_normal(k.n_params)
    out = np.empty(k.n_params)
    loss, g = k.loss_and_grad_flat(theta, D, out=out)
    assert g is out
    loss2, g2 = k.loss_and_grad_flat(theta, D)
    assert loss2 == loss and np.array_equal(g2, out) and g2 is not out
    hv_out = np.empty((2, k.n_params))
    _l3, g3, h3 = k.hvp_flat(theta, D, u, out=hv_out)
    assert np.shares_memory(g3, hv_out) and np.array_equal(g3, out)
    pair = (np.empty(k.n_params), np.empty(k.n_params))
    _l4, g4, h4 = k.hvp_flat(theta, D, u, out=pair)
    assert g4 is pair[0] and h4 is pair[1] and np.array_equal(h4, h3)
    # in-place changes of a cached array are seen (the pointer is to the same buffer)
    theta[0] += 1.0
    assert k.loss_and_grad_flat(theta, D)[0] != loss
    # pack / unpack / pack_data round trips
    params = k.unpack(theta)
    assert np.array_equal(k.pack(params), theta)
    assert k.pack_data({"x": D[:, :3], "y": D[:, 3:]}).tobytes() == D.tobytes()


def test_float32_kernel_dtype():
    k = kernel("MLP_PEN_SUM", "float32")
    theta = np.zeros(k.n_params, np.float32)
    D = np.ones((3, k.data_width), np.float32)
    loss, g = k.loss_and_grad_flat(theta, D)
    assert g.dtype == np.float32 and np.isfinite(loss)
    with pytest.raises(ValueError, match="float32"):
        k.loss_and_grad_flat(theta.astype(np.float64), D)


def test_generated_kernels_are_loops_not_unrolled():
    """Wide layers are loops over the weight matrix: the C size barely grows with the width."""
    from codegen.emit import emit

    small = emit(parse_spec(S.MLP_PEN_SUM.replace("dense = 5", "dense = 8"), "a"))
    big = emit(parse_spec(S.MLP_PEN_SUM.replace("dense = 5", "dense = 300"), "b"))
    assert abs(len(big.c) - len(small.c)) < 0.05 * len(small.c)
