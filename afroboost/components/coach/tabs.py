"""The dashboard's tabs, in the PRD's order. Each tab module exposes one `*_tab()` function."""

from __future__ import annotations

from afroboost import texts
from afroboost.components.coach.articles import articles_tab
from afroboost.components.coach.campaigns import campaigns_tab
from afroboost.components.coach.codes import codes_tab
from afroboost.components.coach.concept import concept_tab
from afroboost.components.coach.conversations import conversations_tab
from afroboost.components.coach.courses import courses_tab
from afroboost.components.coach.media import medias_tab
from afroboost.components.coach.offers import offers_tab
from afroboost.components.coach.overview import apercu_tab
from afroboost.components.coach.payments import payments_tab
from afroboost.components.coach.reservations import reservations_tab

# key -> (label, render function)
TABS: list[tuple[str, str, object]] = [
    ("apercu", texts.OVERVIEW_TAB, apercu_tab),
    ("reservations", texts.RESERVATIONS_TAB, reservations_tab),
    ("concept", texts.CONCEPT_TAB, concept_tab),
    ("cours", texts.COURSES_TAB, courses_tab),
    ("offres", texts.OFFERS_TAB, offers_tab),
    ("paiements", texts.PAYMENTS_TAB, payments_tab),
    ("codes", texts.CODES_TAB, codes_tab),
    ("campagnes", texts.CAMP_TAB, campaigns_tab),
    ("articles", texts.ART_TAB, articles_tab),
    ("medias", texts.MEDIA_TAB, medias_tab),
    ("conversations", texts.CONV_TAB, conversations_tab),
]
