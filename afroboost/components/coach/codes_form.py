"""Codes tab: the promo code form (code, % or CHF, validity dates, max uses, offers, active)."""

from __future__ import annotations

import reflex as rx

from afroboost import texts
from afroboost.components.coach.form_kit import fields_row, form_card, labelled, select_field, switch_field, text_field
from afroboost.services.catalog.codes import OfferChoice
from afroboost.state.coach.codes import CodesState as S

KIND_OPTIONS = list(texts.CODE_KINDS.items())


def _field(label, name: str, hint: str = "", **props) -> rx.Component:
    return text_field(label, S.form[name], lambda v: S.set_field(name, v), S.err[name], f"code-{name}", hint,
                      **props)


def offer_checkbox(o: OfferChoice) -> rx.Component:
    return rx.checkbox(o.name, checked=S.form_offers.contains(o.id), on_change=lambda c: S.toggle_offer(o.id, c),
                       size="2", data_testid="code-offer")


def code_form() -> rx.Component:
    value_label = rx.cond(S.form["kind"] == "percent", texts.CODE_VALUE_PERCENT, texts.CODE_VALUE_FIXED)
    return form_card(
        rx.cond(S.editing == 0, texts.CODE_NEW_TITLE, texts.CODE_EDIT_TITLE),
        fields_row(
            _field(texts.CODE_CODE, "code", placeholder="BIENVENUE", text_transform="uppercase"),
            select_field(texts.CODE_KIND, KIND_OPTIONS, S.form["kind"], lambda v: S.set_field("kind", v),
                         S.err["kind"], "code-kind"),
            _field(value_label, "value", input_mode="decimal"),
        ),
        fields_row(
            _field(texts.CODE_FROM, "valid_from", type="date"),
            _field(texts.CODE_UNTIL, "valid_until", type="date"),
            _field(texts.CODE_MAX_USES, "max_uses", input_mode="numeric", placeholder="∞"),
        ),
        labelled(texts.CODE_OFFERS,
                 rx.flex(rx.foreach(S.offers, offer_checkbox), spacing="3", wrap="wrap", width="100%"),
                 S.err["offer_ids"], "code-offers"),
        switch_field(texts.CODE_ACTIVE, S.form_active, S.set_active, "code-active"),
        on_save=S.save, on_cancel=S.close_form, general=S.err["general"], test_id="code",
    )
