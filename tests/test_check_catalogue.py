"""`symgrad check` covers the whole catalogue: every loss × activation a layered spec accepts.

* parity: the hand-written references (codegen.reference, codegen.reference_graph) know every
  function the catalogue and the layered spec accept; a new catalogue entry without a
  reference implementation fails here by name;
* numpy side, every combination (fast, nothing compiled): the layer-wise reference (R-operator
  HVP) against the graph-wise reference and central differences, at the check's own points;
* compiled side, a representative subset: one network per loss the layer-wise reference was
  missing (sse, nll, focal, dice, kl) whose hidden and output layers together use every
  activation, through run_check and, for one, the `symgrad check` command.
"""

from __future__ import annotations

import shutil
import time

import numpy as np
import pytest

from codegen import reference as ref_layer
from codegen import reference_graph as ref_graph
from codegen.check import CheckError, compare_references, format_table, run_check
from symbolic.catalogue import CATALOGUE, activation_names
from symbolic.spec import LOSS_TYPES, parse_spec

CC = shutil.which("cc") or shutil.which("gcc") or shutil.which("clang")
# losses that take probabilities: outputs must lie in their domain
PROB_OUTPUTS = {
    "nll": {"softmax", "sigmoid", "exp", "softplus"},
    "kl": {"softmax", "sigmoid", "exp", "softplus"},
    "bce": {"softmax", "sigmoid"},
}
NATURAL_OUTPUT = {"nll": "softmax", "kl": "softmax", "bce": "sigmoid", "dice": "sigmoid"}


def layered(loss: str, hidden: list[str], out: str, units: int = 3, extra: str = "") -> str:
    text = f'[model]\nname = "cat_{loss}"\ninput = 3\n'
    for act in hidden:
        text += f'[[layers]]\ndense = 4\nactivation = "{act}"\n'
    text += f'[[layers]]\ndense = {units}\nactivation = "{out}"\n[loss]\ntype = "{loss}"\n{extra}'
    return text


def accepted_outputs(loss: str) -> list[str]:
    """Output activations the spec accepts for `loss` whose range fits the loss's domain."""
    acts = [a for a in activation_names() if a in PROB_OUTPUTS.get(loss, set(activation_names()))]
    if loss == "cross_entropy":  # the spec refuses softmax before the fused cross-entropy
        acts = [a for a in acts if a not in ("softmax", "log_softmax")]
    return acts


# ---- parity ---------------------------------------------------------------------------------------


def test_layer_reference_has_every_activation():
    missing = set(activation_names()) - set(ref_layer.activation_names())
    assert not missing, f"codegen/reference.py lacks activation(s) {sorted(missing)}"


def test_layer_reference_has_every_loss():
    catalogue_losses = {n for n, e in CATALOGUE.items() if e.kind == "loss"}
    missing = (set(LOSS_TYPES) | catalogue_losses) - set(ref_layer.LOSSES)
    assert not missing, f"codegen/reference.py lacks loss(es) {sorted(missing)}"


def _probe(name: str, entry) -> str:
    """A scalar objective over parameter w[3] and data c[3], t[3] that applies `name`."""
    if entry.kind == "loss":
        return f"{name}(w, t)"
    if entry.kind == "elementwise":
        args = {1: "w", 2: "w, t", 3: "w - 0.5, w*w, 3*w"}[entry.n_tensor_args]
        return f"sum(c * {name}({args}))"
    args = "w" if entry.n_tensor_args == 1 else "w, t"
    if entry.kind == "vector":
        return (
            f"sum({name}({args})**2) + sum({name}({args}))" if entry.n_tensor_args == 2 else f"sum(c * {name}({args}))"
        )
    if entry.kind == "reduction":
        return f"{name}({args})**2 + {name}({args})"
    raise AssertionError(f"catalogue kind {entry.kind!r} of {name!r}: teach this test to call it")


@pytest.mark.parametrize("name", sorted(CATALOGUE))
def test_graph_reference_covers_catalogue_entry(name):
    """Every catalogue function, applied in a tiny assignment spec: the graph-wise reference
    handles it (no NotImplementedError) and its gradient matches central differences."""
    text = (
        '[model]\ninputs = ["c[3]", "t[3]"]\nparams = ["w[3]"]\nobjective = "J"\n'
        f'[forward]\nJ = "{_probe(name, CATALOGUE[name])}"\n'
    )
    g = parse_spec(text, f"<probe {name}>")
    vals = {"w": np.array([0.3, 0.6, 0.45]), "c": np.array([0.7, -1.1, 0.4]), "t": np.array([0.2, 0.5, 0.8])}
    assert ref_graph.kink_margin(g, vals) > 1e-3
    f, grads, _ = ref_graph.graph_backprop(g, vals)
    assert np.isfinite(f)
    fd = ref_graph.graph_grad_fd(g, vals)
    np.testing.assert_allclose(grads["w"], fd["w"], rtol=1e-6, atol=1e-8)


# ---- numpy side: every loss × activation ----------------------------------------------------------


@pytest.mark.parametrize("loss", LOSS_TYPES)
def test_references_agree_every_activation(loss):
    """Each activation as the hidden layer (output fitted to the loss) and, where the loss's
    domain allows, as the output layer: layer-wise vs graph-wise vs FD at 2 points."""
    combos = [([act], NATURAL_OUTPUT.get(loss, "identity")) for act in activation_names()]
    combos += [(["tanh"], act) for act in accepted_outputs(loss)]
    failures = []
    for hidden, out in combos:
        g = parse_spec(layered(loss, hidden, out), f"<{loss} {hidden} {out}>")
        rows, ok = compare_references(g, points=2, batch=3, seed=1)
        if not ok:
            failures.append(f"{loss}, hidden {hidden}, output {out}:\n{format_table(rows)}")
    assert not failures, "\n".join(failures)


@pytest.mark.parametrize("loss", ["nll", "kl", "bce"])
def test_output_outside_the_loss_domain_is_one_clear_error(loss):
    """log_softmax outputs are negative: no point exists where these losses are finite."""
    g = parse_spec(layered(loss, ["tanh"], "log_softmax"), "<bad domain>")
    with pytest.raises(CheckError) as info:
        compare_references(g)
    msg = str(info.value)
    assert "\n" not in msg and "finite" in msg and "last layer" in msg


def test_log_layer_without_bias_names_the_layer():
    text = layered("mse", ["log"], "identity").replace('activation = "log"\n', 'activation = "log"\nbias = false\n')
    g = parse_spec(text, "<log no bias>")
    try:  # a lucky draw may find positive pre-activations; otherwise the error says why
        assert compare_references(g, points=1)[1]
    except CheckError as e:
        assert "layer 1: log needs positive pre-activations" in str(e)


# ---- compiled side: representative subset ---------------------------------------------------------

# (loss, hidden activations, output activation, output units): every activation appears
COMPILED = [
    ("sse", ["sign", "log", "sqrt"], "log_softmax", 3),
    ("nll", ["gelu", "softmax", "exp"], "softmax", 3),
    ("focal", ["log_softmax", "silu", "elu"], "identity", 2),
    ("dice", ["leaky_relu", "abs", "cos"], "sigmoid", 3),
    ("kl", ["relu", "sin", "softplus", "tanh"], "softmax", 3),
]


def test_compiled_subset_uses_every_activation():
    used = {a for _, hidden, out, _ in COMPILED for a in [*hidden, out]} | {"identity"}
    assert used == set(activation_names())


@pytest.mark.skipif(CC is None, reason="no C compiler")
@pytest.mark.parametrize("loss, hidden, out, units", COMPILED, ids=[c[0] for c in COMPILED])
def test_compiled_check_passes(loss, hidden, out, units, capsys):
    g = parse_spec(layered(loss, hidden, out, units), f"<{loss}>")
    t0 = time.perf_counter()
    rows, ok = run_check(g, points=1, batch=3, seed=2)
    with capsys.disabled():
        print(f"\n  check {loss} ({', '.join(hidden)} -> {out}): {time.perf_counter() - t0:.1f} s")
    assert ok, format_table(rows)
    refs = {r.reference for r in rows}
    assert {"graph-wise", "layer-wise", "layer-wise (R-op)", "FD of compiled objective"} <= refs


@pytest.mark.skipif(CC is None, reason="no C compiler")
def test_symgrad_check_command_on_a_new_loss(tmp_path, capsys):
    """The whole command on a spec file (the nll network of the subset: its kernel is cached)."""
    from codegen.cli import main

    loss, hidden, out, units = COMPILED[1]
    spec = tmp_path / "cat_nll.toml"
    spec.write_text(layered(loss, hidden, out, units), encoding="utf-8")
    assert main(["check", str(spec), "--points", "1", "--batch", "3"]) == 0
    captured = capsys.readouterr()
    assert "PASS" in captured.out and "layer-wise (R-op)" in captured.out
    assert "Traceback" not in captured.err
