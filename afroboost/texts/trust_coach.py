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
