"""generated/: the emitted C of every bundled example, checked in so emission changes are diffs.
One copy of the runtime (generated/symgrad_runtime.h) serves every model file there.

Refresh with:  python -m pytest tests/test_golden.py --update   (or SYMGRAD_UPDATE_GOLDEN=1)
"""

import os
import shutil
import subprocess
from pathlib import Path

import pytest

from codegen.emit import RUNTIME_HEADER, RUNTIME_INCLUDE, emit, runtime_header
from symbolic.spec import load_spec

ROOT = Path(__file__).resolve().parent.parent
GOLDEN = ROOT / "generated"
EXAMPLES = sorted((ROOT / "examples").glob("*.toml"))
HINT = "run  python -m pytest tests/test_golden.py --update  to (re)generate it"


def _sources(spec: Path):
    src = emit(load_spec(spec))
    return {f"{spec.stem}.c": src.c, f"{spec.stem}.h": src.h}


def _compare(files: dict, update: bool) -> None:
    for fname, text in files.items():
        path = GOLDEN / fname
        if update:
            GOLDEN.mkdir(exist_ok=True)
            if not path.exists() or path.read_text(encoding="utf-8") != text:
                path.write_text(text, encoding="utf-8")
            continue
        if not path.exists():
            pytest.fail(f"golden file {path.relative_to(ROOT)} is missing: {HINT}")
        assert path.read_text(encoding="utf-8") == text, (
            f"{path.relative_to(ROOT)} differs from the emitted C: review the change, then {HINT}"
        )


@pytest.mark.parametrize("spec", EXAMPLES, ids=lambda p: p.stem)
def test_golden(spec, update_golden):
    _compare(_sources(spec), update_golden)


def test_golden_runtime(update_golden):
    """The one runtime header the golden model files include."""
    _compare({RUNTIME_HEADER: runtime_header()}, update_golden)


def test_golden_dir_has_no_stray_files(update_golden):
    """Exactly one runtime header and a .c/.h pair per example (a renamed example leaves none;
    --update removes such leftovers)."""
    want = {RUNTIME_HEADER} | {f"{s.stem}{x}" for s in EXAMPLES for x in (".c", ".h")}
    if update_golden:
        for p in GOLDEN.iterdir():
            if p.name not in want and p.suffix in (".c", ".h"):
                p.unlink()
    assert {p.name for p in GOLDEN.iterdir()} == want, HINT


@pytest.mark.parametrize("spec", EXAMPLES, ids=lambda p: p.stem)
def test_golden_model_files_include_the_runtime(spec):
    """The runtime is not pasted into each model file: included once, its code absent."""
    text = (GOLDEN / f"{spec.stem}.c").read_text(encoding="utf-8")
    assert text.count(RUNTIME_INCLUDE) == 1
    for defined_in_runtime in ("SG_INLINE int sg_all_finite(", "static void sg_gemm_rows", "#define SG_OK 0"):
        assert defined_in_runtime not in text


CC = shutil.which(os.environ.get("CC", "cc")) or shutil.which("gcc") or shutil.which("clang")
CXX = next((p for p in (shutil.which(c) for c in ("c++", "g++", "clang++")) if p), None)


@pytest.mark.skipif(CC is None, reason="no C compiler")
@pytest.mark.parametrize("spec", EXAMPLES, ids=lambda p: p.stem)
def test_golden_compiles_standalone(spec, tmp_path):
    """The .c needs no Python headers: plain C99 + libm + generated/symgrad_runtime.h; the .h
    declares what the .c defines."""
    c = GOLDEN / f"{spec.stem}.c"
    if not c.exists():
        pytest.skip(f"no golden file yet: {HINT}")
    r = subprocess.run(
        [CC, "-std=c99", "-Wall", "-Werror", "-O1", "-I", str(GOLDEN), "-c", str(c), "-o", str(tmp_path / "k.o")],
        capture_output=True,
        text=True,
    )
    assert r.returncode == 0, r.stderr
    user = tmp_path / "user.c"
    user.write_text(f'#include "{spec.stem}.h"\nint main(void) {{ return 0; }}\n')
    r = subprocess.run(
        [CC, "-std=c99", "-Wall", "-Werror", "-I", str(GOLDEN), "-c", str(user), "-o", str(tmp_path / "u.o")],
        capture_output=True,
        text=True,
    )
    assert r.returncode == 0, r.stderr


def _compile(argv: list[str], cwd: Path) -> None:
    r = subprocess.run(argv, capture_output=True, text=True, cwd=cwd)
    assert r.returncode == 0, " ".join(argv) + "\n" + r.stderr


@pytest.mark.skipif(CC is None, reason="no C compiler")
@pytest.mark.parametrize("dtype", ["float64", "float32"])
def test_single_file_output_compiles_alone(tmp_path, dtype):
    """`symgrad generate --single-file`: NAME.c and NAME.h only, no #include of the runtime,
    and the .c compiles with nothing beside it, as C99 and (when there is a C++ compiler) C++."""
    from codegen.cli import main

    stem = "classifier_ce" + ("_f32" if dtype == "float32" else "")
    out = tmp_path / "out"
    assert (
        main(
            [
                "generate",
                str(ROOT / "examples" / "classifier_ce.toml"),
                "-o",
                str(out),
                "--dtype",
                dtype,
                "--single-file",
                "--no-build",
            ]
        )
        == 0
    )
    assert sorted(p.name for p in out.iterdir()) == [f"{stem}.c", f"{stem}.h"]
    text = (out / f"{stem}.c").read_text(encoding="utf-8")
    assert RUNTIME_HEADER.join('""') not in text and f"<{RUNTIME_HEADER}>" not in text
    assert "static void sg_gemm_rows1_b(" in text and "SG_INLINE int sg_all_finite(" in text
    elsewhere = tmp_path / "elsewhere"  # no header anywhere near the compile
    elsewhere.mkdir()
    _compile([CC, "-std=c99", "-Wall", "-Werror", "-O1", "-c", str(out / f"{stem}.c"), "-o", "k.o"], elsewhere)
    if CXX is not None:
        _compile(
            [CXX, "-x", "c++", "-std=c++11", "-Wall", "-Werror", "-O1", "-c", str(out / f"{stem}.c"), "-o", "kx.o"],
            elsewhere,
        )


@pytest.mark.skipif(CC is None or CXX is None, reason="needs a C and a C++ compiler")
def test_golden_compiles_as_cxx(tmp_path):
    """A golden model file and the runtime header also compile as C++ (restrict, extern "C")."""
    _compile(
        [
            CXX,
            "-x",
            "c++",
            "-std=c++11",
            "-Wall",
            "-Werror",
            "-O1",
            "-fno-math-errno",
            "-I",
            str(GOLDEN),
            "-c",
            str(GOLDEN / "classifier_ce.c"),
            "-o",
            "k.o",
        ],
        tmp_path,
    )


@pytest.mark.skipif(CC is None, reason="no C compiler")
def test_a_foreign_runtime_header_is_a_compile_error(tmp_path):
    """A model file next to a runtime header of another symgrad version does not compile (the
    header's SYMGRAD_RUNTIME_ID is checked), rather than mixing two versions' code."""
    shutil.copy(GOLDEN / "two_two_one.c", tmp_path / "two_two_one.c")
    old = runtime_header()
    assert old.count("#define SYMGRAD_RUNTIME_ID 0x") == 1
    (tmp_path / RUNTIME_HEADER).write_text(
        old.replace("#define SYMGRAD_RUNTIME_ID 0x", "#define SYMGRAD_RUNTIME_ID 0x1")
    )
    r = subprocess.run([CC, "-std=c99", "-fsyntax-only", "two_two_one.c"], capture_output=True, text=True, cwd=tmp_path)
    assert r.returncode != 0 and "is not the one generated with this file" in r.stderr


def test_module_build_compiles_the_runtime_it_includes(monkeypatch, tmp_path):
    """kernel.compile hands the build one translation unit with the runtime inlined, so the
    runtime's text is part of the content hash that keys the module cache: a changed runtime
    can never load a module built from an old one."""
    import codegen.build as build
    from codegen import kernel

    seen = []

    def fake_build(c_source, cdef, **kw):
        seen.append(c_source)
        raise build.BuildError("stop here")

    monkeypatch.setattr(build, "build_module", fake_build)
    with pytest.raises(build.BuildError, match="stop here"):
        kernel.compile(load_spec(ROOT / "examples" / "two_two_one.toml"), cache_dir=tmp_path)
    (c_source,) = seen
    assert RUNTIME_INCLUDE not in c_source and runtime_header() in c_source
    flags = ["-O3"]
    changed = c_source.replace("SG_INLINE sg_real sg_relu(", "SG_INLINE sg_real sg_relu_(")
    assert build.cache_key(c_source, "", flags) != build.cache_key(changed, "", flags)
