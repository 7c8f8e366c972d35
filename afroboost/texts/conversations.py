"""Coach tab Conversations (state/coach/conversations.py): the list of conversations and its thread."""

from __future__ import annotations

from afroboost.texts.common import ERR

CONV_TAB = "💬 Conversations"  # the dashboard tab
CONV_TITLE = "💬 Conversations"
CONV_LIST_TITLE = "Conversations"
CONV_SEARCH = "Nom, email, téléphone ou message…"
CONV_CLEAR = "Effacer la recherche"
CONV_REFRESH = "Actualiser la liste"
CONV_COUNT = "{n} conversation(s)"
CONV_COUNT_FLOOR = "Plus de {n} conversations"  # a search found nearly everywhere: not counted to the end
CONV_NONE = "Aucune conversation pour le moment."
CONV_NO_MATCH = "Aucune conversation ne correspond à cette recherche."
CONV_MORE = "Plus"
CONV_TODAY = "Aujourd'hui"
CONV_YESTERDAY = "Hier"
CONV_MESSAGES = "{n} message(s)"
CONV_NO_MESSAGE = "Aucun message pour le moment."
CONV_MEMBERS = "{n} membre(s)"
CONV_PRIVATE = "Message privé"
CONV_VIA_LINK = "via « {title} »"
CONV_UNNAMED = "Contact sans nom"
CONV_STATUS = {"ai": "IA", "waiting": "En attente", "coach": "Coach"}
CONV_KIND = {"assistant": "Assistant IA", "group": "Groupe", "private": "Privé"}
CONV_DELETE = "Supprimer la conversation"
CONV_DELETED = "Conversation supprimée."
CONV_THREAD_TITLE = "Fil de la conversation"
YES_DELETE = "Oui, supprimer"
NO_KEEP = "Annuler"

ERR.update({
    "coach_conversation_unknown": "Cette conversation n'existe pas ou plus.",
})
