"""Public site and booking journey texts, coach access texts, the base error messages."""

from __future__ import annotations

BRAND = "Afroboost"
COPYRIGHT = "© Afroboost 2026"
TAGLINE = "Le fitness afrobeat au casque, avec Coach Bassi"
HERO_TITLE = "Afroboost Silent"
HERO_PITCH = (
    "Un cours de danse fitness sur les meilleurs sons afrobeat, chacun avec son casque audio. "
    "Tu choisis ta séance, on te réserve ton casque : il ne te reste qu'à transpirer."
)
HERO_CTA = "Réserver mon casque"

WEEKDAYS = ["lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche"]
MONTHS = [
    "janvier", "février", "mars", "avril", "mai", "juin",
    "juillet", "août", "septembre", "octobre", "novembre", "décembre",
]

# --- home -----------------------------------------------------------------------------
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

OFFER_KIND_LABELS = {
    "single": "Cours à l'unité",
    "card": "Carte 10 cours",
    "subscription": "Abonnement",
    "product": "Produit",
}

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

# --- lookup / cancel ------------------------------------------------------------------
LOOKUP_TITLE = "Retrouver ma réservation"
LOOKUP_PITCH = "Entre ton code de réservation et l'email utilisé lors de la réservation."
LOOKUP = "Rechercher"
CANCEL = "Annuler ma réservation"
CANCEL_CONFIRM = "Oui, annuler"
CANCEL_SURE = "Es-tu sûr·e ? Ton casque sera libéré pour quelqu'un d'autre."
CANCELLED_DONE = "Ta réservation est annulée. Ton casque a été libéré."

# --- errors (shown next to the field) ------------------------------------------------
ERR = {
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
    "promo_unknown": "Ce code promo n'existe pas.",
    "promo_not_started": "Ce code promo n'est pas encore valable.",
    "promo_expired": "Ce code promo a expiré.",
    "promo_used_up": "Ce code promo a atteint son nombre maximal d'utilisations.",
    "promo_wrong_offer": "Ce code promo n'est pas valable pour cette offre.",
    "promo_inactive": "Ce code promo n'est plus actif.",
    "code_required": "Indique ton code de réservation.",
    "lookup_no_match": "Aucune réservation ne correspond à ce code et cet email.",
    "cancel_started": "La séance a déjà commencé : la réservation ne peut plus être annulée.",
    "cancel_already": "Cette réservation est déjà annulée.",
    "cancel_checked_in": "Tu as déjà été enregistré·e à l'entrée : annulation impossible.",
    "generic": "Une erreur est survenue. Réessaie dans un instant.",
    "checkin_unknown": "Aucune réservation avec ce code.",
    "checkin_cancelled": "Cette réservation est annulée.",
    "checkin_already": "Déjà enregistré·e à l'entrée.",
    "headset_not_out": "Aucun casque sorti pour cette réservation.",
    "not_coach": "Cette adresse n'est pas autorisée.",
    "link_invalid": "Lien invalide ou expiré.",
    "link_used": "Lien déjà utilisé.",
    "chat_contact_required": "Indique ton email ou ton numéro WhatsApp.",
    "chat_contact_invalid": "Cet email ou ce numéro n'est pas valide.",
    "chat_not_member": "Tu ne fais pas partie de cette conversation.",
    "chat_empty": "Écris un message.",
    "chat_too_long": "Message trop long (2000 caractères maximum).",
}

PROMO_OK = "Code appliqué : −{discount} → {total}"

# --- coach access -----------------------------------------------------------------------
COACH_LOGIN_TITLE = "Espace coach"
COACH_LOGIN_PITCH = "Connecte-toi avec le compte Google autorisé pour gérer le studio."
COACH_LOGIN_GOOGLE = "Se connecter avec Google"
COACH_LOGIN_NO_GOOGLE = (
    "La connexion Google n'est pas configurée sur ce serveur. Utilise le lien de connexion à usage "
    "unique affiché au démarrage par « make run » (ou obtenu avec « make coach-link »)."
)
COACH_LOGOUT = "Se déconnecter"
COACH_DENIED = "Accès réservé au coach."
RESULTS = "{n} résultat(s)"
NO_RESERVATION_MATCH = "Aucune réservation correspondante"
CHECKIN_DONE = "✓ {code} enregistré·e"
SCANNER_FALLBACK = "Caméra indisponible : tape le code de réservation."
SURE = "Êtes-vous sûr ?"
AUTH_PAGES = {
    "refused": ("Accès refusé", "Ce compte Google n'est pas autorisé à accéder à l'espace coach."),
    "unverified": ("Accès refusé", "L'adresse email de ce compte Google n'est pas vérifiée."),
    "failed": ("Connexion impossible", "La connexion Google a échoué ou a expiré. Réessaie depuis le début."),
    "not_configured": ("Connexion Google indisponible", COACH_LOGIN_NO_GOOGLE),
    "link_invalid": ("Lien invalide", "Ce lien de connexion est invalide ou a expiré (10 minutes)."),
    "link_used": ("Lien déjà utilisé", "Ce lien de connexion a déjà servi. Demande-en un nouveau."),
    "not_coach": ("Accès refusé", "Cette adresse n'est pas autorisée à accéder à l'espace coach."),
}


# --- chat ----------------------------------------------------------------------------------
CHAT_TITLE = "Chat Afroboost"
CHAT_WELCOME = "Bienvenue dans le chat !"
CHAT_WELCOME_PITCH = "Dis-nous qui tu es : on ne te le demandera plus."
CHAT_CONTACT_PLACEHOLDER = "Email ou WhatsApp"
CHAT_START = "Commencer"
CHAT_PLACEHOLDER = "Écris ton message…"
CHAT_SEND = "Envoyer"
CHAT_PICK_ROOM = "Choisis une conversation."
