"""The chat (services/chat/, state/chat*.py, components/chat/): widget, rooms, bubbles, private messages,
handoff to the coach, typing, notifications, moderation, and its refusals."""

from __future__ import annotations

from afroboost.texts.common import ERR

CHAT_TITLE = "Chat Afroboost"
CHAT_PLACEHOLDER = "Écris ton message…"
CHAT_SEND = "Envoyer"
CHAT_PICK_ROOM = "Choisis une conversation."

# Privacy in the chat (issue 11, item 8)
CHAT_DM_MODERATED = "Le coach peut lire cette conversation pour la modérer."
COACH_PAIR_MODERATION = ("Conversation privée entre deux membres : vous pouvez la lire et supprimer des messages, "
                         "mais pas y répondre.")
CHAT_DELETE_MESSAGE = "Supprimer ce message"

AI_SENDER_COACH = "Coach Bassi"
CHAT_TALK_TO_COACH = "Parler au coach"
CHAT_HANDED_TO_COACH = "🙋 Le coach est prévenu : il te répond ici dès que possible."
CHAT_BACK_TO_AI = "🤖 L'assistant reprend la conversation."
CHAT_STATUS = {"ai": "🤖 Assistant IA", "waiting": "⏳ En attente du coach", "coach": "💪 Avec le coach"}
CHAT_AI_OFF = "🤖 Assistant indisponible : tes messages vont directement au coach."
CHAT_AI_THINKING = "🤖 Coach Bassi écrit…"
CHAT_TYPING = "{name} écrit…"
CHAT_EMPTY_ROOM = "Aucun message pour l'instant : lance la conversation 👋"
CHAT_PRIVATE = "Messages privés"
CHAT_PRIVATE_HINT = "Touche un nom dans un groupe pour lui écrire en privé."
CHAT_WRITE_TO = "Écrire à {name}"
CHAT_CLOSE = "Fermer"
CHAT_FULLSCREEN = "Plein écran"
CHAT_OPEN_WIDGET = "Ouvrir le chat"
CHAT_NEW_MESSAGE = "Nouveau message"
CHAT_NEW_FROM = "💬 {name} : {text}"
CHAT_CLEAR_HISTORY = "Supprimer l'historique"
CHAT_SWITCH_IDENTITY = "Changer d'identité"
CHAT_SURE = "Êtes-vous sûr ?"
CHAT_HISTORY_CLEARED = "Historique supprimé."
COACH_HAND_BACK = "Rendre la main à l'IA"
COACH_REPLY_PLACEHOLDER = "Répondre en tant que coach…"
COACH_NO_SELECTION = "Choisissez une conversation dans la liste."

CHAT_TODAY = "Aujourd'hui"
CHAT_YESTERDAY = "Hier"
CHAT_COACH_BADGE = "Coach"
CHAT_AI_NAME = "🤖 Assistant"
CHAT_EMOJI_BUTTON = "Choisir un emoji"
CHAT_EMOJI_CUSTOM = "Afroboost"
CHAT_EMOJI_NATIVE = "Classiques"
CHAT_WRITE_PRIVATELY = "Écrire en privé"

ERR.update({
    "chat_not_member": "Tu ne fais pas partie de cette conversation.",
    "chat_empty": "Écris un message.",
    "chat_too_long": "Message trop long (2000 caractères maximum).",
    "chat_too_many": ("Tu envoies des messages trop vite. Attends un peu, puis réessaie : "
                      "ton message est resté dans la zone de saisie."),
    "coach_private_pair": ("Conversation privée entre deux membres : le coach peut la lire et la modérer, "
                           "pas y écrire."),
    "chat_private_refused": "Tu ne peux écrire en privé qu'aux membres de tes groupes.",
    "chat_coach_only": "Réservé au coach.",
})
