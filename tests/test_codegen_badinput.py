"""Every kernel method rejects bad input with ValueError (expected vs given) — never a crash."""

import numpy as np
import pytest

from codegen.kernel import compile as kcompile
from symbolic.spec import parse_spec

import _codegen_specs as S


@pytest.fixture(scope="module")
def k():
    return kcompile(parse_spec(S.MLP_PEN_SUM, "<bad>"))


@pytest.fixture
def good(k):
    rng = np.random.default_rng(0)
    return rng.standard_normal(k.n_params), rng.standard_normal((4, k.data_width)), rng.standard_normal(k.n_params)


def flat_calls(k, theta, D, u):
    return {
        "loss_and_grad_flat": lambda: k.loss_and_grad_flat(theta, D),
        "hvp_flat": lambda: k.hvp_flat(theta, D, u),
        "forward_flat": lambda: k.forward_flat(theta, D),
        "hessian_flat": lambda: k.hessian_flat(theta, D),
        "jacobian_flat": lambda: k.jacobian_flat(theta, D),
    }


METHODS = ["loss_and_grad_flat", "hvp_flat", "forward_flat", "hessian_flat", "jacobian_flat"]


@pytest.mark.parametrize("method", METHODS)
def test_wrong_theta_shape(k, good, method):
    theta, D, u = good
    with pytest.raises(ValueError, match=rf"expected shape \({k.n_params},\), given shape \(5,\)"):
        flat_calls(k, theta[:5], D, u)[method]()


@pytest.mark.parametrize("method", METHODS)
def test_wrong_data_shape(k, good, method):
    theta, D, u = good
    with pytest.raises(ValueError, match=rf"expected shape \(N, {k.data_width}\).*given \(4, 3\)"):
        flat_calls(k, theta, D[:, :3].copy(), u)[method]()
    with pytest.raises(ValueError):
        flat_calls(k, theta, D[:0], u)[method]()  # empty batch


@pytest.mark.parametrize("method", METHODS)
def test_wrong_dtype_and_layout(k, good, method):
    theta, D, u = good
    with pytest.raises(ValueError, match="dtype"):
        flat_calls(k, theta.astype(np.float32), D, u)[method]()
    with pytest.raises(ValueError, match="contiguous"):
        flat_calls(k, theta, np.asfortranarray(D), u)[method]()
    with pytest.raises(ValueError):
        flat_calls(k, list(theta), D, u)[method]()


@pytest.mark.parametrize("method", METHODS)
@pytest.mark.parametrize("bad", [np.nan, np.inf, -np.inf])
def test_non_finite_inputs(k, good, method, bad):
    theta, D, u = good
    t2 = theta.copy()
    t2[3] = bad
    with pytest.raises(ValueError, match="theta contains non-finite"):
        flat_calls(k, t2, D, u)[method]()
    D2 = D.copy()
    D2[2, 1] = bad
    with pytest.raises(ValueError, match="data contains non-finite"):
        flat_calls(k, theta, D2, u)[method]()


def test_non_finite_direction_and_bad_out(k, good):
    theta, D, u = good
    u2 = u.copy()
    u2[0] = np.nan
    with pytest.raises(ValueError, match="direction contains non-finite"):
        k.hvp_flat(theta, D, u2)
    with pytest.raises(ValueError, match=r"expected shape"):
        k.hvp_flat(theta, D, u[:3])
    with pytest.raises(ValueError, match=r"expected shape"):
        k.loss_and_grad_flat(theta, D, out=np.empty(3))
    ro = np.empty(k.n_params)
    ro.flags.writeable = False
    with pytest.raises(ValueError, match="read-only"):
        k.loss_and_grad_flat(theta, D, out=ro)
    with pytest.raises(ValueError, match=r"\(2, "):
        k.hvp_flat(theta, D, u, out=np.empty((3, k.n_params)))
    with pytest.raises(ValueError):
        k.hvp_flat(theta, D, u, out=5)
    with pytest.raises(ValueError, match="float64"):
        k.forward_flat(theta, D, out=np.empty((4, k.out_width), np.float32))


def test_dict_api_errors(k, good):
    theta, D, _u = good
    params = k.unpack(theta)
    data = {"x": D[:, :3], "y": D[:, 3:]}
    for call in (
        lambda p, d: k.loss_and_grad(p, d),
        lambda p, d: k.hvp(p, d, {}),
        lambda p, d: k.hessian(p, d),
        lambda p, d: k.jacobian(p, d),
        lambda p, d: k.forward(p, d),
    ):
        with pytest.raises(ValueError, match="missing 'W1'"):
            call({n: v for n, v in params.items() if n != "W1"}, data)
        with pytest.raises(ValueError, match=r"expected shape \(5, 3\), given shape \(3, 5\)"):
            call({**params, "W1": params["W1"].T}, data)
        with pytest.raises(ValueError, match="unknown parameter"):
            call({**params, "Q": 1.0}, data)
        with pytest.raises(ValueError, match=r"expected shape \(3,\) \(one sample\) or \(N,\)"):
            call(params, {"x": np.ones((4, 2)), "y": data["y"]})
        with pytest.raises(ValueError, match="disagrees"):
            call(params, {"x": data["x"], "y": data["y"][:2]})
        with pytest.raises(ValueError, match="non-finite"):
            call(params, {"x": np.full((4, 3), np.nan), "y": data["y"]})
    with pytest.raises(ValueError, match="missing 'y'"):
        k.loss_and_grad(params, {"x": data["x"]})
    with pytest.raises(ValueError, match="unknown parameter"):
        k.hvp(params, data, {"nope": 1.0})
    with pytest.raises(ValueError, match="direction"):
        k.hvp(params, data, {"W1": np.ones(3)})
