"""The C printer: stable forms, powers, branches, float32 spelling."""

import sympy as sp

from codegen.cprinter import make_printer, prepare
from symbolic.catalogue import elu, gelu, ifpos, leaky_relu, maximum, relu, sigmoid, silu, softplus

x, y = sp.symbols("x y", real=True)


def p(e, dtype="float64"):
    return make_printer(dtype).doprint(prepare(e))


def test_catalogue_functions_print_as_stable_helpers():
    assert p(sigmoid(x)) == "sg_sigmoid(x)"
    assert p(softplus(x)) == "sg_softplus(x)"
    assert p(relu(x)) == "sg_relu(x)"
    assert p(silu(x)) == "sg_silu(x)" and p(gelu(x)) == "sg_gelu(x)"
    assert p(leaky_relu(x, sp.Rational(1, 100))).startswith("sg_leaky_relu(x, ")
    assert p(elu(x, 1)).startswith("sg_elu(x, ")
    assert p(maximum(x, y)) == "sg_max(x, y)"


def test_branches_are_strict_ternaries_never_heaviside():
    assert p(ifpos(x, 1, 0)) == "((x) > 0 ? (1.0) : (0.0))"
    assert "Heaviside" not in p(sp.Heaviside(x)) and "> 0" in p(sp.Heaviside(x))
    assert p(sp.DiracDelta(x)) == "0.0"
    d2 = sp.diff(relu(x), x, 2)
    assert "Heaviside" not in p(d2)


def test_integer_powers_are_products_and_rationals_are_real():
    assert p(x**2) == "(x*x)"
    assert p(x**3) == "(x*x*x)"
    assert p(x**-2) == "(1.0/(x*x))"
    assert p(sp.sqrt(x)) == "sqrt(x)"
    assert p(x / 2) in ("(1.0/2.0)*x", "((1.0/2.0))*x")
    assert "pow" in p(x ** sp.Rational(1, 3))


def test_expm1_log1p_rewrites():
    assert "expm1(x)" in p(sp.exp(x) - 1)
    assert "log1p(x)" in p(sp.log(1 + x))


def test_float32_spelling():
    out = p(sp.tanh(x) * sp.Rational(1, 2) + sp.Float(0.25) * sp.exp(x) + sp.pi, "float32")
    assert "tanhf(" in out and "expf(" in out
    assert "0.25F" in out and "(1.0F/2.0F)" in out and "3.14159" in out and "M_PI" not in out


# ---- numbers and names that reach C (issue 8: no code from data) ------------------------------------


def test_literals_are_repr_exact():
    import struct

    for v in (0.1, 1 / 3, 2.5e-308, 1.7976931348623157e308, -123456789.125):
        s = p(sp.Float(v, 17) * x).replace("*x", "")
        assert float(s) == v and struct.pack("<d", float(s)) == struct.pack("<d", v)


def test_non_finite_or_overflowing_constants_are_refused():
    import pytest

    from codegen.c_safe import CSafeError

    for e in (sp.Float("1e400") * x, sp.Integer(10) ** 400 * x, sp.oo * x, sp.nan, sp.zoo):
        with pytest.raises(CSafeError, match="finite"):
            make_printer("float64").doprint(e)
    with pytest.raises(CSafeError, match="finite float"):  # finite double, inf as a float
        make_printer("float32").doprint(sp.Float("1e39") * x)
    assert p(sp.Float("1e38") * x, "float32") == "1e+38F*x"


def test_symbols_must_be_safe_identifiers():
    import pytest

    from codegen.c_safe import CSafeError

    bad = sp.Symbol("a */ system(0); /*", real=True)
    with pytest.raises(CSafeError, match="not a safe C identifier"):
        make_printer("float64").doprint(bad + x)


def test_emit_rejects_unknown_or_empty_function_lists():
    import pytest

    from codegen.emit import EmitError, emit
    from symbolic.bundled import load_graph

    g = load_graph("two_two_one")
    with pytest.raises(EmitError, match=r"unknown function.*lossgrad"):
        emit(g, what=("lossgrad",))
    with pytest.raises(EmitError, match="no function"):
        emit(g, what=())
