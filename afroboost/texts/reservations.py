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
