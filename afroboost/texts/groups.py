"""Community groups (services/chat/groups.py, coach card « Chat Communautaire » in components/coach/groups.py)."""

from __future__ import annotations

from afroboost.texts.common import ERR

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

ERR.update({
    "coach_group_default": "Les groupes par défaut (Communauté, VIP, Promos) ne peuvent pas être supprimés.",
    "coach_group_unknown": "Ce groupe n'existe pas ou plus.",
    "coach_group_slug_empty": "Le nom doit contenir au moins une lettre ou un chiffre.",
})

# the default groups every install has (slug -> title); services/chat/messages.py creates them
GROUP_DEFAULT_TITLES = {"community": "Communauté Afroboost", "vip": "VIP", "promo": "Promos"}
