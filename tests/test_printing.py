"""Printed formulas: the closed forms evaluate to the same numbers as the derivation, the step
table reproduces seed 001's tables, and every format/--what combination runs on the examples."""

import glob
import re

import pytest
import sympy as sp

from codegen.cli import main
from symbolic.evaluate import run_symbolic
from symbolic.point import derivation, evaluate_point
from symbolic.printing import _leaf_env, derive_report
from symbolic.spec import load_spec
from symbolic.tables import step_table

from conftest import EXAMPLES, example


def test_closed_form_gradient_matches_numbers():
    g = load_spec(example("worked_example_ii.toml"))
    d = derivation(g)
    env = run_symbolic(d.program, _leaf_env(g))
    subs = {sp.Symbol(k, real=True): float(v) for k, v in g.values.items()}
    num = evaluate_point(g, g.values)
    for p in g.params:
        closed = env[d.adjoint[p]]
        assert float(closed.xreplace(subs)) == pytest.approx(float(num.grad[p]), rel=1e-12)


def test_step_table_reproduces_seed_tables():
    g = load_spec(example("worked_example_ii.toml"))
    r = evaluate_point(g, g.values)
    rows = step_table(g, derivation(g), r.env)
    by_key = {row.key: row for row in rows if row.key}
    expect = {
        "value:a2": 0.800499,
        "value:yhat": 0.786003,
        "value:L": 0.022897,
        "adjoint:yhat": -0.213997,
        "local:yhat,z3": 0.168202,
        "adjoint:z3": -0.035995,
        "adjoint:w3": -0.028814,
        "adjoint:a2": -0.07199,
        "local:a2,z2": 0.359201,
        "adjoint:z2": -0.025859,
        "adjoint:w2": -0.051718,
        "local:a1,z1": 1.0,
        "adjoint:w1": -0.025859,
        "adjoint:b1": -0.012929,
    }
    for k, v in expect.items():
        assert float(by_key[k].value) == pytest.approx(v, abs=1e-6), k
    assert by_key["local:yhat,z3"].formula == "yhat*(1 - yhat)"  # output form, as the seed writes it
    assert by_key["local:a2,z2"].formula == "1 - a2²"
    assert "𝟙[z1 > 0]" in by_key["local:a1,z1"].formula
    # chronological: every backward row comes after the forward rows it uses
    steps = {row.key: row.step for row in rows if row.key}
    assert steps["value:L"] < steps["adjoint:yhat"] < steps["adjoint:z3"] < steps["adjoint:w1"]


def test_fan_out_table_has_an_accumulation_row():
    g = load_spec(example("chain_rule_two_paths.toml"))
    rows = step_table(g, derivation(g), evaluate_point(g, g.values).env)
    acc = [r for r in rows if r.key == "adjoint:v3"]
    assert len(acc) == 1 and "+" in acc[0].formula and float(acc[0].value) == 38


def test_layered_recursion_printed():
    out = derive_report(load_spec(example("mlp_tanh.toml")), what="deltas")
    assert "δ⁽3⁾ = ∂J/∂ŷ" in out
    assert "δ⁽2⁾ = (W⁽3⁾ᵀ·δ⁽3⁾) ⊙ (1 - h⁽2⁾ ⊙ h⁽2⁾)" in out
    assert "∂J/∂W⁽1⁾ = δ⁽1⁾·xᵀ + ∂R/∂W⁽1⁾" in out


def test_latex_output_is_latex():
    out = derive_report(load_spec(example("worked_example_ii.toml")), fmt="latex")
    assert r"\frac{\partial L}{\partial z_{3}}" in out and r"\begin{align*}" in out
    assert r"\hat{y} \left(1 - \hat{y}\right)" in out


def test_markdown_table():
    out = derive_report(load_spec(example("worked_example_ii.toml")), fmt="markdown", table=True)
    assert "| Step | Quantity | Formula | Value | Comes from |" in out
    assert re.search(r"\| 0\.786003 \|", out)


def test_hessian_printed_in_named_and_closed_form():
    g = load_spec(example("hvp_quadratic.toml"))
    named = derive_report(g, what="hessian")
    assert "H[w1, w1] = 2" in named and "H[w2, w1] = 3" in named and "H[w2, w2] = 4" in named
    closed = derive_report(g, what="hessian", closed_form=True)
    assert "H[w2, w1] = 3" in closed


def test_jacobian_closed_form():
    out = derive_report(load_spec(example("worked_example_ii.toml")), what="jacobian", wrt=["x"])
    assert "∂yhat/∂x" in out


@pytest.mark.parametrize("spec", sorted(glob.glob(str(EXAMPLES / "*.toml"))))
@pytest.mark.parametrize("what", ["grad", "deltas", "hvp"])
def test_derive_runs_on_every_example(capsys, spec, what):
    for fmt in ("text", "latex", "markdown"):
        assert main(["derive", spec, "--what", what, "--format", fmt]) == 0
    out = capsys.readouterr().out
    assert "Forward" in out


def test_demo_runs(capsys):
    assert main(["demo"]) == 0
    out = capsys.readouterr().out
    assert "0.022897" in out and "-0.028814" in out
