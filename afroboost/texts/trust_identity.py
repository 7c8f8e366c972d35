"""Texts of issue 11 (identity): chat codes (services/verification.py, state/chat_code.py),
the coach's « Codes de vérification » panel, and « Code oublié ? » on « Ma réservation »."""

from afroboost.texts.public import ERR

ERR.update({
    "chat_code_needed": "Cet email ou ce numéro est déjà connu : entre le code qu'on vient de t'envoyer.",
    "chat_code_required": "Entre le code à 6 chiffres que tu as reçu.",
    "code_wrong": "Ce code n'est pas le bon. Vérifie-le et réessaie.",
    "code_expired": "Ce code n'est plus valable. Clique sur « Renvoyer le code » pour en recevoir un nouveau.",
    "code_too_many": "Trop d'essais pour ce code. Clique sur « Renvoyer le code » pour en recevoir un nouveau.",
    # Never a code in an error: the person is told where to get theirs (« Code oublié ? »).
    "already_booked": ("Tu as déjà une réservation pour cette séance. Son code t'a été donné à la réservation ; "
                       "si tu l'as perdu, « Code oublié ? » sur « Ma réservation » l'envoie à ton email "
                       "ou ton numéro."),
})

# --- the code itself (email / WhatsApp) ------------------------------------------------------
CODE_EMAIL_SUBJECT = "Ton code Afroboost"
CODE_MESSAGE = ("Ton code Afroboost : {code}\nIl est valable {minutes} minutes. "
                "Si tu n'as rien demandé, ignore ce message.")
CODE_PURPOSES = {"chat": "Chat", "lookup": "Code oublié"}

# --- chat: the code form -----------------------------------------------------------------------
CHAT_CODE_SENT = "Un code t'a été envoyé à {to}."
CHAT_CODE_SENT_ANY = "Un code t'a été envoyé."
CHAT_CODE_DEMO = "Aucun envoi n'est configuré sur ce serveur : le coach voit ton code dans son tableau de bord."
CHAT_CODE_PITCH = "Pour confirmer que cet email ou ce numéro est bien le tien, entre le code reçu."
CHAT_CODE_PLACEHOLDER = "Code à 6 chiffres"
CHAT_CODE_VALIDATE = "Valider"
CHAT_CODE_RESEND = "Renvoyer le code"
CHAT_CODE_RESENT = "Un nouveau code est parti (l'ancien ne marche plus)."
CHAT_CODE_BACK = "Changer d'email ou de numéro"
CHAT_UNVERIFIED_NOTE = ("Tu vois les messages écrits depuis ton arrivée. "
                        "Pour retrouver tout ton historique, confirme ton email ou ton numéro.")
CHAT_UNVERIFIED_CONFIRM = "Confirmer"

# --- coach: « Codes de vérification » -------------------------------------------------------
COACH_CODES_TITLE = "Codes de vérification"
COACH_CODES_HINT = ("Aucun canal d'envoi (Resend, Twilio) n'a pu transmettre ces codes. Donne-les seulement "
                    "à la personne concernée, après l'avoir reconnue.")
COACH_CODES_EMPTY = "Aucun code en attente."
COACH_CODES_UNTIL = "jusqu'à {t}"
COACH_CODES_REFRESH = "Actualiser"

# --- « Ma réservation » › « Code oublié ? » --------------------------------------------------
LOOKUP_FORGOT = "Code oublié ?"
LOOKUP_FORGOT_PITCH = ("Entre l'email ou le numéro WhatsApp de ta réservation : les codes de tes réservations "
                       "à venir partent vers l'email ou le numéro enregistrés.")
LOOKUP_FORGOT_PLACEHOLDER = "Email ou WhatsApp"
LOOKUP_FORGOT_SEND = "Envoyer mes codes"
LOOKUP_FORGOT_DONE = ("Si une réservation à venir correspond, son code vient d'être envoyé à l'email "
                      "ou au numéro enregistrés.")
FORGOT_EMAIL_SUBJECT = "Tes codes de réservation Afroboost"
FORGOT_MESSAGE = "Bonjour {name},\nVoici les codes de tes réservations à venir :\n{lines}\nÀ bientôt !"
FORGOT_LINE = "• {code} — {course}, {when}"
