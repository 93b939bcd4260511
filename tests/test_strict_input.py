"""Strict specs, claims and value files (issue 8, item 3 and 7): every bad input is refused with
exit code 2 and one line that names the file, the line where known, and the key or value at fault
(with the closest valid key for a misspelling): no traceback, no hang, no silent acceptance."""

from __future__ import annotations

import contextlib
import io
import os
import sys
import time

import pytest

from codegen.cli import main
from symbolic import limits

LAYERED = '[model]\nname = "m"\ninput = 2\n[[layers]]\ndense = 1\nactivation = "sigmoid"\n'
ASSIGN = '[model]\nname = "m"\ninputs = {x = [1]}\nparams = {w = [1]}\nobjective = "L"\n[forward]\nL = "{expr}"\n'


def run(*argv: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        try:
            code = main(list(argv))
        except SystemExit as e:
            code = int(e.code or 0)
    return code, out.getvalue(), err.getvalue()


def refused(code: int, err: str, *fragments: str) -> str:
    """Assert exit 2 with exactly one non-empty stderr line holding every fragment; return it."""
    assert "Traceback" not in err, err
    lines = [ln for ln in err.splitlines() if ln.strip()]
    assert code == 2 and len(lines) == 1, (code, err)
    for f in fragments:
        assert f in lines[0], (f, lines[0])
    return lines[0]


# (id, spec text, fragments the one-line error must contain)
BAD_SPECS = [
    ("misspelled loss type key", LAYERED + '[loss]\ntyp = "bce"\n', ["'typ'", "did you mean 'type'", ":8"]),
    ("misspelled half", LAYERED + '[loss]\ntype = "mse"\nhafl = true\n', ["'hafl'", "'half'"]),
    ("misspelled reduction", LAYERED + '[loss]\ntype = "mse"\nreductoin = "sum"\n', ["'reductoin'", "'reduction'"]),
    (
        "misspelled objective",
        '[model]\nname = "m"\ninputs = {x = [2]}\nparams = {w = [2]}\nobjectve = "L"\n[forward]\nL = "sum(w*x)"\n',
        ["'objectve'", "'objective'"],
    ),
    (
        "misspelled name",
        '[model]\nnmae = "m"\ninput = 2\n[[layers]]\ndense = 1\n[loss]\ntype = "mse"\n',
        ["'nmae'", "'name'"],
    ),
    (
        "alpha on identity",
        LAYERED.replace('"sigmoid"', '"identity"') + 'alpha = 0.3\n[loss]\ntype = "mse"\n',
        ["'alpha'", "identity"],
    ),
    ("misplaced table", '[model]\nname = "m"\ninput = 2\nlayers = [1, 2]\n', ["[layers]", "table of its own"]),
    ("unknown reduction", LAYERED + '[loss]\ntype = "mse"\nreduction = "median"\n', ["median", "'mean'"]),
    ("unknown loss type", LAYERED + '[loss]\ntype = "bcee"\n', ["bcee"]),
    ("underflowing constant", ASSIGN.replace("{expr}", "1e-400*w[0]"), ["1e-400"]),
    ("overflowing product", ASSIGN.replace("{expr}", "1e299*1e299*w[0]"), ["overflow"]),
    ("nan learning rate", LAYERED + '[loss]\ntype = "mse"\n[optimizer]\ntype = "sgd"\nlr = nan\n', ["lr", "finite"]),
    (
        "string learning rate",
        LAYERED + '[loss]\ntype = "mse"\n[optimizer]\ntype = "sgd"\nlr = "0.1"\n',
        ["lr", "number"],
    ),
    (
        "nesting too deep",
        ASSIGN.replace("{expr}", "(" * (limits.MAX_NESTING + 5) + "w[0]" + ")" * (limits.MAX_NESTING + 5)),
        ["nested"],
    ),
    (
        "expression too long",
        ASSIGN.replace("{expr}", "+".join(["w[0]"] * (limits.MAX_EXPRESSION_LENGTH // 4))),
        ["longer than"],
    ),
]


@pytest.mark.parametrize("text, fragments", [c[1:] for c in BAD_SPECS], ids=[c[0] for c in BAD_SPECS])
def test_bad_spec_is_one_line_naming_the_fault(tmp_path, text, fragments):
    spec = tmp_path / "bad.toml"
    spec.write_text(text, encoding="utf-8")
    for cmd in ("derive", "eval"):
        code, _, err = run(cmd, str(spec))
        refused(code, err, "bad.toml", *fragments)


def test_valid_controls_still_pass(tmp_path):
    """The controls of the probe: the well-formed neighbours of the bad specs are accepted."""
    for text in (
        LAYERED + '[loss]\ntype = "bce"\n',
        LAYERED + '[loss]\ntype = "mse"\nhalf = true\n',
        LAYERED.replace('"sigmoid"', '"leaky_relu"') + 'alpha = 0.3\n[loss]\ntype = "mse"\n',
        ASSIGN.replace("{expr}", "1e-300*w[0]*x[0]"),
        ASSIGN.replace("{expr}", "+" * 200 + "w[0]"),
        ASSIGN.replace("{expr}", "+".join(["w[0]*x[0]"] * 500)),
    ):
        spec = tmp_path / "ok.toml"
        spec.write_text(text, encoding="utf-8")
        code, out, err = run("derive", str(spec))
        assert code == 0 and out.strip(), (text, err)


def test_a_typo_in_the_loss_type_never_trains_another_loss(tmp_path):
    """`typ = "bce"` used to train MSE silently; it must not produce any result."""
    spec = tmp_path / "typo.toml"
    spec.write_text(LAYERED + '[loss]\ntyp = "bce"\n', encoding="utf-8")
    code, out, err = run("eval", str(spec), "--json")
    refused(code, err, "'typ'")
    assert out == ""


CLAIMS = [
    ("value overflows", '[[claim]]\nquantity = "value:L"\nvalue = 1e400\n', ["value:L", "finite"]),
    (
        "tolerance not a number",
        '[[claim]]\nquantity = "value:L"\nvalue = 0.02\ntolerance = "abc"\n',
        ["tolerance", "number"],
    ),
    (
        "formula divides by zero",
        '[[claim]]\nquantity = "local:yhat,z3"\nformula = "\\\\frac{1}{0}"\n',
        ["division by zero"],
    ),
    ("misspelled quantity", '[[claim]]\nquantitiy = "value:L"\nvalue = 0.02\n', ["'quantitiy'", "'quantity'"]),
    ("numeric string", '[[claim]]\nquantity = "value:L"\nvalue = "0.02"\n', ["value:L", "number"]),
    ("boolean value", '[[claim]]\nquantity = "value:L"\nvalue = true\n', ["value:L", "number"]),
    ("misnamed table", '[[claims]]\nquantity = "value:L"\nvalue = 0.1\n', ["[claims]", "[claim]"]),
]


@pytest.mark.parametrize("text, fragments", [c[1:] for c in CLAIMS], ids=[c[0] for c in CLAIMS])
def test_bad_claims_are_one_line(tmp_path, text, fragments):
    claims = tmp_path / "bad.claims.toml"
    claims.write_text(text, encoding="utf-8")
    code, _, err = run("verify", "worked_example_ii", "--claims", str(claims))
    refused(code, err, "bad.claims.toml", *fragments)


def test_claims_table_split_over_two_headers_is_read():
    """[at] … [[claim]] … [at.y]: tomlkit hands back a proxy, not a table (this used to be an
    AttributeError); the table is read whole, its line is its first header's."""
    from symbolic.claims import parse_claims

    text = '[at]\nx = 1\n[[claim]]\nquantity = "value:J"\nvalue = 1.0\n[at.y]\nb = 2\n'
    c = parse_claims(text, "split.claims.toml")
    assert c.at == {"x": 1, "y": {"b": 2}}
    assert c.table_lines["at"] == 1


def test_tolerance_of_a_non_finite_literal_is_a_claims_error():
    from symbolic.claims import ClaimsError, inferred_tolerance

    assert inferred_tolerance("0.215271") == pytest.approx(5e-7)
    for literal in ("inf", "nan"):
        with pytest.raises(ClaimsError, match="not a finite number"):
            inferred_tolerance(literal)


@pytest.mark.parametrize(
    "payload, fragments",
    [
        ("[" * 100_000 + "]" * 100_000, ["nested too deeply"]),
        ('{"x": true}', ["'x'", "true"]),
        ('{"x": "1.5"}', ["'x'"]),
        ('{"x": NaN}', ["'x'"]),
    ],
    ids=["deep", "bool", "string", "nan"],
)
def test_bad_values_files(tmp_path, payload, fragments):
    at = tmp_path / "at.json"
    at.write_text(payload, encoding="utf-8")
    code, _, err = run("eval", "worked_example_ii", "--at", str(at))
    refused(code, err, "at.json", *fragments)


@pytest.mark.skipif(sys.platform == "win32", reason="device files and FIFOs are POSIX")
def test_special_files_are_refused_without_reading(tmp_path):
    fifo = tmp_path / "pipe.toml"
    os.mkfifo(fifo)
    for path, word in (("/dev/zero", "not a regular file"), (str(fifo), "not a regular file")):
        t0 = time.monotonic()
        code, _, err = run("derive", path)
        refused(code, err, word)
        assert time.monotonic() - t0 < 30


def test_file_size_cap(tmp_path):
    big = tmp_path / "big.toml"
    big.write_text("# " + "x" * (limits.MAX_FILE_BYTES + 10) + "\n", encoding="utf-8")
    code, _, err = run("derive", str(big))
    refused(code, err, "big.toml")


def test_graph_size_cap(tmp_path):
    """More assignments than MAX_ASSIGNMENTS: one line, quickly (not minutes of lowering)."""
    n = limits.MAX_ASSIGNMENTS + 1
    head = '[model]\nname = "m"\ninputs = {x = [1]}\nparams = {w = [1]}\n'
    lines = [head + f'objective = "a{n - 1}"\n[forward]', 'a0 = "w[0]*x[0]"'] + [
        f'a{i} = "a{i - 1}"' for i in range(1, n)
    ]
    spec = tmp_path / "huge.toml"
    spec.write_text("\n".join(lines) + "\n", encoding="utf-8")
    t0 = time.monotonic()
    code, _, err = run("derive", str(spec))
    refused(code, err, "huge.toml", str(limits.MAX_ASSIGNMENTS))
    assert time.monotonic() - t0 < 60
