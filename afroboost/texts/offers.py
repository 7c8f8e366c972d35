"""Coach tab Offres (services/catalog/offers.py, state/coach/offers.py) and the offer kinds shown everywhere."""

from __future__ import annotations

from afroboost.texts.common import ERR

OFFERS_TAB = "Offres"  # the dashboard tab
OFFER_KIND_LABELS = {
    "single": "Cours à l'unité",
    "card": "Carte 10 cours",
    "subscription": "Abonnement",
    "product": "Produit",
}

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

ERR.update({
    "coach_offer_unknown": "Cette offre n'existe plus.",
    "offer_kind": "Choisis un type d'offre.",
    "offer_image_type": "Seules les images PNG, JPG, GIF ou WebP sont acceptées.",
    "offer_image_empty": "Ce fichier est vide.",
    "offer_image_too_big": "Image trop lourde : 5 Mo maximum.",
})
