"""Who is chatting (services/chat/identity.py, state/chat_code.py, components/chat/code_form.py):
the welcome form and the one-time code that proves an email or number is yours."""

from __future__ import annotations

from afroboost.texts.common import ERR

CHAT_WELCOME = "Bienvenue dans le chat !"
CHAT_WELCOME_PITCH = "Dis-nous qui tu es : on ne te le demandera plus."
CHAT_CONTACT_PLACEHOLDER = "Email ou WhatsApp"
CHAT_START = "Commencer"

# --- the code that proves an email or number is yours ------------------------------------------
CHAT_CODE_SENT = "Un code t'a été envoyé à {to}."
CHAT_CODE_SENT_ANY = "Un code t'a été envoyé."
CHAT_CODE_DEMO = "Aucun envoi n'est configuré sur ce serveur : le coach voit ton code dans son tableau de bord."
CHAT_CODE_PITCH = "Pour confirmer que cet email ou ce numéro est bien le tien, entre le code reçu."
CHAT_CODE_PLACEHOLDER = "Code à 6 chiffres"
CHAT_CODE_VALIDATE = "Valider"
CHAT_CODE_RESEND = "Renvoyer le code"
CHAT_CODE_RESENT = "Un nouveau code est parti (l'ancien ne marche plus)."
CHAT_CODE_BACK = "Changer d'email ou de numéro"
CHAT_UNVERIFIED_NOTE = ("Tu vois les messages écrits depuis ton arrivée. "
                        "Pour retrouver tout ton historique, confirme ton email ou ton numéro.")
CHAT_UNVERIFIED_CONFIRM = "Confirmer"

ERR.update({
    "chat_contact_required": "Indique ton email ou ton numéro WhatsApp.",
    "chat_contact_invalid": "Cet email ou ce numéro n'est pas valide.",
    "chat_code_needed": "Cet email ou ce numéro est déjà connu : entre le code qu'on vient de t'envoyer.",
    "chat_code_required": "Entre le code à 6 chiffres que tu as reçu.",
})
