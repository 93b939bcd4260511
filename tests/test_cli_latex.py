"""`--format latex --standalone` from the command line: the printed document compiles as is."""

from __future__ import annotations

import contextlib
import io
import shutil
import subprocess

import pytest

from codegen.cli import main

pytestmark = pytest.mark.skipif(
    shutil.which("pdflatex") is None, reason="pdflatex not installed (apt-get install texlive-latex-base)"
)


def printed(*argv: str) -> str:
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        code = main(list(argv))
    assert code in (0, 1)
    return out.getvalue()


def compiles(tex: str, tmp_path) -> None:
    (tmp_path / "doc.tex").write_text(tex, encoding="utf-8")
    r = subprocess.run(
        ["pdflatex", "-interaction=nonstopmode", "-halt-on-error", "doc.tex"],
        cwd=tmp_path,
        check=False,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert r.returncode == 0, r.stdout[-3000:]
    assert (tmp_path / "doc.pdf").stat().st_size > 0


@pytest.mark.parametrize(
    "argv",
    [
        ["derive", "worked_example_ii", "--format", "latex", "--standalone", "--table"],
        ["derive", "mlp_tanh", "--what", "deltas", "--format", "latex", "--standalone"],
        [
            "verify",
            "worked_example_ii",
            "--claims",
            "worked_example_ii_table_3_2.claims",
            "--table",
            "--format",
            "latex",
            "--standalone",
        ],
        ["verify", "two_two_one", "--claims", "two_two_one_section_3_5.claims", "--format", "latex", "--standalone"],
    ],
    ids=lambda a: " ".join(a[:2]),
)
def test_standalone_document_compiles(argv, tmp_path):
    tex = printed(*argv)
    assert tex.startswith("\\documentclass") and tex.rstrip().endswith("\\end{document}")
    compiles(tex, tmp_path)
