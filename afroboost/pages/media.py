"""/v/[slug]: a video landing page (thumbnail + play button, video in place, call to action).

Crawlers get this page's OpenGraph tags from afroboost/api/og.py, which serves the same URL.
"""

from __future__ import annotations

import reflex as rx

from afroboost import texts
from afroboost.components.layout import page
from afroboost.components.theme import PINK
from afroboost.pages.articles import not_found
from afroboost.routes import HOME
from afroboost.state.content_public import MediaPageState as S


def play_button() -> rx.Component:
    return rx.el.button(
        rx.box(width="0", height="0", border_top="15px solid transparent", border_bottom="15px solid transparent",
               border_left="24px solid #ffffff", margin_left="6px"),
        on_click=S.play, aria_label=texts.MEDIA_PLAY, title=texts.MEDIA_PLAY,
        position="absolute", top="50%", left="50%", transform="translate(-50%, -50%)",
        width="78px", height="78px", border_radius="50%", background=PINK, border="none", cursor="pointer",
        display="flex", align_items="center", justify_content="center",
        box_shadow="0 0 0 8px rgba(233,30,99,0.25), 0 0 32px rgba(233,30,99,0.6)",
        _hover={"transform": "translate(-50%, -50%) scale(1.06)"}, data_testid="media-play",
    )


def poster() -> rx.Component:
    m = S.media
    return rx.box(
        rx.cond(m.thumbnail != "", rx.image(src=rx.get_upload_url(m.thumbnail), alt=m.title, position="absolute",
                                            inset="0", width="100%", height="100%", object_fit="cover",
                                            data_testid="media-thumbnail")),
        play_button(),
        position="absolute", inset="0",
        background="radial-gradient(circle at 30% 20%, rgba(233,30,99,0.35), transparent 60%), "
                   "radial-gradient(circle at 80% 80%, rgba(139,92,246,0.35), transparent 60%), #0b0b10",
    )


def player() -> rx.Component:
    return rx.box(
        rx.cond(
            S.playing,
            rx.el.iframe(src=S.player_src, title=S.media.title, allow_full_screen=True,
                         allow="accelerometer; autoplay; clipboard-write; encrypted-media; gyroscope; "
                               "picture-in-picture",
                         referrer_policy="strict-origin-when-cross-origin", position="absolute", inset="0",
                         width="100%", height="100%", border="0", data_testid="media-iframe"),
            poster(),
        ),
        position="relative", width="100%", aspect_ratio="16 / 9", border_radius="16px", overflow="hidden",
        border="1px solid rgba(139,92,246,0.35)", box_shadow="0 0 28px rgba(233,30,99,0.15)",
        data_testid="media-player",
    )


def media_body() -> rx.Component:
    m = S.media
    return rx.vstack(
        rx.heading(m.title, size=rx.breakpoints(initial="6", md="8"), data_testid="media-title"),
        player(),
        rx.cond(m.cta_url != "",
                rx.el.a(rx.button(m.cta_text, size="4", width="100%", background=PINK, color="white",
                                  font_weight="700", white_space="normal", height="auto", min_height="52px",
                                  box_shadow="0 0 22px rgba(233,30,99,0.45)", cursor="pointer"),
                        href=m.cta_url, target="_blank", rel="noopener noreferrer", width="100%",
                        data_testid="media-cta")),
        rx.cond(m.description != "", rx.text(m.description, color="#e4e4e7", white_space="pre-line",
                                              data_testid="media-description")),
        spacing="4", width="100%", align="start",
    )


def media_page() -> rx.Component:
    return page(
        rx.cond(
            S.loaded,
            rx.cond(S.found, media_body(),
                    not_found(texts.MEDIA_NOT_FOUND_TITLE, texts.MEDIA_NOT_FOUND, texts.CONTENT_BACK_HOME, HOME,
                              "media-not-found")),
            rx.center(rx.spinner(size="3"), padding="3em"),
        ),
        max_width="820px", padding_top="1.5em",
    )

