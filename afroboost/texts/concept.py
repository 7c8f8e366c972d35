"""Coach tab Concept (services/content/concept.py, state/coach/concept.py): home texts, hero image, FAQ, contact."""

from __future__ import annotations

from afroboost.texts.common import ERR

CONCEPT_TAB = "Concept"  # the dashboard tab
CONCEPT_TITLE = "Concept du site"
CONCEPT_PITCH = "Les textes de la page d'accueil. Un champ laissé vide affiche le texte par défaut."
CONCEPT_TEXTS = "Textes de l'accueil"
CONCEPT_FIELD_TITLE = "Titre"
CONCEPT_FIELD_TAGLINE = "Accroche"
CONCEPT_FIELD_PITCH = "Présentation"
CONCEPT_HERO = "Image d'accueil"
CONCEPT_HERO_HINT = "PNG, JPG ou WEBP, 5 Mo maximum. Elle s'affiche derrière le titre."
CONCEPT_HERO_DROP = "Glisse une image ici ou clique pour la choisir"
CONCEPT_HERO_UPLOAD = "Envoyer l'image"
CONCEPT_HERO_REMOVE = "Retirer l'image"
CONCEPT_HERO_NONE = "Aucune image : l'accueil garde son fond néon."
CONCEPT_HERO_SAVED = "Image d'accueil mise à jour."
CONCEPT_HERO_REMOVED = "Image d'accueil retirée."
CONCEPT_FAQ = "FAQ"
CONCEPT_FAQ_QUESTION = "Question"
CONCEPT_FAQ_ANSWER = "Réponse"
CONCEPT_FAQ_ADD = "+ Ajouter une question"
CONCEPT_FAQ_REMOVE = "Supprimer"
CONCEPT_FAQ_EMPTY = "Aucune question pour le moment."
CONCEPT_CONTACT = "Coordonnées"
CONCEPT_EMAIL_HINT = "Ex. contact@afroboost.ch"
CONCEPT_PHONE_HINT = "Ex. 079 123 45 67 ou +41 79 123 45 67"
CONCEPT_INSTAGRAM_HINT = "Ex. https://www.instagram.com/afroboost"
CONCEPT_SAVE = "Enregistrer"
CONCEPT_SAVED = "Concept enregistré : l'accueil est à jour."
CONCEPT_FIX = "Corrige les champs signalés : rien n'a été enregistré."

ERR.update({
    "concept_too_long_120": "120 caractères maximum.",
    "concept_too_long_200": "200 caractères maximum.",
    "concept_too_long_300": "300 caractères maximum.",
    "concept_too_long_2000": "2000 caractères maximum.",
    "concept_email_invalid": "Cet email n'est pas valide (ex. contact@afroboost.ch).",
    "concept_phone_invalid": "Ce numéro n'est pas valide (ex. +41 79 123 45 67).",
    "concept_instagram_invalid": "Indique un lien https vers Instagram (ex. https://www.instagram.com/afroboost).",
    "faq_question_required": "Écris la question (ou supprime cette ligne).",
    "faq_question_too_long": "200 caractères maximum.",
    "faq_answer_required": "Écris la réponse à cette question.",
    "faq_answer_too_long": "1000 caractères maximum.",
    "faq_too_many": "20 questions maximum.",
    "image_type": "Choisis une image PNG, JPG ou WEBP.",
    "image_empty": "Ce fichier est vide.",
    "image_too_big": "Cette image dépasse 5 Mo : choisis-en une plus légère.",
    "image_missing": "Choisis d'abord une image.",
})
