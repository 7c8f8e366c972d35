"""Aperçu tab (dashboard landing): this week's fill rates, bookings per week, revenue, headsets out."""

from __future__ import annotations

import reflex as rx

from afroboost import texts
from afroboost.components.coach.common import tab_panel
from afroboost.components.theme import MUTED, PINK, VIOLET, card
from afroboost.services.overview import HeadsetOut, WeekSession
from afroboost.state.coach.overview import ApercuState as A
from afroboost.state.coach.tabs import register_tab

TICK = {"fill": MUTED, "fontSize": 12}
AXIS = "#3f3f46"
TOOLTIP = dict(
    content_style={"background": "#0b0b10", "border": f"1px solid {VIOLET}", "borderRadius": "8px"},
    label_style={"color": "#f4f4f5"}, item_style={"color": "#f4f4f5"},
    cursor={"fill": "rgba(139, 92, 246, 0.12)"},
)


def panel(title: str, *children, hint: rx.Var | str = "", **props) -> rx.Component:
    return card(rx.vstack(
        rx.heading(title, size="4"),
        rx.text(hint, size="1", color=MUTED) if isinstance(hint, rx.Var) or hint else rx.fragment(),
        *children, spacing="3", width="100%", align="start",
    ), **props)


def kpi(label: str, value: rx.Var, test_id: str) -> rx.Component:
    """A figure card; cards share a row and wrap when a value needs more room (phones)."""
    return card(rx.vstack(
        rx.text(label, size="1", color=MUTED, white_space="nowrap"),
        rx.text(value, size=rx.breakpoints(initial="5", sm="6"), weight="bold", class_name="ab-gradient-text",
                white_space="nowrap", data_testid=test_id),
        spacing="1",
    ), padding=rx.breakpoints(initial="0.6em 0.8em", sm="0.75em 1em"), width="auto", flex="1 1 0",
        min_width="max-content")


def session_row(s: WeekSession) -> rx.Component:
    return rx.vstack(
        rx.hstack(
            rx.vstack(rx.text(s.course, weight="bold", size="2"), rx.text(s.label, size="1", color=MUTED),
                      spacing="0", align="start"),
            rx.spacer(),
            rx.text(s.fill_label + " · " + s.pct.to_string() + " %", size="2", weight="bold",
                    white_space="nowrap", data_testid="fill-label"),
            width="100%", align="center",
        ),
        rx.progress(value=s.pct, max=100, width="100%", color_scheme=rx.cond(s.pct >= 90, "crimson", "violet")),
        spacing="1", width="100%", data_testid="week-session",
    )


def headset_row(h: HeadsetOut) -> rx.Component:
    return rx.hstack(
        rx.badge(texts.OVERVIEW_HEADSET.format(n="") + h.headset, color_scheme="crimson", size="2",
                 white_space="nowrap", data_testid="headset-number"),
        rx.vstack(rx.text(h.person + " · " + texts.OVERVIEW_SINCE.format(t="") + h.since, weight="bold", size="2"),
                  rx.text(h.session + " · " + h.code, size="1", color=MUTED),
                  spacing="0", align="start", min_width="0"),
        width="100%", align="center", padding_y="0.4em",
        border_bottom="1px solid rgba(255,255,255,0.06)", data_testid="headset-out",
    )


def weekly_chart() -> rx.Component:
    return rx.recharts.bar_chart(
        rx.recharts.cartesian_grid(stroke_dasharray="3 3", stroke=AXIS, vertical=False),
        # Every week labelled, small enough for 8 bars at 375 px.
        rx.recharts.x_axis(data_key="label", tick={**TICK, "fontSize": 10}, stroke=AXIS, interval=0),
        rx.recharts.y_axis(allow_decimals=False, tick=TICK, stroke=AXIS, width=32),
        rx.recharts.graphing_tooltip(**TOOLTIP),
        rx.recharts.bar(data_key="count", name=texts.OVERVIEW_BOOKINGS, fill=PINK, radius=[6, 6, 0, 0],
                        is_animation_active=False),
        data=A.weekly, height=240, margin={"top": 10, "right": 8, "left": 0, "bottom": 0},
    )


def revenue_chart() -> rx.Component:
    return rx.recharts.bar_chart(
        rx.recharts.cartesian_grid(stroke_dasharray="3 3", stroke=AXIS, horizontal=False),
        rx.recharts.x_axis(type_="number", tick=TICK, stroke=AXIS, allow_decimals=False),
        rx.recharts.y_axis(data_key="course", type_="category", tick=TICK, stroke=AXIS, width=100),
        rx.recharts.graphing_tooltip(**TOOLTIP),
        rx.recharts.bar(
            rx.recharts.label_list(data_key="amount", position="right", fill="#f4f4f5",
                                   custom_attrs={"fontSize": 11}),
            data_key="chf", name=texts.OVERVIEW_CHF, fill=VIOLET, radius=[0, 6, 6, 0], min_point_size=2,
            is_animation_active=False,
        ),
        data=A.revenue, layout="vertical", height=A.revenue_chart_height,
        margin={"top": 0, "right": 72, "left": 0, "bottom": 0},
    )


@register_tab("apercu", texts.OVERVIEW_TAB, 10, A)
def apercu_tab() -> rx.Component:
    return tab_panel(
        texts.OVERVIEW_TITLE,
        rx.hstack(
            rx.text(A.week_label, color=VIOLET, weight="bold", size="2", data_testid="week-label"),
            rx.spacer(),
            rx.button("↻ " + texts.OVERVIEW_REFRESH, variant="soft", size="1", on_click=A.load,
                      data_testid="apercu-refresh"),
            width="100%", align="center",
        ),
        rx.flex(
            kpi(texts.OVERVIEW_KPI_SESSIONS, A.sessions.length(), "kpi-sessions"),
            kpi(texts.OVERVIEW_HEADSETS, A.headsets_count, "kpi-headsets"),
            kpi(texts.OVERVIEW_KPI_REVENUE, A.revenue_total, "kpi-revenue"),
            wrap="wrap", spacing="2", width="100%",
        ),
        rx.grid(
            panel(texts.OVERVIEW_SESSIONS,
                  rx.cond(A.loaded & (A.sessions.length() == 0),
                          rx.text(texts.OVERVIEW_NO_SESSIONS, color=MUTED, size="2")),
                  rx.foreach(A.sessions, session_row), data_testid="week-sessions"),
            panel(texts.OVERVIEW_HEADSETS + " (" + A.headsets_count.to_string() + ")",
                  rx.cond(A.loaded & (A.headsets_count == 0),
                          rx.text(texts.OVERVIEW_NO_HEADSETS, color=MUTED, size="2")),
                  rx.foreach(A.headsets, headset_row), data_testid="headsets-out"),
            panel(texts.OVERVIEW_WEEKLY, weekly_chart(), hint=texts.OVERVIEW_WEEKLY_HINT,
                  data_testid="weekly-chart"),
            panel(texts.OVERVIEW_REVENUE, revenue_chart(),
                  hint=texts.OVERVIEW_REVENUE_HINT.format(total="") + A.revenue_total,
                  data_testid="revenue-chart"),
            columns=rx.breakpoints(initial="1", md="2"), spacing="4", width="100%",
        ),
        on_mount=A.load, data_testid="apercu-tab",
    )
