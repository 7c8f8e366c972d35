"""The registry of the dashboard tabs: each tab's component module registers itself here.

The state layer holds the registry so DashboardState can refuse unknown keys without
importing any component (layers point down); `components/coach/tabs.py` imports every
component module of the package, which fills it, and draws the tab bar from it.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from typing import Any

_TABS: dict[str, TabSpec] = {}


@dataclasses.dataclass(frozen=True)
class TabSpec:
    """One dashboard tab.

    Attributes:
        key: the tab's id (`tab-{key}` test id, DashboardState.tab).
        label: its French label in the tab bar (from afroboost.texts).
        order: its place in the bar (the PRD's order: 10, 20, …).
        render: `() -> rx.Component`, the tab's content.
        state: the state class behind it (documentation and tests; None for a tab without one).
    """

    key: str
    label: str
    order: int
    render: Callable[[], Any]
    state: type | None = None


def register_tab(key: str, label: str, order: int, state: type | None = None):
    """Decorator for a tab's render function: `@register_tab("codes", texts.CODES_TAB, 70, CodesState)`.

    Raises:
        ValueError: another tab already has this key or this place.
    """
    def decorator(render: Callable[[], Any]) -> Callable[[], Any]:
        spec = TabSpec(key, label, order, render, state)
        for other in _TABS.values():
            # Same module registering again (a reload) replaces itself; anyone else is a clash.
            if other.render.__module__ != render.__module__ and (other.key == key or other.order == order):
                raise ValueError(f"tab {key!r} (order {order}) clashes with {other.key!r} (order {other.order})")
        _TABS[key] = spec
        return render
    return decorator


def registered_tabs() -> list[TabSpec]:
    """Every registered tab, in the bar's order."""
    return sorted(_TABS.values(), key=lambda t: t.order)


def is_tab(key: object) -> bool:
    """True for the key of a registered tab (anything a crafted frame sends is just False)."""
    return isinstance(key, str) and key in _TABS
