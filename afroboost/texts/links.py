"""Chat links (services/chat/links.py, coach card « Lien Chat IA » in components/coach/links.py)."""

from __future__ import annotations

from afroboost.texts.common import ERR

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

ERR.update({
    "coach_link_unknown": "Ce lien n'existe pas ou plus.",
    "chat_link_unknown": "Ce lien de chat n'existe pas ou n'est plus actif.",
})
