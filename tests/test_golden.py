"""generated/: the emitted C of every bundled example, checked in so emission changes are diffs.

Refresh with:  python -m pytest tests/test_golden.py --update   (or SYMGRAD_UPDATE_GOLDEN=1)
"""
import os
import shutil
import subprocess
from pathlib import Path

import pytest

from codegen.emit import emit
from symbolic.spec import load_spec

ROOT = Path(__file__).resolve().parent.parent
GOLDEN = ROOT / "generated"
EXAMPLES = sorted((ROOT / "examples").glob("*.toml"))
HINT = "run  python -m pytest tests/test_golden.py --update  to (re)generate it"


def _sources(spec: Path):
    src = emit(load_spec(spec))
    return {f"{spec.stem}.c": src.c, f"{spec.stem}.h": src.h}


@pytest.mark.parametrize("spec", EXAMPLES, ids=lambda p: p.stem)
def test_golden(spec, update_golden):
    for fname, text in _sources(spec).items():
        path = GOLDEN / fname
        if update_golden:
            GOLDEN.mkdir(exist_ok=True)
            if not path.exists() or path.read_text(encoding="utf-8") != text:
                path.write_text(text, encoding="utf-8")
            continue
        if not path.exists():
            pytest.fail(f"golden file {path.relative_to(ROOT)} is missing: {HINT}")
        assert path.read_text(encoding="utf-8") == text, \
            f"{path.relative_to(ROOT)} differs from the emitted C: review the change, then {HINT}"


CC = shutil.which(os.environ.get("CC", "cc")) or shutil.which("gcc") or shutil.which("clang")


@pytest.mark.skipif(CC is None, reason="no C compiler")
@pytest.mark.parametrize("spec", EXAMPLES, ids=lambda p: p.stem)
def test_golden_compiles_standalone(spec, tmp_path):
    """The .c needs no Python headers: plain C99 + libm; the .h declares what the .c defines."""
    c = GOLDEN / f"{spec.stem}.c"
    if not c.exists():
        pytest.skip(f"no golden file yet: {HINT}")
    r = subprocess.run([CC, "-std=c99", "-Wall", "-Werror", "-O1", "-c", str(c), "-o", str(tmp_path / "k.o")],
                       capture_output=True, text=True)
    assert r.returncode == 0, r.stderr
    user = tmp_path / "user.c"
    user.write_text(f'#include "{spec.stem}.h"\nint main(void) {{ return 0; }}\n')
    r = subprocess.run([CC, "-std=c99", "-Wall", "-Werror", "-I", str(GOLDEN), "-c", str(user),
                        "-o", str(tmp_path / "u.o")], capture_output=True, text=True)
    assert r.returncode == 0, r.stderr
