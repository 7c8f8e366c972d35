"""Every user-facing French string, in one namespace: `texts.X`.

Each module of this package holds one feature's texts and is named with the feature's noun in
the other layers (texts/courses.py ↔ services/catalog/courses.py, state/coach/courses.py,
components/coach/courses.py); common.py holds what every area shares and the `ERR` table that
the feature modules extend with their own keys. The modules are found here automatically:
adding one needs no edit in this file. A name defined by two modules (or an `ERR` key added
twice) fails at import, so no text can silently replace another.
"""

from __future__ import annotations

import ast as _ast
import importlib as _importlib
import pkgutil as _pkgutil
from pathlib import Path as _Path


def err(key: str, **kwargs) -> str:
    """The French message for an error key."""
    return ERR.get(key, ERR["generic"]).format(**kwargs)  # noqa: F821 (ERR comes from texts/common.py)


def _defined_names(path: _Path) -> list[str]:
    """The public names a module binds at top level itself (what it imports is not its own)."""

    def targets(node: _ast.expr) -> list[str]:
        if isinstance(node, _ast.Name):
            return [node.id]
        if isinstance(node, (_ast.Tuple, _ast.List)):
            return [name for elt in node.elts for name in targets(elt)]
        if isinstance(node, _ast.Starred):
            return targets(node.value)
        return []  # ERR["x"] = … or obj.attr = … binds no module name

    names: list[str] = []
    for node in _ast.parse(path.read_text(encoding="utf-8")).body:
        if isinstance(node, _ast.Assign):
            names += [name for target in node.targets for name in targets(target)]
        elif isinstance(node, _ast.AnnAssign):
            names += targets(node.target)
        elif isinstance(node, (_ast.FunctionDef, _ast.AsyncFunctionDef, _ast.ClassDef)):
            names.append(node.name)
    return [name for name in names if not name.startswith("_")]


def _gather() -> None:
    owner: dict[str, str] = {}
    for info in _pkgutil.iter_modules(__path__):
        if info.name.startswith("_"):
            continue
        module = _importlib.import_module(f"{__name__}.{info.name}")
        for name in _defined_names(_Path(module.__file__)):
            if name in owner or name in globals():
                where = owner.get(name, "texts/__init__.py")
                raise ImportError(f"texts.{name} is defined by both {where} and texts/{info.name}.py")
            owner[name] = f"texts/{info.name}.py"
            globals()[name] = getattr(module, name)


_gather()
