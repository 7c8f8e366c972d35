"""📢 Campagnes tab: the composer in the PRD's order, then the history and the error log.

Composer steps: 1 name · 2 search · 3 basket · 4 message + preview · 5 media ·
6 « ⚙️ Paramètres avancés » · 7 scheduling · 8 recap and « 🚀 Créer ».
"""

from __future__ import annotations

import reflex as rx

from afroboost import texts
from afroboost.components.coach.campaigns_deliveries import errors_log, scheduler_indicator
from afroboost.components.coach.campaigns_form import media_block, message_block, name_field, step
from afroboost.components.coach.campaigns_history import history_list
from afroboost.components.coach.campaigns_options import advanced_block, recap_block, schedule_block
from afroboost.components.coach.campaigns_recipients import basket_block, search_block
from afroboost.components.coach.common import tab_panel
from afroboost.components.coach.conversations_kit import section
from afroboost.state.coach.campaigns import CampaignFormState as F
from afroboost.state.coach.campaigns_basket import CampaignBasketState as B
from afroboost.state.coach.campaigns_history import CampaignHistoryState as H
from afroboost.state.coach.tabs import register_tab


def composer() -> rx.Component:
    return section(
        F.title, texts.CAMP_HINT,
        step("1", name_field()),
        step("2", search_block()),
        step("3", basket_block()),
        step("4", message_block()),
        step("5", media_block()),
        step("6", advanced_block()),
        step("7", schedule_block()),
        step("8", recap_block()),
        id="campaign-composer", scroll_margin_top="1em", on_mount=[B.load, F.load],
        class_name=rx.cond(F.editing != 0, "ab-card ab-chip-selected", "ab-card"), data_testid="campaign-composer",
    )


def history() -> rx.Component:
    head = rx.flex(
        rx.icon_button(rx.icon("refresh-cw", size=14), size="1", variant="soft", color_scheme="gray",
                       on_click=H.refresh, aria_label=texts.CAMP_REFRESH, title=texts.CAMP_REFRESH,
                       data_testid="campaign-history-refresh"),
        rx.button(texts.CAMP_ERRORS, size="1", variant=rx.cond(H.show_errors, "solid", "soft"), color_scheme="red",
                  on_click=H.toggle_errors, data_testid="campaign-errors-toggle"),
        spacing="2", align="center",
    )
    return section(
        texts.CAMP_HISTORY, texts.CAMP_HISTORY_HINT,
        scheduler_indicator(),
        rx.cond(H.show_errors, errors_log()),
        history_list(),
        head=head, on_mount=H.load, data_testid="campaign-history-card",
    )


@register_tab("campagnes", texts.CAMP_TAB, 80, F)
def campaigns_tab() -> rx.Component:
    return tab_panel(
        texts.CAMP_TITLE,
        composer(),
        history(),
        data_testid="panel-campagnes",
    )
