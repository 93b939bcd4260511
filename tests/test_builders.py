"""Builders: the matrix-form and scalar per-weight MLPs are the same function, and the layered
spec lowers to the same graph as the equivalent hand-written assignment spec."""

import numpy as np
import pytest

from symbolic import build_mlp, evaluate_point, parse_spec


def test_matrix_and_scalar_forms_agree():
    gm = build_mlp([3, 4, 2], "tanh", form="matrix")
    gs = build_mlp([3, 4, 2], "tanh", form="scalar")
    assert gm.n_params() == gs.n_params() == 3 * 4 + 4 + 4 * 2 + 2
    rng = np.random.default_rng(1)
    vm = {n: rng.normal(size=s) for n, s in gm.leaves().items()}
    vs = {}
    for l, (W, b) in enumerate([("W1", "b1"), ("W2", "b2")], 1):
        for i in range(vm[W].shape[0]):
            vs[f"b{l}_{i}"] = vm[b][i]
            for j in range(vm[W].shape[1]):
                vs[f"w{l}_{i}_{j}"] = vm[W][i, j]
    vs.update({f"x{j}": vm["x"][j] for j in range(3)})
    vs.update({f"y{k}": vm["y"][k] for k in range(2)})
    rm, rs = evaluate_point(gm, vm), evaluate_point(gs, vs)
    assert rm.objective == pytest.approx(rs.objective, rel=1e-12)
    assert rm.grad["W2"][1, 3] == pytest.approx(rs.grad["w2_1_3"], rel=1e-12)
    assert rm.grad["b1"][2] == pytest.approx(rs.grad["b1_2"], rel=1e-12)


def test_layered_equals_assignment_form():
    layered = parse_spec(
        '[model]\ninput = 2\n[[layers]]\ndense = 3\nactivation = "sigmoid"\n'
        '[[layers]]\ndense = 1\n[loss]\ntype = "mse"\nhalf = true\n'
    )
    manual = parse_spec(
        '[model]\ninputs = ["x[2]", "y[1]"]\nparams = ["W1[3,2]", "b1[3]", "W2[1,3]", "b2[1]"]\n'
        'objective = "L"\n[forward]\nz1 = "W1 @ x + b1"\nh1 = "sigmoid(z1)"\n'
        'z2 = "W2 @ h1 + b2"\nyhat = "z2"\nL = "0.5*sum((yhat - y)**2)"\n'
    )
    assert [(a.op, a.shape) for a in layered.assignments] == [(a.op, a.shape) for a in manual.assignments]
    rng = np.random.default_rng(2)
    v = {n: rng.normal(size=s) for n, s in layered.leaves().items()}
    a, b = evaluate_point(layered, v), evaluate_point(manual, v)
    assert a.objective == pytest.approx(b.objective)
    for p in layered.params:
        np.testing.assert_allclose(a.grad[p], b.grad[p], rtol=1e-12)


def test_builder_errors():
    with pytest.raises(ValueError):
        build_mlp([2, 3, 1], ["tanh"])
    with pytest.raises(ValueError):
        build_mlp([2, 3, 1], form="tensor")
