"""Public home page: concept, upcoming sessions with spots left, offers, shop."""

from __future__ import annotations

import reflex as rx

from afroboost import texts
from afroboost.components.catalog import grid, offer_card, spots_badge
from afroboost.components.home_concept import contact_section, faq_section, hero_backdrop
from afroboost.components.layout import page
from afroboost.components.theme import MUTED, VIOLET, card, neon_button
from afroboost.routes import BOOK, book_session_url
from afroboost.services.catalog.listing import CourseView, SessionView
from afroboost.state.home import HomeState


def hero() -> rx.Component:
    return rx.box(
        hero_backdrop(),
        rx.vstack(
            rx.text("🎧 " + HomeState.concept.tagline, color=VIOLET, weight="bold", size="2",
                    data_testid="hero-tagline"),
            rx.heading(HomeState.concept.title, size=rx.breakpoints(initial="8", md="9"),
                       class_name="ab-gradient-text", data_testid="hero-title"),
            rx.text(HomeState.concept.pitch, size="4", color="#e4e4e7", max_width="640px", white_space="pre-line",
                    data_testid="hero-pitch"),
            rx.link(neon_button(texts.HERO_CTA, size="4"), href=BOOK, data_testid="hero-cta"),
            spacing="4", align="start", max_width="1100px", margin_x="auto", position="relative",
            padding_x="1em", padding_y=rx.breakpoints(initial="2.5em", md="4.5em"),
            # Until load() answers, the texts/home.py defaults are in the page: fade in to avoid a visible swap.
            opacity=rx.cond(HomeState.loaded, "1", "0"), transition="opacity 0.25s ease",
        ),
        class_name="ab-hero", width="100%", position="relative", data_testid="hero",
    )


def session_row(s: SessionView) -> rx.Component:
    return rx.hstack(
        rx.vstack(
            rx.text(s.label, weight="bold", size="3"),
            spots_badge(s),
            spacing="1", align="start",
        ),
        rx.spacer(),
        rx.link(
            rx.button(rx.cond(s.full, texts.JOIN_WAITLIST, texts.BOOK),
                      variant=rx.cond(s.full, "outline", "solid"), class_name=rx.cond(s.full, "", "ab-btn"),
                      white_space="nowrap"),
            href=book_session_url(s.id), data_testid="book-session",
        ),
        align="center", width="100%", padding_y="0.6em",
        border_bottom="1px solid rgba(255,255,255,0.06)", data_testid="session-row",
    )


def course_block(c: CourseView) -> rx.Component:
    return card(
        rx.vstack(
            rx.heading(c.name, size="5"),
            rx.text(c.schedule + " · " + c.place, color=MUTED, size="2"),
            rx.text(c.description, size="2"),
            rx.foreach(c.sessions, session_row),
            spacing="2", align="start", width="100%",
        ),
        data_testid="course-card",
    )


def sessions_section() -> rx.Component:
    return rx.vstack(
        rx.heading(texts.SECTION_SESSIONS, size="7", id="seances"),
        rx.cond(
            HomeState.loaded & (HomeState.courses.length() == 0),
            rx.text(texts.NO_SESSIONS, color=MUTED),
        ),
        rx.grid(rx.foreach(HomeState.courses, course_block),
                columns=rx.breakpoints(initial="1", md="2"), spacing="4", width="100%"),
        spacing="4", width="100%", padding_top="2em",
    )


def offers_section() -> rx.Component:
    return rx.vstack(
        rx.heading(texts.SECTION_OFFERS, size="7"),
        grid(rx.foreach(HomeState.offers, lambda o: offer_card(o, data_testid="offer-card"))),
        rx.heading(texts.SECTION_SHOP, size="7", padding_top="1em"),
        grid(rx.foreach(HomeState.products, lambda o: offer_card(o, data_testid="product-card"))),
        spacing="4", width="100%", padding_top="2em",
    )


def home_page() -> rx.Component:
    return page(sessions_section(), offers_section(), faq_section(), contact_section(), top=hero())
