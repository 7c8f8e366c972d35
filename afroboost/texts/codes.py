"""Coach tab Codes (services/catalog/codes.py, state/coach/codes.py): promo codes."""

from __future__ import annotations

from afroboost.texts.common import ERR

CODES_TAB = "Codes"  # the dashboard tab
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

ERR.update({
    "promo_missing": "Ce code promo n'existe plus.",
    "promo_code_chars": "2 à 40 caractères : lettres A-Z, chiffres, - ou _ (sans accents ni espaces).",
    "promo_code_taken": "Le code {code} existe déjà.",
    "promo_kind": "Choisis un type de réduction.",
    "promo_fixed_zero": "Le montant de la réduction doit être supérieur à 0.",
    "max_below_uses": "Ce code a déjà servi {uses} fois : indique au moins {uses}.",
    "promo_offer_unknown": "Une des offres choisies n'existe plus.",
})
