"""Coach card « Contacts CRM » (services/contacts/crm.py, state/coach/crm.py): contacts, deletion, CSV export."""

from __future__ import annotations

from afroboost.texts.common import ERR

CRM_TITLE = "📇 Contacts CRM"
CRM_HINT = "Une personne = un contact (même email ou même numéro)."
CRM_SEARCH = "Nom, email ou téléphone…"
CRM_COUNT = "{n} contact(s)"
CRM_SHOWN = "{shown} affiché(s) sur {n} : affine la recherche pour voir les autres."
CRM_EXPORT = "Exporter CSV"
CRM_NONE = "Aucun contact pour le moment."
CRM_NO_MATCH = "Aucun contact ne correspond."
CRM_BOOKINGS = "{n} résa."
CRM_MESSAGES = "{n} msg"
CRM_DELETE = "Supprimer le participant"
CRM_DELETE_SURE = "Êtes-vous sûr ? Ses messages et ses conversations seront définitivement effacés."
CRM_DELETED = "Participant supprimé."
CRM_KEPT = "Messages et conversations effacés ; la fiche reste pour ses réservations."
CRM_CSV_HEADER = ["Prénom", "Nom", "Email", "Téléphone", "Créé le", "Nb réservations", "Nb messages"]
CRM_CSV_FILE = "contacts-afroboost.csv"

ERR.update({
    "coach_contact_unknown": "Ce contact n'existe plus.",
})
