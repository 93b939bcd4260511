"""The catalogue (symbolic/catalogue.py) is the single source of every function, loss and
penalty: this file enumerates it and checks every consumer against it, so a new entry that
lacks a piece (numpy form, C helper, LaTeX, kink declaration, reference numerics, spec option
checks) fails here by name.

The oracles are independent of the code under test: numpy forms are checked against the
hand-written numerics of codegen/reference_graph.py, SymPy derivatives against central
differences of the numpy forms, declared Clarke intervals against one-sided differences,
smoothness against derivative jumps on a grid, and the C helpers against the runtime template's
own definitions.
"""

from __future__ import annotations

import re
from pathlib import Path

import numpy as np
import pytest
import sympy as sp

from codegen import reference as ref_layer
from codegen import reference_graph as ref_graph
from codegen.cprinter import make_printer
from symbolic import catalogue as cat
from symbolic import spec_schema
from symbolic.evaluate import compile_template
from symbolic.latex_claims import latex_to_ast
from symbolic.spec import SpecError, parse_spec

X = sp.Symbol("x")
ALPHA = 0.3  # an option value where every kink is a real kink (α ≠ 1)
# the other tensor arguments of multi-argument functions, fixed: max(x, 0), ifpos(x, 2, -1)
OTHER_ARGS = {2: (sp.Integer(0),), 3: (sp.Integer(2), sp.Integer(-1))}
ELEMENTWISE = sorted(n for n, e in cat.CATALOGUE.items() if e.kind == "elementwise")
FUNCTION_CLASSES = sorted(n for n in ELEMENTWISE if isinstance(cat.CATALOGUE[n].sympy_fn, type))
TEMPLATES = Path(__file__).resolve().parent.parent / "templates"


def applied(name: str) -> sp.Expr:
    """The entry applied to x (other tensor arguments fixed, options at ALPHA)."""
    e = cat.CATALOGUE[name]
    args = (X,) + OTHER_ARGS.get(e.n_tensor_args, ()) + tuple(sp.Float(ALPHA) for _ in e.params)
    return e.sympy_fn(*args)


def numpy_at(name: str, x) -> np.ndarray:
    e = cat.CATALOGUE[name]
    extra = [float(a) for a in OTHER_ARGS.get(e.n_tensor_args, ())] + [ALPHA] * len(e.params)
    return np.asarray(e.numpy(np.asarray(x, dtype=float), *extra), dtype=float)


def symgrad_derivative(name: str, x) -> np.ndarray:
    """symgrad's own ∂f/∂x (SymPy's derivative through the catalogue's fdiff), numerically."""
    d = cat.real_diff(applied(name), X)
    d = d.replace(lambda t: isinstance(t, sp.DiracDelta), lambda t: sp.S.Zero)
    return np.broadcast_to(np.asarray(compile_template(d)({"x": np.asarray(x, dtype=float)}), dtype=float), np.shape(x))


def grid(name: str) -> np.ndarray:
    g = np.linspace(-3.0, 3.0, 61) + 0.0123  # no grid point on a kink
    return g[g > 0] if cat.CATALOGUE[name].domain == "positive" else g


# ---- the catalogue itself -------------------------------------------------------------------------


@pytest.mark.parametrize("name", sorted(cat.CATALOGUE))
def test_entry_is_complete(name):
    e = cat.CATALOGUE[name]
    assert e.role in cat.ROLES
    assert e.latex, f"{name} has no LaTeX"
    assert e.domain in ("real", "positive", "unit") and e.range in ("real", "positive", "unit")
    assert len(e.params) == len(e.defaults) == len(e.options)
    for opt, exact in zip(e.options, e.defaults, strict=True):
        assert opt.check in cat.OPTION_CHECKS
        assert float(exact) == float(opt.default)  # the call default is the spec default
    if e.role == "loss":
        assert e.formula and e.n_tensor_args == 2
    if e.kind == "elementwise":
        assert e.sympy_fn is not None and e.numpy is not None, f"{name}: SymPy and numpy forms"
        assert e.derivative


def test_roles_partition_the_names_consumers_use():
    assert tuple(cat.loss_names()) == spec_schema.LOSS_TYPES
    assert tuple(cat.activation_names()) == spec_schema.ACTIVATIONS
    assert set(spec_schema.ALPHA_ACTIVATIONS) == {
        n for n in cat.activation_names() if "alpha" in cat.CATALOGUE[n].params
    }
    assert tuple(cat.PENALTIES) == spec_schema.PENALTY_TYPES
    for name, p in cat.PENALTIES.items():
        assert p.role == "penalty" and p.latex
        assert spec_schema.PENALTY_OPTIONS[name] == ("type",) + p.keys


# ---- numpy form and SymPy derivative ----------------------------------------------------------------


@pytest.mark.parametrize("name", FUNCTION_CLASSES)
def test_numpy_form_matches_the_hand_written_reference(name):
    """The evaluator's numpy form against codegen/reference_graph.py's own numerics."""
    e = cat.CATALOGUE[name]
    assert e.sympy_fn in ref_graph._FUNCS, f"reference_graph.py lacks {name}"
    x = grid(name)
    extra = [float(a) for a in OTHER_ARGS.get(e.n_tensor_args, ())] + [ALPHA] * len(e.params)
    want = ref_graph._FUNCS[e.sympy_fn][0](x, *extra)
    np.testing.assert_allclose(numpy_at(name, x), np.broadcast_to(want, x.shape), rtol=1e-13, atol=1e-15)
    # and the numeric evaluator uses this form for the SymPy class
    np.testing.assert_allclose(compile_template(applied(name))({"x": x}), numpy_at(name, x), rtol=1e-13, atol=1e-15)


@pytest.mark.parametrize("name", ELEMENTWISE)
def test_sympy_derivative_matches_differences_of_the_numpy_form(name):
    x = grid(name)
    h = 1e-6
    fd = (numpy_at(name, x + h) - numpy_at(name, x - h)) / (2 * h)
    np.testing.assert_allclose(symgrad_derivative(name, x), fd, rtol=1e-6, atol=1e-7)


# ---- kinks ------------------------------------------------------------------------------------------


def test_kinked_functions_are_those_the_reference_treats_as_kinked():
    assert set(cat.kinked_functions()) == set(ref_graph._KINKED)


@pytest.mark.parametrize("name", [n for n in ELEMENTWISE if not cat.CATALOGUE[n].kinks])
def test_functions_without_declared_kinks_are_smooth(name):
    """No jump of the derivative (nor of the value) anywhere on a fine grid through 0."""
    x = (
        np.concatenate([grid(name), [1e-9, 0.5]])
        if cat.CATALOGUE[name].domain == "positive"
        else np.concatenate([grid(name), [0.0]])
    )
    for eps in (1e-7,):
        lo, hi = x - eps, x + eps
        if cat.CATALOGUE[name].domain == "positive":
            keep = lo > 0
            x, lo, hi = x[keep], lo[keep], hi[keep]
        dv = np.abs(numpy_at(name, hi) - numpy_at(name, lo))
        assert np.all(dv < 1e-5 * (1 + np.abs(numpy_at(name, x)))), f"{name} jumps: declare its kink"
        dd = np.abs(symgrad_derivative(name, hi) - symgrad_derivative(name, lo))
        assert np.all(dd < 1e-3 * (1 + np.abs(symgrad_derivative(name, x)))), (
            f"{name}'s derivative jumps near x = {x[np.argmax(dd)]}: declare its kink"
        )


@pytest.mark.parametrize("name", [n for n in ELEMENTWISE if cat.CATALOGUE[n].kinks])
def test_declared_kink_and_its_clarke_interval(name):
    """At the declared kink (the side expression is 0 at x = 0) the one-sided derivatives are
    the ends of the declared Clarke interval, and symgrad's own derivative lies within it."""
    e = cat.CATALOGUE[name]
    node = applied(name)
    sides = cat.kink_sides(node)
    assert sides, f"{name}: a kink without a side expression"
    assert all(sp.simplify(s.subs(X, 0)) == 0 for s in sides)
    for k in e.kinks:
        assert k.where and k.subdifferential and k.policy
        h = 1e-7
        right = float((numpy_at(name, h) - numpy_at(name, 0.0)) / h)
        left = float((numpy_at(name, 0.0) - numpy_at(name, -h)) / h)
        if k.clarke is None:  # no Clarke interval: the value itself jumps at the kink
            assert abs(float(numpy_at(name, h) - numpy_at(name, -h))) > 0.5, f"{name} does not jump"
            continue
        lo, hi = k.clarke(*[ALPHA] * len(e.params))
        np.testing.assert_allclose(sorted([left, right]), [lo, hi], atol=1e-6)
        own = float(symgrad_derivative(name, 0.0))
        assert lo - 1e-12 <= own <= hi + 1e-12, f"{name}'({0}) = {own} is outside [{lo}, {hi}]"


def _probe_graph(name: str):
    text = f'[model]\ninputs = ["t[3]"]\nparams = ["w[3]"]\nobjective = "J"\n[forward]\nJ = "{name}(w, t)"\n'
    return parse_spec(text, f"<probe {name}>")


@pytest.mark.parametrize("name", cat.loss_names())
def test_loss_kinks_declared_iff_its_formula_uses_a_kinked_function(name):
    g = _probe_graph(name)
    kinked = cat.kinked_functions()
    uses = any(a.expr is not None and a.expr.has(*kinked) for a in g.assignments)
    assert uses == bool(cat.CATALOGUE[name].kinks), (
        f"loss {name}: formula {'uses' if uses else 'has no'} kinked primitive; kinks declared: "
        f"{cat.CATALOGUE[name].kinks}"
    )


# ---- C printer ------------------------------------------------------------------------------------


def _runtime_text() -> str:
    return "\n".join(p.read_text(encoding="utf-8") for p in sorted(TEMPLATES.rglob("*.j2")))


@pytest.mark.parametrize("name", FUNCTION_CLASSES)
@pytest.mark.parametrize("dtype", ["float64", "float32"])
def test_c_printer_prints_every_function(name, dtype):
    e = cat.CATALOGUE[name]
    c = make_printer(dtype).doprint(applied(name))
    assert "Not supported" not in c and "//" not in c, c
    if e.c_helper:
        assert c.startswith(e.c_helper + "("), c
        assert re.search(r"\b" + re.escape(e.c_helper) + r"\s*\(\s*sg_real\b", _runtime_text()), (
            f"the C runtime template defines no {e.c_helper}"
        )


def test_subclass_prints_as_its_catalogue_base():
    assert make_printer("float64").doprint(cat.sigmoid_tail(X)) == "sg_sigmoid(x)"


# ---- LaTeX ------------------------------------------------------------------------------------------


@pytest.mark.parametrize("name", [n for n in ELEMENTWISE if n not in ("identity", "ifpos")])
def test_latex_prints_and_reads_back(name):
    """The LaTeX symgrad prints for the function is read back as a call of the same name."""
    tex = sp.latex(applied(name).subs(X, sp.Symbol("z1")))
    ast = latex_to_ast(tex, {"z1": ()}, "J")
    assert ast[0] == "call" and ast[1] == name, (tex, ast)


@pytest.mark.parametrize("word, name", sorted(cat.latex_words().items()))
def test_every_declared_latex_word_is_read(word, name):
    e = cat.CATALOGUE[name]
    args = ", ".join(["z_{1}"] * (e.n_tensor_args if e.kind == "elementwise" else 1))
    ast = latex_to_ast(rf"\operatorname{{{word}}}({args})", {"z1": (3,)}, "J")
    assert ast[:2] == ("call", name)


# ---- spec parsing ---------------------------------------------------------------------------------


def _layered(loss_table: str, act: str = "identity", extra_layer: str = "") -> str:
    return (
        '[model]\ninput = 3\n[[layers]]\ndense = 4\nactivation = "tanh"\n'
        f'[[layers]]\ndense = 2\nactivation = "{act}"\n{extra_layer}[loss]\n{loss_table}\n'
    )


def _numbers(g) -> np.ndarray:
    """The objective at a fixed point (to compare two graphs of the same model)."""
    rng = np.random.default_rng(0)
    vals = {n: rng.uniform(0.1, 0.9, s) for n, s in g.leaves().items()}
    return np.asarray(ref_graph.graph_forward(g, vals)[g.objective], dtype=float)


@pytest.mark.parametrize("loss", cat.loss_names())
def test_spec_accepts_every_loss_and_its_options(loss):
    e = cat.CATALOGUE[loss]
    out = "identity" if e.domain == "real" else "sigmoid"  # outputs inside the loss's domain
    plain = parse_spec(_layered(f'type = "{loss}"', out), f"<{loss}>")
    explicit = "\n".join(f"{o.name} = {str(o.default).lower()}" for o in e.options)
    full = parse_spec(_layered(f'type = "{loss}"\n{explicit}', out), f"<{loss} options>")
    assert np.isfinite(_numbers(plain))
    np.testing.assert_allclose(_numbers(plain), _numbers(full), rtol=1e-14)
    for o in e.options:
        bad = {"flag": "1", "positive": "0", "nonnegative": "-1", "number": '"x"'}[o.check]
        with pytest.raises(SpecError) as info:
            parse_spec(_layered(f'type = "{loss}"\n{o.name} = {bad}'), "<bad option>")
        assert o.name in str(info.value) and "\n" not in str(info.value)


def test_loss_option_of_another_loss_is_refused():
    with pytest.raises(SpecError, match="does not apply to loss type 'mse'"):
        parse_spec(_layered('type = "mse"\ndelta = 1.0'), "<mse delta>")


@pytest.mark.parametrize("loss", cat.loss_names())
def test_misspelt_loss_suggests_the_catalogue_name(loss):
    with pytest.raises(SpecError) as info:
        parse_spec(_layered(f'type = "{loss}s"'), "<typo>")
    hint = re.search(r"did you mean ([^?]*)\?", str(info.value))
    assert hint and loss in hint.group(1).split(", "), str(info.value)


@pytest.mark.parametrize("act", cat.activation_names())
def test_spec_accepts_every_activation(act):
    g = parse_spec(_layered('type = "mse"', act), f"<{act}>")
    assert g.info.layers[-1].activation == act


def test_misspelt_activation_suggests_the_catalogue_name():
    with pytest.raises(SpecError, match="did you mean leaky_relu"):
        parse_spec(_layered('type = "mse"', "leaky_rlu"), "<typo>")


@pytest.mark.parametrize("act", spec_schema.ALPHA_ACTIVATIONS)
def test_alpha_activations_take_alpha(act):
    g = parse_spec(_layered('type = "mse"', act, "alpha = 0.3\n"), f"<{act} alpha>")
    h = g.by_name[g.info.layers[-1].h].expr
    assert float(h.args[1]) == 0.3


@pytest.mark.parametrize("penalty", sorted(cat.PENALTIES))
def test_spec_accepts_every_penalty(penalty):
    keys = {"l2": "lam = 0.1", "l1": "lam = 0.1", "lp": "lam = 0.1\np = 1.5"}[penalty]
    g = parse_spec(_layered('type = "mse"') + f'[penalty]\ntype = "{penalty}"\n{keys}\n', "<pen>")
    assert g.info.penalty_name == "R"


# ---- the numeric references cover the catalogue ---------------------------------------------------


def test_layer_reference_covers_exactly_the_catalogue():
    """codegen/reference.py keeps its own numerics; its tables list what the catalogue lists."""
    assert set(ref_layer.ACTIVATIONS) | {"softmax", "log_softmax"} >= set(cat.activation_names())
    assert set(ref_layer.activation_names()) == set(cat.activation_names())
    assert set(ref_layer.LOSSES) == set(cat.loss_names())
    assert set(ref_layer.PENALTIES) == set(cat.PENALTIES)
    assert {n: cat.CATALOGUE[n].options[0].default for n in spec_schema.ALPHA_ACTIVATIONS} == ref_layer._DEFAULT_ALPHA
    assert set(ref_layer._POSITIVE_DOMAIN) == {
        n for n in cat.activation_names() if cat.CATALOGUE[n].domain == "positive"
    }


def test_graph_reference_covers_every_function_class():
    missing = {n for n in FUNCTION_CLASSES if cat.CATALOGUE[n].sympy_fn not in ref_graph._FUNCS}
    assert not missing, f"codegen/reference_graph.py lacks {sorted(missing)}"
