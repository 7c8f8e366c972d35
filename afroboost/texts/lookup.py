"""« Ma réservation » (/reservation): find a booking, cancel it, « Code oublié ? »."""

from __future__ import annotations

from afroboost.texts.common import ERR

# --- lookup / cancel ------------------------------------------------------------------
LOOKUP_TITLE = "Retrouver ma réservation"
LOOKUP_PITCH = "Entre ton code de réservation et l'email utilisé lors de la réservation."
LOOKUP = "Rechercher"
CANCEL = "Annuler ma réservation"
CANCEL_CONFIRM = "Oui, annuler"
CANCEL_SURE = "Es-tu sûr·e ? Ton casque sera libéré pour quelqu'un d'autre."
CANCELLED_DONE = "Ta réservation est annulée. Ton casque a été libéré."

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

ERR.update({
    "code_required": "Indique ton code de réservation.",
    "lookup_no_match": "Aucune réservation ne correspond à ce code et cet email.",
    "cancel_started": "La séance a déjà commencé : la réservation ne peut plus être annulée.",
    "cancel_already": "Cette réservation est déjà annulée.",
    "cancel_checked_in": "Tu as déjà été enregistré·e à l'entrée : annulation impossible.",
})
