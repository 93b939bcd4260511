"""Every public case in seed-cases.json, reproduced from the example specs through the CLI's JSON
contract (`symgrad eval --json`), to the printed precision and to the independent check values."""

import json

import numpy as np
import pytest

from codegen.cli import main

from conftest import example


def eval_json(capsys, *args) -> dict:
    rc = main(["eval", *args, "--json", "--backend", "numpy"])
    out = capsys.readouterr()
    assert rc == 0, out.err
    return json.loads(out.out)


def test_worked_example_ii_tables_2_4_to_2_7(capsys, seed_cases):
    case = seed_cases["s001_worked_example_II_relu_tanh_sigmoid"]
    r = eval_json(capsys, example("worked_example_ii.toml"))
    exp, ind = case["expected"], case["independent_check"]
    v = r["values"]
    for k in ("z1", "a1", "z2", "a2", "z3", "yhat"):
        assert v[k] == pytest.approx(exp[k], abs=1e-6)
        assert v[k] == pytest.approx(ind[k], abs=1e-9)
    assert r["objective"] == pytest.approx(exp["L"], abs=1e-6)
    assert r["objective"] == pytest.approx(ind["L"], abs=1e-10)
    adj = r["adjoints"]
    assert adj["yhat"] == pytest.approx(exp["dL/dyhat"], abs=1e-6)
    assert adj["z3"] == pytest.approx(exp["delta3=dL/dz3"], abs=1e-6)
    assert adj["a2"] == pytest.approx(exp["dL/da2"], abs=1e-6)
    assert adj["z2"] == pytest.approx(exp["delta2=dL/dz2"], abs=1e-6)
    assert adj["a1"] == pytest.approx(exp["dL/da1"], abs=1e-6)
    assert adj["z1"] == pytest.approx(exp["delta1=dL/dz1"], abs=1e-6)
    for p, val in ind["grad"].items():
        assert r["grad"][p] == pytest.approx(val, abs=1e-10)
        assert r["grad"][p] == pytest.approx(exp[f"dL/d{p}"], abs=1e-6)
    # local derivatives in output form, as the tables print them
    a2, yhat = v["a2"], v["yhat"]
    assert yhat * (1 - yhat) == pytest.approx(exp["sigma'(z3)"], abs=1e-6)
    assert 1 - a2**2 == pytest.approx(exp["tanh'(z2)"], abs=1e-6)


def test_worked_example_iii_gd_update(capsys, seed_cases):
    case = seed_cases["s001_worked_example_III_gd_update"]
    r = eval_json(capsys, example("worked_example_iii.toml"))
    for p, val in case["expected"]["updated"].items():
        assert r["update"][p] == pytest.approx(val, abs=1e-6)
        assert r["update"][p] == pytest.approx(case["independent_check"]["updated"][p], abs=1e-9)


def test_chain_rule_two_paths(capsys, seed_cases):
    case = seed_cases["s001_chain_rule_accumulation_two_paths"]
    r = eval_json(capsys, example("chain_rule_two_paths.toml"))
    exp = case["expected"]
    assert r["objective"] == exp["f"]
    for k in ("v3", "v5", "v6"):
        assert r["values"][k] == exp[k]
    assert r["adjoints"]["v5"] == exp["df/dv5"]
    assert r["adjoints"]["v6"] == exp["df/dv6"]
    assert r["adjoints"]["v3"] == exp["df/dv3"]
    assert r["grad"]["x"] == case["independent_check"]["df/dx (not stated in doc)"]


def test_hvp_quadratic(capsys, seed_cases):
    case = seed_cases["s001_hvp_quadratic_2d"]
    r = eval_json(
        capsys, example("hvp_quadratic.toml"), "--direction", example("hvp_quadratic.direction.json"), "--hessian"
    )
    assert [r["hvp"]["w1"], r["hvp"]["w2"]] == pytest.approx(case["expected"]["Hu"], abs=1e-12)
    assert r["hessian"]["order"] == ["w1", "w2"]
    assert np.allclose(r["hessian"]["matrix"], case["expected"]["H"], atol=1e-12)
    w1, w2 = 0.5, -1.5
    assert r["grad"]["w1"] == pytest.approx(2 * w1 + 3 * w2)
    assert r["grad"]["w2"] == pytest.approx(3 * w1 + 4 * w2)
    assert r["uHu"] == pytest.approx(case["independent_check"]["uHu"], abs=1e-12)
    u = np.array([1.0, -1.0])
    assert u @ np.array(r["hessian"]["matrix"]) @ u == pytest.approx(case["independent_check"]["uHu"], abs=1e-12)


@pytest.mark.parametrize("theta_key", ["theta=(1,1,1)", "theta=(0.5,-0.3,0.8)", "theta=(0.2,2,-1)"])
def test_dag_example_6_1_corrected_values(capsys, seed_cases, tmp_path, theta_key):
    case = seed_cases["s000_dag_softmax_sigmoid_linear_graph"]
    inst = case["independent_check"]["instances"][theta_key]
    th = [float(t) for t in theta_key.split("=")[1].strip("()").split(",")]
    at = tmp_path / "at.json"
    at.write_text(json.dumps({"th1": th[0], "th2": th[1], "th3": th[2]}))
    r = eval_json(capsys, example("dag_softmax_sigmoid.toml"), "--at", str(at))
    assert r["objective"] == pytest.approx(inst["J"], abs=1e-9)
    assert r["values"]["s"] == pytest.approx([inst["s1"], inst["s2"]], abs=1e-9)
    assert r["values"]["y4"] == pytest.approx(inst["y4"], abs=1e-9)
    assert r["values"]["y5"] == pytest.approx(inst["y5"], abs=1e-9)
    assert [r["grad"][p] for p in ("th1", "th2", "th3")] == pytest.approx(
        case["corrected_expected"][theta_key], abs=1e-9
    )
    assert [r["adjoints"]["r1"], r["adjoints"]["r2"]] == pytest.approx(inst["dJ/d(input1,input2)_true"], abs=1e-9)
    if theta_key != "theta=(1,1,1)":  # the note's formulas (151)-(152) give different numbers here
        assert [r["grad"][p] for p in ("th1", "th2")] != pytest.approx(inst["grad_doc_formula"][:2], abs=1e-3)


@pytest.mark.parametrize(
    "loss,key",
    [
        ("identity", "L=v7"),
        ("half_squared", "L=1/2(v7-t)^2"),
        ("abs", "L=|v7-t|"),
        ("log_squared", "L=log(1+(v7-t)^2)"),
    ],
)
def test_v7_graph_seed_gradients(capsys, seed_cases, loss, key):
    case = seed_cases["s001_v7_graph_seed_gradients"]
    ref = case["independent_check"]["at_(0.6,0.6)_t=1"][key]
    r = eval_json(capsys, example(f"v7_graph_{loss}.toml"))
    assert r["values"]["v7"] == pytest.approx(case["independent_check"]["v7(0.6,0.6)"], abs=1e-9)
    assert r["adjoints"]["v7"] == pytest.approx(ref["dv7"], abs=1e-9)
    assert [r["grad"]["x1"], r["grad"]["x2"]] == pytest.approx(ref["sympy_grad"], abs=1e-9)


def test_max_pooling_values_and_routing(capsys, seed_cases):
    case = seed_cases["s002_max_pooling_translation_invariance"]
    r = eval_json(capsys, example("max_pooling.toml"))
    pool = np.array(r["values"]["pool"]).reshape(2, 2)
    assert pool.tolist() == case["expected"]["pool(A)"]
    assert r["grad"]["A"] == case["independent_check"]["argmax_mask_A(backward routing)"]


def test_max_pooling_shifted_image(capsys, seed_cases, tmp_path):
    case = seed_cases["s002_max_pooling_translation_invariance"]
    at = tmp_path / "b.json"
    at.write_text(json.dumps({"A": case["inputs"]["B"]}))
    r = eval_json(capsys, example("max_pooling.toml"), "--at", str(at))
    assert np.array(r["values"]["pool"]).reshape(2, 2).tolist() == case["expected"]["pool(B)"]
    assert r["grad"]["A"] == case["independent_check"]["argmax_mask_B"]


def test_two_two_one_network_section_3_6(capsys):
    r = eval_json(capsys, example("two_two_one.toml"))
    assert r["values"]["yhat"] == pytest.approx(0.686448, abs=1e-6)
    yhat = r["values"]["yhat"]
    assert yhat * (1 - yhat) == pytest.approx(0.215237, abs=1e-6)
    assert r["adjoints"]["x"] == pytest.approx([-0.002876, 0.000963], abs=1e-6)
    assert r["adjoints"]["a1"] == pytest.approx([-0.001533, 0.002686], abs=1e-6)
