"""Graph.info: the typed objective metadata (symbolic.objective.ObjectiveInfo) that replaced the
untyped Graph.meta dict. Expected values come from the spec text each test writes."""

from __future__ import annotations

import dataclasses
import shutil
import warnings
from pathlib import Path

import pytest

from symbolic.graph import Graph
from symbolic.objective import LayerInfo, ObjectiveInfo, TableOptions
from symbolic.spec import load_spec, parse_spec

LAYERED = """
[model]
name = "net"
input = 3
[[layers]]
dense = 4
activation = "leaky_relu"
alpha = 0.2
[[layers]]
dense = 5
activation = "tanh"
bias = false
[[layers]]
dense = 2
[loss]
type = "huber"
delta = 0.5
reduction = "sum"
[penalty]
type = "l2"
lam = 0.01
[optimizer]
type = "adam"
lr = 0.001
"""

ASSIGNMENT = """
[model]
inputs = ["x"]
params = ["a", "b"]
objective = "J"
reduction = "sum"
[forward]
J = "(a*x + b)**2"
"""


def test_layered_spec_is_described_by_typed_fields():
    g = parse_spec(LAYERED, "dir/net.toml")
    info = g.info
    assert isinstance(info, ObjectiveInfo) and info.layered and info.form == "layered"
    assert [L.units for L in info.layers] == [4, 5, 2]
    assert [L.activation for L in info.layers] == ["leaky_relu", "tanh", "identity"]
    assert [L.bias for L in info.layers] == [True, False, True]
    assert info.layers[0].alpha == 0.2 and info.layers[1].alpha is None
    assert info.layers[1] == LayerInfo(5, "tanh", False, "z2", "h2", "W2", None, "h1", shape=(5,))
    assert info.layers[-1].h == "yhat" and g.outputs == ["yhat"]
    assert info.input_width == 3 and info.reduction == "sum"
    assert info.loss_type == "huber" and info.loss.get("delta") == 0.5
    assert info.penalty == TableOptions("l2", (("lam", 0.01),))
    assert info.optimizer.as_dict() == {"type": "adam", "lr": 0.001}
    assert (info.data_objective, info.penalty_name, g.objective) == ("L", "R", "J")
    assert info.source == "dir/net.toml"
    # every layer's names exist in the graph with the declared widths
    for L in info.layers:
        assert g.shape_of(L.z) == g.shape_of(L.h) == (L.units,)
        assert g.shape_of(L.W)[0] == L.units


def test_assignment_spec_and_in_memory_graph():
    g = parse_spec(ASSIGNMENT, "a.toml")
    assert g.info == ObjectiveInfo(form="assignment", reduction="sum", source="a.toml")
    assert g.info.layers == () and g.info.loss is None and g.info.optimizer is None
    manual = Graph("m", {}, {"a": ()}, [], "a")
    assert manual.info == ObjectiveInfo()  # defaults: assignment form, mean reduction
    with pytest.raises(ValueError, match="reduction"):
        ObjectiveInfo(reduction="median")
    with pytest.raises(TypeError, match="ObjectiveInfo"):
        Graph("m", {}, {"a": ()}, [], "a", info={"reduction": "sum"})


def test_info_is_immutable_and_table_copies_are_fresh():
    g = parse_spec(LAYERED)
    with pytest.raises(dataclasses.FrozenInstanceError):
        g.info.reduction = "mean"
    d = g.info.loss.as_dict()
    d["delta"] = 99.0
    assert g.info.loss.get("delta") == 0.5


def test_structure_key_includes_the_info_and_memo_follows_it():
    g = parse_spec(ASSIGNMENT)
    hash(g.structure_key())
    calls = []

    def build(graph):
        calls.append(graph.info.reduction)
        return graph.info.reduction

    assert g.memo("probe", build) == "sum" and g.memo("probe", build) == "sum"
    assert calls == ["sum"]
    before = g.structure_key()
    g.info = dataclasses.replace(g.info, reduction="mean")
    assert g.structure_key() != before
    assert g.memo("probe", build) == "mean" and calls == ["sum", "mean"]


def test_deprecated_meta_view_is_read_only_and_matches_info():
    g = parse_spec(LAYERED, "net.toml")
    with pytest.warns(DeprecationWarning, match="Graph.info"):
        meta = g.meta
    assert meta["form"] == "layered" and meta["reduction"] == "sum"
    assert meta["loss"] == {"type": "huber", "delta": 0.5, "reduction": "sum"}
    assert meta["penalty"] == {"type": "l2", "lam": 0.01}
    assert meta["optimizer"] == {"type": "adam", "lr": 0.001}
    assert meta["layers"][1] == {
        "units": 5,
        "activation": "tanh",
        "bias": False,
        "z": "z2",
        "h": "h2",
        "W": "W2",
        "b": None,
        "input": "h1",
    }
    assert (meta["data_objective"], meta["penalty_name"], meta["input_width"]) == ("L", "R", 3)
    assert meta["source"] == "net.toml"
    with pytest.raises(TypeError):
        meta["reduction"] = "mean"
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", DeprecationWarning)
        assert dict(parse_spec(ASSIGNMENT).meta) == {"form": "assignment", "reduction": "sum", "source": "<spec>"}


def test_kernel_fingerprint_reads_info_but_not_the_spec_directory(tmp_path):
    """The kernel index keys on the graph content: the same spec file in two directories shares
    a fingerprint (the C names the file only), another reduction does not."""
    from codegen.kernel_index import fingerprint

    src = Path(__file__).resolve().parents[1] / "examples" / "dag_scalar.toml"
    (tmp_path / "a").mkdir()
    (tmp_path / "b").mkdir()
    ga = load_spec(shutil.copy(src, tmp_path / "a" / src.name))
    gb = load_spec(shutil.copy(src, tmp_path / "b" / src.name))
    assert ga.info.source != gb.info.source
    assert fingerprint(ga, dtype="float64") == fingerprint(gb, dtype="float64")
    other = dataclasses.replace(ga.info, reduction="sum" if ga.info.reduction == "mean" else "mean")
    gb.info = other
    assert fingerprint(ga, dtype="float64") != fingerprint(gb, dtype="float64")
