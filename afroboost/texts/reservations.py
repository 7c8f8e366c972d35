"""Coach tab Réservations: search, check-in at the door, the QR scanner, headsets."""

from __future__ import annotations

from afroboost.texts.common import ERR

RESULTS = "{n} résultat(s)"
NO_RESERVATION_MATCH = "Aucune réservation correspondante"
CHECKIN_DONE = "✓ {code} enregistré·e"
SCANNER_FALLBACK = "Caméra indisponible : tape le code de réservation."

ERR.update({
    "checkin_unknown": "Aucune réservation avec ce code.",
    "checkin_cancelled": "Cette réservation est annulée.",
    "checkin_already": "Déjà enregistré·e à l'entrée.",
    "headset_not_out": "Aucun casque sorti pour cette réservation.",
})

# --- the tab (components/coach/reservations.py) ---------------------------------------------
RESERVATIONS_TAB = "Réservations"
RES_TITLE = "Réservations"
RES_CHECKIN_TITLE = "Check-in à l'entrée"
RES_HEADSET_PLACEHOLDER = "N° casque"
RES_CHECKIN_SAVE = "Enregistrer"
RES_SCAN = "📷 Scanner"
RES_SCAN_CLOSE = "Fermer"
RES_SEARCH = "Nom, email, WhatsApp, date, code, cours…"
RES_ALL_STATUSES = "Tous les statuts"
RES_ALL_SESSIONS = "Toutes les séances"
RES_MARK_PAID = "Payé"
RES_HEADSET_RETURNED = "Casque rendu"
RES_CANCEL = "Annuler"
RES_DELETE = "Supprimer la réservation"
RES_HEADSET_NUMBER = "n°"
RES_COLUMNS = ["Code", "Participant·e", "Séance", "Offre", "Statut", "Casque", ""]
RES_CONFIRM_DELETE = "Supprimer la réservation ?"
RES_CONFIRM_CANCEL = "Annuler la réservation ?"
RES_YES = "Oui"
RES_NO = "Non"
# the CSV export (services/booking/reservations.py): column -> header
RES_CSV_COLUMNS = {"code": "Code", "name": "Nom", "email": "Email", "phone": "WhatsApp", "course": "Cours",
                   "when": "Séance", "offer": "Offre", "price": "Prix", "status_label": "Statut",
                   "headset": "Casque"}
