"""Campaign channels: delivery reasons, the campaign email, opt-out pages and replies."""

from __future__ import annotations

CAMPAIGN_SENDER = "💪 Coach Bassi"  # sender_name of campaign messages in the chat
GROUP_FIRST_NAME = "Communauté"  # {prénom} in a group send

# Why a delivery failed before reaching a provider (stored in Delivery.error_message).
CH_NOT_CONFIGURED = "non configuré"
CH_WA_WINDOW = "hors fenêtre 24 h : modèle WhatsApp requis"
CH_NO_PHONE = "pas de numéro WhatsApp"
CH_NO_EMAIL = "pas d'adresse email"
CH_NO_CONTACT = "destinataire inconnu"
CH_NO_GROUP = "groupe introuvable"
CH_PROVIDER_DOWN = "service momentanément indisponible, nouvel essai prévu"
CH_RATE_LIMITED = "limite d'envoi atteinte, nouvel essai prévu"

# The campaign email (PRD « V5 anti-Promotions »): three plain lines before the violet header.
MAIL_HELLO = "Bonjour {first_name},"
MAIL_HELLO_NONAME = "Bonjour,"
MAIL_LINE_2 = "Voici un petit message de Coach Bassi rien que pour toi."
MAIL_LINE_3 = "Bonne lecture, et à très vite au cours !"
MAIL_BRAND = "Afroboost"
MAIL_CTA = "▶ Voir"
MAIL_SIGNATURE = "Coach Bassi 💪"
MAIL_FOOTER = "Tu reçois cet email car tu fais partie de la communauté Afroboost."
MAIL_UNSUBSCRIBE = "Se désinscrire"
MAIL_UNSUBSCRIBE_TEXT = "Pour ne plus recevoir ces emails : {url}"

# /api/unsubscribe/{token}
UNSUB_TITLE = "Désinscription — Afroboost"
UNSUB_DONE = "✅ C'est noté : tu ne recevras plus les emails d'Afroboost."
UNSUB_DONE_HINT = "Tu peux toujours nous écrire dans le chat du site si tu changes d'avis."
UNSUB_BAD = "Ce lien de désinscription n'est pas valide."
UNSUB_BAD_HINT = "Copie le lien complet depuis l'email, ou écris-nous dans le chat du site."

# Replies to inbound WhatsApp keywords (TwiML, inside the 24 h window).
WA_STOP_REPLY = "C'est noté : tu ne recevras plus nos messages WhatsApp. Réponds START pour te réinscrire."
WA_START_REPLY = "Super, tu recevras à nouveau nos messages WhatsApp. Réponds STOP pour arrêter."

# Permanent Twilio errors worth a French explanation in the delivery table (code -> reason).
CH_WA_ERRORS = {
    "21211": "numéro WhatsApp invalide",
    "21408": "pays non autorisé pour ce compte Twilio",
    "63003": "ce numéro n'a pas WhatsApp",
}
