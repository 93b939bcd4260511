"""`derive --format latex` output compiles with pdflatex: the fragment of every bundled example
(gradient, deltas, Hessian, HVP, step table) as the body of an article loading only amsmath and
amssymb, and the --standalone document on its own. Skipped only when pdflatex is not installed."""

import re
import shutil
import subprocess
from pathlib import Path

import numpy as np
import pytest

from symbolic.graph import GraphError
from symbolic.latex_doc import standalone_document
from symbolic.point import derivation, evaluate_point
from symbolic.printing import MAX_SYMBOLIC_HESSIAN, derive_report
from symbolic.spec import load_spec, parse_spec
from symbolic.tables import step_table, table_latex

from conftest import EXAMPLES

PDFLATEX = shutil.which("pdflatex")
pytestmark = pytest.mark.skipif(
    PDFLATEX is None, reason="pdflatex is not installed (apt-get install texlive-latex-base)"
)
SPECS = sorted(EXAMPLES.glob("*.toml"))

SOFTMAX_OUT = """
[model]
name = "softmax_out"
input = 3
[[layers]]
dense = 4
activation = "leaky_relu"
alpha = 0.1
[[layers]]
dense = 3
activation = "softmax"
[loss]
type = "mse"
half = true
"""


def with_values(g, seed=0):
    """The graph with deterministic values for every input and parameter the spec leaves open
    (so layered specs get a step table too)."""
    rng = np.random.default_rng(seed)
    for n, s in g.leaves().items():
        if n not in g.values:
            g.values[n] = rng.normal(size=s)
    return g


def hessian_wrt(g) -> list[str] | None:
    """All parameters when the symbolic Hessian is small enough, else the smallest ones."""
    if g.n_params() <= MAX_SYMBOLIC_HESSIAN:
        return None
    chosen, total = [], 0
    for p in sorted(g.params, key=lambda p: int(np.prod(g.params[p]))):
        n = int(np.prod(g.params[p]))
        if total + n > 4:
            break
        chosen.append(p)
        total += n
    return chosen


def fragments(g, closed_forms: bool = True) -> dict[str, str]:
    """Every `derive --format latex` output worth compiling for graph g, by a readable label
    (closed forms, the Jacobian among them, only with `closed_forms`)."""
    out = {}
    for what in ("grad", "deltas", "hessian", "hvp") + (("jacobian",) if closed_forms else ()):
        wrt = hessian_wrt(g) if what == "hessian" else None
        try:
            out[what] = derive_report(g, what=what, wrt=wrt, fmt="latex")
        except GraphError as e:  # e.g. a closed-form Jacobian of a large model: a clear refusal
            assert "closed form" in str(e), e
    out["grad --table"] = derive_report(g, what="grad", fmt="latex", table=True)
    if closed_forms and g.n_params() + sum(int(np.prod(s)) for s in g.inputs.values()) <= 64:
        for what in ("grad", "deltas", "hvp") + (("hessian",) if g.n_params() <= 6 else ()):
            out[f"{what} --closed-form"] = derive_report(g, what=what, fmt="latex", closed_form=True)
    return out


def compile_tex(doc: str, where: Path) -> subprocess.CompletedProcess:
    where.mkdir(parents=True, exist_ok=True)
    (where / "doc.tex").write_text(doc, encoding="utf-8")
    return subprocess.run(
        [PDFLATEX, "-interaction=nonstopmode", "-halt-on-error", "-no-shell-escape", "doc.tex"],
        check=False,
        cwd=where,
        capture_output=True,
        text=True,
        timeout=300,
    )


def assert_compiles(doc: str, where: Path, labels: list[tuple[int, str]] = ()) -> None:
    """pdflatex exits 0; on failure name the fragment at the failing line and show the log."""
    r = compile_tex(doc, where)
    if r.returncode == 0:
        return
    log = (where / "doc.log").read_text(errors="replace")
    m = re.search(r"^l\.(\d+)", log, re.MULTILINE)
    culprit = ""
    if m:
        line = int(m.group(1))
        culprit = next((lbl for start, lbl in reversed(labels) if start <= line), "?")
    err = log[log.find("\n!") :][:1500] if "\n!" in log else log[-3000:]
    pytest.fail(f"pdflatex failed (exit {r.returncode}) in fragment {culprit!r}:\n{err}")


def article(parts: dict[str, str]) -> tuple[str, list[tuple[int, str]]]:
    """One article holding every fragment, and the line where each one starts."""
    lines = ["\\documentclass{article}", "\\usepackage{amsmath}", "\\usepackage{amssymb}", "\\begin{document}"]
    labels = []
    for label, body in parts.items():
        if not body:
            continue
        lines.append(f"\\clearpage % ---- {label}")
        labels.append((len(lines) + 1, label))
        lines += body.rstrip("\n").split("\n")
    lines.append("\\end{document}")
    return "\n".join(lines) + "\n", labels


@pytest.mark.parametrize("spec", SPECS, ids=lambda p: p.stem)
def test_every_latex_fragment_of_an_example_compiles(spec, tmp_path):
    g = with_values(load_spec(spec))
    parts = {f"{spec.stem} {k}": v for k, v in fragments(g).items()}
    doc, labels = article(parts)
    assert doc.isascii(), sorted({c for c in doc if not c.isascii()})
    assert_compiles(doc, tmp_path, labels)


def test_softmax_output_layer_compiles(tmp_path):
    g = with_values(parse_spec(SOFTMAX_OUT, "softmax_out.toml"))
    doc, labels = article(fragments(g, closed_forms=False))
    assert_compiles(doc, tmp_path, labels)


def test_standalone_documents_compile_on_their_own(tmp_path):
    for i, (name, kw) in enumerate(
        [
            ("worked_example_ii", {"table": True}),
            ("classifier_ce", {"what": "deltas"}),
            ("dag_softmax_sigmoid", {"what": "hvp"}),
        ]
    ):
        g = load_spec(EXAMPLES / f"{name}.toml")
        doc = derive_report(g, fmt="latex", standalone=True, **kw)
        assert doc.startswith("\\documentclass") and doc.rstrip().endswith("\\end{document}")
        assert_compiles(doc, tmp_path / str(i))


def test_step_table_with_verify_marks_compiles(tmp_path):
    g = load_spec(EXAMPLES / "two_two_one.toml")
    rows = step_table(g, derivation(g), evaluate_point(g, g.values).env)
    marks = {rows[3].step: "✓ claim holds", rows[20].step: "✗ claimed 0.215271"}
    assert_compiles(standalone_document(table_latex(rows, marks), "two_two_one: step table"), tmp_path)


def test_a_broken_fragment_is_reported(tmp_path):
    """The harness itself fails on bad LaTeX (a double superscript), naming the fragment."""
    doc, labels = article({"good": "$x^{2}$", "bad": "$\\delta^{(2)}h^{(1)}^{\\top}$"})
    r = compile_tex(doc, tmp_path)
    assert r.returncode != 0
    with pytest.raises(pytest.fail.Exception, match="'bad'"):
        assert_compiles(doc, tmp_path, labels)
