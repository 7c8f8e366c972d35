"""Coach tab Paiements (services/booking/payments.py, state/coach/payments.py): payment links, pending payments."""

from __future__ import annotations

from afroboost.texts.common import ERR

PAYMENTS_TAB = "Paiements"  # the dashboard tab
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

ERR.update({
    "pay_reservation_unknown": "Cette réservation n'existe plus.",
    "pay_not_pending": "Cette réservation n'est plus en attente de paiement.",
})
