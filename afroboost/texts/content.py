"""What the coach tabs Articles and Médias share (services/content/, components/coach/content_fields.py)."""

from __future__ import annotations

from afroboost.texts.common import ERR

CONTENT_SAVE = "Enregistrer"
CONTENT_CANCEL = "Annuler"
CONTENT_EDIT = "Modifier"
CONTENT_DELETE = "Supprimer"
CONTENT_DELETE_SURE = "Supprimer définitivement « {title} » ?"
CONTENT_DELETE_YES = "Oui, supprimer"
CONTENT_VIEW = "Voir"
CONTENT_FIX = "Corrige les champs signalés : rien n'a été enregistré."
CONTENT_TITLE = "Titre"
CONTENT_SLUG = "Adresse (slug)"
CONTENT_IMAGE_DROP = "Glisse une image ici ou clique pour la choisir"
CONTENT_IMAGE_HINT = "PNG, JPG, WEBP ou GIF, 5 Mo maximum."
CONTENT_IMAGE_UPLOADING = "Envoi de l'image…"
CONTENT_IMAGE_REMOVE = "Retirer l'image"
CONTENT_BACK_HOME = "Retour à l'accueil"

ERR.update({
    "content_title_required": "Indique un titre.",
    "content_title_too_long": "200 caractères maximum.",
    "content_slug_required": "Indique l'adresse (slug).",
    "content_slug_taken": "Cette adresse est déjà utilisée : choisis-en une autre.",
    "content_summary_too_long": "500 caractères maximum.",
    "content_body_too_long": "Le contenu est trop long (100 000 caractères maximum).",
    "content_description_too_long": "2000 caractères maximum.",
    "content_image_type": "Seules les images PNG, JPG, WEBP ou GIF sont acceptées.",
    "content_image_too_big": "Cette image dépasse {mb} Mo : choisis-en une plus légère.",
    "content_video_required": "Colle le lien de la vidéo.",
    "content_video_unsupported": ("Lien non reconnu : colle un lien YouTube (youtube.com/watch?v=…, youtu.be/…, "
                                  "youtube.com/shorts/…) ou Google Drive (drive.google.com/file/d/…)."),
    "content_cta_text_required": "Indique le texte du bouton (ou vide aussi son lien).",
    "content_cta_text_too_long": "80 caractères maximum.",
    "content_cta_url_required": "Indique le lien du bouton (https://…).",
    "content_cta_url_invalid": "Le lien doit être une adresse complète en https:// (ex. https://afroboost.ch/reserver).",
})
