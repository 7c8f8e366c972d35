"""Media pages: coach tab Médias (state/coach/media.py) and the public /v/{slug} page (pages/media.py)."""

from __future__ import annotations

from afroboost.texts.common import ERR

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
    "media_slug_invalid": ("Adresse invalide : uniquement des lettres minuscules sans accents, des chiffres "
                           "et des tirets (80 caractères maximum)."),
    "media_unknown": "Cette page vidéo n'existe plus (supprimée entre-temps ?).",
})

MEDIA_CTA_PLACEHOLDER = "Réserver mon casque"
