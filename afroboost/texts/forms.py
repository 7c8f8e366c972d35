"""Coach forms in general (services/forms.py, components/coach/form_kit.py): buttons and field refusals."""

from __future__ import annotations

from afroboost.texts.common import ERR

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
})

# A row id that is not one of the rows shown (a stale tab, or a crafted event): nothing is done.
CRUD_UNKNOWN_ROW = "Cet élément n'est pas (ou plus) dans la liste : rien n'a été modifié."
