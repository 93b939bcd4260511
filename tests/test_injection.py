"""No code from data: a C payload in any spec field that can reach the emitted C (model name of
both spec forms, spec file name, parameter/input/quantity names, constants) runs through
`symgrad generate`, `eval --backend c` and `check`, and the marker file it would create never
appears; the generated C contains none of the payload's code."""

from __future__ import annotations

import contextlib
import ctypes
import io
import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest

from codegen.c_safe import c_comment, c_identifier, c_label
from codegen.cli import main

CC = shutil.which(os.environ.get("CC", "cc")) or shutil.which("gcc") or shutil.which("clang")
pytestmark = pytest.mark.skipif(CC is None, reason="no C compiler")

# text of the payload that must never reach the C output (the emitter's own code has none);
# its names may survive only inside a sanitised identifier such as m_include_stdio_h_SG_PWNED_1
FORBIDDEN = ("fopen(", "system(", "#include <stdio", "#include <stdlib", "__attribute__((constructor", "FILE *f")
FORBIDDEN_WORDS = re.compile(r"\b(sg_pwn|SG_PWNED)\b")


def payload(marker: Path) -> str:
    """Closes a /* comment, includes stdio/stdlib, defines a load-time constructor that creates
    `marker` (fopen and system), and reopens a comment; also a trigraph line splice."""
    return (
        f"m' */\n#include <stdio.h>\n#include <stdlib.h>\n"
        f"__attribute__((constructor)) static void sg_pwn(void) "
        f'{{ FILE *f = fopen("{marker}", "w"); if (f) fclose(f); '
        f'if (0) system("touch {marker}"); }}\n#define SG_PWNED 1\n/* \'??/\n'
    )


def toml_str(s: str) -> str:
    return '"' + s.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n") + '"'


def assignment_spec(name: str, extra: str = "", forward: str = '"0.5*(w*x - 1)**2"') -> str:
    return (
        f'[model]\nname = {toml_str(name)}\ninputs = ["x"]\nparams = ["w"]\nobjective = "L"\n'
        f"{extra}\n[forward]\nL = {forward}\n\n[values]\nx = 2\nw = 0.5\n"
    )


def layered_spec(name: str, lam: str = "0.1") -> str:
    return (
        f"[model]\nname = {toml_str(name)}\ninput = 2\n[[layers]]\ndense = 3\n"
        f'activation = "tanh"\n[[layers]]\ndense = 1\n[loss]\ntype = "mse"\n'
        f'[penalty]\ntype = "l2"\nlam = {lam}\nparams = "all"\n\n[values]\n'
        f"x = [0.5, -1.0]\ny = [0.25]\n"
    )


def cli(*argv: str) -> tuple[int, str]:
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        try:
            code = main(list(argv))
        except SystemExit as e:
            code = int(e.code or 0)
    assert "Traceback" not in err.getvalue(), err.getvalue()
    return code, err.getvalue()


def assert_no_payload(text: str, marker: Path) -> None:
    for tok in (*FORBIDDEN, str(marker)):
        assert tok not in text, f"payload text {tok!r} reached the generated C"
    assert not FORBIDDEN_WORDS.search(text), FORBIDDEN_WORDS.search(text)
    assert not re.search(r"^\s*#\s*define\s+SG_PWNED", text, re.MULTILINE)
    assert "??/" not in text and "??=" not in text


def compile_ok(c_file: Path, tmp: Path) -> None:
    """The generated .c compiles with every warning an error (-Wcomment catches a '/*' left
    inside a comment, -Wtrigraphs a trigraph)."""
    r = subprocess.run(
        [CC, "-std=c99", "-Wall", "-Werror", "-Wcomment", "-Wtrigraphs", "-c", str(c_file), "-o", str(tmp / "k.o")],
        check=False,
        capture_output=True,
        text=True,
    )
    assert r.returncode == 0, r.stderr


def run_all(spec: Path, marker: Path, tmp: Path, builds: bool = True) -> None:
    """generate (sources only), eval --backend c and check: the marker never appears; exit 0
    (or 2 with one line when the spec is refused)."""
    out = tmp / "gen"
    code, err = cli("generate", str(spec), "-o", str(out), "--no-build", "--force")
    assert code in (0, 2), err
    for f in sorted(out.glob("*")) if out.exists() else []:
        assert_no_payload(f.read_text(encoding="utf-8"), marker)
        if f.suffix == ".c":
            compile_ok(f, tmp)
    if builds:
        code, err = cli("eval", str(spec), "--backend", "c")
        assert code in (0, 2), err
        code, err = cli("check", str(spec), "--points", "1", "--batch", "2")
        assert code in (0, 1, 2), err
    assert not marker.exists(), "the payload ran"


@pytest.fixture
def marker(tmp_path) -> Path:
    return tmp_path / "pwned-marker"


def test_payload_is_live_when_pasted_raw(tmp_path, marker):
    """Control: the payload pasted into a comment the way the old templates did runs at load."""
    src = tmp_path / "raw.c"
    src.write_text(f"/* symgrad kernels for model '{payload(marker)}' */\nint sg_dummy;\n")
    so = tmp_path / "raw.so"
    r = subprocess.run(
        [CC, "-shared", "-fPIC", "-w", str(src), "-o", str(so)], check=False, capture_output=True, text=True
    )
    assert r.returncode == 0, r.stderr
    ctypes.CDLL(str(so))
    assert marker.exists()


def test_model_name_assignment_form(tmp_path, marker):
    spec = tmp_path / "inj.toml"
    spec.write_text(assignment_spec(payload(marker)), encoding="utf-8")
    run_all(spec, marker, tmp_path)


def test_model_name_layered_form(tmp_path, marker):
    spec = tmp_path / "inj_layered.toml"
    spec.write_text(layered_spec(payload(marker)), encoding="utf-8")
    run_all(spec, marker, tmp_path)


def test_layered_name_with_newline_and_comment_marks(tmp_path, marker):
    spec = tmp_path / "nl.toml"
    spec.write_text(layered_spec("a */ b /* c\n#define SG_PWNED 1\nd \\\n e ??/"), encoding="utf-8")
    run_all(spec, marker, tmp_path, builds=False)
    (c_file,) = (tmp_path / "gen").glob("*.c")
    assert "*/ b" not in c_file.read_text()


def test_spec_file_name(tmp_path, marker):
    """The spec's file name is quoted in the .c header ('/' cannot occur, newlines can)."""
    spec = tmp_path / "x\n#define SG_PWNED 1\n??=fopen(.toml"
    spec.write_text(assignment_spec("plain"), encoding="utf-8")
    run_all(spec, marker, tmp_path, builds=False)
    assert list((tmp_path / "gen").glob("*.c"))


@pytest.mark.parametrize("field", ["inputs", "params", "forward", "objective", "outputs"])
def test_names_are_refused(tmp_path, marker, field):
    """Names of inputs, parameters and quantities must be identifiers: a payload is refused
    (exit 2, one line) before any C exists."""
    p = toml_str(payload(marker))
    text = {
        "inputs": assignment_spec("m").replace('inputs = ["x"]', f'inputs = ["x", {p}]'),
        "params": assignment_spec("m").replace('params = ["w"]', f'params = ["w", {p}]'),
        "forward": assignment_spec("m").replace("[values]", f'{p} = "x"\n\n[values]'),
        "objective": assignment_spec("m").replace('objective = "L"', f"objective = {p}"),
        "outputs": assignment_spec("m", extra=f"outputs = [{p}]"),
    }[field]
    spec = tmp_path / "names.toml"
    spec.write_text(text, encoding="utf-8")
    for argv in (
        ("generate", str(spec), "-o", str(tmp_path / "gen"), "--no-build"),
        ("eval", str(spec), "--backend", "c"),
        ("check", str(spec), "--points", "1"),
    ):
        code, err = cli(*argv)
        assert code == 2, err
        assert len([ln for ln in err.splitlines() if ln.strip()]) == 1, err
    assert not (tmp_path / "gen").exists() or not list((tmp_path / "gen").glob("*.c"))
    assert not marker.exists()


@pytest.mark.parametrize(
    "spec_text, extra",
    [
        (assignment_spec("big", forward='"1e300*1e300*w*x"'), ()),
        (assignment_spec("big", forward='"1.5e308*w*w*x"'), ()),  # Hessian constant 3e308
        (assignment_spec("big", forward='"1e39*w*x"'), ("--dtype", "float32")),
        (layered_spec("biglam", lam="inf"), ()),
        (layered_spec("nanlam", lam="nan"), ()),
    ],
    ids=["overflowing-constant", "overflowing-derivative", "float32-overflow", "lam-inf", "lam-nan"],
)
def test_non_finite_constants_never_reach_c(tmp_path, spec_text, extra):
    """A constant that is not a finite double (float) is refused in one line (here or by the
    spec checks), never printed as `inf`/`nan` into C."""
    spec = tmp_path / "num.toml"
    spec.write_text(spec_text, encoding="utf-8")
    code, err = cli("generate", str(spec), "-o", str(tmp_path / "gen"), "--no-build", *extra)
    assert code == 2, err
    assert len([ln for ln in err.splitlines() if ln.strip()]) == 1, err
    assert not (tmp_path / "gen").exists() or not list((tmp_path / "gen").glob("*"))


# ---- the sanitiser itself, against hand-written expectations ---------------------------------------


@pytest.mark.parametrize(
    "text, expected",
    [
        ("m */ x /* y", "m *_/ x /_* y"),
        ("a\nb\\", "a_b_"),
        ("??=", "?_?="),
        ("*//*", "*_//_*_"),
        ("Σ r", "sum r"),
        ("é", "_"),
    ],
)
def test_c_comment(text, expected):
    assert c_comment(text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        ("mlp", "mlp"),
        ("int", "int_"),
        ("9x", "m_9x"),
        ("a b-c", "a_b_c"),
        ("", "model"),
        ("__x__", "x"),
        ("é", "model"),
    ],
)
def test_c_identifier(text, expected):
    assert c_identifier(text) == expected


def test_identifier_and_label_bounds():
    long = "a" * 500
    ident = c_identifier(long)
    assert len(ident) <= 64 and re.fullmatch(r"[A-Za-z_][A-Za-z0-9_]*", ident)
    assert ident != c_identifier("a" * 499)  # the hash keeps long names apart
    assert c_identifier(ident) == ident  # idempotent (the templates re-apply it)
    assert len(c_label(long)) <= 64
    assert c_label("mlp_tanh.toml") == "mlp_tanh.toml"
    assert re.fullmatch(r"[A-Za-z0-9_.+-]+", c_label("m */ (x) {y}\n#z"))
