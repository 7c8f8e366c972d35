"""Campaign ledger and dispatcher: refusals and why a delivery was skipped or failed."""

from __future__ import annotations

from afroboost.texts.public import ERR

ERR.update({
    "campaign_nobody": "Personne à joindre : les groupes choisis sont vides.",
})

# Delivery.error_message when the dispatcher decides without calling a provider.
CH_OPTED_OUT = "désinscrit de ce canal (opt-out)"
CH_CAMPAIGN_DELETED = "campagne supprimée avant l'envoi"
CH_GAVE_UP = "abandon après {n} tentatives : {reason}"
CH_INTERRUPTED = "envoi interrompu (serveur arrêté pendant l'envoi)"
CH_UNEXPECTED = "erreur inattendue, nouvel essai prévu"
