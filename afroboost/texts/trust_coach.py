"""Texts of issue 11 (coach sessions): logout, « partout », a session ended elsewhere."""

from afroboost.texts.public import AUTH_PAGES, ERR  # noqa: F401

COACH_LOGOUT_EVERYWHERE = "Se déconnecter partout"
COACH_LOGOUT_EVERYWHERE_HINT = "Termine la session du coach sur tous les appareils et navigateurs."
COACH_SESSION_ENDED = "Ta session coach est terminée (déconnexion ou « Se déconnecter partout »)."
COACH_SESSION_LOGIN_AGAIN = "Se reconnecter"

AUTH_PAGES.update({
    "logout_refused": ("Déconnexion refusée",
                       "Cette demande de déconnexion ne vient pas du site Afroboost : rien n'a été changé."),
})

# === Dashboard: the tab bar (each tab module registers its label) and the CRUD kit ==========
TAB_APERCU = "Aperçu"
TAB_RESERVATIONS = "Réservations"
TAB_CONCEPT = "Concept"
TAB_COURSES = "Cours"
TAB_OFFERS = "Offres"
TAB_PAYMENTS = "Paiements"
TAB_CODES = "Codes"
TAB_CAMPAIGNS = "📢 Campagnes"
TAB_CONVERSATIONS = "💬 Conversations"
# A row id that is not one of the rows shown (a stale tab, or a crafted event): nothing is done.
CRUD_UNKNOWN_ROW = "Cet élément n'est pas (ou plus) dans la liste : rien n'a été modifié."
