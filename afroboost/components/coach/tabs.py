"""The dashboard's tab bar and panels, drawn from the tab registry (state/coach/tabs.py).

Every module of this package is imported here, so a tab module that decorates its render
function with `@register_tab(...)` appears in the bar with no edit anywhere else.
"""

from __future__ import annotations

import importlib
import pkgutil

import reflex as rx

import afroboost.components.coach as package
from afroboost.state.coach.dashboard import DashboardState as D
from afroboost.state.coach.tabs import TabSpec, registered_tabs

for _module in pkgutil.iter_modules(package.__path__):
    importlib.import_module(f"{package.__name__}.{_module.name}")


def coach_tabs() -> list[TabSpec]:
    return registered_tabs()


def tab_button(tab: TabSpec) -> rx.Component:
    return rx.button(
        tab.label, size="2", variant=rx.cond(D.tab == tab.key, "solid", "soft"),
        class_name=rx.cond(D.tab == tab.key, "ab-btn", ""), on_click=D.open_tab(tab.key),
        flex_shrink="0", data_testid=f"tab-{tab.key}",
    )


def tab_bar() -> rx.Component:
    return rx.hstack(*[tab_button(t) for t in coach_tabs()], spacing="2", overflow_x="auto",
                     width="100%", padding_bottom="0.5em", data_testid="tab-bar")


def tab_panels() -> rx.Component:
    """The open tab's content (each tab rendered once, shown by key)."""
    return rx.match(D.tab, *[(t.key, t.render()) for t in coach_tabs()], rx.fragment())
