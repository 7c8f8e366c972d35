"""One-time codes (services/verification.py): the message carrying the code, its refusals, and the
coach's « Codes de vérification » card (components/coach/verification.py)."""

from __future__ import annotations

from afroboost.texts.common import ERR

# --- the code itself (email / WhatsApp) ------------------------------------------------------
CODE_EMAIL_SUBJECT = "Ton code Afroboost"
CODE_MESSAGE = ("Ton code Afroboost : {code}\nIl est valable {minutes} minutes. "
                "Si tu n'as rien demandé, ignore ce message.")
CODE_PURPOSES = {"chat": "Chat", "lookup": "Code oublié"}

# --- coach: « Codes de vérification » -------------------------------------------------------
COACH_CODES_TITLE = "Codes de vérification"
COACH_CODES_HINT = ("Aucun canal d'envoi (Resend, Twilio) n'a pu transmettre ces codes. Donne-les seulement "
                    "à la personne concernée, après l'avoir reconnue.")
COACH_CODES_EMPTY = "Aucun code en attente."
COACH_CODES_UNTIL = "jusqu'à {t}"
COACH_CODES_REFRESH = "Actualiser"

ERR.update({
    "code_wrong": "Ce code n'est pas le bon. Vérifie-le et réessaie.",
    "code_expired": "Ce code n'est plus valable. Clique sur « Renvoyer le code » pour en recevoir un nouveau.",
    "code_too_many": "Trop d'essais pour ce code. Clique sur « Renvoyer le code » pour en recevoir un nouveau.",
})
