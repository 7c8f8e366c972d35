"""📢 Campagnes composer, steps 6–8: « ⚙️ Paramètres avancés » (channels), dates, recap and buttons."""

from __future__ import annotations

import reflex as rx

from afroboost import texts
from afroboost.components.coach.form_kit import labelled
from afroboost.components.theme import MUTED, VIOLET, field_error, neon_button
from afroboost.state.coach.campaigns import CampaignFormState as F
from afroboost.state.coach.campaigns_edit import CampaignEditState as E
from afroboost.state.coach.campaigns_kit import SlotItem
from afroboost.state.coach.campaigns_when import CampaignWhenState as W

CHANNEL_ROWS = [("internal", texts.CAMP_CH_INTERNAL, F.ch_internal),
                ("whatsapp", texts.CAMP_CH_WHATSAPP, F.ch_whatsapp),
                ("email", texts.CAMP_CH_EMAIL, F.ch_email),
                ("group", texts.CAMP_CH_GROUP, F.ch_group)]


def channel_row(key: str, label: str, checked: rx.Var) -> rx.Component:
    missing = ~F.ready[key]
    return rx.flex(
        rx.switch(checked=checked, on_change=lambda on: F.set_channel(key, on), color_scheme="pink",
                  data_testid=f"switch-channel-{key}"),
        rx.vstack(
            rx.flex(rx.text(label, size="2", weight="medium"),
                    rx.cond(missing, rx.badge(texts.CH_NOT_CONFIGURED, color_scheme="orange", variant="soft",
                                              data_testid=f"channel-{key}-not-configured")),
                    spacing="2", align="center", wrap="wrap"),
            rx.text(texts.CAMP_CH_HINTS[key], size="1", color=MUTED),
            spacing="0", min_width="0",
        ),
        spacing="3", align="start", width="100%",
    )


def advanced_block() -> rx.Component:
    sid = rx.input(value=F.content_sid, on_change=F.set_content_sid, placeholder="HX…", size="2", width="100%",
                   max_width="420px", auto_complete="off", data_testid="input-campaign-content-sid")
    content = rx.vstack(
        rx.text(texts.CAMP_CHANNELS, size="2", weight="medium"),
        *[channel_row(*row) for row in CHANNEL_ROWS],
        field_error(F.err["channels"], "error-campaign-channels"),
        rx.cond(~F.ready["whatsapp"] | ~F.ready["email"],
                rx.text(texts.CAMP_NOT_CONFIGURED_HINT, size="1", color=MUTED)),
        labelled(texts.CAMP_CONTENT_SID, sid, F.err["wa_content_sid"], "campaign-content-sid",
                 texts.CAMP_CONTENT_SID_HINT),
        spacing="3", width="100%", align="start", padding_top="0.5em",
    )
    return rx.accordion.root(
        rx.accordion.item(header=texts.CAMP_ADVANCED, content=content, value="advanced",
                          data_testid="campaign-advanced"),
        type="single", collapsible=True, value=F.adv, on_value_change=F.set_adv, variant="ghost",
        color_scheme="violet", width="100%",
    )


def slot_chip(s: SlotItem) -> rx.Component:
    return rx.flex(
        rx.text("🗓️ " + s.label, size="2"),
        rx.icon_button(rx.icon("x", size=12), size="1", variant="ghost", color_scheme="gray", radius="full",
                       on_click=W.remove_slot(s.iso), aria_label=texts.CAMP_SLOT_REMOVE,
                       data_testid="campaign-slot-remove"),
        align="center", spacing="1", padding="0.15em 0.3em 0.15em 0.6em", border_radius="999px",
        border=f"1.5px solid {VIOLET}", data_testid="campaign-slot",
    )


def schedule_block() -> rx.Component:
    later = rx.vstack(
        rx.flex(
            rx.input(type="datetime-local", value=W.slot_input, on_change=W.set_slot_input, size="2",
                     width="100%", max_width="260px", data_testid="input-campaign-slot"),
            rx.button(texts.CAMP_SLOT_ADD, size="2", variant="soft", color_scheme="violet", on_click=W.add_slot,
                      data_testid="campaign-slot-add"),
            spacing="2", wrap="wrap", align="center", width="100%",
        ),
        rx.text(texts.CAMP_SLOT_TZ, size="1", color=MUTED),
        rx.cond(W.slots.length() == 0, rx.text(texts.CAMP_SLOTS_NONE, size="2", color=MUTED),
                rx.flex(rx.foreach(W.slots, slot_chip), spacing="2", wrap="wrap", width="100%")),
        spacing="2", width="100%", align="start",
    )
    return rx.vstack(
        rx.text(texts.CAMP_WHEN, size="2", weight="medium"),
        rx.flex(  # two buttons rather than a segmented control: they wrap on a phone
            *[rx.button(label, size="2", variant=rx.cond(W.when == key, "solid", "soft"), color_scheme="violet",
                        on_click=W.set_later(key), data_testid=f"campaign-when-{key}",
                        aria_pressed=rx.cond(W.when == key, "true", "false"))
              for key, label in (("now", texts.CAMP_NOW), ("later", texts.CAMP_LATER))],
            spacing="2", wrap="wrap",
        ),
        rx.cond(W.later, later),
        field_error(W.err_slot, "error-campaign-slot"),
        spacing="2", width="100%", align="start",
    )


def recap_block() -> rx.Component:
    return rx.vstack(
        rx.text(texts.CAMP_RECAP_TITLE, size="2", weight="medium"),
        rx.text(F.recap_label, weight="bold", color=rx.cond(F.reachable, "#4ade80", "#fbbf24"),
                data_testid="campaign-recap"),
        rx.cond(F.excluded > 0, rx.text(F.excluded_label, size="2", color="#fbbf24", data_testid="campaign-excluded")),
        rx.text(W.planned_label, size="2", color=MUTED, data_testid="campaign-planned"),
        field_error(F.err["general"], "error-campaign-general"),
        rx.flex(
            neon_button(F.create_text, size="3", on_click=F.save, disabled=~F.can_create, max_width="100%",
                        white_space="normal", height="auto", min_height="44px", padding_y="0.4em",
                        data_testid="campaign-create"),
            rx.cond(F.editing == 0,
                    rx.button(texts.CAMP_SAVE_DRAFT, size="3", variant="outline", color_scheme="violet",
                              on_click=F.save_draft, data_testid="campaign-save-draft")),
            rx.cond(F.editing != 0,
                    rx.button(texts.CAMP_CANCEL, size="3", variant="outline", color_scheme="gray",
                              on_click=E.cancel, data_testid="campaign-cancel-edit")),
            spacing="2", wrap="wrap", width="100%",
        ),
        spacing="2", width="100%", align="start", padding="0.75em", border_radius="12px",
        border="1px solid rgba(139,92,246,0.35)", background="rgba(139,92,246,0.06)", data_testid="campaign-summary",
    )
