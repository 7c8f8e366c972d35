"""Coach tab Aperçu (services/overview.py, state/coach/overview.py): the week at a glance."""

from __future__ import annotations

OVERVIEW_TAB = "Aperçu"  # the dashboard tab
OVERVIEW_TITLE = "Aperçu"
OVERVIEW_WEEK = "Semaine du {start} au {end}"
OVERVIEW_SESSIONS = "Séances de la semaine"
OVERVIEW_NO_SESSIONS = "Aucune séance cette semaine."
OVERVIEW_WEEKLY = "Réservations par semaine"
OVERVIEW_WEEKLY_HINT = "8 dernières semaines, date de réservation, hors annulations."
OVERVIEW_REVENUE = "Chiffre d'affaires par cours"
OVERVIEW_REVENUE_HINT = "Réservations payées ou présentes. Total : {total}"
OVERVIEW_HEADSETS = "Casques sortis"
OVERVIEW_NO_HEADSETS = "Tous les casques sont rentrés."
OVERVIEW_HEADSET = "Casque n°{n}"
OVERVIEW_SINCE = "depuis {t}"
OVERVIEW_BOOKINGS = "Réservations"
OVERVIEW_CHF = "CHF"
OVERVIEW_REFRESH = "Actualiser"
OVERVIEW_KPI_SESSIONS = "Séances"
OVERVIEW_KPI_REVENUE = "Chiffre d'affaires"
