"""The dashboard's tabs, in the PRD's order. Each tab module exposes one `*_tab()` function."""

from __future__ import annotations

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

# key -> (label, render function). Tabs not built yet show « bientôt ».
TABS: list[tuple[str, str, object]] = [
    ("apercu", "Aperçu", apercu_tab),
    ("reservations", "Réservations", reservations_tab),
    ("concept", "Concept", concept_tab),
    ("cours", "Cours", courses_tab),
    ("offres", "Offres", offers_tab),
    ("paiements", "Paiements", payments_tab),
    ("codes", "Codes", codes_tab),
    ("campagnes", "📢 Campagnes", campaigns_tab),
    ("articles", "📰 Articles", articles_tab),
    ("medias", "🎬 Médias", medias_tab),
    ("conversations", "💬 Conversations", conversations_tab),
]
