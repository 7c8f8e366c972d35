"""📢 Campagnes history: filters, one card per campaign (status, counts, progress, actions)."""

from __future__ import annotations

import reflex as rx

from afroboost import texts
from afroboost.components.coach.campaigns_deliveries import deliveries_table
from afroboost.components.coach.conversations_kit import LINE_CLAMP_2, sure
from afroboost.components.coach.form_kit import ROW_STYLE
from afroboost.components.theme import MUTED
from afroboost.state.coach.campaigns_edit import CampaignEditState as E
from afroboost.state.coach.campaigns_history import CampaignHistoryState as H
from afroboost.state.coach.campaigns_kit import HistoryRow

STATUS_COLORS = {"draft": "gray", "scheduled": "violet", "sending": "blue", "completed": "green", "failed": "red"}


def filters() -> rx.Component:
    return rx.flex(
        *[rx.button(label, size="1", variant=rx.cond(H.filter == key, "solid", "soft"), color_scheme="violet",
                    on_click=H.set_filter(key), data_testid=f"campaign-filter-{key}")
          for key, label in texts.CAMP_FILTERS.items()],
        spacing="2", wrap="wrap",
    )


def status_badge(r: HistoryRow) -> rx.Component:
    return rx.badge(r.status_label, color_scheme=rx.match(r.status, *STATUS_COLORS.items(), "gray"),
                    variant="soft", data_testid="campaign-status", data_status=r.status)


def actions(r: HistoryRow) -> rx.Component:
    return rx.cond(
        H.confirm_delete == r.id,
        sure(E.delete(r.id), H.keep, "campaign-delete"),
        rx.flex(
            rx.cond(r.can_launch, rx.button(texts.CAMP_LAUNCH, size="1", class_name="ab-btn",
                                            on_click=H.launch(r.id), data_testid="campaign-launch")),
            rx.cond(r.is_auto, rx.badge(texts.CAMP_AUTO, color_scheme="violet", variant="surface", size="2",
                                        data_testid="campaign-auto")),
            rx.cond(r.can_relaunch, rx.button(texts.CAMP_RELAUNCH, size="1", variant="soft", color_scheme="orange",
                                              disabled=~r.has_retry, on_click=H.relaunch(r.id),
                                              data_testid="campaign-relaunch")),
            rx.cond(r.can_edit, rx.icon_button(rx.icon("pencil", size=14), size="1", variant="soft",
                                               color_scheme="gray", on_click=E.edit(r.id),
                                               aria_label=texts.CAMP_EDIT_LABEL, title=texts.CAMP_EDIT_LABEL,
                                               data_testid="campaign-edit")),
            rx.button(texts.CAMP_DETAILS, size="1", variant=rx.cond(H.open_id == r.id, "solid", "soft"),
                      color_scheme="gray", on_click=H.toggle_deliveries(r.id), data_testid="campaign-details"),
            rx.icon_button(rx.icon("trash-2", size=14), size="1", variant="soft", color_scheme="red",
                           on_click=H.ask_delete(r.id), aria_label=texts.CAMP_DELETE_LABEL,
                           title=texts.CAMP_DELETE_LABEL, data_testid="campaign-delete"),
            spacing="2", wrap="wrap", align="center",
        ),
    )


def campaign_card(r: HistoryRow) -> rx.Component:
    return rx.vstack(
        rx.flex(
            status_badge(r),
            rx.text(r.name, weight="bold", data_testid="campaign-name"),
            rx.text(r.created, size="1", color=MUTED),
            rx.spacer(),
            actions(r),
            spacing="2", align="center", wrap="wrap", width="100%",
        ),
        rx.text(r.body, size="2", color=MUTED, style=LINE_CLAMP_2),
        rx.flex(
            rx.text("👥 " + r.groups.to_string() + " · 👤 " + r.users.to_string(), size="1"),
            rx.text(r.channels_label, size="1", color=MUTED),
            rx.cond(r.next_label != "", rx.text(r.next_label, size="1", color="#c4b5fd", data_testid="campaign-next")),
            rx.cond((r.next_label == "") & (r.slots_label != ""),
                    rx.text("🗓️ " + r.slots_label, size="1", color=MUTED)),
            spacing="3", wrap="wrap", align="center",
        ),
        rx.cond(r.total > 0, rx.text(r.counts_label, size="1", data_testid="campaign-counts",
                                     data_queued=r.queued, data_sent=r.sent, data_delivered=r.delivered,
                                     data_failed=r.failed)),
        rx.cond(r.in_progress, rx.hstack(rx.progress(value=r.percent, max=100, color_scheme="pink", width="100%"),
                                         rx.text(r.percent.to_string() + " %", size="1"),
                                         width="100%", align="center", data_testid="campaign-progress")),
        rx.cond(H.open_id == r.id, deliveries_table()),
        spacing="2", align="start", **ROW_STYLE, data_testid="campaign-row", data_campaign_id=r.id,
    )


def history_list() -> rx.Component:
    return rx.vstack(
        filters(),
        rx.cond(H.loaded & (H.rows.length() == 0),
                rx.text(texts.CAMP_HISTORY_NONE, color=MUTED, data_testid="campaign-history-empty")),
        rx.vstack(rx.foreach(H.rows, campaign_card), spacing="2", width="100%"),
        spacing="3", width="100%", align="start", data_testid="campaign-history",
    )
