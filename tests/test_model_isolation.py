"""No state shared between models: derived programs are memoised by graph content, so hundreds of
models in one process (ids recycled, graphs mutated) each get their own numbers."""

from __future__ import annotations

import gc
import random

import numpy as np

from symbolic.evaluate import run_numeric
from symbolic.point import derivation, evaluate_point
from symbolic.reverse import reverse
from symbolic.spec import parse_spec

FUNCS = ["tanh({})", "sigmoid({})", "sin({})", "softplus({})", "exp(-({})**2)", "({})**2", "cos({})"]


def random_spec(rng: random.Random, i: int) -> str:
    lines = [f'[model]\nname = "m{i}"\ninputs = ["x"]\nparams = ["p0", "p1", "p2"]\nobjective = "L"\n', "[forward]"]
    prev = ["x", "p0", "p1", "p2"]
    for k in range(rng.randint(1, 4)):
        a, b = rng.choice(prev), rng.choice(prev)
        inner = f"{a}*{rng.choice(['p0', 'p1', 'p2'])} + {b}"
        lines.append(f'v{k} = "{rng.choice(FUNCS).format(inner)}"')
        prev.append(f"v{k}")
    lines.append(f'L = "{prev[-1]} * {rng.choice(prev)} + p0"')
    lines.append("\n[values]\nx = 0.7\np0 = 0.3\np1 = -0.8\np2 = 1.1")
    return "\n".join(lines) + "\n"


def fresh_gradient(text: str) -> dict[str, float]:
    """Parse and derive from scratch, bypassing every memo."""
    g = parse_spec(text)
    d = reverse(g)
    env = run_numeric(d.program, {k: np.asarray(v, dtype=float) for k, v in g.values.items()})
    return {p: float(env[d.adjoint[p]]) if d.adjoint.get(p) else 0.0 for p in g.params}


def test_hundreds_of_models_in_one_process_match_fresh_evaluations():
    rng = random.Random(7)
    texts = [random_spec(rng, i) for i in range(120)]
    results = []
    for t in texts:  # many graphs come and go: ids get recycled
        g = parse_spec(t)
        results.append({p: float(v) for p, v in evaluate_point(g, g.values).grad.items()})
        del g
        gc.collect()
    for t, got in zip(reversed(texts), reversed(results), strict=True):
        want = fresh_gradient(t)
        for p in want:
            assert got[p] == want[p] or np.isclose(got[p], want[p], rtol=1e-13, atol=1e-15), (t, p)


def test_a_mutated_graph_is_derived_afresh():
    g = parse_spec(random_spec(random.Random(1), 0))
    first = derivation(g)
    assert derivation(g) is first  # memo hit on unchanged content
    other = parse_spec(random_spec(random.Random(2), 1))
    g.assignments = other.assignments  # same object, different program
    g.objective = other.objective
    assert derivation(g) is not first
    got = {p: float(v) for p, v in evaluate_point(g, other.values).grad.items()}
    want = fresh_gradient(random_spec(random.Random(2), 1))
    assert got == want
