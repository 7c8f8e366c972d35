"""📢 Campagnes composer, steps 1, 4 and 5: name, message with {prénom} and its live preview, media."""

from __future__ import annotations

import reflex as rx

from afroboost import texts
from afroboost.components.chat.bubble import GOLD  # the coach's name colour in the chat
from afroboost.components.coach.form_kit import labelled, text_field
from afroboost.components.theme import MUTED, VIOLET
from afroboost.services.content.media import MediaRow
from afroboost.state.coach.campaigns import CampaignFormState as F
from afroboost.state.coach.campaigns_basket import CampaignBasketState as B

NO_MEDIA = "-"


def name_field() -> rx.Component:
    return text_field(texts.CAMP_NAME, F.name, F.set_name, F.err["name"], "campaign-name",
                      placeholder=texts.CAMP_NAME_PLACEHOLDER, wide=True, size="2")


def bubble(who: rx.Var | str, text: rx.Var, test_id: str) -> rx.Component:
    """How the message reads in the chat: « 💪 Coach Bassi » and the text (never HTML)."""
    return rx.vstack(
        rx.text(who, size="1", color=MUTED),
        rx.box(
            rx.text(texts.CAMPAIGN_SENDER, size="1", weight="bold", color=GOLD),
            rx.text(rx.cond(text != "", text, texts.CAMP_PREVIEW_EMPTY), size="2", white_space="pre-wrap",
                    word_break="break-word", color=rx.cond(text != "", "white", MUTED), data_testid=test_id),
            padding="0.5em 0.75em", border_radius="14px 14px 14px 4px", background="#1f1f27",
            border="1px solid rgba(139,92,246,0.35)", max_width="100%",
        ),
        spacing="1", align="start", flex="1 1 220px", min_width="0",
    )


def message_block() -> rx.Component:
    area = rx.text_area(value=F.body, on_change=F.set_body, placeholder=texts.CAMP_MESSAGE_PLACEHOLDER, rows="4",
                        size="2", width="100%", data_testid="input-campaign-body")
    preview = rx.vstack(
        rx.text(texts.CAMP_PREVIEW, size="2", weight="medium"),
        rx.flex(
            bubble(texts.CAMP_PREVIEW_PERSON.split("{name}")[0] + F.first_name, F.preview_person,
                   "campaign-preview-person"),
            rx.cond(B.basket_groups > 0,
                    bubble(texts.CAMP_PREVIEW_GROUP + " (" + texts.CAMP_COMMUNITY + ")", F.preview_group,
                           "campaign-preview-group")),
            spacing="3", wrap="wrap", width="100%",
        ),
        spacing="2", width="100%", align="start", data_testid="campaign-preview",
    )
    return rx.vstack(
        labelled(texts.CAMP_MESSAGE, area, F.err["body"], "campaign-body", texts.CAMP_MESSAGE_HINT),
        preview,
        spacing="3", width="100%", align="start",
    )


def _page_item(p: MediaRow) -> rx.Component:
    return rx.select.item("/v/" + p.slug + " — " + p.title, value=p.slug)


def media_block() -> rx.Component:
    pages = rx.select.root(
        rx.select.trigger(placeholder=texts.CAMP_MEDIA_PAGE, width="100%", data_testid="select-campaign-media"),
        rx.select.content(rx.select.item(texts.CAMP_MEDIA_NONE, value=NO_MEDIA), rx.foreach(F.media_pages, _page_item)),
        value=rx.cond(F.media_slug != "", F.media_slug, NO_MEDIA), on_change=F.set_media_slug, size="2",
    )
    link = rx.input(value=F.media_link, on_change=F.set_media_link, placeholder=texts.CAMP_MEDIA_URL, size="2",
                    width="100%", auto_complete="off", data_testid="input-campaign-media-url")
    controls = rx.vstack(
        rx.flex(rx.box(pages, flex="1 1 220px", min_width="0"), rx.box(link, flex="1 1 220px", min_width="0"),
                spacing="2", wrap="wrap", width="100%"),
        rx.cond(F.media_pages.length() == 0, rx.text(texts.CAMP_MEDIA_NO_PAGES, size="1", color=MUTED)),
        spacing="1", width="100%",
    )
    return labelled(texts.CAMP_MEDIA, controls, F.err["media"], "campaign-media")


def step(n: str, *children) -> rx.Component:
    """A numbered step of the composer (the PRD's order), with a violet rail on the left."""
    return rx.flex(
        rx.center(rx.text(n, size="1", weight="bold"), width="22px", height="22px", min_width="22px",
                  border_radius="50%", background=VIOLET, color="white", margin_top="2px"),
        rx.box(*children, flex="1", min_width="0"),
        spacing="3", width="100%", align="start",
    )
