"""Coach access (api/auth.py, state/auth.py, services/auth.py): login, logout, the pages a refused login shows."""

from __future__ import annotations

from afroboost.texts.common import ERR

COACH_LOGIN_TITLE = "Espace coach"
COACH_LOGIN_PITCH = "Connecte-toi avec le compte Google autorisé pour gérer le studio."
COACH_LOGIN_GOOGLE = "Se connecter avec Google"
COACH_LOGIN_NO_GOOGLE = (
    "La connexion Google n'est pas configurée sur ce serveur. Utilise le lien de connexion à usage "
    "unique affiché au démarrage par « make run » (ou obtenu avec « make coach-link »)."
)
COACH_LOGOUT = "Se déconnecter"
COACH_DENIED = "Accès réservé au coach."
AUTH_PAGES = {
    "refused": ("Accès refusé", "Ce compte Google n'est pas autorisé à accéder à l'espace coach."),
    "unverified": ("Accès refusé", "L'adresse email de ce compte Google n'est pas vérifiée."),
    "failed": ("Connexion impossible", "La connexion Google a échoué ou a expiré. Réessaie depuis le début."),
    "not_configured": ("Connexion Google indisponible", COACH_LOGIN_NO_GOOGLE),
    "link_invalid": ("Lien invalide", "Ce lien de connexion est invalide ou a expiré (10 minutes)."),
    "link_used": ("Lien déjà utilisé", "Ce lien de connexion a déjà servi. Demande-en un nouveau."),
    "not_coach": ("Accès refusé", "Cette adresse n'est pas autorisée à accéder à l'espace coach."),
}

COACH_LOGOUT_EVERYWHERE = "Se déconnecter partout"
COACH_LOGOUT_EVERYWHERE_HINT = "Termine la session du coach sur tous les appareils et navigateurs."
COACH_SESSION_ENDED = "Ta session coach est terminée (déconnexion ou « Se déconnecter partout »)."
COACH_SESSION_LOGIN_AGAIN = "Se reconnecter"

AUTH_PAGES.update({
    "logout_refused": ("Déconnexion refusée",
                       "Cette demande de déconnexion ne vient pas du site Afroboost : rien n'a été changé."),
})

ERR.update({
    "not_coach": "Cette adresse n'est pas autorisée.",
    "link_invalid": "Lien invalide ou expiré.",
    "link_used": "Lien déjà utilisé.",
})

AUTH_PAGE_BACK = "← Retour au site"
