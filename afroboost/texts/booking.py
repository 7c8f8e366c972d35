"""The booking journey (pages/booking.py, state/booking.py, services/booking/): wizard steps,
summary, payment, confirmation, waiting list, promo codes, the ticket (.ics) and its refusals."""

from __future__ import annotations

from afroboost.texts.common import ERR

# --- booking wizard ---------------------------------------------------------------------
STEP_SESSION = "1. Cours et date"
STEP_OFFER = "2. Offre"
STEP_INFO = "3. Tes coordonnées"
STEP_SUMMARY = "4. Récapitulatif et paiement"
PICK_COURSE = "Choisis ton cours"
PICK_DATE = "Choisis ta date"
PICK_OFFER = "Choisis ton offre"
FIRST_NAME = "Prénom"
LAST_NAME = "Nom"
EMAIL = "Email"
WHATSAPP = "WhatsApp"
WHATSAPP_HINT = "Ex. 079 123 45 67 ou +41 79 123 45 67"
PROMO = "Code promo"
PROMO_APPLY = "Appliquer"
PROMO_REMOVE = "Retirer"
CONTINUE = "Continuer"
BACK = "Retour"
SUMMARY = "Récapitulatif"
LABEL_SESSION = "Séance"
LABEL_PLACE = "Lieu"
LABEL_OFFER = "Offre"
LABEL_PERSON = "Participant·e"
LABEL_PRICE = "Prix"
LABEL_STATUS = "Statut"
TOTAL = "Total"
PAY_WITH_PREFIX = "Réserver et payer avec "
CONFIRM_FREE = "Confirmer ma réservation"
PAYMENT_METHODS = {"stripe": "Carte (Stripe)", "paypal": "PayPal", "twint": "Twint"}
NO_PAYMENT_LINK = "Aucun lien de paiement n'est configuré pour cette offre : contacte le coach."

CONFIRMED_TITLE = "Ta réservation est enregistrée !"
CONFIRMED_FREE = "Ta place et ton casque sont confirmés."
CONFIRMED_PENDING = "Ta place et ton casque sont bloqués. Termine le paiement pour confirmer."
PAY_NOW = "Payer maintenant avec {method}"
RESERVATION_CODE = "Code de réservation"
SHOW_QR = "Présente ce QR code à l'entrée pour récupérer ton casque."
ADD_TO_CALENDAR = "Ajouter à mon calendrier (.ics)"
BOOK_ANOTHER = "Réserver une autre séance"

WAITLIST_TITLE = "Cette séance est complète"
WAITLIST_PITCH = "Inscris-toi sur la liste d'attente : si une place se libère, elle est pour toi."
WAITLIST_JOIN = "M'inscrire sur la liste d'attente"
WAITLIST_DONE = "C'est noté ! Tu es n°{n} sur la liste d'attente. On te prévient dès qu'une place se libère."

STATUS_LABELS = {
    "pending_payment": "En attente de paiement",
    "confirmed": "Confirmée (payée)",
    "cancelled": "Annulée",
    "checked_in": "Présent·e",
}

PROMO_OK = "Code appliqué : −{discount} → {total}"

# One answer for every promo code that cannot be used (unknown, inactive, not yet or no longer
# valid, used up, other offer): a script guessing codes learns nothing from the wording.
PROMO_INVALID = "Ce code promo n'est pas valable."
PROMO_PLACEHOLDER = "CODE2026"  # a neutral example, never a real code (seed.py must not create it)

ERR.update({key: PROMO_INVALID for key in (
    "promo_unknown", "promo_inactive", "promo_not_started", "promo_expired", "promo_used_up", "promo_wrong_offer",
)})

ERR.update({
    "first_name_required": "Indique ton prénom.",
    "name_too_long": "80 caractères maximum.",
    "email_required": "Indique ton email.",
    "email_invalid": "Cet email n'est pas valide (ex. prenom@exemple.ch).",
    "phone_required": "Indique ton numéro WhatsApp.",
    "phone_invalid": "Ce numéro n'est pas valide (ex. +41 79 123 45 67).",
    "session_required": "Choisis une séance.",
    "session_unknown": "Cette séance n'existe pas ou plus.",
    "session_past": "Cette séance a déjà commencé : choisis une autre date.",
    "session_cancelled": "Cette séance a été annulée : choisis une autre date.",
    "session_full": "Plus aucune place sur cette séance : inscris-toi sur la liste d'attente.",
    "offer_required": "Choisis une offre.",
    "offer_unknown": "Cette offre n'est plus disponible.",
    "already_waiting": "Tu es déjà sur la liste d'attente de cette séance.",
    "not_full": "Il reste des places : tu peux réserver directement.",
    "payment_method": "Choisis un moyen de paiement proposé pour cette offre.",
    # Never a code in an error: the person is told where to get theirs (« Code oublié ? »).
    "already_booked": ("Tu as déjà une réservation pour cette séance. Son code t'a été donné à la réservation ; "
                       "si tu l'as perdu, « Code oublié ? » sur « Ma réservation » l'envoie à ton email "
                       "ou ton numéro."),
})

# --- the calendar file (.ics) of a reservation (services/booking/tickets.py) -------------------
ICS_SUMMARY = "Afroboost – {course}"
ICS_DESCRIPTION = "Réservation {code} : présente ton QR code à l'entrée pour ton casque."
