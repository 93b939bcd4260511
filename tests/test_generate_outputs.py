"""`symgrad generate -o DIR`: never overwrites without --force, never writes through a symbolic
link, leaves no temporary files, and reports every path problem in one line with exit 2."""

from __future__ import annotations

import contextlib
import io
import os
import shlex
import shutil
import subprocess
from pathlib import Path

import pytest

from codegen.cli import main

SPEC = "two_two_one"  # bundled example; its kernels are NAME.c / NAME.h with NAME = SPEC
RUNTIME = "symgrad_runtime.h"  # the shared runtime NAME.c includes, written beside it


def cli(*argv: str) -> tuple[int, str]:
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        try:
            code = main(list(argv))
        except SystemExit as e:
            code = int(e.code or 0)
    assert "Traceback" not in err.getvalue(), err.getvalue()
    return code, err.getvalue()


def one_line_error(code: int, err: str, *words: str) -> None:
    lines = [ln for ln in err.splitlines() if ln.strip()]
    assert code == 2, err
    assert len(lines) == 1 and lines[0].startswith("symgrad: error:"), err
    for w in words:
        assert w in lines[0], (w, err)


def generate(outdir, *extra: str) -> tuple[int, str]:
    return cli("generate", SPEC, "-o", str(outdir), "--no-build", *extra)


def test_refuses_to_overwrite_without_force(tmp_path):
    assert generate(tmp_path)[0] == 0
    c, h = tmp_path / f"{SPEC}.c", tmp_path / f"{SPEC}.h"
    c.write_text("/* mine */\n")
    h.write_text("/* mine too */\n")
    one_line_error(*generate(tmp_path), f"{SPEC}.c", "already exists", "--force")
    assert c.read_text() == "/* mine */\n" and h.read_text() == "/* mine too */\n"
    # only the header exists: still refused, and the .c is not written either
    c.unlink()
    one_line_error(*generate(tmp_path), f"{SPEC}.h", "already exists")
    assert not c.exists()


def test_force_overwrites_regular_files(tmp_path):
    c = tmp_path / f"{SPEC}.c"
    c.write_text("old\n")
    assert generate(tmp_path, "--force")[0] == 0
    text = c.read_text()
    assert text.startswith(f"/* {SPEC}.c: symgrad kernels") and f"int {SPEC}_loss_grad(" in text
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted([f"{SPEC}.c", f"{SPEC}.h", RUNTIME])  # no temp files


def test_written_files_follow_the_umask(tmp_path):
    old = os.umask(0o027)
    try:
        assert generate(tmp_path)[0] == 0
    finally:
        os.umask(old)
    assert (tmp_path / f"{SPEC}.c").stat().st_mode & 0o777 == 0o640


@pytest.mark.parametrize("force", [False, True])
@pytest.mark.parametrize("which", [".h", ".c", RUNTIME])
def test_never_writes_through_a_symlink(tmp_path, force, which):
    victim = tmp_path / "victim.txt"
    victim.write_text("precious\n")
    out = tmp_path / "out"
    out.mkdir()
    link = out / (RUNTIME if which == RUNTIME else f"{SPEC}{which}")
    link.symlink_to(victim)
    code, err = generate(out, *(["--force"] if force else []))
    one_line_error(code, err, "symbolic link")
    assert victim.read_text() == "precious\n"
    assert link.is_symlink()
    assert not (out / f"{SPEC}.c").exists() or which == ".c"  # nothing half-written


def test_dangling_symlink_is_refused(tmp_path):
    link = tmp_path / f"{SPEC}.h"
    link.symlink_to(tmp_path / "would_be_created.h")
    one_line_error(*generate(tmp_path, "--force"), "symbolic link")
    assert not (tmp_path / "would_be_created.h").exists()


def test_target_that_is_a_directory(tmp_path):
    (tmp_path / f"{SPEC}.c").mkdir()
    one_line_error(*generate(tmp_path, "--force"), "not a regular file")


@pytest.mark.parametrize("case", ["file", "under_file", "proc", "long_name", "nul_dir"])
def test_path_errors_are_one_line(tmp_path, case):
    f = tmp_path / "plain_file"
    f.write_text("x")
    target, words = {
        "file": (f, ("not a directory",)),
        "under_file": (f / "sub", ("Not a directory",)),
        "proc": (Path("/proc"), ("cannot write",)),
        "long_name": (tmp_path / ("d" * 300), ("File name too long",)),
        "nul_dir": (Path("/dev/null"), ("not a directory",)),
    }[case]
    if case == "proc" and not Path("/proc/self").exists():
        pytest.skip("no /proc")
    one_line_error(*generate(target), *words)
    assert f.read_text() == "x"


@pytest.mark.skipif(os.geteuid() == 0, reason="root can write to a read-only directory")
def test_unwritable_directory(tmp_path):
    ro = tmp_path / "ro"
    ro.mkdir()
    ro.chmod(0o500)
    try:
        one_line_error(*generate(ro), "cannot write", "Permission denied")
    finally:
        ro.chmod(0o700)
    assert list(ro.iterdir()) == []


# ---- the shared runtime header and --single-file (issue 9, item 3) ---------------------------------


def _generate_out(outdir, *extra: str, spec: str = SPEC) -> tuple[int, str, str]:
    """generate --no-build; (exit code, stdout, stderr)."""
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        try:
            code = main(["generate", spec, "-o", str(outdir), "--no-build", *extra])
        except SystemExit as e:
            code = int(e.code or 0)
    return code, out.getvalue(), err.getvalue()


def test_models_in_one_directory_share_the_runtime(tmp_path):
    """A second model generated into the same directory finds this version's runtime there and
    leaves it alone (no --force needed); both model files include that one header."""
    assert generate(tmp_path)[0] == 0
    rt = tmp_path / RUNTIME
    before = (rt.stat().st_ino, rt.stat().st_mtime_ns, rt.read_text())
    code, out, err = _generate_out(tmp_path, spec="mlp_tanh")
    assert code == 0, err
    assert f"{RUNTIME} there is current" in out
    assert (rt.stat().st_ino, rt.stat().st_mtime_ns, rt.read_text()) == before
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(
        [f"{SPEC}.c", f"{SPEC}.h", "mlp_tanh.c", "mlp_tanh.h", RUNTIME]
    )
    for stem in (SPEC, "mlp_tanh"):
        assert (tmp_path / f"{stem}.c").read_text().count(f'#include "{RUNTIME}"') == 1


def test_a_different_runtime_is_refused_without_force(tmp_path):
    rt = tmp_path / RUNTIME
    rt.write_text("/* symgrad_runtime.h of another version */\n")
    one_line_error(*generate(tmp_path), RUNTIME, "different runtime", "--force")
    assert rt.read_text() == "/* symgrad_runtime.h of another version */\n"
    assert not (tmp_path / f"{SPEC}.c").exists() and not (tmp_path / f"{SPEC}.h").exists()
    assert generate(tmp_path, "--force")[0] == 0
    from codegen.emit import runtime_header

    assert rt.read_text() == runtime_header()


def test_single_file_writes_one_self_contained_c(tmp_path):
    """--single-file: NAME.c (runtime inlined, no #include of it) and NAME.h only; a file or
    symbolic link named like the runtime header is neither needed nor touched."""
    decoy = tmp_path / RUNTIME
    decoy.symlink_to(tmp_path / "nowhere.h")
    code, out, err = _generate_out(tmp_path, "--single-file")
    assert code == 0, err
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted([f"{SPEC}.c", f"{SPEC}.h", RUNTIME])
    assert decoy.is_symlink() and not (tmp_path / "nowhere.h").exists()
    text = (tmp_path / f"{SPEC}.c").read_text()
    assert RUNTIME not in [
        ln.split('"')[1] for ln in text.splitlines() if ln.lstrip().startswith("#") and "include" in ln and '"' in ln
    ]
    assert "static void sg_gemm_rows1_b(" in text and f"int {SPEC}_loss_grad(" in text
    assert "self-contained" in out


@pytest.mark.parametrize("name", ["symgrad_runtime", "SYMGRAD_Runtime"])
def test_a_model_named_like_the_runtime_is_refused_unless_single_file(tmp_path, name):
    """NAME.h would be (on a case-insensitive file system: would overwrite) symgrad_runtime.h."""
    spec = tmp_path / "m.toml"
    spec.write_text(
        f'[model]\nname = "{name}"\ninputs = ["x"]\nparams = ["w"]\nobjective = "L"\n[forward]\nL = "0.5*(w*x)**2"\n'
    )
    out = tmp_path / "out"
    one_line_error(*cli("generate", str(spec), "-o", str(out), "--no-build"), RUNTIME, "--single-file")
    assert not out.exists() or not list(out.iterdir())
    code, _, err = _generate_out(out, "--single-file", spec=str(spec))
    assert code == 0, err
    assert sorted(p.name for p in out.iterdir()) == [f"{name}.c", f"{name}.h"]


CC = shutil.which(os.environ.get("CC", "").split()[0]) if os.environ.get("CC", "").strip() else None
CC = CC or shutil.which("cc") or shutil.which("gcc") or shutil.which("clang")


@pytest.mark.skipif(CC is None, reason="no C compiler")
@pytest.mark.parametrize("single", [False, True], ids=["with-header", "single-file"])
def test_printed_build_line_compiles(tmp_path, monkeypatch, single):
    """The `build:` line generate prints works as printed, from the directory generate ran in
    (here the output directory is a subdirectory: the header is found beside the .c)."""
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("CC", CC)
    code, out, err = _generate_out(Path("out dir"), *(["--single-file"] if single else []))
    assert code == 0, err
    line = next(ln for ln in out.splitlines() if ln.startswith("build: "))
    argv = shlex.split(line[len("build: ") :].split("   (")[0])
    assert argv[-1] == str(Path("out dir") / f"{SPEC}.c")
    r = subprocess.run([*argv, "-Wall", "-Werror", "-o", "k.o"], capture_output=True, text=True)
    assert r.returncode == 0, r.stderr
    assert (tmp_path / "k.o").stat().st_size > 0


# ---- sizes the C's `int` indexes cannot address (issue 8, item 6) ---------------------------------


def _spec(tmp_path: Path, text: str) -> Path:
    p = tmp_path / "sized.toml"
    p.write_text(text, encoding="utf-8")
    return p


@pytest.mark.parametrize("n", [50000, 2000000])  # W: 2.5e9 and 4e12 entries (> 2**31 - 1)
def test_sizes_beyond_int_are_refused_in_one_line(tmp_path, n):
    spec = _spec(
        tmp_path,
        f'[model]\nname = "big"\ninputs = ["x[{n}]", "y[{n}]"]\n'
        f'params = ["W[{n},{n}]"]\nobjective = "L"\n[forward]\nz = "W @ x"\n'
        f'L = "0.5*sum((z - y)**2)"\n',
    )
    code, err = cli("generate", str(spec), "-o", str(tmp_path / "out"), "--no-build")
    one_line_error(code, err, "too large for the C backend", str(2**31 - 1))
    assert not (tmp_path / "out").exists() or not list((tmp_path / "out").iterdir())
    from codegen.emit import EmitError, emit
    from symbolic.spec import load_spec

    with pytest.raises(EmitError, match="too large for the C backend"):
        emit(load_spec(spec), what=("loss_grad",))


def test_wide_data_rows_shrink_the_tile_to_fit_int(tmp_path):
    """A data row of 2**24 + 1 entries: the tile T must satisfy T * row <= 2**31 - 1, i.e. the
    largest power of two <= (2**31 - 1) // (2**24 + 1) = 127, which is 64 (256 otherwise)."""
    from codegen.emit import plan_all
    from symbolic.spec import load_spec

    spec = _spec(
        tmp_path,
        '[model]\nname = "wide"\ninputs = ["x[16777216]", "y"]\n'
        'params = ["w"]\nobjective = "L"\n[forward]\nL = "0.5*(w*x[3] - y)**2"\n',
    )
    layout, plans = plan_all(load_spec(spec), what=("forward", "loss_grad"))
    assert layout.data_width == 2**24 + 1
    for p in plans.values():
        assert p.T == 64
        assert p.T * layout.data_width <= 2**31 - 1
