"""The home page /: hero, upcoming sessions, offers and shop, the Concept's FAQ and contact block."""

from __future__ import annotations

TAGLINE = "Le fitness afrobeat au casque, avec Coach Bassi"
HERO_TITLE = "Afroboost Silent"
HERO_PITCH = (
    "Un cours de danse fitness sur les meilleurs sons afrobeat, chacun avec son casque audio. "
    "Tu choisis ta séance, on te réserve ton casque : il ne te reste qu'à transpirer."
)
HERO_CTA = "Réserver mon casque"

SECTION_SESSIONS = "Prochaines séances"
SECTION_OFFERS = "Nos offres"
SECTION_SHOP = "La boutique"
NO_SESSIONS = "Aucune séance à venir pour le moment. Reviens bientôt !"
SPOTS_LEFT_ONE = "1 place restante"
SPOTS_LEFT_MANY = "{n} places restantes"
FULL = "Complet"
BOOK = "Réserver"
JOIN_WAITLIST = "Liste d'attente"
MY_BOOKING = "Ma réservation"
NAV_ARTICLES = "Articles"

SECTION_FAQ = "Questions fréquentes"
SECTION_CONTACT = "Contact"
CONTACT_EMAIL = "Email"
CONTACT_PHONE = "Téléphone"
CONTACT_ADDRESS = "Adresse"
CONTACT_INSTAGRAM = "Instagram"
