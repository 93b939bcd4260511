"""`symgrad eval`: the Hessian on every backend, the kink warning, the backend choice, the options."""

from __future__ import annotations

import contextlib
import io
import json

import numpy as np
import pytest

from codegen.cli import main


def cli(*argv: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        try:
            code = main(list(argv))
        except SystemExit as e:
            code = int(e.code or 0)
    return code, out.getvalue(), err.getvalue()


@pytest.mark.parametrize("backend", ["numpy", "c"])
def test_hessian_on_every_backend_matches_the_seed(backend):
    # seed 001 §2.11.1: f = w1² + 3 w1 w2 + 2 w2² has H = [[2, 3], [3, 4]] everywhere
    code, out, err = cli("eval", "hvp_quadratic", "--hessian", "--json", "--backend", backend)
    assert code == 0, err
    res = json.loads(out)
    assert res["backend"] == backend
    assert res["hessian"]["order"] == ["w1", "w2"]
    np.testing.assert_allclose(res["hessian"]["matrix"], [[2, 3], [3, 4]], atol=1e-9)


@pytest.mark.parametrize("backend", ["numpy", "c"])
def test_hessian_of_a_network_matches_finite_differences(backend):
    code, out, err = cli("eval", "worked_example_ii", "--hessian", "--json", "--backend", backend)
    assert code == 0, err
    res = json.loads(out)
    order = res["hessian"]["order"]
    H = np.array(res["hessian"]["matrix"])
    # independent: central differences of the gradient the numpy program gives at shifted points
    base = {"x": 2.0, "y": 1.0, "w1": 1.5, "b1": -1.0, "w2": 0.5, "b2": 0.1, "w3": 2.0, "b3": -0.3}
    from symbolic.bundled import load_graph
    from symbolic.point import evaluate_point

    g = load_graph("worked_example_ii")
    base = {k: float(np.asarray(v)) for k, v in g.values.items()}
    h = 1e-5
    for j, p in enumerate(order):
        plus = evaluate_point(g, {**base, p: base[p] + h}).grad
        minus = evaluate_point(g, {**base, p: base[p] - h}).grad
        col = [(float(plus[q]) - float(minus[q])) / (2 * h) for q in order]
        np.testing.assert_allclose(H[:, j], col, atol=1e-6)


def test_kink_warning_names_the_argument(tmp_path):
    at = tmp_path / "kink.json"
    at.write_text(json.dumps({"w1": 0.5, "b1": -1.0}))  # z1 = 0.5*2 - 1 = 0: ReLU's kink
    code, _out, err = cli("eval", "worked_example_ii", "--at", str(at), "--backend", "numpy")
    assert code == 0
    assert "warning" in err and "kink" in err and "z1 = 0" in err
    code, _out, err = cli("eval", "worked_example_ii", "--backend", "numpy")
    assert code == 0 and "kink" not in err


def test_eval_uses_numpy_until_the_kernel_is_cached(tmp_path, monkeypatch):
    monkeypatch.setenv("SYMGRAD_CACHE_DIR", str(tmp_path / "fresh-cache"))
    code, out, err = cli("eval", "chain_rule_two_paths", "--json")
    assert code == 0, err
    first = json.loads(out)
    assert first["backend"] == "numpy"
    assert not (tmp_path / "fresh-cache").exists() or not any((tmp_path / "fresh-cache").rglob("*.so"))
    code, out, err = cli("eval", "chain_rule_two_paths", "--json", "--backend", "c")
    assert code == 0, err
    assert json.loads(out)["backend"] == "c"
    code, out, err = cli("eval", "chain_rule_two_paths", "--json")  # now cached: the kernel answers
    second = json.loads(out)
    assert second["backend"] == "c"
    for k, v in first["grad"].items():
        np.testing.assert_allclose(second["grad"][k], v, rtol=1e-12, atol=1e-12)


def test_eval_builds_only_what_it_needs(tmp_path, monkeypatch):
    """A cold `eval --backend c` compiles forward + loss/gradient + HVP, not the Jacobian and the
    dense Hessian (most of the C of a weight-by-weight model); a full kernel built by
    `symgrad check` is used when it is there."""
    from codegen import kernel
    from codegen.kernel_cli import EVAL_FUNCTIONS
    from symbolic.bundled import load_graph

    monkeypatch.setenv("SYMGRAD_CACHE_DIR", str(tmp_path / "cache"))
    g = load_graph("worked_example_ii")
    code, out, err = cli("eval", "worked_example_ii", "--json", "--backend", "c")
    assert code == 0, err
    assert kernel.kernel_cached(g, what=EVAL_FUNCTIONS)
    assert not kernel.kernel_cached(g)  # the full set (with jacobian, hessian) was not built
    code, out, err = cli("eval", "worked_example_ii", "--json")
    assert code == 0 and json.loads(out)["backend"] == "c"
    code, out, err = cli("eval", "worked_example_ii", "--json", "--backend", "c", "--hessian")
    assert code == 0, err
    res = json.loads(out)
    code, out, err = cli("eval", "worked_example_ii", "--json", "--backend", "numpy", "--hessian")
    ref = json.loads(out)
    assert res["hessian"]["order"] == ref["hessian"]["order"] and len(ref["hessian"]["order"]) == 6
    np.testing.assert_allclose(res["hessian"]["matrix"], ref["hessian"]["matrix"], rtol=1e-10, atol=1e-12)


def test_standalone_needs_latex():
    code, _out, err = cli("derive", "worked_example_ii", "--standalone")
    assert code == 2 and "--standalone needs --format latex" in err


def test_internal_errors_are_one_line(monkeypatch):
    import symbolic.printing

    def boom(*a, **k):
        raise RuntimeError("deliberate failure\nsecond line")

    monkeypatch.setattr(symbolic.printing, "derive_report", boom)
    monkeypatch.delenv("SYMGRAD_DEBUG", raising=False)
    code, _out, err = cli("derive", "worked_example_ii")
    assert code == 3
    assert err.strip().count("\n") == 0 and "RuntimeError: deliberate failure" in err
    assert "Traceback" not in err
