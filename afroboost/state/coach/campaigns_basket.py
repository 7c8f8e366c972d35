"""📢 Campagnes composer, steps 2–3: the unified recipient search and the basket of tags.

Only recipients the server itself found (`_matches`, from `search_recipients`) can enter the
basket: a crafted key, id or label adds nothing. The composer redoes its recap after each
basket click (components/coach/campaigns_recipients.py chains `CampaignFormState.recap`): this
leaf state never reaches the form.
"""

from __future__ import annotations

import reflex as rx

from afroboost import texts
from afroboost.db import run_read
from afroboost.services.campaigns.campaigns import search_recipients
from afroboost.state.auth import CoachState
from afroboost.state.coach.campaigns_kit import MAX_BASKET, BasketItem, add_unique, item
from afroboost.state.coach.crud import as_text

MAX_QUERY = 100
SHOWN = 60  # lines listed under the search field; « + Tous » still takes every match


async def find(query: str) -> list[BasketItem]:
    """Every group and contact matching `query` (case-insensitive), groups first."""
    found = await run_read(search_recipients, query=query)
    return [item(o.type, int(o.id), o.label, o.detail) for o in found if o.type in ("group", "user")]


class CampaignBasketState(CoachState):
    query: str = ""
    options: list[BasketItem] = []
    n_groups: int = 0
    n_users: int = 0
    basket: list[BasketItem] = []
    _matches: list[BasketItem] = []

    @rx.var
    def basket_keys(self) -> list[str]:
        return [b.key for b in self.basket]

    @rx.var
    def search_count(self) -> str:
        return texts.CAMP_SEARCH_COUNT.format(groups=self.n_groups, users=self.n_users)

    @rx.var
    def n_hidden(self) -> int:
        return max(0, self.n_groups + self.n_users - len(self.options))

    @rx.var
    def add_all_label(self) -> str:
        return texts.CAMP_ADD_ALL.format(n=self.n_groups + self.n_users)

    @rx.var
    def basket_groups(self) -> int:
        return sum(1 for b in self.basket if b.kind == "group")

    @rx.var
    def basket_users(self) -> int:
        return sum(1 for b in self.basket if b.kind == "user")

    async def _search(self) -> None:
        self._matches = await find(self.query)
        self.options = self._matches[:SHOWN]
        self.n_groups = sum(1 for m in self._matches if m.kind == "group")
        self.n_users = len(self._matches) - self.n_groups

    def _set_basket(self, items: list[BasketItem]) -> None:
        self.basket = add_unique([], items)[0][:MAX_BASKET]

    @rx.event
    async def load(self):
        """on_mount of the composer: the whole list (a new basket keeps what was there)."""
        await self._search()

    @rx.event
    async def set_query(self, value: str):
        """The search box (debounced in the browser), filtered on the server."""
        self.query = as_text(value, MAX_QUERY)
        await self._search()

    @rx.event
    async def refresh(self):
        """🔄: groups or contacts created meanwhile appear, without reloading the page."""
        await self._search()
        return rx.toast.info(texts.CAMP_SEARCH_REFRESHED)

    @rx.event
    def pick(self, key: str):
        """Add one line of the results (or say it is already in)."""
        found = next((m for m in self._matches if m.key == as_text(key, 40)), None)
        if found is None:
            return None
        if found.key in self.basket_keys:
            return rx.toast.info(texts.CAMP_ALREADY.format(name=found.label))
        if len(self.basket) >= MAX_BASKET:
            return rx.toast.error(texts.err("campaign_targets_too_many"))
        self.basket = [*self.basket, found]
        return rx.toast.success(texts.CAMP_PICKED.format(name=found.label))

    @rx.event
    def add_all(self):
        """« + Tous (N) »: every match of the search, skipping what is already in the basket."""
        basket, added = add_unique(self.basket, self._matches)
        if added == 0:
            return rx.toast.info(texts.CAMP_ALL_IN)
        if len(basket) > MAX_BASKET:
            return rx.toast.error(texts.err("campaign_targets_too_many"))
        self.basket = basket
        return rx.toast.success(texts.CAMP_ADDED_ALL.format(n=added))

    @rx.event
    def remove(self, key: str):
        key = as_text(key, 40)
        if any(b.key == key for b in self.basket):
            self.basket = [b for b in self.basket if b.key != key]

    @rx.event
    def clear(self):
        if not self.basket:
            return None
        self.basket = []
        return rx.toast.info(texts.CAMP_CLEARED)
