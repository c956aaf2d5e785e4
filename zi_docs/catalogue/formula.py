"""Safe arithmetic formulas of percentage items: ``a / (b + c)`` over typed counts."""

from __future__ import annotations

import ast
from collections.abc import Mapping
from dataclasses import dataclass

_ALLOWED_BINOPS = (ast.Add, ast.Sub, ast.Mult, ast.Div)


class FormulaSyntaxError(ValueError):
    """The formula text is not plain arithmetic over names and numbers."""


@dataclass(frozen=True)
class Formula:
    """A parsed formula; ``names`` are the count keys it reads."""

    text: str
    tree: ast.Expression
    names: frozenset[str]

    def evaluate(self, counts: Mapping[str, float]) -> float:
        """The value; raises ``ZeroDivisionError`` and ``KeyError`` as Python would."""
        return _eval(self.tree.body, counts)


def parse_formula(text: str) -> Formula:
    try:
        tree = ast.parse(text, mode="eval")
    except SyntaxError as exc:
        raise FormulaSyntaxError(f"rumus '{text}' tidak dapat dibaca") from exc
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Name):
            names.add(node.id)
        elif isinstance(node, ast.BinOp):
            if not isinstance(node.op, _ALLOWED_BINOPS):
                raise FormulaSyntaxError(f"rumus '{text}' hanya boleh memakai + - * /")
        elif isinstance(node, ast.UnaryOp):
            if not isinstance(node.op, (ast.USub, ast.UAdd)):
                raise FormulaSyntaxError(f"rumus '{text}' memakai operator yang tidak dikenal")
        elif isinstance(node, ast.Constant):
            if not isinstance(node.value, (int, float)) or isinstance(node.value, bool):
                raise FormulaSyntaxError(f"rumus '{text}' hanya boleh memuat angka dan nama isian")
        elif not isinstance(node, (ast.Expression, ast.Load, *_ALLOWED_BINOPS, ast.USub, ast.UAdd)):
            raise FormulaSyntaxError(f"rumus '{text}' hanya boleh berupa hitungan sederhana")
    return Formula(text=text, tree=tree, names=frozenset(names))


def _eval(node: ast.expr, counts: Mapping[str, float]) -> float:
    if isinstance(node, ast.Constant) and isinstance(node.value, (int, float)):
        return float(node.value)
    if isinstance(node, ast.Name):
        return float(counts[node.id])
    if isinstance(node, ast.UnaryOp):
        value = _eval(node.operand, counts)
        return -value if isinstance(node.op, ast.USub) else value
    if isinstance(node, ast.BinOp):
        left, right = _eval(node.left, counts), _eval(node.right, counts)
        if isinstance(node.op, ast.Add):
            return left + right
        if isinstance(node.op, ast.Sub):
            return left - right
        if isinstance(node.op, ast.Mult):
            return left * right
        return left / right
    raise FormulaSyntaxError("rumus tidak sah")
