"""Jupyter display (issue 12, part 2): symgrad.derive, evaluate, verify and step_table results
print as the CLI's text (`str()` equals what `symgrad …` writes to stdout), show as Markdown and
LaTeX in a notebook (`_repr_markdown_`, `_repr_latex_`), the LaTeX compiles with pdflatex (as
an article with amsmath/amssymb only, like tests/test_latex_compile.py) and stays inside `$$`
displays MathJax typesets, Markdown tables are well formed, and the bundled tutorial notebook runs
under nbclient with the seed's numbers in its outputs."""

from __future__ import annotations

import json
import os
import pickle
import re
import shutil
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest

import symgrad
from symbolic.point import derivation, evaluate_point
from symbolic.printing import derive_report
from symbolic.tables import step_table, table_markdown, table_text
from symbolic.verify_report import render

from conftest import EXAMPLES

PDFLATEX = shutil.which("pdflatex")
NOTEBOOK = "derive_in_jupyter.ipynb"
SEED_CASE = "s001_worked_example_II_relu_tanh_sigmoid"  # seed 001 §2.8, Tables 2.4–2.7


def cli(*args: str, cwd: Path) -> str:
    """stdout of the installed `symgrad` command (exit 0 or 1: verify's verdict)."""
    script = Path(sys.executable).with_name("symgrad")
    cmd = [str(script)] if script.exists() else [sys.executable, "-m", "codegen.cli"]
    r = subprocess.run(cmd + list(args), cwd=cwd, check=False, capture_output=True, text=True, timeout=600)
    assert r.returncode in (0, 1), r.stderr
    return r.stdout


# ---- str() is the CLI's text --------------------------------------------------------------------------


@pytest.mark.parametrize(
    "args, kw",
    [
        ([], {}),
        (["--what", "deltas", "--format", "markdown"], {"what": "deltas", "fmt": "markdown"}),
        (["--what", "hvp", "--format", "latex", "--standalone"], {"what": "hvp", "fmt": "latex", "standalone": True}),
        (["--closed-form", "--table"], {"closed_form": True, "table": True}),
    ],
    ids=["grad", "deltas-markdown", "hvp-standalone", "closed-table"],
)
def test_derive_is_the_cli_text(args, kw, tmp_path):
    d = symgrad.derive("worked_example_ii", **kw)
    assert isinstance(d, str)
    assert str(d) == d == cli("derive", "worked_example_ii", *args, cwd=tmp_path)
    g = symgrad.load("worked_example_ii")
    assert d == derive_report(g, **kw)
    # every format of the same derivation, and the Markdown repr is the CLI's --format markdown
    assert d.render("markdown") == d._repr_markdown_() == derive_report(g, fmt="markdown", **_content(kw))
    assert d.render("text") == derive_report(g, **_content(kw))


def _content(kw: dict) -> dict:
    return {k: v for k, v in kw.items() if k not in ("fmt", "standalone")}


def test_derivation_behaves_as_the_str_it_was(tmp_path):
    d = symgrad.derive("worked_example_ii")
    assert d.startswith("worked_example_ii:") and "∂L/∂w3" in d and d.splitlines() == str(d).splitlines()
    assert d + "" == str(d) and type(d + "") is str
    back = pickle.loads(pickle.dumps(d))
    assert back == d and back._repr_latex_() == d._repr_latex_()
    with pytest.raises(ValueError, match="unknown format"):
        symgrad.derive("worked_example_ii", fmt="html")


def test_evaluate_is_eval_and_matches_the_seed(seed_cases, tmp_path):
    e = symgrad.evaluate("worked_example_ii")
    assert str(e) == cli("eval", "worked_example_ii", "--backend", "numpy", cwd=tmp_path)
    assert e.as_json() == json.loads(cli("eval", "worked_example_ii", "--backend", "numpy", "--json", cwd=tmp_path))
    # independent numbers: seed 001 Tables 2.4–2.7 (printed to 6 decimals)
    expected = seed_cases[SEED_CASE]["expected"]
    assert e.objective == pytest.approx(expected["L"], abs=5e-7)
    for p in ("w1", "b1", "w2", "b2", "w3", "b3"):
        assert float(e.grad[p]) == pytest.approx(expected[f"dL/d{p}"], abs=5e-7)
    assert "-0.028814" in e._repr_markdown_() and "-0.028814" in e._repr_latex_()


def test_evaluate_hvp_hessian_and_at_are_eval_with_those_options(tmp_path):
    (tmp_path / "at.json").write_text(json.dumps({"w1": 0.5, "w2": 2.0}))
    args = ("eval", "hvp_quadratic", "--backend", "numpy", "--direction", "hvp_quadratic.direction", "--hessian")
    e = symgrad.evaluate("hvp_quadratic", at=tmp_path / "at.json", direction="hvp_quadratic.direction", hessian=True)
    assert str(e) == cli(*args, "--at", "at.json", cwd=tmp_path)
    assert e.as_json() == json.loads(cli(*args, "--at", "at.json", "--json", cwd=tmp_path))
    # the same point given as dicts; H·u = H u with the dense Hessian, u from the direction file
    same = symgrad.evaluate("hvp_quadratic", at={"w1": 0.5, "w2": 2.0}, direction={"w1": 1, "w2": -1}, hessian=True)
    assert str(same) == str(e)
    order, H = e.hessian
    hu = H @ np.array([1.0, -1.0])
    assert [float(e.hvp[p]) for p in order] == pytest.approx(hu)
    assert e.uHu == pytest.approx(float(np.array([1.0, -1.0]) @ hu))


def test_evaluate_with_an_optimizer_shows_the_step(tmp_path):
    spec = tmp_path / "opt.toml"
    spec.write_text((EXAMPLES / "worked_example_ii.toml").read_text() + '\n[optimizer]\ntype = "sgd"\nlr = 0.1\n')
    e = symgrad.evaluate(spec)
    assert str(e) == cli("eval", str(spec), "--backend", "numpy", cwd=tmp_path)
    for p, v in e.update.items():  # plain SGD: θ − η∇
        assert float(v) == pytest.approx(float(symgrad.load(spec).values[p]) - 0.1 * float(e.grad[p]))


def test_evaluate_rejects_a_name_the_model_lacks():
    from symbolic.evaluate import EvaluationError

    with pytest.raises(EvaluationError, match="'w9'"):
        symgrad.evaluate("worked_example_ii", at={"w9": 1.0})


def test_verify_is_the_cli_report(tmp_path):
    v = symgrad.verify("two_two_one", "two_two_one_formulas")
    assert isinstance(v, list) and len(v) == 7 and not v.ok and v.summary() == "6 passed, 1 failed"
    assert str(v) == cli("verify", "two_two_one", "--claims", "two_two_one_formulas", cwd=tmp_path)
    md = cli("verify", "two_two_one", "--claims", "two_two_one_formulas", "--format", "markdown", cwd=tmp_path)
    assert v._repr_markdown_() == md == render(list(v), "markdown")
    assert v.render("latex") == render(list(v), "latex")


def test_step_table_is_the_cli_table(seed_cases, tmp_path):
    t = symgrad.step_table("worked_example_ii")
    assert str(t) == cli("verify", "worked_example_ii", "--table", cwd=tmp_path)
    md = cli("verify", "worked_example_ii", "--table", "--format", "markdown", cwd=tmp_path)
    assert t._repr_markdown_() == md
    # the seed's table: dL/dw3 = −0.028814 is a row of it
    rows = {r.key: r for r in t}
    assert float(rows["adjoint:w3"].value) == pytest.approx(seed_cases[SEED_CASE]["expected"]["dL/dw3"], abs=5e-7)
    moved = symgrad.step_table("worked_example_ii", at={"x": 3.0})
    assert float(next(r.value for r in moved if r.key == "value:x")) == 3.0


# ---- the reprs IPython picks up --------------------------------------------------------------------------


def _results() -> dict[str, object]:
    return {
        "derive": symgrad.derive("worked_example_ii", table=True),
        "derive deltas": symgrad.derive("two_two_one", what="deltas"),
        "derive hessian": symgrad.derive("dag_softmax_sigmoid", what="hessian"),
        "derive closed form": symgrad.derive("worked_example_ii", closed_form=True),
        "evaluate": symgrad.evaluate("worked_example_ii", direction={"w1": 1.0}, hessian=True),
        "verify": symgrad.verify("two_two_one", "two_two_one_formulas"),
        "verify dag": symgrad.verify("dag_scalar", "dag_formulas_151_159"),
        "verify rounding": symgrad.verify("two_two_one", "two_two_one_section_3_5"),
        "step table": symgrad.step_table("two_two_one"),
    }


@pytest.fixture(scope="module")
def results() -> dict[str, object]:
    return _results()


def test_ipython_formats_every_result(results):
    formatters = pytest.importorskip("IPython.core.formatters", reason="IPython is not installed")
    fmt = formatters.DisplayFormatter()
    for label, obj in results.items():
        data, _ = fmt.format(obj)
        assert {"text/plain", "text/markdown", "text/latex"} <= set(data), label
        assert data["text/plain"] == str(obj), label  # the CLI text, not a quoted repr
        assert data["text/latex"] == obj._repr_latex_() and data["text/markdown"] == obj._repr_markdown_()


_DISPLAY = re.compile(r"\$\$\n(.*?)\n\$\$", re.DOTALL)
# what MathJax cannot typeset: text-mode structure and environments outside its TeX input
_NOT_MATHJAX = re.compile(
    r"\\(sub)*section|\\begin\{(tabular|itemize|align\*?|table)\}|\\multicolumn|\\noindent|\\item\b"
)


def test_latex_reprs_are_mathjax_displays(results):
    for name, obj in results.items():
        tex = obj._repr_latex_()
        assert tex.isascii(), (name, sorted({c for c in tex if not c.isascii()}))
        displays = _DISPLAY.findall(tex)
        assert displays, name
        outside = _DISPLAY.sub("", tex)
        assert not outside.strip(), f"{name}: text outside $$ displays: {outside.strip()[:200]!r}"
        for body in displays:
            assert "\n\n" not in body and "$" not in body.replace(r"\$", ""), (name, body[:200])
            assert not _NOT_MATHJAX.search(body), (name, _NOT_MATHJAX.search(body).group(0))
            assert body.count("{") - body.count(r"\{") == body.count("}") - body.count(r"\}"), (name, body[:200])


def _article(parts: dict[str, str]) -> str:
    lines = ["\\documentclass{article}", "\\usepackage{amsmath}", "\\usepackage{amssymb}", "\\begin{document}"]
    for label, body in parts.items():
        lines += [f"\\clearpage % ---- {label}", body.rstrip("\n")]
    return "\n".join(lines + ["\\end{document}"]) + "\n"


@pytest.mark.skipif(PDFLATEX is None, reason="pdflatex is not installed (apt-get install texlive-latex-base)")
def test_latex_reprs_compile(results, tmp_path):
    """Every _repr_latex_ (what nbconvert pastes into a PDF) as the body of an amsmath article."""
    parts = {label: obj._repr_latex_() for label, obj in results.items()}
    (tmp_path / "doc.tex").write_text(_article(parts), encoding="ascii")
    r = subprocess.run(
        [PDFLATEX, "-interaction=nonstopmode", "-halt-on-error", "-no-shell-escape", "doc.tex"],
        check=False,
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=300,
    )
    log = (tmp_path / "doc.log").read_text(errors="replace") if (tmp_path / "doc.log").exists() else r.stdout
    assert r.returncode == 0, log[log.find("\n!") :][:2000] if "\n!" in log else log[-2000:]
    assert "Undefined control sequence" not in log


def _table_cells(line: str) -> int:
    """Cells of a Markdown table row as a GFM renderer splits it: at every unescaped |, math
    and code spans included."""
    return len(re.split(r"(?<!\\)\|", line.strip().strip("|")))


def test_markdown_tables_and_math_are_well_formed(results):
    for name, obj in results.items():
        md = obj._repr_markdown_()
        assert md.count("$$") % 2 == 0, name
        table: list[str] = []
        for line in md.splitlines() + [""]:
            if line.startswith("|"):
                table.append(line)
                continue
            if table:
                widths = {_table_cells(row) for row in table}
                assert len(widths) == 1, f"{name}: rows with {sorted(widths)} cells in\n" + "\n".join(table[:5])
                assert re.fullmatch(r"\|(---\|)+", table[1]), (name, table[1])
                for row in table[2:]:
                    for cell in re.split(r"(?<!\\)\|", row.strip().strip("|")):
                        assert cell.count("$") % 2 == 0, (name, cell)
                table = []


def test_markdown_step_tables_of_every_bundled_spec_are_well_formed():
    """Every bundled spec's step table (values drawn where the spec has none) has rows of one width."""
    from symbolic.spec import load_spec

    for spec in sorted(EXAMPLES.glob("*.toml")):
        g = load_spec(spec)
        rng = np.random.default_rng(0)
        for n, s in g.leaves().items():
            g.values.setdefault(n, rng.normal(size=s))
        rows = step_table(g, derivation(g), evaluate_point(g, g.values).env)
        lines = table_markdown(rows).splitlines()
        assert {_table_cells(ln) for ln in lines} == {5}, spec.name
        assert table_text(rows)


# ---- the bundled notebook ------------------------------------------------------------------------------------


def test_notebook_is_bundled_and_clean():
    """The tutorial ships with the installed examples (package data '*.ipynb'), saved without
    outputs, its cells naming bundled examples rather than checkout paths."""
    path = EXAMPLES / NOTEBOOK
    assert path.is_file(), f"{NOTEBOOK} is not in the installed examples (package data '*.ipynb')"
    nb = json.loads(path.read_text(encoding="utf-8"))
    assert nb["nbformat"] == 4 and nb["metadata"]["kernelspec"]["language"] == "python"
    code = [c for c in nb["cells"] if c["cell_type"] == "code"]
    assert code and all(not c["outputs"] and c["execution_count"] is None for c in code), "saved with outputs"
    assert not any("examples/" in "".join(c["source"]) for c in code), "cells must find examples by name"
    try:
        import nbformat
    except ImportError:
        return
    nbformat.validate(nbformat.read(path, as_version=4))


def test_notebook_runs_and_shows_the_seed_numbers(seed_cases, tmp_path, monkeypatch):
    nbformat = pytest.importorskip("nbformat", reason="nbformat is not installed (pip install nbformat)")
    nbclient = pytest.importorskip("nbclient", reason="nbclient is not installed (pip install nbclient)")
    pytest.importorskip("ipykernel", reason="ipykernel is not installed (pip install ipykernel)")
    # a kernel spec for this interpreter, so the kernel imports the symgrad under test
    spec_dir = tmp_path / "jupyter" / "kernels" / "symgrad-test"
    spec_dir.mkdir(parents=True)
    argv = [sys.executable, "-m", "ipykernel_launcher", "-f", "{connection_file}"]
    (spec_dir / "kernel.json").write_text(json.dumps({"argv": argv, "display_name": "symgrad", "language": "python"}))
    monkeypatch.setenv("JUPYTER_PATH", str(tmp_path / "jupyter") + os.pathsep + os.environ.get("JUPYTER_PATH", ""))
    run_dir = tmp_path / "elsewhere"  # not the checkout: the cells find the bundled examples by name
    run_dir.mkdir()
    nb = nbformat.read(EXAMPLES / NOTEBOOK, as_version=4)
    client = nbclient.NotebookClient(
        nb, timeout=600, kernel_name="symgrad-test", resources={"metadata": {"path": str(run_dir)}}
    )
    try:
        client.execute()
    except nbclient.exceptions.CellExecutionError as e:
        pytest.fail(f"a notebook cell failed:\n{str(e)[-3000:]}")
    except (RuntimeError, TimeoutError, OSError) as e:  # no kernel could start here
        if client.kc is None or "kernel" in str(e).lower():
            pytest.skip(f"no Jupyter kernel could start: {e}")
        raise
    outputs = [o for c in nb.cells if c.cell_type == "code" for o in c.outputs]
    assert not [o for o in outputs if o.output_type == "error"]
    shown = "\n".join(o.get("text", "") + "".join(str(v) for v in o.get("data", {}).values()) for o in outputs)
    rich = [o for o in outputs if o.output_type == "execute_result" and "text/latex" in o.data]
    assert len(rich) >= 5 and all("text/markdown" in o.data for o in rich)
    expected = seed_cases[SEED_CASE]["expected"]
    for key in ("L", "dL/dw3", "dL/dw1", "dL/db3"):  # seed 001 Tables 2.4–2.7, as printed
        assert f"{expected[key]:.6f}".rstrip("0") in shown, key
    assert f"dL/dw3 = {expected['dL/dw3']:.6f}" in shown
    assert "6 passed, 1 failed" in shown  # the claims file's one wrong formula, as its header says
