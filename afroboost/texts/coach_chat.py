"""Coach tab 💬 Conversations: list, Agent IA, chat links, community groups, contacts CRM."""

from __future__ import annotations

from afroboost.texts.public import ERR

ERR.update({
    "coach_conversation_unknown": "Cette conversation n'existe pas ou plus.",
    "coach_group_default": "Les groupes par défaut (Communauté, VIP, Promos) ne peuvent pas être supprimés.",
    "coach_group_unknown": "Ce groupe n'existe pas ou plus.",
    "coach_group_slug_empty": "Le nom doit contenir au moins une lettre ou un chiffre.",
    "coach_contact_unknown": "Ce contact n'existe plus.",
    "coach_link_unknown": "Ce lien n'existe pas ou plus.",
})

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

# Agent IA
AI_CARD_TITLE = "🤖 Agent IA"
AI_CARD_HINT = "Ce que l'assistant « Coach Bassi » doit savoir en plus, et le lien Twint qu'il propose aux acheteurs."
AI_CAMPAIGN_PROMPT = "Prompt de campagne (prioritaire)"
AI_CAMPAIGN_HINT = ("Ajouté en dernier, il passe avant les règles par défaut (liens STANDARD). "
                    "Ex. « Mets en avant le stage du 12 décembre. »")
AI_TWINT = "💳 Lien de paiement Twint"
AI_TWINT_EMPTY = "⚠️ Aucun lien Twint : l'assistant renverra les acheteurs vers toi."
AI_ENABLED = "Assistant IA activé"
AI_NOTIFY = "Notifier aussi les réponses IA"
AI_SAVED = "Réglages de l'agent IA enregistrés."

# Chat links
LINKS_TITLE = "🔗 Lien Chat IA"
LINKS_HINT = "Un lien à partager (pub, Instagram, partenaire) qui ouvre une conversation avec l'assistant."
LINK_TITLE = "Titre du lien"
LINK_PROMPT = "Prompt spécifique pour ce lien (Optionnel)"
LINK_PROMPT_HINT = "Avec un prompt, le lien est STRICT : l'assistant suit ce prompt et ne cite aucun prix."
LINK_CREATE = "Générer le lien"
LINK_CREATED = "Lien « {title} » créé."
LINK_COPY = "Copier"
LINK_COPIED = "Lien copié dans le presse-papiers."
LINK_DELETED = "Lien supprimé."
LINK_NONE = "Aucun lien pour le moment."
LINK_STRICT = "STRICT"
LINK_STANDARD = "STANDARD"
LINK_CREATED_ON = "Créé le {date}"

# Community groups
GROUPS_TITLE = "👥 Chat Communautaire"
GROUPS_HINT = "Les groupes de discussion de la communauté. Tu choisis qui en fait partie."
GROUP_NAME = "Nom de la communauté"
GROUP_CREATE = "Créer le groupe"
GROUP_CREATED = "Groupe « {title} » créé."
GROUP_RENAME = "Renommer"
GROUP_RENAMED = "Groupe renommé."
GROUP_MEMBERS = "Membres"
GROUP_DEFAULT = "Par défaut"
GROUP_ADD_SEARCH = "Ajouter : nom, email ou téléphone…"
GROUP_ADD = "Ajouter"
GROUP_REMOVE = "Retirer"
GROUP_NO_MEMBERS = "Aucun membre pour le moment."
GROUP_NO_CANDIDATE = "Aucun contact à ajouter pour cette recherche."
GROUP_MEMBER_ADDED = "{name} ajouté·e au groupe."
GROUP_MEMBER_REMOVED = "{name} retiré·e du groupe."
GROUP_DELETED = "Groupe supprimé."

# Contacts CRM
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
