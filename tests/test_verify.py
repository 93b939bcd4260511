"""`symgrad verify`: exact ✓/✗ patterns on the seed examples, correct values for wrong claims,
counterexamples for wrong formulas, kink policy, tolerance inference, and every error path."""

import json

import pytest

from codegen.cli import main
from symbolic.claims import inferred_tolerance, load_claims, parse_quantity
from symbolic.spec import load_spec, parse_spec
from symbolic.verify import verify

from conftest import example


def run_verify(capsys, spec, claims, *extra):
    rc = main(["verify", example(spec), "--claims", example(f"claims/{claims}"), "--json", *extra])
    out = capsys.readouterr()
    return rc, (json.loads(out.out) if rc in (0, 1) else None), out.err


def pattern(results):
    return [r["ok"] for r in results]


def test_worked_example_ii_all_hold(capsys):
    rc, res, _ = run_verify(capsys, "worked_example_ii.toml", "worked_example_ii.claims.toml")
    assert rc == 0 and all(pattern(res)) and len(res) == 23


def test_section_3_5_errors_flagged_with_correct_values(capsys):
    rc, res, _ = run_verify(capsys, "two_two_one.toml", "two_two_one_section_3_5.claims.toml")
    assert rc == 1
    by_q = {r["quantity"]: r for r in res}
    assert [r["verdict"] for r in res] == ["holds", "holds", "wrong", "rounding", "wrong", "wrong", "wrong"]
    # tanh′(z2) printed 0.023620 for 1 − 0.988119² = 0.0236208 (last digit truncated): within what
    # rounding a2 to the claim's 6 decimals explains (|∂(1 − a2²)/∂a2| · 5e-7 ≈ 9.9e-7)
    assert by_q["local:yhat,z3"]["correct"] == pytest.approx(0.215237, abs=1e-6)
    assert by_q["adjoint:a1"]["correct"] == pytest.approx([-0.001533, 0.002686], abs=1e-6)
    assert by_q["adjoint:x"]["correct"] == pytest.approx([-0.002876, 0.000963], abs=1e-6)
    assert by_q["adjoint:x"]["abs_error"] == pytest.approx(0.000963 - 0.000531, abs=2e-6)


def test_section_3_6_final_values_hold(capsys):
    _, res, _ = run_verify(capsys, "two_two_one.toml", "two_two_one_section_3_6.claims.toml")
    by_q = {r["quantity"]: r["ok"] for r in res}
    for q in ("value:yhat", "local:yhat,z3", "adjoint:a1", "adjoint:z1", "adjoint:x", "jacobian:a2,a1"):
        assert by_q[q], q
    # the note's 8-decimal ∂L/∂z3 = −0.06748670 is an arithmetic slip (true −0.06748813) that
    # propagates into ∂L/∂a2 and ∂L/∂z2 at the 7th decimal: flagged, while the final values hold
    assert not by_q["adjoint:z3"] and not by_q["adjoint:a2"] and not by_q["adjoint:z2"]


def test_dag_formulas_151_152_caught_with_counterexample(capsys):
    rc, res, _ = run_verify(capsys, "dag_scalar.toml", "dag_formulas_151_159.claims.toml")
    assert rc == 1
    assert pattern(res) == [False, False, True, True, True, True, True, True]
    bad = res[0]
    ce = bad["counterexample"]
    assert set(ce["point"]) == {"th1", "th2", "th3"}
    assert ce["claimed"] != pytest.approx(ce["correct"], abs=1e-6)
    # the correct formula carries the missing θ2 factor and is written in the same names
    assert "th2" in bad["correct_formula"] and "s1" in bad["correct_formula"] and "y5" in bad["correct_formula"]


def test_correct_formula_printed_is_right():
    g = load_spec(example("dag_scalar.toml"))
    claims = load_claims(example("claims/dag_formulas_151_159.claims.toml"))
    res = verify(g, claims)
    text = res[0].correct_formula
    from symbolic.claims import Claim, Claims

    fixed = Claims("x", [Claim("adjoint:z1", "adjoint", parse_quantity("adjoint:z1")[1], formula=text)])
    assert verify(g, fixed)[0].ok


def test_hvp_example_holds(capsys):
    rc, res, _ = run_verify(capsys, "hvp_quadratic.toml", "hvp_quadratic.claims.toml")
    assert rc == 0 and all(pattern(res))


def _claims_file(tmp_path, text):
    p = tmp_path / "c.toml"
    p.write_text(text)
    return load_claims(p)


WE2 = example("worked_example_ii.toml")


def test_formula_written_differently_passes(tmp_path):
    g = load_spec(WE2)
    c = _claims_file(
        tmp_path,
        '[[claim]]\nquantity = "adjoint:z3"\n'
        'formula = "yhat**2*(1 - yhat) - y*yhat + y*yhat**2"\n'
        '[[claim]]\nquantity = "local:a2,z2"\nformula = "(1 - a2)*(1 + a2)"\n',
    )
    res = verify(g, c)
    assert [r.ok for r in res] == [True, True]
    assert "symbolic" in res[1].method


def test_wrong_formula_fails_even_if_right_at_the_point(tmp_path):
    # right at the given point by accident (x = 2), wrong elsewhere
    g = load_spec(WE2)
    c = _claims_file(tmp_path, '[[claim]]\nquantity = "grad:w1"\nformula = "dL_dz1 * 2"\n')
    assert verify(g, c)[0].ok  # x is data: probes keep it at 2, so this holds at every probe
    c = _claims_file(tmp_path, '[[claim]]\nquantity = "grad:w1"\nformula = "dL_dz1 * w1 / 0.75"\n')
    r = verify(g, c)[0]
    assert not r.ok and r.counterexample["point"]["w1"] != 1.5


KINK = """\
[model]
inputs = ["x"]
params = ["w", "b", "v"]
objective = "L"
[forward]
z = "w*x + b"
a = "relu(z)"
L = "v*a + z"
[values]
x = 1
w = 1
b = -1
v = 2
"""


def test_claim_at_relu_kink_reports_policy_not_false_alarm(tmp_path):
    g = parse_spec(KINK)
    # at z = 0: policy ReLU'(0) = 0 gives ∂L/∂b = 1; with ReLU'(0) = 1 it is 3; 2 is inside [1, 3]
    c = _claims_file(tmp_path, "\n".join(f'[[claim]]\nquantity = "grad:b"\nvalue = {v}' for v in (1, 3, 2, 7)) + "\n")
    res = verify(g, c)
    assert [r.ok for r in res] == [True, True, True, False]
    assert all("kink" in r.note for r in res)
    assert float(res[0].correct) == 1.0


def test_tolerance_inference():
    assert inferred_tolerance("0.215271") == pytest.approx(5e-7)
    assert inferred_tolerance("-0.028814") == pytest.approx(5e-7)
    assert inferred_tolerance("4.16e-7") == pytest.approx(5e-10)
    assert inferred_tolerance("0.5") == pytest.approx(0.05)
    assert inferred_tolerance("38") < 1e-6


def test_tolerance_applied_per_digits(tmp_path):
    g = load_spec(WE2)
    c = _claims_file(
        tmp_path,
        '[[claim]]\nquantity = "grad:w3"\nvalue = -0.0288\n'
        '[[claim]]\nquantity = "grad:w3"\nvalue = -0.02881\n'
        '[[claim]]\nquantity = "grad:w3"\nvalue = -0.02882\n'
        '[[claim]]\nquantity = "grad:w3"\nvalue = -0.03\ntolerance = 0.01\n'
        '[[claim]]\nquantity = "grad:w3"\nvalue = -0.02890\n',
    )
    # true −0.02881381: −0.02882 misses by 6.2e-6 > 5e-6 (its digits) but rounding the upstream
    # ∂L/∂z3 (= −0.035995…, times a2 = 0.8) to 5 decimals alone explains 4e-6 more: "rounding"
    assert [r.verdict for r in verify(g, c)] == ["holds", "holds", "rounding", "holds", "wrong"]


def test_python_api_returns_structured_results():
    g = load_spec(example("two_two_one.toml"))
    res = verify(g, load_claims(example("claims/two_two_one_section_3_5.claims.toml")))
    r = res[2]
    assert r.quantity == "local:yhat,z3" and r.ok is False
    assert set(r.as_json()) >= {"quantity", "ok", "claimed", "correct", "abs_error", "rel_error"}


def test_text_and_markdown_and_latex_formats(capsys):
    spec, claims = example("dag_scalar.toml"), example("claims/dag_formulas_151_159.claims.toml")
    assert main(["verify", spec, "--claims", claims]) == 1
    out = capsys.readouterr().out
    assert out.strip().endswith("6 passed, 2 failed")
    assert "✗ adjoint:z1" in out and "counterexample at" in out and "correct formula: adjoint:z1 = " in out
    assert main(["verify", spec, "--claims", claims, "--format", "markdown"]) == 1
    assert "| ✗ wrong | `adjoint:z1` |" in capsys.readouterr().out
    assert main(["verify", spec, "--claims", claims, "--format", "latex"]) == 1
    assert r"\begin{tabular}" in capsys.readouterr().out


def test_table_marks_disagreeing_rows(capsys):
    rc = main(
        [
            "verify",
            example("two_two_one.toml"),
            "--table",
            "--claims",
            example("claims/two_two_one_section_3_5.claims.toml"),
        ]
    )
    out = capsys.readouterr().out
    assert rc == 1
    assert "✗ claimed 0.215271" in out and "✓ claim holds" in out


def test_table_alone(capsys):
    assert main(["verify", WE2, "--table"]) == 0
    assert "Backward" in capsys.readouterr().out


def test_latex_formula_claim(tmp_path):
    g = load_spec(WE2)
    c = _claims_file(
        tmp_path,
        "[[claim]]\nquantity = \"local:yhat,z3\"\nformula = '\\hat{y}(1 - \\hat{y})'\n"
        "[[claim]]\nquantity = \"local:a2,z2\"\nformula = '1 - a_2^2'\n"
        "[[claim]]\nquantity = \"local:a2,z2\"\nformula = '1 - a_2^3'\n",
    )
    assert [r.ok for r in verify(g, c)] == [True, True, False]


@pytest.mark.parametrize(
    "text,needle",
    [
        ('[[claim]]\nquantity = "grad:w9"\nvalue = 1\n', "did you mean"),
        ('[[claim]]\nquantity = "gradient:w1"\nvalue = 1\n', "unknown quantity kind"),
        ('[[claim]]\nquantity = "adjoint:zz3"\nvalue = 1\n', "'z3'"),
        ('[[claim]]\nquantity = "hvp:w1"\nvalue = 1\n', "[direction]"),
        ('[[claim]]\nquantity = "update:w1"\nvalue = 1\n', "[optimizer]"),
        ('[[claim]]\nquantity = "grad:w1"\nvalue = 1\nformula = "x"\n', "exactly one"),
        ('[[claim]]\nquantity = "grad:w1"\n', "exactly one"),
        ('[[claim]]\nquantity = "grad:w1"\nvalue = [1, 2]\n', "shape"),
        ('[[claim]]\nquantity = "grad:w1"\nformula = "__import__(1)"\n', "not allowed"),
        ('[[claim]]\nquantity = "grad:w1"\nformula = "w1 +"\n', "formula"),
        ('[[claim]]\nquantity = "grad:w1"\nformula = "foo(w1)"\n', "unknown function"),
        ('[[claim]]\nquantity = "local:z1,a2"\nvalue = 1\n', "not an argument"),
        ('[[claim]]\nquantity = "grad:w1[0]"\nvalue = 1\n', "out of range"),
        ("[claims]\nx = 1\n", "unknown table"),
        ('[[claim]]\nquantity = "grad:w1"\nvalue = 1\nbogus = 2\n', "unknown key"),
        ('[at]\nw7 = 1\n[[claim]]\nquantity = "grad:w1"\nvalue = 1\n', "w7"),
        ("[[claim]\n", "invalid TOML"),
    ],
)
def test_claims_error_paths(capsys, tmp_path, text, needle):
    p = tmp_path / "bad.claims.toml"
    p.write_text(text)
    rc = main(["verify", WE2, "--claims", str(p)])
    err = capsys.readouterr().err.strip()
    assert rc == 2 and err.startswith("symgrad: error:") and "\n" not in err
    assert needle in err and "bad.claims.toml" in err
