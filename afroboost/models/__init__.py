"""SQLModel tables, one module per domain. Importing this package registers them all.

Every module of the package is imported (so a new model module needs no edit here, and
alembic and `create_all` in tests see its tables) and its public classes — the tables and
their enums — are re-exported: `from afroboost.models import Offer` keeps working.
"""

from __future__ import annotations

import importlib
import inspect
import pkgutil

__all__: list[str] = []


def _register_all() -> None:
    for info in sorted(pkgutil.iter_modules(__path__), key=lambda m: m.name):
        module = importlib.import_module(f"{__name__}.{info.name}")
        for name, obj in vars(module).items():
            if inspect.isclass(obj) and obj.__module__ == module.__name__ and not name.startswith("_"):
                if globals().get(name, obj) is not obj:  # two domains with one class name: say so now
                    raise ImportError(f"afroboost.models.{name} is defined twice")
                globals()[name] = obj
                __all__.append(name)


_register_all()
