"""The home page's pieces that come from the coach's Concept: hero backdrop, FAQ, contact.

Every coach-written text is rendered as text (React escapes it), never as HTML.
"""

from __future__ import annotations

import reflex as rx

from afroboost import texts
from afroboost.components.theme import MUTED, PINK, VIOLET, card
from afroboost.services.content.concept import FaqItem
from afroboost.state.home import HomeState

CONCEPT = HomeState.concept


def hero_backdrop() -> rx.Component:
    """The coach's hero image behind the title, darkened so the text stays readable."""
    url = rx.get_upload_url(CONCEPT.hero_image)
    return rx.cond(
        CONCEPT.hero_image != "",
        rx.box(
            position="absolute", inset="0", background_size="cover", background_position="center",
            background_image=(
                "linear-gradient(90deg, rgba(0,0,0,0.88) 0%, rgba(0,0,0,0.62) 55%, rgba(0,0,0,0.35) 100%), "
                "linear-gradient(0deg, rgba(233,30,99,0.18), rgba(139,92,246,0.18)), url('" + url + "')"
            ),
            data_testid="hero-image",
        ),
    )


def faq_item(item: FaqItem) -> rx.Component:
    return rx.el.details(
        rx.el.summary(rx.text(item.q, as_="span", weight="bold", size="3"), cursor="pointer",
                      padding_y="0.25em"),
        rx.text(item.a, size="2", color="#e4e4e7", white_space="pre-line", padding_top="0.5em"),
        class_name="ab-card", padding="0.9em 1.1em", width="100%", data_testid="faq-item",
    )


def faq_section() -> rx.Component:
    return rx.cond(
        CONCEPT.faq.length() > 0,
        rx.vstack(
            rx.heading(texts.SECTION_FAQ, size="7", id="faq"),
            rx.foreach(CONCEPT.faq, faq_item),
            spacing="3", width="100%", padding_top="2em", data_testid="faq-section",
        ),
    )


def contact_line(icon: str, label: str, value: rx.Var, href: rx.Var | None = None, external: bool = False,
                 **props) -> rx.Component:
    shown = rx.text(value) if href is None else rx.link(value, href=href, color=PINK, is_external=external)
    return rx.cond(
        value != "",
        rx.hstack(
            rx.icon(icon, size=20, color=VIOLET, flex_shrink="0"),
            rx.vstack(rx.text(label, size="1", color=MUTED), shown, spacing="0", align="start", min_width="0",
                      word_break="break-word"),
            spacing="3", align="center", **props,
        ),
    )


def contact_section() -> rx.Component:
    return rx.cond(
        CONCEPT.has_contact,
        rx.vstack(
            rx.heading(texts.SECTION_CONTACT, size="7", id="contact"),
            card(rx.grid(
                contact_line("mail", texts.CONTACT_EMAIL, CONCEPT.contact_email, "mailto:" + CONCEPT.contact_email,
                             data_testid="contact-email"),
                contact_line("phone", texts.CONTACT_PHONE, CONCEPT.phone_display, "tel:" + CONCEPT.contact_phone,
                             data_testid="contact-phone"),
                contact_line("map-pin", texts.CONTACT_ADDRESS, CONCEPT.contact_address, data_testid="contact-address"),
                contact_line("at-sign", texts.CONTACT_INSTAGRAM, CONCEPT.instagram_label, CONCEPT.instagram_url,
                             external=True, data_testid="contact-instagram"),
                columns=rx.breakpoints(initial="1", sm="2"), spacing="4", width="100%",
            ), border_color=VIOLET),
            spacing="3", width="100%", padding_top="2em", data_testid="contact-block",
        ),
    )
