"""Whitelist parser for spec expressions: text → a small AST of tuples. Nothing is evaluated.

Grammar: numbers, names, + - * / ** @, unary minus, parentheses, catalogue calls (positional or
name=value arguments), 0-based indexing a[i, j], `.T`, and list literals [a, b]. Anything else
(strings, attributes, lambdas, comparisons, dunder names) is a ParseError.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any, TypeAlias

from .limits import MAX_EXPRESSION_LENGTH, MAX_NESTING

# AST node shapes:
#   ("num", "1.5")  ("name", "x")  ("call", fname, [args], {kw: arg})  ("bin", op, a, b)
#   ("neg", a)  ("index", a, (i, j, ...))  ("T", a)  ("list", [items])
# The first item names the shape; the rest differ per shape, so a node is typed as a plain tuple.
Node: TypeAlias = tuple[Any, ...]


class ParseError(ValueError):
    """A spec expression that is not in the grammar; the message says where."""


@dataclass(frozen=True)
class Token:
    kind: str  # 'num' | 'name' | 'op' | 'end'
    text: str
    pos: int


_TOKEN_RE = re.compile(
    r"""
    (?P<ws>\s+)
  | (?P<num>(?:\d+\.\d*|\.\d+|\d+)(?:[eE][+-]?\d+)?)
  | (?P<name>[A-Za-z_][A-Za-z0-9_]*)
  | (?P<op>\*\*|[-+*/@()\[\],=.])
""",
    re.VERBOSE,
)

MAX_LENGTH = MAX_EXPRESSION_LENGTH
MAX_DEPTH = MAX_NESTING


def tokenize(text: str) -> list[Token]:
    """Split an expression into tokens; any character outside the grammar is an error."""
    if len(text) > MAX_LENGTH:
        raise ParseError(f"expression longer than {MAX_LENGTH} characters")
    tokens: list[Token] = []
    pos = 0
    while pos < len(text):
        m = _TOKEN_RE.match(text, pos)
        if not m:
            raise ParseError(f"unexpected character {text[pos]!r} at column {pos + 1}")
        kind = m.lastgroup
        assert kind is not None  # every alternative of _TOKEN_RE is a named group
        if kind != "ws":
            tokens.append(Token(kind, m.group(), pos))
        pos = m.end()
    tokens.append(Token("end", "", len(text)))
    return tokens


class _Parser:
    def __init__(self, text: str) -> None:
        self.text = text
        self.toks = tokenize(text)
        self.i = 0
        self.depth = 0

    # -- helpers -------------------------------------------------------------------------
    @property
    def tok(self) -> Token:
        return self.toks[self.i]

    def take(self) -> Token:
        t = self.toks[self.i]
        self.i += 1
        return t

    def accept(self, text: str) -> bool:
        if self.tok.kind == "op" and self.tok.text == text:
            self.i += 1
            return True
        return False

    def expect(self, text: str) -> None:
        if not self.accept(text):
            found = self.tok.text or "end of expression"
            raise ParseError(f"expected {text!r} at column {self.tok.pos + 1}, found {found!r}")

    def enter(self) -> None:
        self.depth += 1
        if self.depth > MAX_DEPTH:
            raise ParseError(f"expression nested more than {MAX_DEPTH} levels deep (column {self.tok.pos + 1})")

    # -- grammar -------------------------------------------------------------------------
    def parse(self) -> Node:
        if self.tok.kind == "end":
            raise ParseError("empty expression")
        node = self.expr()
        if self.tok.kind != "end":
            raise ParseError(f"unexpected {self.tok.text!r} at column {self.tok.pos + 1}")
        return node

    def expr(self) -> Node:
        self.enter()
        node = self.term()
        while self.tok.kind == "op" and self.tok.text in "+-" and len(self.tok.text) == 1:
            op = self.take().text
            node = ("bin", op, node, self.term())
        self.depth -= 1
        return node

    def term(self) -> Node:
        node = self.unary()
        while self.tok.kind == "op" and self.tok.text in ("*", "/", "@"):
            op = self.take().text
            node = ("bin", op, node, self.unary())
        return node

    def unary(self) -> Node:
        negative = False
        while self.tok.kind == "op" and self.tok.text in ("-", "+"):  # a run of signs, in a loop
            negative ^= self.take().text == "-"
        if not negative:
            return self.power()
        self.enter()
        node = ("neg", self.power())
        self.depth -= 1
        return node

    def power(self) -> Node:
        base = self.postfix()
        if self.accept("**"):
            self.enter()
            node = ("bin", "**", base, self.unary())
            self.depth -= 1
            return node
        return base

    def postfix(self) -> Node:
        node = self.atom()
        while True:
            if self.accept("["):
                idx = [self.integer()]
                while self.accept(","):
                    idx.append(self.integer())
                self.expect("]")
                node = ("index", node, tuple(idx))
            elif self.tok.kind == "op" and self.tok.text == ".":
                dot = self.take()
                nxt = self.take()
                if nxt.kind != "name" or nxt.text != "T":
                    raise ParseError(
                        f"attribute access is not allowed (column {dot.pos + 1}); only '.T' (transpose) is"
                    )
                node = ("T", node)
            else:
                return node

    def integer(self) -> int:
        neg = self.accept("-")
        t = self.take()
        if t.kind != "num" or not t.text.isdigit():
            raise ParseError(f"index must be a non-negative integer at column {t.pos + 1}")
        if neg:
            raise ParseError(f"negative index at column {t.pos + 1}: indices are 0-based and >= 0")
        return int(t.text)

    def atom(self) -> Node:
        t = self.tok
        if t.kind == "num":
            self.i += 1
            return ("num", t.text)
        if t.kind == "name":
            self.i += 1
            if t.text.startswith("__"):
                raise ParseError(f"name {t.text!r} is not allowed (column {t.pos + 1})")
            if self.accept("("):
                return self.call(t)
            return ("name", t.text)
        if self.accept("("):
            node = self.expr()
            self.expect(")")
            return node
        if self.accept("["):
            items = [self.expr()]
            while self.accept(","):
                items.append(self.expr())
            self.expect("]")
            return ("list", items)
        found = t.text or "end of expression"
        raise ParseError(f"unexpected {found!r} at column {t.pos + 1}")

    def call(self, fname: Token) -> Node:
        args: list[Node] = []
        kwargs: dict[str, Node] = {}
        if self.accept(")"):
            return ("call", fname.text, args, kwargs)
        while True:
            if self.tok.kind == "name" and self.toks[self.i + 1].kind == "op" and self.toks[self.i + 1].text == "=":
                key = self.take().text
                self.take()
                if key in kwargs:
                    raise ParseError(f"argument {key!r} given twice in call to {fname.text!r}")
                kwargs[key] = self.expr()
            else:
                if kwargs:
                    raise ParseError(f"positional argument after keyword in call to {fname.text!r}")
                args.append(self.expr())
            if self.accept(")"):
                return ("call", fname.text, args, kwargs)
            self.expect(",")


def parse_expression(text: str) -> Node:
    """Parse one expression string into the AST; raises ParseError with the column at fault."""
    if not isinstance(text, str):
        raise ParseError(f"expression must be a string, got {type(text).__name__}")
    return _Parser(text).parse()


def names_in(node: Node) -> set[str]:
    """All plain names an AST refers to (not function names); iterative, for any depth."""
    out: set[str] = set()
    stack = [node]
    while stack:
        node = stack.pop()
        kind = node[0]
        if kind == "name":
            out.add(node[1])
        elif kind == "call":
            stack.extend(node[2])
            stack.extend(node[3].values())
        elif kind == "bin":
            stack.extend((node[2], node[3]))
        elif kind in ("neg", "T", "index"):
            stack.append(node[1])
        elif kind == "list":
            stack.extend(node[1])
        elif kind != "num":
            raise AssertionError(kind)
    return out
