"""Coach tabs Articles and Médias; public /articles and /v/{slug}."""

from __future__ import annotations

from afroboost.texts.public import ERR

# --- coach: Articles and Médias tabs; public /articles and /v/{slug} ----------------------
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

ART_TAB = "📰 Articles"
ART_NEW = "+ Nouvel article"
ART_EMPTY = "Aucun article pour le moment : écris le premier !"
ART_FORM_NEW = "Nouvel article"
ART_FORM_EDIT = "Modifier l'article"
ART_SLUG_HINT = "Rempli depuis le titre, modifiable. Minuscules, chiffres et tirets : /articles/…"
ART_SUMMARY = "Résumé"
ART_SUMMARY_HINT = "Deux ou trois phrases affichées dans la liste des articles (500 caractères maximum)."
ART_BODY = "Contenu (Markdown)"
ART_BODY_HINT = ("Markdown : **gras**, *italique*, ## intertitre, - liste, [lien](https://…). "
                 "Le HTML n'est pas interprété : il s'affiche tel quel.")
ART_PREVIEW = "Aperçu"
ART_COVER = "Image de couverture"
ART_PUBLISHED = "Publié"
ART_DRAFT = "Brouillon"
ART_PUBLISH = "Publier l'article (visible sur /articles)"
ART_SAVED = "Article enregistré."
ART_DELETED = "Article supprimé."

ARTICLES_TITLE = "Articles"
ARTICLES_PITCH = "Conseils, nouvelles et coulisses d'Afroboost."
ARTICLES_EMPTY = "Aucun article publié pour le moment. Reviens bientôt !"
ARTICLE_READ = "Lire l'article →"
ARTICLE_ALL = "← Tous les articles"
ARTICLE_PUBLISHED_ON = "Publié le "
ARTICLE_NOT_FOUND_TITLE = "Article introuvable"
ARTICLE_NOT_FOUND = "Cet article n'existe pas ou n'est plus en ligne."

MEDIA_TAB = "🎬 Médias"
MEDIA_NEW = "+ Nouvelle page vidéo"
MEDIA_EMPTY = "Aucune page vidéo pour le moment."
MEDIA_FORM_NEW = "Nouvelle page vidéo"
MEDIA_FORM_EDIT = "Modifier la page vidéo"
MEDIA_SLUG_HINT = "Minuscules, chiffres et tirets (80 maximum). La page sera à l'adresse /v/…"
MEDIA_DESCRIPTION = "Description"
MEDIA_VIDEO = "Lien de la vidéo"
MEDIA_VIDEO_HINT = "YouTube (youtube.com/watch?v=…, youtu.be/…, /shorts/…) ou Google Drive (drive.google.com/file/d/…)."
MEDIA_VIDEO_OK = "Vidéo reconnue ✓"
MEDIA_THUMBNAIL = "Miniature"
MEDIA_CTA_TEXT = "Texte du bouton"
MEDIA_CTA_URL = "Lien du bouton"
MEDIA_CTA_HINT = "Facultatif. Un lien complet en https://, ex. https://afroboost.ch/reserver"
MEDIA_SAVED = "Page vidéo enregistrée."
MEDIA_DELETED = "Page vidéo supprimée."
MEDIA_PLAY = "Lire la vidéo"
MEDIA_NOT_FOUND_TITLE = "Vidéo introuvable"
MEDIA_NOT_FOUND = "Cette page vidéo n'existe pas ou a été retirée."

ERR.update({
    "content_title_required": "Indique un titre.",
    "content_title_too_long": "200 caractères maximum.",
    "content_slug_required": "Indique l'adresse (slug).",
    "article_slug_invalid": ("Adresse invalide : uniquement des lettres minuscules sans accents, des chiffres "
                             "et des tirets (120 caractères maximum)."),
    "media_slug_invalid": ("Adresse invalide : uniquement des lettres minuscules sans accents, des chiffres "
                           "et des tirets (80 caractères maximum)."),
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
    "article_unknown": "Cet article n'existe plus (supprimé entre-temps ?).",
    "media_unknown": "Cette page vidéo n'existe plus (supprimée entre-temps ?).",
})


