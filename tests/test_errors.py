"""Every kind of bad input gives one line on stderr naming the file/line/name, exit code 2,
and hostile expression strings are rejected by the parser without running anything."""

import json
import os

import pytest

from codegen.cli import main
from symbolic.parser import ParseError, parse_expression

GOOD = """\
[model]
inputs = ["x", "y"]
params = ["w", "b"]
objective = "L"

[forward]
z = "w*x + b"
L = "0.5*(z - y)**2"

[values]
x = 1
y = 2
w = 0.5
b = 0.1
"""


def run(capsys, tmp_path, text, *extra, cmd="eval"):
    spec = tmp_path / "spec.toml"
    spec.write_text(text)
    rc = main([cmd, str(spec), *extra] + (["--backend", "numpy"] if cmd == "eval" else []))
    out = capsys.readouterr()
    return rc, out.err.strip(), spec


def assert_one_line_error(rc, err, *needles):
    assert rc == 2
    assert err.startswith("symgrad: error:")
    assert "\n" not in err and "Traceback" not in err
    for n in needles:
        assert n in err, (n, err)


def test_good_spec_runs(capsys, tmp_path):
    rc, err, _ = run(capsys, tmp_path, GOOD)
    assert rc == 0, err


@pytest.mark.parametrize(
    "bad,needles",
    [
        (GOOD.replace('z = "w*x + b"', 'z = "w*q + b"'), ["spec.toml:7", "'q'"]),
        (GOOD.replace('L = "0.5*(z - y)**2"', 'L = "0.5*(z - y)**2"\nw = "z"'), ["spec.toml:9", "'w'", "twice"]),
        (GOOD.replace('z = "w*x + b"', 'z = "w*x + L"'), ["cycle"]),
        (GOOD.replace('z = "w*x + b"', 'z = "tanhh(w*x) + b"'), ["spec.toml:7", "unknown function 'tanhh'", "tanh"]),
        (GOOD.replace('z = "w*x + b"', 'z = "w * * x"'), ["spec.toml:7", "column"]),
        (GOOD.replace('objective = "L"', 'objective = "nope"'), ["objective", "nope"]),
        (GOOD.replace("[forward]", "[forwrd]"), ["unknown table [forwrd]", "[forward]"]),
        (GOOD.replace("x = 1", "x = [1, 2]"), ["spec.toml:11", "'x'", "shape"]),
        (GOOD.replace("b = 0.1", "bb = 0.1"), ["'bb'"]),
        (GOOD.replace('params = ["w", "b"]', 'params = ["w", "b", "w"]'), ["declared twice"]),
        (GOOD + "\n[model2\n", ["invalid TOML"]),
        ('[forward]\nz = "1"\n', ["missing [model]"]),
    ],
)
def test_bad_assignment_specs(capsys, tmp_path, bad, needles):
    rc, err, _ = run(capsys, tmp_path, bad)
    assert_one_line_error(rc, err, "spec.toml", *needles)


SHAPES = """\
[model]
inputs = ["x[3]"]
params = ["W[2,3]", "v[2]"]
objective = "J"

[forward]
h = "W @ x"
J = "{J}"
"""


@pytest.mark.parametrize(
    "J,needles",
    [
        ("h + v", ["'J' must be a scalar", "(2,)"]),
        ("sum(h * x)", ["shape mismatch", "(2,)", "(3,)"]),
        ("sum(x @ W)", ["shape mismatch"]),
        ("h[5]", ["out of range"]),
        ("log_softmax(W)", ["needs a vector"]),
    ],
)
def test_shape_errors(capsys, tmp_path, J, needles):
    rc, err, _ = run(capsys, tmp_path, SHAPES.format(J=J), cmd="derive")
    assert_one_line_error(rc, err, *needles)


LAYERED = """\
[model]
input = 2
[[layers]]
dense = 3
activation = "{act}"
[loss]
type = "{loss}"
reduction = "{red}"
"""


@pytest.mark.parametrize(
    "act,loss,red,needles",
    [
        ("tanhh", "mse", "mean", ["unknown activation 'tanhh'", "tanh"]),
        ("tanh", "msee", "mean", ["unknown loss type 'msee'", "mse"]),
        ("tanh", "mse", "avg", ["reduction"]),
        ("softmax", "cross_entropy", "sum", ["logits"]),
    ],
)
def test_bad_layered_specs(capsys, tmp_path, act, loss, red, needles):
    rc, err, _ = run(capsys, tmp_path, LAYERED.format(act=act, loss=loss, red=red), cmd="derive")
    assert_one_line_error(rc, err, "spec.toml", *needles)


def test_missing_file(capsys, tmp_path):
    rc = main(["derive", str(tmp_path / "nope.toml")])
    assert_one_line_error(rc, capsys.readouterr().err.strip(), "nope.toml")


def test_bad_at_and_direction_files(capsys, tmp_path):
    spec = tmp_path / "spec.toml"
    spec.write_text(GOOD)
    at = tmp_path / "at.json"
    at.write_text("{not json")
    rc = main(["eval", str(spec), "--at", str(at), "--backend", "numpy"])
    assert_one_line_error(rc, capsys.readouterr().err.strip(), "at.json:1", "invalid JSON")
    at.write_text(json.dumps({"w": [1, 2]}))
    rc = main(["eval", str(spec), "--at", str(at), "--backend", "numpy"])
    assert_one_line_error(rc, capsys.readouterr().err.strip(), "at.json", "'w'", "shape")
    at.write_text(json.dumps({"zz": 1}))
    rc = main(["eval", str(spec), "--at", str(at), "--backend", "numpy"])
    assert_one_line_error(rc, capsys.readouterr().err.strip(), "'zz'")
    u = tmp_path / "u.json"
    u.write_text(json.dumps({"x": 1}))
    rc = main(["eval", str(spec), "--direction", str(u), "--backend", "numpy"])
    assert_one_line_error(rc, capsys.readouterr().err.strip(), "u.json", "'x' is not a parameter")


def test_missing_values_named(capsys, tmp_path):
    rc, err, _ = run(capsys, tmp_path, GOOD.replace("b = 0.1\n", ""))
    assert_one_line_error(rc, err, "'b'")


def test_unknown_wrt_suggests(capsys, tmp_path):
    rc, err, _ = run(capsys, tmp_path, GOOD, "--wrt", "ww", cmd="derive")
    assert_one_line_error(rc, err, "'ww'", "w")


HOSTILE = [
    "__import__('os').system('touch /tmp/symgrad_pwned')",
    "__import__(os)",
    "x.__class__",
    "x.__class__.__bases__[0].__subclasses__()",
    "lambda: 1",
    "(lambda q: q)(1)",
    "eval(1)",
    "exec(x)",
    "open(x)",
    "os.system(x)",
    "x if x else x",
    "'string'",
    "x; x",
    "x[0:1]",
    "{}",
    "x == 1",
    "x < 1",
    "`x`",
    "x\\ny",
    "getattr(x, y)",
    "globals()",
    "x.real",
    "1 .__class__",
]


@pytest.mark.parametrize("text", HOSTILE)
def test_hostile_strings_rejected(capsys, tmp_path, text):
    spec = GOOD.replace('z = "w*x + b"', "z = " + json.dumps(text))
    rc, err, _ = run(capsys, tmp_path, spec)
    assert_one_line_error(rc, err, "spec.toml")
    assert not os.path.exists("/tmp/symgrad_pwned")


@pytest.mark.parametrize(
    "text", ["9**9**9**9", "1e999999", "2**(10**10)", "(" * 500 + "x" + ")" * 500, "x" + " + x" * 5000]
)
def test_resource_hostile_inputs_fail_fast(capsys, tmp_path, text):
    spec = GOOD.replace('z = "w*x + b"', "z = " + json.dumps(text))
    rc, err, _ = run(capsys, tmp_path, spec)
    assert rc in (0, 2)
    if rc == 2:
        assert_one_line_error(rc, err, "spec.toml")


def test_parser_rejects_dunder_and_attributes_directly():
    for text in HOSTILE:
        with pytest.raises(ParseError):
            parse_expression(text) if text not in (
                "eval(1)",
                "exec(x)",
                "open(x)",
                "getattr(x, y)",
                "globals()",
                "__import__(os)",
            ) else _lower(text)


def _lower(text):
    from symbolic.graph import GraphError
    from symbolic.lowering import Lowerer

    try:
        Lowerer({"x": (), "y": ()}).lower("z", text)
    except GraphError as e:
        raise ParseError(str(e)) from None
