"""Coach tabs Cours, Offres, Paiements, Codes."""

from __future__ import annotations

from afroboost.texts.public import ERR, WEEKDAYS  # noqa: F401

# === Coach tabs: Cours · Offres · Paiements · Codes ==========================================
ERR.update({
    "form_required": "Ce champ est obligatoire.",
    "form_too_long": "{max} caractères maximum.",
    "form_price_required": "Indique un prix en CHF (ex. 25 ou 12.50).",
    "form_price_invalid": "Prix invalide : écris un montant en CHF comme 25 ou 12.50.",
    "form_price_too_high": "Ce montant est trop élevé.",
    "form_number_required": "Indique un nombre.",
    "form_number_invalid": "Écris un nombre entier (ex. 20).",
    "form_number_range": "Choisis un nombre entre {lo} et {hi}.",
    "form_time_invalid": "Heure invalide : écris-la comme 18:30.",
    "form_date_invalid": "Date invalide (ex. 31.12.2026).",
    "form_date_order": "La date de fin doit suivre la date de début.",
    "form_url_too_long": "Lien trop long ({max} caractères maximum).",
    "form_url_invalid": "Ce lien n'est pas valide (ex. https://pay.exemple.ch/…).",
    "form_url_https": "Le lien doit commencer par https:// (connexion sécurisée).",
    "form_url_host": "Ce lien ne mène pas à un vrai site (ex. https://twint.ch/…).",
    "course_unknown": "Ce cours n'existe plus.",
    "course_slug_empty": "Le nom doit contenir au moins une lettre ou un chiffre.",
    "course_slug_taken": "Un autre cours porte déjà ce nom (adresse « {slug} ») : choisis un nom différent.",
    "course_inactive": "Ce cours est désactivé : active-le avant de générer des séances.",
    "session_below_taken": "Impossible : {taken} casque(s) déjà réservé(s) sur cette séance.",
    "session_cancelled_edit": "Cette séance est annulée : elle ne peut plus être modifiée.",
    "session_started_edit": "Cette séance a déjà commencé : elle ne peut plus être modifiée.",
    "coach_offer_unknown": "Cette offre n'existe plus.",
    "offer_kind": "Choisis un type d'offre.",
    "offer_image_type": "Seules les images PNG, JPG, GIF ou WebP sont acceptées.",
    "offer_image_empty": "Ce fichier est vide.",
    "offer_image_too_big": "Image trop lourde : 5 Mo maximum.",
    "pay_reservation_unknown": "Cette réservation n'existe plus.",
    "pay_not_pending": "Cette réservation n'est plus en attente de paiement.",
    "promo_missing": "Ce code promo n'existe plus.",
    "promo_code_chars": "2 à 40 caractères : lettres A-Z, chiffres, - ou _ (sans accents ni espaces).",
    "promo_code_taken": "Le code {code} existe déjà.",
    "promo_kind": "Choisis un type de réduction.",
    "promo_fixed_zero": "Le montant de la réduction doit être supérieur à 0.",
    "max_below_uses": "Ce code a déjà servi {uses} fois : indique au moins {uses}.",
    "promo_offer_unknown": "Une des offres choisies n'existe plus.",
})

FORM_SAVE = "Enregistrer"
FORM_CANCEL = "Annuler"
FORM_EDIT = "Modifier"
FORM_DELETE = "Supprimer"
FORM_DELETE_CONFIRM = "Confirmer la suppression"
FORM_KEEP = "Garder"
FORM_INACTIVE = "Inactif"
FORM_NO_MATCH = "Aucun résultat."
FORM_CLOSE = "Fermer"
FORM_FIX = "Corrige les champs signalés : rien n'a été enregistré."

# Cours
COURSES_TITLE = "Cours"
COURSE_NEW = "+ Nouveau cours"
COURSE_EDIT_TITLE = "Modifier le cours"
COURSE_NEW_TITLE = "Nouveau cours"
COURSE_NAME = "Nom du cours"
COURSE_DESCRIPTION = "Description"
COURSE_PLACE = "Lieu"
COURSE_WEEKDAY = "Jour (chaque semaine)"
COURSE_START = "Heure de début"
COURSE_DURATION = "Durée (minutes)"
COURSE_SEATS = "Places"
COURSE_HEADSETS = "Casques"
COURSE_ACTIVE = "Actif (visible et réservable)"
COURSE_SEATS_HINT = (
    "Jour, heure, places et casques valent pour les séances générées ensuite ; les séances déjà créées "
    "se modifient (ou s'annulent) une à une dans « Séances »."
)
COURSE_CAPACITY = "{seats} places · {headsets} casques"
COURSE_UPCOMING = "{n} séance(s) à venir"
COURSE_SESSIONS = "Séances"
COURSE_NONE = "Aucun cours pour le moment : crée le premier."
COURSE_SAVED = "Cours enregistré."
COURSE_DELETED = "Cours supprimé."
COURSE_DEACTIVATED = (
    "Ce cours a des réservations : il ne peut pas être supprimé. Il a été désactivé à la place "
    "(masqué du public, l'historique et les codes de réservation restent valables)."
)
SESSIONS_OF = "Séances à venir · {name}"
SESSIONS_NONE = "Aucune séance à venir. Génère-les ci-dessous."
SESSIONS_WEEKS = "Semaines"
SESSIONS_GENERATE = "Générer les séances"
SESSIONS_GENERATED = "{n} séance(s) créée(s)."
SESSION_TAKEN = "{taken} / {capacity} réservé(s)"
SESSION_CANCELLED = "Annulée"
SESSION_RESERVATIONS = "{n} réservation(s)"
SESSION_CANCEL = "Annuler la séance"
SESSION_CANCEL_CONFIRM = "Oui, annuler la séance"
SESSION_CANCELLED_DONE = "Séance annulée ({n} réservation(s) à prévenir)."
SESSION_SAVED = "Séance mise à jour."
SESSION_PROMOTED = "Séance mise à jour : {n} personne(s) de la liste d'attente ont reçu une place."

# Offres
OFFERS_TITLE = "Offres et boutique"
OFFER_NEW = "+ Nouvelle offre"
OFFER_NEW_TITLE = "Nouvelle offre"
OFFER_EDIT_TITLE = "Modifier l'offre"
OFFER_NAME = "Nom"
OFFER_PRICE = "Prix (CHF)"
OFFER_PRICE_HINT = "Ex. 25 ou 12.50"
OFFER_KIND = "Type"
OFFER_VISIBLE = "Visible sur le site"
OFFER_DESCRIPTION = "Description"
OFFER_IMAGE = "Image (optionnelle)"
OFFER_IMAGE_DROP = "Glisse une image ici ou clique (PNG, JPG, GIF, WebP · 5 Mo max)"
OFFER_IMAGE_SEND = "Envoyer l'image"
OFFER_IMAGE_REMOVE = "Retirer l'image"
OFFER_LINKS = "Liens de paiement"
OFFER_NO_LINKS = "Aucun lien de paiement"
OFFER_HIDDEN = "Masquée"
OFFER_ARCHIVED = "Archivée"
OFFER_ARCHIVED_NAME = "{name} (archivée)"
OFFER_RESTORE = "Restaurer"
OFFER_SAVED = "Offre enregistrée."
OFFER_DELETED = "Offre supprimée."
OFFER_RESTORED = "Offre restaurée (toujours masquée si « Visible » est décoché)."
OFFER_ARCHIVED_DONE = (
    "Cette offre a déjà des réservations : elle ne peut pas être supprimée. Elle a été archivée à la "
    "place (masquée du public et plus réservable, l'historique reste intact)."
)
OFFER_NONE = "Aucune offre pour le moment."
OFFERS_SEARCH = "Rechercher une offre (nom, type, prix…)"

# Paiements
PAYMENTS_TITLE = "Paiements"
PAYMENTS_TWINT_TITLE = "Lien Twint global"
PAYMENTS_TWINT_HINT = "Utilisé par l'assistant IA et comme lien de secours quand une offre n'a pas de lien Twint."
PAYMENTS_TWINT_EMPTY = "Aucun lien Twint global : l'assistant renverra les acheteurs vers toi."
PAYMENTS_TWINT_SAVED = "Lien Twint global enregistré."
PAYMENTS_LINKS_TITLE = "Liens de paiement par offre"
PAYMENTS_LINKS_HINT = "Chaque lien doit commencer par https://. Laisse vide un moyen de paiement non proposé."
PAYMENTS_LINKS_SAVED = "Liens de « {name} » enregistrés."
PAYMENTS_PENDING_TITLE = "Paiements en attente"
PAYMENTS_PENDING_NONE = "Aucun paiement en attente : tout est réglé."
PAYMENTS_MARK_PAID = "Marquer payé"
PAYMENTS_MARKED = "{code} marqué payé."
LINK_LABELS = {"stripe_url": "Stripe (carte)", "paypal_url": "PayPal", "twint_url": "Twint"}

# Codes
CODES_TITLE = "Codes promo"
CODE_NEW = "+ Nouveau code"
CODE_NEW_TITLE = "Nouveau code promo"
CODE_EDIT_TITLE = "Modifier le code promo"
CODE_CODE = "Code"
CODE_KIND = "Type de réduction"
CODE_KINDS = {"percent": "Pourcentage (%)", "fixed": "Montant fixe (CHF)"}
CODE_VALUE_PERCENT = "Réduction en % (1 à 100)"
CODE_VALUE_FIXED = "Réduction en CHF (ex. 10 ou 7.50)"
CODE_FROM = "Valable du (optionnel)"
CODE_UNTIL = "Valable jusqu'au (optionnel)"
CODE_MAX_USES = "Utilisations max (vide = illimité)"
CODE_OFFERS = "Réservé aux offres (aucune cochée = toutes)"
CODE_ACTIVE = "Actif"
CODE_USES = "Utilisations"
CODE_SAVED = "Code promo enregistré."
CODE_DELETED = "Code promo supprimé."
CODE_DEACTIVATED = (
    "Ce code a déjà servi pour des réservations : il ne peut pas être supprimé. "
    "Il a été désactivé à la place."
)
CODE_NONE = "Aucun code promo pour le moment."
CODES_SEARCH = "Rechercher un code…"
PROMO_ALL_OFFERS = "Toutes les offres"
PROMO_VALID_ALWAYS = "Sans limite de date"
PROMO_VALID_BETWEEN = "Du {start} au {end}"
PROMO_VALID_FROM = "Dès le {start}"
PROMO_VALID_UNTIL = "Jusqu'au {end}"
PROMO_STATES = {"on": "Actif", "off": "Désactivé", "expired": "Expiré", "later": "Pas encore valable",
                "used_up": "Épuisé"}

