"""Chat: private messages, handoff to the coach, typing, notifications (participant and coach)."""

from __future__ import annotations

from afroboost.texts.public import ERR

AI_SENDER_COACH = "Coach Bassi"
COACH_BADGE = "Coach"
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

ERR.update({
    "chat_private_refused": "Tu ne peux écrire en privé qu'aux membres de tes groupes.",
    "chat_coach_only": "Réservé au coach.",
    "chat_link_unknown": "Ce lien de chat n'existe pas ou n'est plus actif.",
})
