"""Markdown written by the coach, rendered without any raw HTML (articles, previews)."""

from __future__ import annotations

import reflex as rx

from afroboost.components.theme import PINK


def _pre(value, **_props) -> rx.Component:
    # Plain <pre>: no syntax highlighter bundle for the odd code block in a fitness article.
    return rx.el.pre(value, padding="0.9em", border_radius="10px", background="#111118",
                     border="1px solid rgba(139,92,246,0.3)", overflow_x="auto", white_space="pre-wrap",
                     font_size="0.9em", margin_y="1em")


def safe_markdown_view(source: rx.Var, **props) -> rx.Component:
    """`source` must already be passed through services.content_articles.safe_markdown (every `<`
    escaped outside code); on top of that the raw-HTML plugin is off, so HTML never becomes
    elements, and react-markdown drops javascript: links by itself."""
    return rx.box(
        rx.markdown(source, use_raw=False, use_math=False, use_katex=False, component_map={"pre": _pre}),
        width="100%", line_height="1.7", overflow_wrap="anywhere",
        style={"& img": {"max_width": "100%", "border_radius": "12px"},
               "& a": {"color": PINK, "text_decoration": "underline"},
               "& blockquote": {"border_left": f"3px solid {PINK}", "padding_left": "1em", "color": "#d4d4d8"}},
        **props,
    )
