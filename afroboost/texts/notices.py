"""Transactional messages to a participant (services/notices/) and the answer pages of their links."""

from __future__ import annotations

from afroboost.texts.common import ERR

NOTICE_SENDER = "💪 Coach Bassi"
NOTICE_HELLO = "Salut {first} !"
NOTICE_HELLO_ANON = "Salut !"
NOTICE_SUBJECTS = {
    "confirmation": "Ta réservation Afroboost — {course}, {day} à {time}",
    "reminder": "Rappel : {course} demain à {time}",
    "nudge": "Tu viens toujours ? {course} aujourd'hui à {time}",
    "waitlist_offer": "Une place s'est libérée : {course}, {day} à {time}",
    "offer_expired": "La place est passée à la personne suivante",
    "hold_expired": "Ta réservation non payée a expiré",
    "session_cancelled": "Séance annulée : {course}, {day} à {time}",
}
NOTICE_BODIES = {
    "confirmation": ("Ta place est réservée : {course}, {day} à {time}{place}.\n"
                     "Ton code : {code} (montre le QR code à l'entrée, il est joint à l'email).\n{payment}"),
    "reminder": "Petit rappel : {course} demain, {day} à {time}{place}. Ton code : {code}. À demain !",
    "nudge": ("Tu viens toujours à {course} aujourd'hui à {time} ? Si tu ne peux pas venir, libère ton casque "
              "pour la personne suivante en un clic : {not_coming}"),
    "waitlist_offer": ("Une place s'est libérée pour {course}, {day} à {time}{place} ! Le casque est réservé pour "
                       "toi jusqu'à {until}.\nJe confirme : {confirm}\nJe laisse ma place : {decline}"),
    "offer_expired": ("Tu n'as pas répondu à temps pour {course}, {day} à {time} : la place est passée à la personne "
                      "suivante. Tu peux réserver une autre séance sur le site."),
    "hold_expired": ("Ta réservation {code} pour {course}, {day} à {time} n'a pas été payée à temps : le casque a été "
                     "libéré. Tu peux réserver à nouveau sur le site."),
    "session_cancelled": ("La séance {course} du {day} à {time} est annulée. Désolé ! Le coach te recontacte pour "
                          "la suite (remboursement ou autre séance)."),
}
NOTICE_PLACE = " ({place})"
MAIL_FOOTER_NOTICE = "Tu reçois cet email à propos de ta réservation Afroboost."
NOTICE_PAID = "Paiement : réglé ✅"
NOTICE_TO_PAY = "Paiement : {amount} à régler{link}."
NOTICE_PAY_LINK = " ici : {url}"
NOTICE_FREE = "Paiement : rien à payer."
NOTICE_QR_FILE = "afroboost-{code}.png"
NOTICE_ICS_FILE = "afroboost-{code}.ics"
NOTICE_KIND_LABELS = {
    "confirmation": "Confirmation", "reminder": "Rappel", "nudge": "« Tu viens toujours ? »",
    "waitlist_offer": "Place proposée", "offer_expired": "Place passée au suivant",
    "hold_expired": "Réservation expirée", "session_cancelled": "Séance annulée",
}

# --- the answer pages (/api/reponse/<token>) ------------------------------------------------------
ANSWER_TITLES = {
    "confirm": "Je confirme ma place",
    "decline": "Je laisse ma place",
    "not_coming": "Je ne viens pas",
}
ANSWER_HINTS = {
    "confirm": "{course}, {day} à {time}. Confirme pour garder le casque réservé pour toi.",
    "decline": "{course}, {day} à {time}. Le casque ira tout de suite à la personne suivante.",
    "not_coming": "{course}, {day} à {time}. Ton casque ira tout de suite à la personne suivante.",
}
ANSWER_DONE = {
    "confirm": "C'est confirmé : ta place est réservée ✅",
    "decline": "C'est noté : la place passe à la personne suivante. Merci !",
    "not_coming": "C'est noté : ton casque est libéré. Merci de l'avoir dit !",
}
ANSWER_DONE_HINT = "Tu retrouves tes réservations dans « Mon espace »."
ANSWER_BAD = "Ce lien n'est pas valide."
ANSWER_BAD_HINT = "Utilise le lien reçu dans ton message, ou retrouve ta réservation dans « Mon espace »."
ANSWER_REFUSED = "Ce n'est plus possible"

ERR.update({
    "offer_gone": "Cette proposition n'est plus valable (délai dépassé ou déjà répondu).",
})
