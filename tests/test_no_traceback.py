"""No traceback anywhere a user can reach: every subcommand on every bundled example, and a set of
bad inputs, end in an exit code (0, 1 for a failed check/verify, 2 for bad input with one line)."""

from __future__ import annotations

import contextlib
import io
import subprocess
import sys
from pathlib import Path

import pytest

from codegen.cli import main
from symbolic.bundled import examples_dir

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ROOT / "examples"
SPECS = sorted(p.stem for p in EXAMPLES.glob("*.toml"))
CLAIMS = sorted(p.name[: -len(".claims.toml")] for p in (EXAMPLES / "claims").glob("*.claims.toml"))
# claims files whose name does not start with their spec's name
CLAIMS_SPEC = {"dag_formulas_151_159": "dag_scalar"}


def spec_of_claims(claims: str) -> str:
    if claims in CLAIMS_SPEC:
        return CLAIMS_SPEC[claims]
    matches = [s for s in SPECS if claims.startswith(s)]
    assert matches, f"claims file {claims} names no bundled spec; add it to CLAIMS_SPEC"
    return max(matches, key=len)


def cli(*argv: str) -> tuple[int, str, str]:
    """Run the CLI in-process; an escaping exception fails the test with its traceback."""
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        try:
            code = main(list(argv))
        except SystemExit as e:  # argparse usage errors
            code = int(e.code or 0)
    return code, out.getvalue(), err.getvalue()


def assert_clean(code: int, err: str, allowed=(0,)) -> None:
    assert "Traceback" not in err, err
    assert code in allowed, f"exit {code}: {err}"
    if code == 2:
        lines = [ln for ln in err.splitlines() if ln.strip()]
        assert lines and lines[-1].startswith(("symgrad: error:", "usage:", "symgrad ")), err


@pytest.mark.parametrize("spec", SPECS)
def test_derive_every_what_and_format(spec):
    for what in ("grad", "deltas", "jacobian", "hessian", "hvp"):
        for fmt in ("text", "latex", "markdown"):
            code, out, err = cli("derive", spec, "--what", what, "--format", fmt)
            assert_clean(code, err, (0, 2))
            assert code == 2 or out.strip()
    for extra in (["--table"], ["--closed-form"], ["--format", "latex", "--standalone", "--table"]):
        code, out, err = cli("derive", spec, *extra)
        assert_clean(code, err, (0, 2))


@pytest.mark.parametrize("spec", SPECS)
def test_eval_every_example(spec):
    from symbolic.bundled import load_graph

    g = load_graph(spec)
    has_values = all(n in g.values for n in g.leaves())
    code, _out, err = cli("eval", spec, "--json", "--backend", "numpy")
    if has_values:
        assert_clean(code, err)
    else:  # specs without a complete point: one line naming what is missing
        assert_clean(code, err, (2,))
        assert "no value for" in err
    code, _out, err = cli("eval", spec, "--hessian")
    assert_clean(code, err, (0, 2))


@pytest.mark.parametrize("spec", SPECS)
def test_generate_and_check_every_example(spec, tmp_path):
    code, _out, err = cli("generate", spec, "-o", str(tmp_path), "--no-build")
    assert_clean(code, err)
    assert (tmp_path / f"{spec}.c").exists() or list(tmp_path.glob("*.c"))
    code, _out, err = cli("check", spec, "--points", "1", "--batch", "2")
    assert_clean(code, err)


@pytest.mark.parametrize("claims", CLAIMS)
def test_verify_every_claims_file(claims):
    spec = spec_of_claims(claims)
    data = ["--data", f"{spec}.csv"] if (examples_dir() / f"{spec}.csv").is_file() else []  # claims about a dataset
    for fmt in ("text", "markdown", "latex"):
        code, _out, err = cli("verify", spec, "--claims", f"{claims}.claims", *data, "--format", fmt)
        assert_clean(code, err, (0, 1))
    code, _out, err = cli("verify", spec, "--claims", f"{claims}.claims", *data, "--json")
    assert_clean(code, err, (0, 1))
    if not data:  # the step table is of one point
        code, _out, err = cli("verify", spec, "--claims", f"{claims}.claims", "--table", "--format", "latex")
        assert_clean(code, err, (0, 1))


def test_demo_and_examples(tmp_path):
    assert_clean(*cli("demo")[::2])
    assert_clean(*cli("examples")[::2])
    assert_clean(*cli("examples", "--copy", str(tmp_path / "ex"))[::2])


def _bad_files(tmp: Path) -> dict[str, Path]:
    files = {
        "binary": b"\x00\x01\xff\xfe" * 50,
        "latin1": '[model]\nname = "caf\xe9"\n'.encode("latin-1"),
        "empty": b"",
        "not_toml": b"[model\nname = 1\n",
        "no_model": b'[forward]\nz = "x"\n',
        "json_bad": b'{"x": ',
        "json_list": b"[1, 2]",
    }
    out = {}
    for name, data in files.items():
        p = tmp / name
        p.write_bytes(data)
        out[name] = p
    return out


BAD_ARGS = [
    ["derive", "{missing}"],
    ["derive", "{binary}"],
    ["derive", "{latin1}"],
    ["derive", "{empty}"],
    ["derive", "{not_toml}"],
    ["derive", "{no_model}"],
    ["derive", "worked_example_ii", "--what", "everything"],
    ["derive", "worked_example_ii", "--format", "pdf"],
    ["derive", "worked_example_ii", "--standalone"],
    ["derive", "worked_example_ii", "--wrt", "nope"],
    ["eval", "worked_example_ii", "--at", "{missing}"],
    ["eval", "worked_example_ii", "--at", "{json_bad}"],
    ["eval", "worked_example_ii", "--at", "{json_list}"],
    ["eval", "worked_example_ii", "--at", "{binary}"],
    ["eval", "hvp_quadratic", "--direction", "{json_bad}"],
    ["eval", "worked_example_ii", "--backend", "fortran"],
    ["verify", "worked_example_ii"],
    ["verify", "worked_example_ii", "--claims", "{missing}"],
    ["verify", "worked_example_ii", "--claims", "{binary}"],
    ["verify", "worked_example_ii", "--claims", "{latin1}"],
    ["verify", "worked_example_ii", "--claims", "worked_example_ii.claims", "--probes", "0"],
    ["verify", "worked_example_ii", "--claims", "worked_example_ii.claims", "--probes", "-1"],
    ["verify", "worked_example_ii", "--claims", "worked_example_ii.claims", "--probes", "1e9"],
    ["verify", "worked_example_ii", "--claims", "worked_example_ii.claims", "--standalone"],
    ["check", "worked_example_ii", "--batch", "0"],
    ["check", "worked_example_ii", "--batch", "-3"],
    ["check", "worked_example_ii", "--batch", "1e9"],
    ["check", "worked_example_ii", "--points", "0"],
    ["check", "worked_example_ii", "--points", "x"],
    ["check", "{binary}"],
    ["generate", "worked_example_ii", "-o", "{empty}"],
    ["generate", "worked_example_ii", "--what", "everything"],
    ["generate", "worked_example_ii", "--dtype", "float16"],
    ["examples", "--copy", "{empty}"],
    ["frobnicate"],
    [],
]


@pytest.mark.parametrize("argv", BAD_ARGS, ids=lambda a: " ".join(a) or "<none>")
def test_bad_input_is_one_line_exit_2(argv, tmp_path):
    files = {k: str(v) for k, v in _bad_files(tmp_path).items()}
    files["missing"] = str(tmp_path / "does_not_exist.toml")
    code, out, err = cli(*[a.format(**files) for a in argv])
    assert code == 2, (code, out[-500:], err)
    assert "Traceback" not in err


def test_bad_input_through_the_real_process(tmp_path):
    """The console entry point as a separate process: exit 2, one line, no traceback."""
    bad = tmp_path / "bad.toml"
    bad.write_bytes(b"\xff\xfe\x00garbage")
    for argv in (["derive", str(bad)], ["check", "worked_example_ii", "--batch", "0"]):
        r = subprocess.run(
            [sys.executable, "-m", "codegen.cli", *argv],
            cwd=tmp_path,
            check=False,
            capture_output=True,
            text=True,
            timeout=300,
        )
        assert r.returncode == 2 and "Traceback" not in r.stderr, r.stderr
        assert len([ln for ln in r.stderr.splitlines() if ln.strip()]) <= 3
