"""💬 Conversations tab: conversations on the left, the live thread on the right (stacked on a
phone), then the Agent IA, chat links, community groups and contacts cards, and the verification
codes no channel could send.
"""

from __future__ import annotations

import reflex as rx

from afroboost import texts
from afroboost.components.chat.coach_thread import coach_thread
from afroboost.components.coach.ai import ai_card
from afroboost.components.coach.common import tab_panel
from afroboost.components.coach.conversations_list import conversations_list
from afroboost.components.coach.crm import crm_card
from afroboost.components.coach.groups import groups_card
from afroboost.components.coach.links import links_card
from afroboost.components.coach.verification import verification_codes_card
from afroboost.components.theme import card
from afroboost.state.coach.conversations import ConversationsState
from afroboost.state.coach.tabs import register_tab

TWO_COLUMNS = rx.breakpoints(initial="minmax(0, 1fr)", md="minmax(0, 2fr) minmax(0, 3fr)")
CARDS = rx.breakpoints(initial="minmax(0, 1fr)", lg="minmax(0, 1fr) minmax(0, 1fr)")


def thread_column() -> rx.Component:
    return card(coach_thread(), id="conv-thread", min_height="320px", scroll_margin_top="1em",
                data_testid="conversation-thread")


@register_tab("conversations", texts.CONV_TAB, 110, ConversationsState)
def conversations_tab() -> rx.Component:
    return tab_panel(
        texts.CONV_TITLE,
        verification_codes_card(),  # first: someone may be waiting for their code right now
        rx.grid(conversations_list(), thread_column(), grid_template_columns=TWO_COLUMNS, spacing="3", width="100%",
                align_items="start"),
        rx.grid(ai_card(), links_card(), grid_template_columns=CARDS, spacing="3", width="100%", align_items="start"),
        rx.grid(groups_card(), crm_card(), grid_template_columns=CARDS, spacing="3", width="100%", align_items="start"),
        data_testid="panel-conversations",
    )
