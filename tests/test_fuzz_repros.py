"""The minimised failures of the PyTorch differential fuzz (issue 8) as regression tests.

Each folder of tests/data/fuzz-repros/ holds a spec, a point, a direction and PyTorch's float64
numbers (`exact`: an exact reference formulation; `native`: PyTorch's own functions). symgrad's
objective, gradient, H·u and Hessian must be finite wherever the exact answer is and agree with
one of the two references on both backends (numpy, compiled C).
"""

from __future__ import annotations

import json
import subprocess
import sys
import textwrap
from pathlib import Path

import numpy as np
import pytest

from symbolic.point import evaluate_point
from symbolic.spec import parse_spec

DATA = Path(__file__).resolve().parent / "data" / "fuzz-repros"
CASES = sorted(p.name for p in DATA.iterdir() if p.is_dir())
BLOWUP = "c_emission_blowup"
RTOL = 1e-6


def _case(name: str):
    d = DATA / name
    graph = parse_spec((d / "spec.toml").read_text())
    load = lambda f: json.loads((d / f).read_text())
    return graph, load("values.json"), load("direction.json"), load("torch.json")


def _flat(x) -> np.ndarray:
    if isinstance(x, dict):
        return np.concatenate([np.ravel(np.asarray(x[k], dtype=float)) for k in x])
    return np.ravel(np.asarray(x, dtype=float))


def _ours(graph, values, direction, backend: str) -> dict:
    if backend == "numpy":
        r = evaluate_point(graph, values, direction, hessian=True)
        return {"objective": r.objective, "grad": r.grad, "hvp": r.hvp, "hessian": r.hessian[1]}
    from codegen.kernel_cli import kernel_point

    r = kernel_point(graph, values, direction, hessian=True)
    return {"objective": r["objective"], "grad": r["grad"], "hvp": r["hvp"], "hessian": r["hessian"][1]}


def _close(got: np.ndarray, ref: np.ndarray) -> bool:
    scale = float(np.max(np.abs(ref))) if ref.size else 0.0
    return bool(np.allclose(got, ref, rtol=RTOL, atol=1e-12 * scale + 1e-300))


def _agrees(got, torch: dict, key: str) -> bool:
    """got matches PyTorch's exact reference, or (as accurate as PyTorch) its native functions."""
    g = _flat(got)
    if not np.all(np.isfinite(g)):
        return False
    for side in ("exact", "native"):
        ref = torch[side][key]
        r = _flat(ref)
        if key == "hessian":  # symgrad returns the symmetrised Hessian
            R = np.asarray(ref, dtype=float)
            r = np.ravel(0.5 * (R + R.T))
        if np.all(np.isfinite(r)) and _close(g, r):
            return True
    return False


def _params():
    out = []
    for name in CASES:
        for backend in ("numpy", "c"):
            out.append(pytest.param(name, backend, id=f"{name}-{backend}"))
    return out


@pytest.mark.parametrize("name, backend", _params())
def test_repro_matches_torch(name, backend):
    graph, values, direction, torch = _case(name)
    with np.errstate(all="ignore"):
        got = _ours(graph, values, direction, backend)
    bad = [k for k in ("objective", "grad", "hvp", "hessian") if not _agrees(got[k], torch, k)]
    assert not bad, f"{name} ({backend}): {bad} differ from PyTorch: " + "; ".join(
        f"{k}: symgrad {_flat(got[k])[:4]}, torch {_flat(torch['exact'][k])[:4]}" for k in bad
    )


def test_exact_reference_is_finite_for_every_case():
    """The stored references are what the tests rely on: the exact side is always finite."""
    for name in CASES:
        ex = _case(name)[3]["exact"]
        for k in ("objective", "grad", "hvp", "hessian"):
            assert np.all(np.isfinite(_flat(ex[k]))), (name, k)


_EMIT = textwrap.dedent("""
    import resource, sys, time
    resource.setrlimit(resource.RLIMIT_AS, (3 << 30, 3 << 30))
    from codegen.emit import emit
    from symbolic.spec import parse_spec
    t = time.perf_counter()
    emit(parse_spec(sys.stdin.read()))
    print(time.perf_counter() - t)
""")

_FUZZ_MINIMISED = """[model]
name = "fuzz"
inputs = []
params = ["p0"]
objective = "J"

[forward]
a = "relu(exp(p0))"
b = "gelu(137.604275*p0)"
c = "b**2 + 0.536"
J = "a / c"
"""


@pytest.mark.parametrize(
    "text", [(DATA / BLOWUP / "spec.toml").read_text(), _FUZZ_MINIMISED], ids=["gelu_scaled", "fuzz_4_assignments"]
)
def test_c_emission_of_scaled_gelu_is_quick(text):
    """C emission used to call SymPy factor() on every template (minutes, > 3 GB); now seconds."""
    r = subprocess.run(
        [sys.executable, "-P", "-c", _EMIT], input=text, capture_output=True, text=True, timeout=60, check=False
    )
    assert r.returncode == 0, r.stderr[-2000:]
    assert float(r.stdout.strip()) < 15.0
