"""`symgrad generate -o DIR`: never overwrites without --force, never writes through a symbolic
link, leaves no temporary files, and reports every path problem in one line with exit 2."""
from __future__ import annotations

import contextlib
import io
import os
from pathlib import Path

import pytest

from codegen.cli import main

SPEC = "two_two_one"            # bundled example; its kernels are NAME.c / NAME.h with NAME = SPEC


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
    assert sorted(p.name for p in tmp_path.iterdir()) == [f"{SPEC}.c", f"{SPEC}.h"]  # no temp files


def test_written_files_follow_the_umask(tmp_path):
    old = os.umask(0o027)
    try:
        assert generate(tmp_path)[0] == 0
    finally:
        os.umask(old)
    assert (tmp_path / f"{SPEC}.c").stat().st_mode & 0o777 == 0o640


@pytest.mark.parametrize("force", [False, True])
@pytest.mark.parametrize("which", [".h", ".c"])
def test_never_writes_through_a_symlink(tmp_path, force, which):
    victim = tmp_path / "victim.txt"
    victim.write_text("precious\n")
    out = tmp_path / "out"
    out.mkdir()
    link = out / f"{SPEC}{which}"
    link.symlink_to(victim)
    code, err = generate(out, *(["--force"] if force else []))
    one_line_error(code, err, "symbolic link")
    assert victim.read_text() == "precious\n"
    assert link.is_symlink()
    assert not (out / f"{SPEC}.c").exists() or which == ".c"   # nothing half-written


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


# ---- sizes the C's `int` indexes cannot address (issue 8, item 6) ---------------------------------

def _spec(tmp_path: Path, text: str) -> Path:
    p = tmp_path / "sized.toml"
    p.write_text(text, encoding="utf-8")
    return p


@pytest.mark.parametrize("n", [50000, 2000000])   # W: 2.5e9 and 4e12 entries (> 2**31 - 1)
def test_sizes_beyond_int_are_refused_in_one_line(tmp_path, n):
    spec = _spec(tmp_path, f'[model]\nname = "big"\ninputs = ["x[{n}]", "y[{n}]"]\n'
                           f'params = ["W[{n},{n}]"]\nobjective = "L"\n[forward]\nz = "W @ x"\n'
                           f'L = "0.5*sum((z - y)**2)"\n')
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
    spec = _spec(tmp_path, '[model]\nname = "wide"\ninputs = ["x[16777216]", "y"]\n'
                           'params = ["w"]\nobjective = "L"\n[forward]\nL = "0.5*(w*x[3] - y)**2"\n')
    layout, plans = plan_all(load_spec(spec), what=("forward", "loss_grad"))
    assert layout.data_width == 2**24 + 1
    for p in plans.values():
        assert p.T == 64
        assert p.T * layout.data_width <= 2**31 - 1
