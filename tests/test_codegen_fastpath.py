"""The flat API's per-thread fast path (same arrays as the previous call) stays safe: results
equal the slow path's, and arrays changed in place (shape, dtype) or swapped are re-validated."""

import threading

import numpy as np
import pytest

from codegen.kernel import compile as kcompile
from symbolic.spec import parse_spec

import _codegen_specs as S

_K = {}


def kernel():
    if "k" not in _K:
        _K["k"] = kcompile(parse_spec(S.MLP_PEN_SUM, "<fast>"), what=("loss_grad", "hvp"))
    return _K["k"]


def test_repeated_calls_match_and_see_in_place_changes():
    k = kernel()
    rng = np.random.default_rng(0)
    theta, D, u = (
        rng.standard_normal(k.n_params),
        rng.standard_normal((9, k.data_width)),
        rng.standard_normal(k.n_params),
    )
    g = np.empty(k.n_params)
    l1, _ = k.loss_and_grad_flat(theta, D, out=g)
    g1 = g.copy()
    l2, g2 = k.loss_and_grad_flat(theta, D, out=g)  # fast path
    assert l2 == l1 and g2 is g and np.array_equal(g, g1)
    D[0, 0] += 1.0
    assert k.loss_and_grad_flat(theta, D, out=g)[0] != l1  # same buffer, new values
    lo, go = k.loss_and_grad_flat(theta, D)  # out=None: fresh arrays each call
    lo2, go2 = k.loss_and_grad_flat(theta, D)
    assert lo == lo2 and go is not go2 and np.array_equal(go, go2)
    pair = (np.empty(k.n_params), np.empty(k.n_params))
    r1 = k.hvp_flat(theta, D, u, out=pair)
    h1 = pair[1].copy()
    r2 = k.hvp_flat(theta, D, u, out=pair)
    assert r1[0] == r2[0] and r2[2] is pair[1] and np.array_equal(pair[1], h1)
    two = np.empty((2, k.n_params))
    k.hvp_flat(theta, D, u, out=two)
    k.hvp_flat(theta, D, u, out=two)
    assert np.array_equal(two[1], h1)


def test_fast_path_revalidates_shape_and_dtype_changes():
    k = kernel()
    rng = np.random.default_rng(1)
    theta, D = rng.standard_normal(k.n_params), rng.standard_normal((4, k.data_width))
    g = np.empty(k.n_params)
    k.loss_and_grad_flat(theta, D, out=g)
    k.loss_and_grad_flat(theta, D, out=g)
    theta.shape = (1, k.n_params)  # reshaped in place: same object
    with pytest.raises(ValueError, match="shape"):
        k.loss_and_grad_flat(theta, D, out=g)
    theta.shape = (k.n_params,)
    D.shape = (2, 2 * k.data_width)
    with pytest.raises(ValueError, match="shape"):
        k.loss_and_grad_flat(theta, D, out=g)
    D.shape = (4, k.data_width)
    g32 = g.view(np.float32)  # a different object with another dtype
    with pytest.raises(ValueError):
        k.loss_and_grad_flat(theta, D, out=g32)
    u = rng.standard_normal(k.n_params)
    pair = [np.empty(k.n_params), np.empty(k.n_params)]
    k.hvp_flat(theta, D, u, out=pair)
    k.hvp_flat(theta, D, u, out=pair)
    pair[1] = np.empty(3)  # the list changed in place
    with pytest.raises(ValueError, match="shape"):
        k.hvp_flat(theta, D, u, out=pair)
    theta[0] = np.nan
    with pytest.raises(ValueError, match="non-finite"):
        k.loss_and_grad_flat(theta, D, out=g)


def test_threads_use_their_own_fast_path():
    k = kernel()
    rng = np.random.default_rng(2)
    theta = rng.standard_normal(k.n_params)
    Ds = [rng.standard_normal((5 + i, k.data_width)) for i in range(4)]
    want = [k.loss_and_grad_flat(theta, D)[1] for D in Ds]
    errors = []

    def work(i):
        g = np.empty(k.n_params)
        for _ in range(200):
            _, out = k.loss_and_grad_flat(theta, Ds[i], out=g)
            if not np.array_equal(out, want[i]):
                errors.append(i)
                return

    ts = [threading.Thread(target=work, args=(i,)) for i in range(4)]
    for t in ts:
        t.start()
    for t in ts:
        t.join()
    assert not errors
