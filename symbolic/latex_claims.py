"""LaTeX formula claims → the spec grammar's AST (the same whitelist the `formula =` strings go
through; nothing is evaluated). Reads the notation symgrad itself prints and the usual hand
notation: ∂ fractions (\\frac{\\partial J}{\\partial z_{1}} is the adjoint of z1), e^{x},
\\sigma(z), \\tanh, \\operatorname{ReLU}, \\mathbb{I}[z > 0], |x|, \\sqrt, \\frac, \\cdot, implicit
products, \\hat{y}, subscripts (z_{1} → z1), ^{\\top}, cases and pmatrix.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from .catalogue import CATALOGUE, latex_words
from .claims import ClaimsError

_TOKEN_RE = re.compile(
    r"""
    (?P<ws>\s+)
  | (?P<cmd>\\(?:[A-Za-z]+|.))
  | (?P<num>\d+\.?\d*|\.\d+)
  | (?P<letter>[A-Za-z])
  | (?P<sym>[-+*/^_{}()\[\]|,=<>&'!])
""",
    re.VERBOSE,
)
_UNICODE = {
    "−": "-",
    "·": r"\cdot ",
    "⋅": r"\cdot ",
    "×": r"\times ",
    "≥": r"\geq ",
    "≤": r"\leq ",
    "σ": r"\sigma ",
    "∂": r"\partial ",
    "ŷ": r"\hat{y}",
    "⊙": r"\odot ",
    "ᵀ": r"^{\top}",
}
_SKIP = {
    r"\,",
    r"\;",
    r"\:",
    r"\!",
    "\\ ",
    r"\quad",
    r"\qquad",
    r"\displaystyle",
    r"\limits",
    r"\nolimits",
    r"\left",
    r"\right",
    r"\big",
    r"\Big",
    r"\bigg",
    r"\Bigg",
    r"\bigl",
    r"\bigr",
    r"\Bigl",
    r"\Bigr",
    r"\middle",
}
_GREEK = {
    "alpha",
    "beta",
    "gamma",
    "delta",
    "epsilon",
    "varepsilon",
    "zeta",
    "eta",
    "theta",
    "vartheta",
    "iota",
    "kappa",
    "lambda",
    "mu",
    "nu",
    "xi",
    "rho",
    "tau",
    "upsilon",
    "phi",
    "varphi",
    "chi",
    "psi",
    "omega",
    "Gamma",
    "Delta",
    "Theta",
    "Lambda",
    "Phi",
    "Psi",
    "Omega",
}
_ACCENTS = {
    "hat": "hat",
    "widehat": "hat",
    "bar": "bar",
    "overline": "bar",
    "tilde": "tilde",
    "widetilde": "tilde",
    "vec": "",
    "mathbf": "",
    "boldsymbol": "",
    "bm": "",
    "mathcal": "",
    "mathit": "",
    "mathrm": "",
    "mathsf": "",
}
# function words read as calls (\operatorname{LeakyReLU} → leaky_relu, \sigma, ln, swish, lse …) and
# the functions whose subscript is their parameter (LeakyReLU_{α}(x) → leaky_relu(x, α)): both
# declared by the catalogue entries (latex_words, params)
_FUNCS = latex_words()
_PARAM_FUNCS = frozenset(n for n in _FUNCS.values() if CATALOGUE[n].kind == "elementwise" and CATALOGUE[n].params)
_LOSS_SYMBOLS = {"J", "L", "E", "ell", "mathcal:L", "mathcal:J", "mathcal:E"}
_COMPARE = {">": ">", "<": "<", r"\geq": ">", r"\ge": ">", r"\leq": "<", r"\le": "<", r"\gt": ">", r"\lt": "<"}


@dataclass
class Tok:
    kind: str  # cmd | num | letter | sym | end
    text: str
    space: bool  # whitespace before it


def tokenize(text: str) -> list[Tok]:
    for u, r in _UNICODE.items():
        text = text.replace(u, r)
    text = text.strip().strip("$")
    if text.startswith(r"\(") and text.endswith(r"\)"):
        text = text[2:-2]
    out, pos, space = [], 0, False
    while pos < len(text):
        m = _TOKEN_RE.match(text, pos)
        if not m:
            raise ValueError(f"unexpected character {text[pos]!r}")
        pos = m.end()
        if m.lastgroup == "ws":
            space = True
            continue
        t = m.group()
        if m.lastgroup == "cmd" and t in _SKIP:
            space = True
            continue
        out.append(Tok(m.lastgroup or "sym", t, space))
        space = False
    out.append(Tok("end", "", True))
    return out


class LatexReader:
    """Recursive descent over the token list; `names` are the model's names (and adjoint
    aliases), `objective` the objective's name, `local(out, arg)` the AST of a local partial."""

    def __init__(
        self, text: str, names: dict[str, tuple], objective: str, local: Callable[[str, str], object] | None = None
    ):
        self.toks = tokenize(text)
        self.i = 0
        self.names = names
        self.J = objective
        self.local = local
        self.abs_depth = 0
        self.depth = 0

    # ---- helpers ---------------------------------------------------------------------------
    @property
    def tok(self) -> Tok:
        return self.toks[self.i]

    def peek(self, k: int = 1) -> Tok:
        return self.toks[min(self.i + k, len(self.toks) - 1)]

    def take(self) -> Tok:
        t = self.toks[self.i]
        if t.kind != "end":
            self.i += 1
        return t

    def at(self, *texts: str) -> bool:
        return self.tok.kind != "end" and self.tok.text in texts

    def accept(self, *texts: str) -> bool:
        if self.at(*texts):
            self.i += 1
            return True
        return False

    def expect(self, text: str) -> None:
        if not self.accept(text):
            raise ValueError(f"expected {text!r}, found {self.tok.text or 'the end'!r}")

    def group_text(self) -> str:
        """The raw text of a {...} group (for \\operatorname{...} and accents)."""
        self.expect("{")
        parts: list[str] = []
        depth = 1
        while True:
            t = self.take()
            if t.kind == "end":
                raise ValueError("unbalanced '{'")
            if t.text == "{":
                depth += 1
            elif t.text == "}":
                depth -= 1
                if depth == 0:
                    return "".join(parts)
            parts.append(t.text)

    # ---- grammar ---------------------------------------------------------------------------
    def parse(self):
        node = self.expr()
        if self.tok.kind != "end":
            raise ValueError(f"unexpected {self.tok.text!r}")
        return node

    def expr(self):
        self.depth += 1
        if self.depth > 100:
            raise ValueError("formula nested too deeply")
        node: tuple[Any, ...]
        if self.accept("-"):
            node = ("neg", self.term())
        else:
            self.accept("+")
            node = self.term()
        while self.at("+", "-"):
            op = self.take().text
            node = ("bin", op, node, self.term())
        self.depth -= 1
        return node

    def _starts_factor(self) -> bool:
        t = self.tok
        if t.kind in ("num", "letter"):
            return True
        if t.kind == "cmd":
            return (
                t.text not in (r"\cdot", r"\times", r"\odot", r"\div", r"\end", r"\\", r"\right")
                and t.text not in _COMPARE
            )
        if t.text == "|":
            return self.abs_depth == 0
        return t.text in ("(", "[", "{")

    def term(self):
        node = self.unary()
        while True:
            if self.accept("*", r"\cdot", r"\times"):
                node = self._product(node, self.unary())
            elif self.accept(r"\odot"):
                node = ("bin", "*", node, self.unary())
            elif self.accept("/", r"\div"):
                node = ("bin", "/", node, self.unary())
            elif self._starts_factor():
                node = self._product(node, self.unary())
            else:
                return node

    def unary(self):
        if self.accept("-"):
            return ("neg", self.unary())
        return self.factor()

    def _rank(self, node) -> int:
        kind = node[0]
        if kind == "name":
            return len(self.names.get(node[1], ()))
        if kind == "T":
            return max(self._rank(node[1]), 1)
        if kind in ("num", "index"):
            return 0
        if kind == "neg":
            return self._rank(node[1])
        if kind == "bin":
            if node[1] == "@":
                return max(self._rank(node[2]) + self._rank(node[3]) - 2, 0)
            return max(self._rank(node[2]), self._rank(node[3]))
        if kind == "call":
            return 0 if node[1] in ("sum", "mean", "logsumexp") or not node[2] else self._rank(node[2][0])
        if kind == "list":
            return 1 + max((self._rank(x) for x in node[1]), default=0)
        return 0

    def _product(self, a, b):
        """Juxtaposition: a matrix (or a transposed vector) times a tensor is a matrix product."""
        ra, rb = self._rank(a), self._rank(b)
        if rb >= 1 and (ra == 2 or (ra == 1 and a[0] == "T")):
            return ("bin", "@", a, b)
        if ra == 1 and rb == 1 and b[0] == "T":
            return ("call", "outer", [a, b[1]], {})
        return ("bin", "*", a, b)

    def factor(self):
        base = self.primary()
        while True:
            if self.accept("^"):
                base = self._power(base)
            elif self.at("_"):
                self.take()
                base = ("index", base, self._index_list(self._script_text()))
            elif self.at("[") and base[0] == "name" and self.names.get(base[1]) and self._int_bracket():
                self.take()
                idx = []
                while not self.accept("]"):
                    t = self.take()
                    if t.kind == "num" and t.text.isdigit():
                        idx.append(int(t.text))
                    elif t.text != ",":
                        raise ValueError("index must be integers")
                base = ("index", base, tuple(idx))
            elif self.accept("'"):
                raise ValueError("primes (f') are not read; write the derivative out")
            else:
                return base

    def _int_bracket(self) -> bool:
        j = self.i + 1
        while self.toks[j].kind == "num" or self.toks[j].text == ",":
            j += 1
        return self.toks[j].text == "]" and j > self.i + 1

    def _script_text(self) -> str:
        if self.at("{"):
            return self.group_text()
        t = self.take()
        if t.kind == "num" and len(t.text) > 1:  # x_12 is x_1 2 in LaTeX
            self.toks.insert(self.i, Tok("num", t.text[1:], False))
            return t.text[0]
        return t.text

    def _index_list(self, s: str) -> tuple[int, ...]:
        parts = [p.strip() for p in s.split(",")]
        if not all(p.isdigit() for p in parts):
            raise ValueError(f"cannot read subscript {s!r} as an index")
        return tuple(int(p) for p in parts)

    def _power(self, base):
        if self.at("{"):
            save = self.i
            inner = self.group_text().replace(" ", "")
            if inner in (r"\top", "T", r"\intercal", r"\mathsf{T}", r"\mathrm{T}"):
                return ("T", base)
            self.i = save
            self.expect("{")
            e = self.expr()
            self.expect("}")
        elif self.accept(r"\top", r"\intercal"):
            return ("T", base)
        else:
            t = self.take()
            if t.kind == "num":
                if len(t.text) > 1:
                    self.toks.insert(self.i, Tok("num", t.text[1:], False))
                e = ("num", t.text[0])
            elif t.kind == "letter":
                e = self._name_node(t.text, "", "", "")
            else:
                raise ValueError(f"cannot read the exponent {t.text!r}")
        if base == ("name", "__e__"):
            return ("call", "exp", [e], {})
        return ("bin", "**", base, e)

    def primary(self):
        t = self.tok
        if t.kind == "num":
            self.i += 1
            return ("num", t.text)
        if t.text in ("(", "[", "{"):
            self.i += 1
            close = {"(": ")", "[": "]", "{": "}"}[t.text]
            save = self.abs_depth
            self.abs_depth = 0
            node = self.expr()
            self.abs_depth = save
            if not self.accept(close) and not (close == "}" and self.accept(")")):
                raise ValueError(f"expected {close!r}, found {self.tok.text or 'the end'!r}")
            return node
        if t.text == "|":
            self.i += 1
            self.abs_depth += 1
            node = self.expr()
            self.abs_depth -= 1
            self.expect("|")
            return ("call", "abs", [node], {})
        if t.kind == "letter":
            return self._letters()
        if t.kind == "cmd":
            return self._command()
        raise ValueError(f"unexpected {t.text or 'end of formula'!r}")

    # ---- commands ---------------------------------------------------------------------------
    def _command(self):
        t = self.take()
        c = t.text[1:]
        if c in ("frac", "dfrac", "tfrac"):
            return self._frac()
        if c == "sqrt":
            if self.accept("["):
                n = self.expr()
                self.expect("]")
                self.expect("{")
                a = self.expr()
                self.expect("}")
                return ("bin", "**", a, ("bin", "/", ("num", "1"), n))
            self.expect("{")
            a = self.expr()
            self.expect("}")
            return ("call", "sqrt", [a], {})
        if c in ("lvert", "vert", "|"):
            self.abs_depth += 1
            node = self.expr()
            self.abs_depth -= 1
            if not self.accept(r"\rvert", r"\vert", r"\|", "|"):
                raise ValueError("unbalanced |")
            return ("call", "abs", [node], {})
        if (
            c in ("mathbb", "mathbf", "boldsymbol", "mathds")
            and self.at("{")
            and self.peek().text in ("I", "1")
            and self.peek(2).text == "}"
        ):
            self.group_text()
            return self._indicator()
        if c == "begin":
            return self._environment()
        if c == "pi":
            return ("name", "pi")
        if c == "partial":
            raise ValueError(r"write partial derivatives as \frac{\partial J}{\partial x}")
        if c in ("operatorname", "mathrm", "text", "mathit", "operatorname*") and self.at("{"):
            save = self.i
            word = self.group_text().replace(" ", "").replace("\\", "")
            fname = _FUNCS.get(word.lower().replace("_", ""))
            if (fname is not None and c != "mathrm") or (fname and self._call_follows()):
                return self._call(fname)
            self.i = save
            return self._ident_from_command(c)
        if c == "log" and self.at(r"\operatorname") and self.peek(2).text == "softmax":
            self.take()
            self.group_text()
            return self._call("log_softmax")
        if c == "sum" and (self.at("(") or self.at("{")):
            return self._call("sum")
        fname = _FUNCS.get(c.lower())
        if fname is not None and (c not in _GREEK or self._call_follows()):
            return self._call(fname)
        if c in _GREEK or c in _ACCENTS or c == "ell":
            return self._ident_from_command(c)
        raise ValueError(f"the LaTeX command {t.text} is not read in formulas")

    def _call_follows(self) -> bool:
        j = self.i
        if self.toks[j].text == "_" or self.toks[j].text == "^":
            return True
        return self.toks[j].text in ("(", "{")

    def _call(self, fname: str):
        param = None
        if self.accept("_"):
            param = self._script_expr()
        power = None
        if self.accept("^"):
            power = self._script_expr()
        if self.at("("):
            self.take()
            args = self._args(")")
        elif self.at("{") and self.peek().text == "(":
            self.take()
            self.take()
            args = self._args(")")
            self.expect("}")
        elif self.at("{"):
            self.take()
            args = [self.expr()]
            self.expect("}")
        else:
            args = [self.factor()]
        if param is not None and fname in _PARAM_FUNCS:
            args = args + [param]
        node: tuple[Any, ...] = ("call", fname, args, {})
        return ("bin", "**", node, power) if power is not None else node

    def _script_expr(self):
        if self.accept("{"):
            e = self.expr()
            self.expect("}")
            return e
        return self.primary()

    def _args(self, close: str) -> list:
        save = self.abs_depth
        self.abs_depth = 0
        args = [self.expr()]
        while self.accept(","):
            args.append(self.expr())
        self.abs_depth = save
        self.expect(close)
        return args

    def _comparison(self):
        a = self.expr()
        t = self.take()
        op = _COMPARE.get(t.text)
        if op is None:
            raise ValueError(f"expected a comparison such as z > 0, found {t.text!r}")
        b = self.expr()
        return ("bin", "-", a, b) if op == ">" else ("bin", "-", b, a)

    def _indicator(self):
        if self.accept("_"):
            self.expect("{")
            cond = self._comparison()
            self.expect("}")
        else:
            opener = self.take().text
            close = {"[": "]", "(": ")", "{": "}"}.get(opener)
            if close is None:
                raise ValueError(r"write the indicator as \mathbb{I}[z > 0]")
            cond = self._comparison()
            self.expect(close)
        return ("call", "ifpos", [cond, ("num", "1"), ("num", "0")], {})

    def _environment(self):
        env = self.group_text()
        if env == "cases":
            a = self.expr()
            self.expect("&")
            cond = self._comparison()
            self.expect("\\\\")
            b = self.expr()
            self.expect("&")
            while not self.at(r"\end"):
                if self.tok.kind == "end":
                    raise ValueError("unclosed cases")
                self.take()
            self.take()
            self.group_text()
            return ("call", "ifpos", [cond, a, b], {})
        if env in ("pmatrix", "bmatrix", "matrix"):
            rows: list[list[Any]] = []
            row: list[Any] = [self.expr()]
            while True:
                if self.accept("&"):
                    row.append(self.expr())
                elif self.accept("\\\\"):
                    rows.append(row)
                    if self.at(r"\end"):
                        row = []
                        break
                    row = [self.expr()]
                elif self.at(r"\end"):
                    break
                else:
                    raise ValueError(f"unexpected {self.tok.text!r} in matrix")
            if row:
                rows.append(row)
            self.take()
            self.group_text()
            if all(len(r) == 1 for r in rows):
                return ("list", [r[0] for r in rows])
            if len(rows) == 1:
                return ("list", rows[0])
            return ("list", [("list", r) for r in rows])
        raise ValueError(f"the environment {env!r} is not read in formulas")

    def _frac(self):
        if self.at("{") and self.peek().text == r"\partial":
            self.take()
            self.take()
            top = self._partial_operand()
            self.expect("}")
            self.expect("{")
            self.expect(r"\partial")
            bottom = self._partial_operand()
            self.expect("}")
            return self._partial(top, bottom)
        self.expect("{")
        a = self.expr()
        self.expect("}")
        self.expect("{")
        b = self.expr()
        self.expect("}")
        return ("bin", "/", a, b)

    def _partial_operand(self):
        """The quantity after \\partial: a name (maybe an element) or a generic loss symbol."""
        t = self.tok
        if t.kind == "letter" and t.text in ("J", "L", "E") and t.text not in self.names:
            self.take()
            return ("loss", t.text)
        if t.text in (r"\mathcal", r"\ell") and (t.text == r"\ell" or self.peek(2).text in ("L", "J", "E")):
            save = self.i
            self.take()
            if t.text == r"\mathcal":
                letter = self.group_text()
                if letter not in self.names and f"mathcal:{letter}" in _LOSS_SYMBOLS:
                    return ("loss", letter)
                self.i = save
            elif "ell" not in self.names:
                return ("loss", "ell")
            else:
                self.i = save
        return self.factor()

    def _partial(self, top, bottom):
        if bottom[0] == "index":
            inner, idx = bottom[1], bottom[2]
        else:
            inner, idx = bottom, None
        if inner[0] != "name":
            raise ValueError("the denominator of a ∂ fraction must be one of the model's names")
        v = inner[1]
        if top[0] == "loss" or top == ("name", self.J):
            alias = f"d{self.J}_d{v}"
            if alias not in self.names:
                raise ValueError(f"no adjoint ∂{self.J}/∂{v} in this model")
            node: Any = ("name", alias)
        elif top[0] == "name" and self.local is not None:
            node = self.local(top[1], v)
            if node is None:
                raise ValueError(
                    f"∂{top[1]}/∂{v} is not a local derivative of this model "
                    f"(∂ fractions are adjoints ∂{self.J}/∂x or local derivatives ∂y/∂x)"
                )
        else:
            raise ValueError("cannot read the ∂ fraction")
        return ("index", node, idx) if idx else node

    # ---- names -----------------------------------------------------------------------------
    def _scripts(self) -> tuple[str, str]:
        """Subscript and layer superscript (^{(k)}) of an identifier, as raw text."""
        sub = sup = ""
        for _ in range(2):
            if self.at("_") and not sub:
                self.take()
                sub = self._script_text()
            elif self.at("^") and not sup and self.peek().text == "{" and self.peek(2).text == "(":
                save = self.i
                self.take()
                inner = self.group_text()
                if re.fullmatch(r"\(\s*\w+\s*\)", inner):
                    sup = inner.strip("() ")
                else:
                    self.i = save
                    break
            else:
                break
        return sub, sup

    def _ident_from_command(self, c: str):
        if c in _ACCENTS:
            inner = self.group_text()
            itoks = [t for t in tokenize(inner) if t.kind != "end"]
            if len(itoks) == 1 and itoks[0].kind == "cmd":
                base = itoks[0].text[1:]
            else:
                base = "".join(t.text for t in itoks)
            accent = _ACCENTS[c]  # \mathcal{L} → L, \hat{y} → y + hat
        else:
            base, accent = c, ""
        sub, sup = self._scripts()
        return self._name_node(base, accent, sub, sup)

    def _letters(self):
        run = self.take().text
        while self.tok.kind == "letter" and not self.tok.space:
            run += self.take().text
        if run == "e" and "e" not in self.names and self.at("^"):
            return ("name", "__e__")
        if run.lower() in _FUNCS and run not in self.names and self.at("("):
            return self._call(_FUNCS[run.lower()])
        sub, sup = self._scripts()
        return self._resolve_run(run, sub, sup)

    def _resolve_run(self, run: str, sub: str, sup: str):
        try:
            return self._name_node(run, "", sub, sup)
        except ValueError:
            if len(run) == 1:
                raise
        for k in range(len(run) - 1, 0, -1):  # "ab_1" is a·b_1 unless "ab1" is a name
            head = run[:k]
            if head in self.names:
                return ("bin", "*", ("name", head), self._resolve_run(run[k:], sub, sup))
        return self._name_node(run, "", sub, sup)

    def _name_node(self, base: str, accent: str, sub: str, sup: str):
        s = re.sub(r"[{}\\\s]", "", sub)
        bases = [base] + (["th"] if base == "theta" else [])
        cands = []
        for b in bases:
            for suffix in [s, "_" + s] if s else [""]:
                for extra in [sup, "_" + sup] if sup else [""]:
                    if accent:
                        cands += [
                            f"{b}{accent}{suffix}{extra}",
                            f"{b}{suffix}{accent}{extra}",
                            f"{b}_{accent}{suffix}{extra}",
                        ]
                    cands += [f"{b}{suffix}{extra}"] if not accent else []
        for n in cands:
            if n in self.names:
                return ("name", n)
        if s and re.fullmatch(r"\d+(,\d+)*", s):  # a_{0} is an element of a vector a
            whole = self._name_node(base, accent, "", sup)
            if self.names.get(whole[1]):
                return ("index", whole, tuple(int(x) for x in s.split(",")))
        shown = cands[0] if cands else base
        close = difflib.get_close_matches(shown, [n for n in self.names if "#" not in n], n=3, cutoff=0.5)
        hint = f" (did you mean {', '.join(repr(x) for x in close)}?)" if close else ""
        raise ValueError(f"unknown name '{shown}'{hint}")


def latex_to_ast(
    text: str,
    names: dict[str, tuple],
    objective: str,
    local: Callable[[str, str], object] | None = None,
    quantity: str = "formula",
):
    """The spec-grammar AST of a LaTeX formula; ClaimsError naming the problem."""
    try:
        return LatexReader(text, names, objective, local).parse()
    except ValueError as e:
        raise ClaimsError(f"{quantity!r}: cannot read LaTeX formula: {e}") from None
    except RecursionError:
        raise ClaimsError(f"{quantity!r}: LaTeX formula nested too deeply") from None
