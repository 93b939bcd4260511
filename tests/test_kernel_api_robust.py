"""The kernel API never returns a wrong number: for mutated arrays (dtype, layout, read-only,
complex, object, non-finite, changed in place after a call) and aliasing between inputs and
outputs, every public kernel function either raises ValueError or matches the numpy backend
(symbolic.point, evaluated sample by sample and averaged: the model's reduction is the mean)."""

import warnings

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st

from codegen.kernel import compile as kcompile
from symbolic.point import evaluate_point, jacobian_at
from symbolic.spec import load_spec

from conftest import example


@pytest.fixture(scope="session")
def k():
    g = load_spec(example("worked_example_ii.toml"))
    assert g.info.reduction == "mean"
    return kcompile(g)


# ---- the independent reference ------------------------------------------------------------------
def real(x) -> np.ndarray:
    """x as float64, refusing (TypeError) anything that is not already real numbers."""
    a = np.asarray(x)
    if a.dtype.kind not in "fiu":
        raise TypeError(f"not real numbers: {a.dtype}")
    return a.astype(float)


def reference(k, fn, theta, D, u) -> dict:
    """What `fn` must return for the logical values of the given arrays, from symbolic.point
    sample by sample (objective, gradient, H·u, Hessian averaged: the model's reduction is the
    mean; forward rows and Jacobians per sample). Flat vectors are in layout order."""
    if not fn.startswith("hvp"):  # u is not an argument of the other functions
        u = np.zeros(k.n_params)
    theta, u = real(theta).ravel(), real(u).ravel()
    D = real(D).reshape(-1, k.data_width)
    assert theta.size == k.n_params and u.size == k.n_params
    par = {f.name: theta[f.offset : f.offset + f.size].reshape(f.shape) for f in k.layout.params}
    udir = {f.name: u[f.offset : f.offset + f.size].reshape(f.shape) for f in k.layout.params}
    flat = lambda d: np.concatenate([np.ravel(d[f.name]) for f in k.layout.params])
    acc = {"loss": [], "grad": [], "hv": [], "H": [], "fwd": [], "J": []}
    for row in D:
        sample = {f.name: row[f.offset : f.offset + f.size].reshape(f.shape) for f in k.layout.inputs}
        if fn.startswith("jacobian"):
            jr = jacobian_at(k.graph, {**par, **sample})
            acc["J"].append(np.vstack([jr[o]["matrix"] for o in k.graph.outputs]))
            continue
        r = evaluate_point(
            k.graph,
            {**par, **sample},
            direction=udir if fn.startswith("hvp") else None,
            hessian=fn.startswith("hessian"),
        )
        acc["loss"].append(r.objective)
        acc["grad"].append(flat(r.grad))
        acc["fwd"].append(np.concatenate([np.ravel(r.values[o]) for o in k.graph.outputs]))
        if r.hvp is not None:
            acc["hv"].append(flat(r.hvp))
        if r.hessian is not None:
            acc["H"].append(r.hessian[1])
    return {n: (np.array(v) if n in ("fwd", "J") else np.mean(v, axis=0)) for n, v in acc.items() if v}


def close(a, b):
    np.testing.assert_allclose(np.asarray(a, dtype=float), b, rtol=1e-9, atol=1e-11)


def dict_args(k, theta, D, u):
    """The dict API's arguments holding the same (possibly mutated) arrays."""
    params = {
        f.name: theta[f.offset : f.offset + f.size].reshape(f.shape)
        if isinstance(theta, np.ndarray) and theta.ndim == 1
        else theta
        for f in k.layout.params
    }
    data = {f.name: D[:, f.offset] if isinstance(D, np.ndarray) and D.ndim == 2 else D for f in k.layout.inputs}
    return params, data, u


def call_and_check(k, fn, theta, D, u, out):
    """Call one public function; if it does not raise ValueError its numbers must be the
    reference's for the arrays' values at call time (read before the call: out may alias)."""
    if fn.endswith("_flat"):
        args = (theta, D, u)
    else:
        params, data, direction = dict_args(k, theta, D, u)
        try:
            args = (
                np.concatenate([np.ravel(real(params[f.name])) for f in k.layout.params]),
                np.column_stack([np.ravel(real(data[f.name])) for f in k.layout.inputs]),
                u,
            )
        except (TypeError, ValueError):
            args = None
    try:
        ref = reference(k, fn, *args) if args is not None else None
    except (TypeError, ValueError, AssertionError):  # not readable as the model's real numbers
        ref = None
    try:
        if fn.endswith("_flat"):
            res = getattr(k, fn)(theta, D, *((u,) if fn == "hvp_flat" else ()), out=out)
        else:
            res = getattr(k, fn)(params, data, *((direction,) if fn == "hvp" else ()))
    except ValueError:
        return "refused"
    assert ref is not None, f"{fn} accepted arrays that are not the model's real numbers"
    flat_d = lambda d: np.concatenate([np.ravel(d[f.name]) for f in k.layout.params])
    if fn in ("loss_and_grad", "loss_and_grad_flat"):
        loss, grad = res
        close(loss, ref["loss"])
        close(grad if fn.endswith("_flat") else flat_d(grad), ref["grad"])
        if out is not None:
            assert grad is out
            close(out, ref["grad"])
    elif fn in ("hvp", "hvp_flat"):
        loss, grad, hv = res
        close(loss, ref["loss"])
        if fn == "hvp":
            grad, hv = flat_d(grad), flat_d(hv)
        close(grad, ref["grad"])
        close(hv, ref["hv"])
        if out is not None:
            close(out[0], ref["grad"])
            close(out[1], ref["hv"])
    elif fn.startswith("forward"):
        rows = (
            res
            if fn.endswith("_flat")
            else np.column_stack([np.reshape(res[o], (len(ref["fwd"]), -1)) for o in k.graph.outputs])
        )
        close(rows, ref["fwd"])
    elif fn.startswith("hessian"):
        close(res, ref["H"])
    else:
        close(np.reshape(res, ref["J"].shape), ref["J"])
    if out is not None and fn.endswith("_flat") and not fn.startswith(("loss", "hvp")):
        assert res is out
    return "ok"


# ---- array mutations --------------------------------------------------------------------------
MUTATIONS = [
    "ok",
    "float32",
    "int64",
    "noncontig",
    "fortran",
    "readonly",
    "complex",
    "object",
    "bool",
    "nan",
    "inf",
    "list",
    "2d",
    "strings",
]


def mutate(a: np.ndarray, how: str, rng):
    if how == "ok":
        return a.copy()
    if how == "float32":
        return a.astype(np.float32)
    if how == "int64":
        return np.round(a * 3).astype(np.int64)
    if how == "noncontig":
        big = np.empty((2,) + a.shape)
        big[0] = a
        return np.moveaxis(big, 0, -1)[..., 0]  # every other element of a larger buffer
    if how == "fortran":
        return np.asfortranarray(a.reshape(a.shape[0], -1) if a.ndim > 1 else a)
    if how == "readonly":
        b = a.copy()
        b.flags.writeable = False
        return b
    if how == "complex":
        return a + 0.5j
    if how == "object":
        return a.astype(object)
    if how == "bool":
        return a > 0
    if how in ("nan", "inf"):
        b = a.copy()
        b.flat[rng.integers(b.size)] = np.nan if how == "nan" else -np.inf
        return b
    if how == "list":
        return a.tolist()
    if how == "2d":
        return a.reshape(1, -1).copy()
    return a.astype(str)


FLAT = ["loss_and_grad_flat", "hvp_flat", "forward_flat", "hessian_flat", "jacobian_flat"]
DICT = ["loss_and_grad", "hvp", "forward", "hessian", "jacobian"]


def out_for(k, fn, n, rng):
    P = k.n_params
    shapes = {
        "loss_and_grad_flat": (P,),
        "forward_flat": (n, k.out_width),
        "hessian_flat": (P, P),
        "jacobian_flat": (n, k.info["jac_rows"], k.info["jac_cols"]),
    }
    if fn == "hvp_flat":
        return (rng.standard_normal(P), rng.standard_normal(P))
    return rng.standard_normal(shapes[fn])


@given(
    fn=st.sampled_from(FLAT + DICT),
    n=st.sampled_from([1, 3]),
    seed=st.integers(0, 2**16),
    mt=st.sampled_from(MUTATIONS),
    md=st.sampled_from(MUTATIONS),
    mu=st.sampled_from(MUTATIONS),
    mo=st.sampled_from(MUTATIONS + ["none"]),
    which=st.sampled_from(["theta", "D", "u", "out", "all"]),
)
def test_mutated_arrays_are_refused_or_right(k, fn, n, seed, mt, md, mu, mo, which):
    rng = np.random.default_rng(seed)
    theta, D, u = (
        rng.standard_normal(k.n_params),
        rng.standard_normal((n, k.data_width)),
        rng.standard_normal(k.n_params),
    )
    pick = lambda name, how: how if which in (name, "all") else "ok"
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        theta, D, u = (
            mutate(theta, pick("theta", mt), rng),
            mutate(D, pick("D", md), rng),
            mutate(u, pick("u", mu), rng),
        )
        out = None
        if fn.endswith("_flat") and mo != "none":
            out = out_for(k, fn, n, rng)
            how = pick("out", mo)
            out = tuple(mutate(o, how, rng) for o in out) if isinstance(out, tuple) else mutate(out, how, rng)
        outcome = call_and_check(k, fn, theta, D, u, out)
        valid = all(
            isinstance(a, np.ndarray)
            and a.dtype == np.float64
            and a.flags.c_contiguous
            and np.all(np.isfinite(a))
            and a.shape == shape
            for a, shape in ((theta, (k.n_params,)), (D, (n, k.data_width)), (u, (k.n_params,)))
        )
        outs = () if out is None else (out if isinstance(out, tuple) else (out,))
        valid = valid and all(
            isinstance(o, np.ndarray) and o.dtype == np.float64 and o.flags.c_contiguous and o.flags.writeable
            for o in outs
        )
        if valid:  # well-formed calls must not be refused either
            assert outcome == "ok"
        outcome2 = call_and_check(k, fn, theta, D, u, out)  # the fast path, if any, agrees
        assert outcome2 == outcome


# ---- aliasing ---------------------------------------------------------------------------------
ALIASES = [
    "out_is_theta",
    "out_overlaps_theta",
    "out_is_D",
    "out_is_u",
    "pair_same",
    "pair_overlap",
    "pair_theta_u",
    "pair_u_theta",
    "rows_theta",
    "u_is_theta",
    "theta_in_hessian",
    "theta_in_jacobian",
    "D_in_forward",
]


def aliased(k, pattern, rng):
    """(function, theta, D, u, out) with the given sharing of memory; n = 3 samples, P = 6."""
    P, w = k.n_params, k.data_width
    buf = rng.standard_normal(4 * P * P)
    theta, D, u = buf[:P].copy(), rng.standard_normal((3, w)), rng.standard_normal(P)
    if pattern == "out_is_theta":
        return "loss_and_grad_flat", theta, D, u, theta
    if pattern == "out_overlaps_theta":
        return "loss_and_grad_flat", buf[1 : P + 1], D, u, buf[:P]
    if pattern == "out_is_D":
        assert 3 * w == P
        return "loss_and_grad_flat", theta, buf[:P].reshape(3, w), u, buf[:P]
    if pattern == "out_is_u":
        return "loss_and_grad_flat", theta, D, u, u
    if pattern == "pair_same":
        return "hvp_flat", theta, D, u, (buf[:P], buf[:P])
    if pattern == "pair_overlap":
        return "hvp_flat", theta, D, u, (buf[:P], buf[2 : P + 2])
    if pattern == "pair_theta_u":
        return "hvp_flat", theta, D, u, (theta, u)
    if pattern == "pair_u_theta":
        return "hvp_flat", theta, D, u, (u, theta)
    if pattern == "rows_theta":
        two = buf[: 2 * P].reshape(2, P)
        return "hvp_flat", two[1], D, two[0], two
    if pattern == "u_is_theta":
        return "hvp_flat", theta, D, theta, (np.empty(P), np.empty(P))
    if pattern == "theta_in_hessian":
        H = buf[: P * P].reshape(P, P)
        return "hessian_flat", H[2], D, u, H
    if pattern == "theta_in_jacobian":
        J = buf[: 3 * k.info["jac_rows"] * k.info["jac_cols"]].reshape(3, k.info["jac_rows"], -1)
        return "jacobian_flat", J.reshape(-1)[3 : 3 + P], D, u, J
    fwd = buf[: 3 * w].reshape(3, w)
    return "forward_flat", theta, fwd, u, fwd.reshape(-1)[: 3 * k.out_width].reshape(3, k.out_width)


MUST_REFUSE = {"pair_same", "pair_overlap"}


@pytest.mark.parametrize("pattern", ALIASES)
def test_aliasing_is_handled_or_refused(k, pattern):
    rng = np.random.default_rng(ALIASES.index(pattern))
    fn, theta, D, u, out = aliased(k, pattern, rng)
    for _ in range(3):  # first call validates, later ones take the fast path
        outcome = call_and_check(k, fn, theta, D, u, out)
        assert outcome == ("refused" if pattern in MUST_REFUSE else "ok"), pattern


@given(pattern=st.sampled_from(ALIASES), seed=st.integers(0, 2**16))
def test_aliasing_property(k, pattern, seed):
    fn, theta, D, u, out = aliased(k, pattern, np.random.default_rng(seed))
    call_and_check(k, fn, theta, D, u, out)
    call_and_check(k, fn, theta, D, u, out)


def test_out_aliased_with_theta_gives_the_seed_loss(k):
    """The probe's case: θ at the seed's point, out=θ; the loss is still the seed's."""
    vals = {"x": 2.0, "y": 1.0, "w1": 1.5, "b1": -1.0, "w2": 0.5, "b2": 0.1, "w3": 2.0, "b3": -0.3}
    theta = np.array([vals[f.name] for f in k.layout.params])
    want = evaluate_point(k.graph, vals)
    D = np.array([[vals["x"], vals["y"]]])
    loss, grad = k.loss_and_grad_flat(theta, D, out=theta)
    assert loss == pytest.approx(want.objective, rel=1e-12)
    assert grad is theta
    close(theta, np.array([want.grad[f.name] for f in k.layout.params]))


# ---- the remembered pointers cannot go stale --------------------------------------------------
def test_cached_pointer_never_outlives_a_change(k):
    rng = np.random.default_rng(7)
    P, w = k.n_params, k.data_width
    theta, D, u = rng.standard_normal(P), rng.standard_normal((2, w)), rng.standard_normal(P)
    g = np.empty(P)
    call_and_check(k, "loss_and_grad_flat", theta, D, u, g)
    call_and_check(k, "loss_and_grad_flat", theta, D, u, g)  # remembered now
    with pytest.raises(ValueError, match="resize"):  # NumPy refuses: memory is pinned
        D.resize((50, w), refcheck=False)
    with pytest.raises(ValueError):
        g.resize(100, refcheck=False)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", DeprecationWarning)
        theta.strides = (0,)  # re-strided in place
    assert call_and_check(k, "loss_and_grad_flat", theta, D, u, g) == "refused"
    theta = rng.standard_normal(P)
    call_and_check(k, "loss_and_grad_flat", theta, D, u, g)
    g.flags.writeable = False  # output made read-only
    with pytest.raises(ValueError, match="read-only"):
        k.loss_and_grad_flat(theta, D, out=g)
    g = np.empty(P)
    call_and_check(k, "loss_and_grad_flat", theta, D, u, g)
    theta.dtype = np.int64  # same bytes, other dtype
    assert call_and_check(k, "loss_and_grad_flat", theta, D, u, g) == "refused"
    theta = rng.standard_normal(P)
    call_and_check(k, "loss_and_grad_flat", theta, D, u, g)
    D.shape = (1, 2 * w)  # reshaped in place
    assert call_and_check(k, "loss_and_grad_flat", theta, D, u, g) == "refused"
    D.shape = (2, w)
    assert call_and_check(k, "loss_and_grad_flat", theta, D, u, g) == "ok"
    k.release()  # forgotten: resizable again
    D.resize((5, w), refcheck=False)
    D[2:] = rng.standard_normal((3, w))
    assert call_and_check(k, "loss_and_grad_flat", theta, D, u, g) == "ok"


def test_replaced_by_a_view_with_other_strides_is_revalidated(k):
    rng = np.random.default_rng(8)
    P, w = k.n_params, k.data_width
    theta, u = rng.standard_normal(P), rng.standard_normal(P)
    big = rng.standard_normal((4, 2 * w))
    D = np.ascontiguousarray(big[:, :w])
    pair = (np.empty(P), np.empty(P))
    for _ in range(2):
        assert call_and_check(k, "hvp_flat", theta, D, u, pair) == "ok"
    D = big[:, ::2]  # a strided view, new object
    assert call_and_check(k, "hvp_flat", theta, D, u, pair) == "refused"
    D = big.reshape(-1)[: 4 * w].reshape(4, w)  # contiguous view: accepted
    assert call_and_check(k, "hvp_flat", theta, D, u, pair) == "ok"
    pair[1].flags.writeable = False
    assert call_and_check(k, "hvp_flat", theta, D, u, pair) == "refused"
    two = np.empty((2, P))
    for _ in range(2):
        assert call_and_check(k, "hvp_flat", theta, D, u, two) == "ok"
    two.flags.writeable = False
    assert call_and_check(k, "hvp_flat", theta, D, u, two) == "refused"


# ---- packing and `what` -----------------------------------------------------------------------
@pytest.mark.parametrize(
    "bad, word",
    [
        (1.5 + 2j, "complex"),
        (True, "boolean"),
        ("1.5", "string"),
        (np.array([1.0], dtype=object), "object"),
        (np.datetime64("2020-01-01"), "datetime64"),
        ([1.0, [2.0, 3.0]], "real numbers"),
    ],
)
def test_pack_rejects_non_real_data(k, bad, word):
    params = {f.name: 0.5 for f in k.layout.params}
    with pytest.raises(ValueError, match=word):
        k.pack({**params, "w1": bad})
    with pytest.raises(ValueError, match=word):
        k.pack_data({"x": bad, "y": 1.0})
    with pytest.raises(ValueError, match=word):
        k.hvp(params, {"x": 1.0, "y": 1.0}, {"w2": bad})
    np.testing.assert_array_equal(k.pack({**params, "w1": np.int32(3)})[0], 3.0)  # ints are numbers


@pytest.mark.parametrize(
    "what, msg",
    [
        (
            ("lossgrad",),
            (
                r"unknown function 'lossgrad' \(did you mean "
                r"'loss_grad'\?\); valid names: forward, loss_grad"
            ),
        ),
        (("hvp", 3), "unknown function 3"),
        ((), "no functions"),
        ("grad", "unknown function 'grad'"),
        (5, "expected function names"),
    ],
)
def test_unknown_what_is_an_error(what, msg):
    from codegen.kernel import kernel_cached

    g = load_spec(example("worked_example_ii.toml"))
    with pytest.raises(ValueError, match=msg):
        kcompile(g, what=what)
    with pytest.raises(ValueError, match=msg):
        kernel_cached(g, what=what)


def test_what_accepts_one_name(k):
    g = k.graph
    from codegen.kernel import kernel_cached

    assert kernel_cached(g, what="loss_grad") == kernel_cached(g, what=("loss_grad",))
