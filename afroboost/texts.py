"""Every user-facing French string, in one place."""

from __future__ import annotations

BRAND = "Afroboost"
COPYRIGHT = "© Afroboost 2026"
TAGLINE = "Le fitness afrobeat au casque, avec Coach Bassi"
HERO_TITLE = "Afroboost Silent"
HERO_PITCH = (
    "Un cours de danse fitness sur les meilleurs sons afrobeat, chacun avec son casque audio. "
    "Tu choisis ta séance, on te réserve ton casque : il ne te reste qu'à transpirer."
)
HERO_CTA = "Réserver mon casque"

WEEKDAYS = ["lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche"]
MONTHS = [
    "janvier", "février", "mars", "avril", "mai", "juin",
    "juillet", "août", "septembre", "octobre", "novembre", "décembre",
]

# --- home -----------------------------------------------------------------------------
SECTION_SESSIONS = "Prochaines séances"
SECTION_OFFERS = "Nos offres"
SECTION_SHOP = "La boutique"
NO_SESSIONS = "Aucune séance à venir pour le moment. Reviens bientôt !"
SPOTS_LEFT_ONE = "1 place restante"
SPOTS_LEFT_MANY = "{n} places restantes"
FULL = "Complet"
BOOK = "Réserver"
JOIN_WAITLIST = "Liste d'attente"
MY_BOOKING = "Ma réservation"
NAV_ARTICLES = "Articles"

OFFER_KIND_LABELS = {
    "single": "Cours à l'unité",
    "card": "Carte 10 cours",
    "subscription": "Abonnement",
    "product": "Produit",
}

# --- booking wizard ---------------------------------------------------------------------
STEP_SESSION = "1. Cours et date"
STEP_OFFER = "2. Offre"
STEP_INFO = "3. Tes coordonnées"
STEP_SUMMARY = "4. Récapitulatif et paiement"
PICK_COURSE = "Choisis ton cours"
PICK_DATE = "Choisis ta date"
PICK_OFFER = "Choisis ton offre"
FIRST_NAME = "Prénom"
LAST_NAME = "Nom"
EMAIL = "Email"
WHATSAPP = "WhatsApp"
WHATSAPP_HINT = "Ex. 079 123 45 67 ou +41 79 123 45 67"
PROMO = "Code promo"
PROMO_APPLY = "Appliquer"
PROMO_REMOVE = "Retirer"
CONTINUE = "Continuer"
BACK = "Retour"
SUMMARY = "Récapitulatif"
LABEL_SESSION = "Séance"
LABEL_PLACE = "Lieu"
LABEL_OFFER = "Offre"
LABEL_PERSON = "Participant·e"
LABEL_PRICE = "Prix"
LABEL_STATUS = "Statut"
TOTAL = "Total"
PAY_WITH_PREFIX = "Réserver et payer avec "
CONFIRM_FREE = "Confirmer ma réservation"
PAYMENT_METHODS = {"stripe": "Carte (Stripe)", "paypal": "PayPal", "twint": "Twint"}
NO_PAYMENT_LINK = "Aucun lien de paiement n'est configuré pour cette offre : contacte le coach."

CONFIRMED_TITLE = "Ta réservation est enregistrée !"
CONFIRMED_FREE = "Ta place et ton casque sont confirmés."
CONFIRMED_PENDING = "Ta place et ton casque sont bloqués. Termine le paiement pour confirmer."
PAY_NOW = "Payer maintenant avec {method}"
RESERVATION_CODE = "Code de réservation"
SHOW_QR = "Présente ce QR code à l'entrée pour récupérer ton casque."
ADD_TO_CALENDAR = "Ajouter à mon calendrier (.ics)"
BOOK_ANOTHER = "Réserver une autre séance"

WAITLIST_TITLE = "Cette séance est complète"
WAITLIST_PITCH = "Inscris-toi sur la liste d'attente : si une place se libère, elle est pour toi."
WAITLIST_JOIN = "M'inscrire sur la liste d'attente"
WAITLIST_DONE = "C'est noté ! Tu es n°{n} sur la liste d'attente. On te prévient dès qu'une place se libère."

STATUS_LABELS = {
    "pending_payment": "En attente de paiement",
    "confirmed": "Confirmée (payée)",
    "cancelled": "Annulée",
    "checked_in": "Présent·e",
}

# --- lookup / cancel ------------------------------------------------------------------
LOOKUP_TITLE = "Retrouver ma réservation"
LOOKUP_PITCH = "Entre ton code de réservation et l'email utilisé lors de la réservation."
LOOKUP = "Rechercher"
CANCEL = "Annuler ma réservation"
CANCEL_CONFIRM = "Oui, annuler"
CANCEL_SURE = "Es-tu sûr·e ? Ton casque sera libéré pour quelqu'un d'autre."
CANCELLED_DONE = "Ta réservation est annulée. Ton casque a été libéré."

# --- errors (shown next to the field) ------------------------------------------------
ERR = {
    "first_name_required": "Indique ton prénom.",
    "name_too_long": "80 caractères maximum.",
    "email_required": "Indique ton email.",
    "email_invalid": "Cet email n'est pas valide (ex. prenom@exemple.ch).",
    "phone_required": "Indique ton numéro WhatsApp.",
    "phone_invalid": "Ce numéro n'est pas valide (ex. +41 79 123 45 67).",
    "session_required": "Choisis une séance.",
    "session_unknown": "Cette séance n'existe pas ou plus.",
    "session_past": "Cette séance a déjà commencé : choisis une autre date.",
    "session_cancelled": "Cette séance a été annulée : choisis une autre date.",
    "session_full": "Plus aucune place sur cette séance : inscris-toi sur la liste d'attente.",
    "offer_required": "Choisis une offre.",
    "offer_unknown": "Cette offre n'est plus disponible.",
    "already_booked": "Tu as déjà une réservation pour cette séance (code {code}).",
    "already_waiting": "Tu es déjà sur la liste d'attente de cette séance.",
    "not_full": "Il reste des places : tu peux réserver directement.",
    "payment_method": "Choisis un moyen de paiement proposé pour cette offre.",
    "promo_unknown": "Ce code promo n'existe pas.",
    "promo_not_started": "Ce code promo n'est pas encore valable.",
    "promo_expired": "Ce code promo a expiré.",
    "promo_used_up": "Ce code promo a atteint son nombre maximal d'utilisations.",
    "promo_wrong_offer": "Ce code promo n'est pas valable pour cette offre.",
    "promo_inactive": "Ce code promo n'est plus actif.",
    "code_required": "Indique ton code de réservation.",
    "lookup_no_match": "Aucune réservation ne correspond à ce code et cet email.",
    "cancel_started": "La séance a déjà commencé : la réservation ne peut plus être annulée.",
    "cancel_already": "Cette réservation est déjà annulée.",
    "cancel_checked_in": "Tu as déjà été enregistré·e à l'entrée : annulation impossible.",
    "generic": "Une erreur est survenue. Réessaie dans un instant.",
    "checkin_unknown": "Aucune réservation avec ce code.",
    "checkin_cancelled": "Cette réservation est annulée.",
    "checkin_already": "Déjà enregistré·e à l'entrée.",
    "headset_not_checked_in": "Le casque se note à l'entrée (check-in).",
    "headset_not_out": "Aucun casque sorti pour cette réservation.",
    "not_coach": "Cette adresse n'est pas autorisée.",
    "link_invalid": "Lien invalide ou expiré.",
    "link_used": "Lien déjà utilisé.",
}

PROMO_OK = "Code appliqué : −{discount} → {total}"

# --- coach access -----------------------------------------------------------------------
COACH_LOGIN_TITLE = "Espace coach"
COACH_LOGIN_PITCH = "Connecte-toi avec le compte Google autorisé pour gérer le studio."
COACH_LOGIN_GOOGLE = "Se connecter avec Google"
COACH_LOGIN_NO_GOOGLE = (
    "La connexion Google n'est pas configurée sur ce serveur. Utilise le lien de connexion à usage "
    "unique affiché au démarrage par « make run » (ou obtenu avec « make coach-link »)."
)
COACH_LOGOUT = "Se déconnecter"
COACH_DENIED = "Accès réservé au coach."
RESULTS = "{n} résultat(s)"
NO_RESERVATION_MATCH = "Aucune réservation correspondante"
CHECKIN_DONE = "✓ {code} enregistré·e"
SCANNER_FALLBACK = "Caméra indisponible : tape le code de réservation."
SURE = "Êtes-vous sûr ?"
AUTH_PAGES = {
    "refused": ("Accès refusé", "Ce compte Google n'est pas autorisé à accéder à l'espace coach."),
    "unverified": ("Accès refusé", "L'adresse email de ce compte Google n'est pas vérifiée."),
    "failed": ("Connexion impossible", "La connexion Google a échoué ou a expiré. Réessaie depuis le début."),
    "not_configured": ("Connexion Google indisponible", COACH_LOGIN_NO_GOOGLE),
    "link_invalid": ("Lien invalide", "Ce lien de connexion est invalide ou a expiré (10 minutes)."),
    "link_used": ("Lien déjà utilisé", "Ce lien de connexion a déjà servi. Demande-en un nouveau."),
    "not_coach": ("Accès refusé", "Cette adresse n'est pas autorisée à accéder à l'espace coach."),
}


def err(key: str, **kwargs) -> str:
    """The French message for an error key."""
    return ERR.get(key, ERR["generic"]).format(**kwargs)


# --- coach: Concept tab, Aperçu tab, home page concept (FAQ, contact) --------------------
MONTHS_SHORT = ["janv.", "févr.", "mars", "avr.", "mai", "juin",
                "juil.", "août", "sept.", "oct.", "nov.", "déc."]

SECTION_FAQ = "Questions fréquentes"
SECTION_CONTACT = "Contact"
CONTACT_EMAIL = "Email"
CONTACT_PHONE = "Téléphone"
CONTACT_ADDRESS = "Adresse"
CONTACT_INSTAGRAM = "Instagram"

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

OVERVIEW_TITLE = "Aperçu"
OVERVIEW_WEEK = "Semaine du {start} au {end}"
OVERVIEW_SESSIONS = "Séances de la semaine"
OVERVIEW_NO_SESSIONS = "Aucune séance cette semaine."
OVERVIEW_WEEKLY = "Réservations par semaine"
OVERVIEW_WEEKLY_HINT = "8 dernières semaines, date de réservation, hors annulations."
OVERVIEW_REVENUE = "Chiffre d'affaires par cours"
OVERVIEW_REVENUE_HINT = "Réservations payées ou présentes. Total : {total}"
OVERVIEW_HEADSETS = "Casques sortis"
OVERVIEW_NO_HEADSETS = "Tous les casques sont rentrés."
OVERVIEW_HEADSET = "Casque n°{n}"
OVERVIEW_SINCE = "depuis {t}"
OVERVIEW_BOOKINGS = "Réservations"
OVERVIEW_CHF = "CHF"
OVERVIEW_REFRESH = "Actualiser"
OVERVIEW_KPI_SESSIONS = "Séances"
OVERVIEW_KPI_REVENUE = "Chiffre d'affaires"

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


# === Coach tabs: Cours · Offres · Paiements · Codes ==========================================
ERR.update({
    "form_required": "Ce champ est obligatoire.",
    "form_too_long": "{max} caractères maximum.",
    "form_price_required": "Indique un prix en CHF (ex. 25 ou 12.50).",
    "form_price_invalid": "Prix invalide : écris un montant en CHF comme 25 ou 12.50.",
    "form_price_too_high": "Ce montant est trop élevé.",
    "form_number_required": "Indique un nombre.",
    "form_number_invalid": "Écris un nombre entier (ex. 20).",
    "form_number_range": "Choisis un nombre entre {lo} et {hi}.",
    "form_time_invalid": "Heure invalide : écris-la comme 18:30.",
    "form_date_invalid": "Date invalide (ex. 31.12.2026).",
    "form_date_order": "La date de fin doit suivre la date de début.",
    "form_url_too_long": "Lien trop long ({max} caractères maximum).",
    "form_url_invalid": "Ce lien n'est pas valide (ex. https://pay.exemple.ch/…).",
    "form_url_https": "Le lien doit commencer par https:// (connexion sécurisée).",
    "form_url_host": "Ce lien ne mène pas à un vrai site (ex. https://twint.ch/…).",
    "course_unknown": "Ce cours n'existe plus.",
    "course_slug_empty": "Le nom doit contenir au moins une lettre ou un chiffre.",
    "course_slug_taken": "Un autre cours porte déjà ce nom (adresse « {slug} ») : choisis un nom différent.",
    "course_inactive": "Ce cours est désactivé : active-le avant de générer des séances.",
    "session_below_taken": "Impossible : {taken} casque(s) déjà réservé(s) sur cette séance.",
    "session_cancelled_edit": "Cette séance est annulée : elle ne peut plus être modifiée.",
    "session_started_edit": "Cette séance a déjà commencé : elle ne peut plus être modifiée.",
    "coach_offer_unknown": "Cette offre n'existe plus.",
    "offer_kind": "Choisis un type d'offre.",
    "offer_image_type": "Seules les images PNG, JPG, GIF ou WebP sont acceptées.",
    "offer_image_empty": "Ce fichier est vide.",
    "offer_image_too_big": "Image trop lourde : 5 Mo maximum.",
    "pay_reservation_unknown": "Cette réservation n'existe plus.",
    "pay_not_pending": "Cette réservation n'est plus en attente de paiement.",
    "promo_missing": "Ce code promo n'existe plus.",
    "promo_code_chars": "2 à 40 caractères : lettres A-Z, chiffres, - ou _ (sans accents ni espaces).",
    "promo_code_taken": "Le code {code} existe déjà.",
    "promo_kind": "Choisis un type de réduction.",
    "promo_fixed_zero": "Le montant de la réduction doit être supérieur à 0.",
    "max_below_uses": "Ce code a déjà servi {uses} fois : indique au moins {uses}.",
    "promo_offer_unknown": "Une des offres choisies n'existe plus.",
})

FORM_SAVE = "Enregistrer"
FORM_CANCEL = "Annuler"
FORM_EDIT = "Modifier"
FORM_DELETE = "Supprimer"
FORM_DELETE_CONFIRM = "Confirmer la suppression"
FORM_KEEP = "Garder"
FORM_INACTIVE = "Inactif"
FORM_NO_MATCH = "Aucun résultat."
FORM_CLOSE = "Fermer"
FORM_FIX = "Corrige les champs signalés : rien n'a été enregistré."

# Cours
COURSES_TITLE = "Cours"
COURSE_NEW = "+ Nouveau cours"
COURSE_EDIT_TITLE = "Modifier le cours"
COURSE_NEW_TITLE = "Nouveau cours"
COURSE_NAME = "Nom du cours"
COURSE_DESCRIPTION = "Description"
COURSE_PLACE = "Lieu"
COURSE_WEEKDAY = "Jour (chaque semaine)"
COURSE_START = "Heure de début"
COURSE_DURATION = "Durée (minutes)"
COURSE_SEATS = "Places"
COURSE_HEADSETS = "Casques"
COURSE_ACTIVE = "Actif (visible et réservable)"
COURSE_SEATS_HINT = (
    "Jour, heure, places et casques valent pour les séances générées ensuite ; les séances déjà créées "
    "se modifient (ou s'annulent) une à une dans « Séances »."
)
COURSE_CAPACITY = "{seats} places · {headsets} casques"
COURSE_UPCOMING = "{n} séance(s) à venir"
COURSE_SESSIONS = "Séances"
COURSE_NONE = "Aucun cours pour le moment : crée le premier."
COURSE_SAVED = "Cours enregistré."
COURSE_DELETED = "Cours supprimé."
COURSE_DEACTIVATED = (
    "Ce cours a des réservations : il ne peut pas être supprimé. Il a été désactivé à la place "
    "(masqué du public, l'historique et les codes de réservation restent valables)."
)
SESSIONS_OF = "Séances à venir · {name}"
SESSIONS_NONE = "Aucune séance à venir. Génère-les ci-dessous."
SESSIONS_WEEKS = "Semaines"
SESSIONS_GENERATE = "Générer les séances"
SESSIONS_GENERATED = "{n} séance(s) créée(s)."
SESSION_TAKEN = "{taken} / {capacity} réservé(s)"
SESSION_CANCELLED = "Annulée"
SESSION_RESERVATIONS = "{n} réservation(s)"
SESSION_CANCEL = "Annuler la séance"
SESSION_CANCEL_CONFIRM = "Oui, annuler la séance"
SESSION_CANCELLED_DONE = "Séance annulée ({n} réservation(s) à prévenir)."
SESSION_SAVED = "Séance mise à jour."
SESSION_PROMOTED = "Séance mise à jour : {n} personne(s) de la liste d'attente ont reçu une place."

# Offres
OFFERS_TITLE = "Offres et boutique"
OFFER_NEW = "+ Nouvelle offre"
OFFER_NEW_TITLE = "Nouvelle offre"
OFFER_EDIT_TITLE = "Modifier l'offre"
OFFER_NAME = "Nom"
OFFER_PRICE = "Prix (CHF)"
OFFER_PRICE_HINT = "Ex. 25 ou 12.50"
OFFER_KIND = "Type"
OFFER_VISIBLE = "Visible sur le site"
OFFER_DESCRIPTION = "Description"
OFFER_IMAGE = "Image (optionnelle)"
OFFER_IMAGE_DROP = "Glisse une image ici ou clique (PNG, JPG, GIF, WebP · 5 Mo max)"
OFFER_IMAGE_SEND = "Envoyer l'image"
OFFER_IMAGE_REMOVE = "Retirer l'image"
OFFER_LINKS = "Liens de paiement"
OFFER_NO_LINKS = "Aucun lien de paiement"
OFFER_HIDDEN = "Masquée"
OFFER_ARCHIVED = "Archivée"
OFFER_ARCHIVED_NAME = "{name} (archivée)"
OFFER_RESTORE = "Restaurer"
OFFER_SAVED = "Offre enregistrée."
OFFER_DELETED = "Offre supprimée."
OFFER_RESTORED = "Offre restaurée (toujours masquée si « Visible » est décoché)."
OFFER_ARCHIVED_DONE = (
    "Cette offre a déjà des réservations : elle ne peut pas être supprimée. Elle a été archivée à la "
    "place (masquée du public et plus réservable, l'historique reste intact)."
)
OFFER_NONE = "Aucune offre pour le moment."
OFFERS_SEARCH = "Rechercher une offre (nom, type, prix…)"

# Paiements
PAYMENTS_TITLE = "Paiements"
PAYMENTS_TWINT_TITLE = "Lien Twint global"
PAYMENTS_TWINT_HINT = "Utilisé par l'assistant IA et comme lien de secours quand une offre n'a pas de lien Twint."
PAYMENTS_TWINT_EMPTY = "Aucun lien Twint global : l'assistant renverra les acheteurs vers toi."
PAYMENTS_TWINT_SAVED = "Lien Twint global enregistré."
PAYMENTS_LINKS_TITLE = "Liens de paiement par offre"
PAYMENTS_LINKS_HINT = "Chaque lien doit commencer par https://. Laisse vide un moyen de paiement non proposé."
PAYMENTS_LINKS_SAVED = "Liens de « {name} » enregistrés."
PAYMENTS_PENDING_TITLE = "Paiements en attente"
PAYMENTS_PENDING_NONE = "Aucun paiement en attente : tout est réglé."
PAYMENTS_MARK_PAID = "Marquer payé"
PAYMENTS_MARKED = "{code} marqué payé."
LINK_LABELS = {"stripe_url": "Stripe (carte)", "paypal_url": "PayPal", "twint_url": "Twint"}

# Codes
CODES_TITLE = "Codes promo"
CODE_NEW = "+ Nouveau code"
CODE_NEW_TITLE = "Nouveau code promo"
CODE_EDIT_TITLE = "Modifier le code promo"
CODE_CODE = "Code"
CODE_KIND = "Type de réduction"
CODE_KINDS = {"percent": "Pourcentage (%)", "fixed": "Montant fixe (CHF)"}
CODE_VALUE_PERCENT = "Réduction en % (1 à 100)"
CODE_VALUE_FIXED = "Réduction en CHF (ex. 10 ou 7.50)"
CODE_FROM = "Valable du (optionnel)"
CODE_UNTIL = "Valable jusqu'au (optionnel)"
CODE_MAX_USES = "Utilisations max (vide = illimité)"
CODE_OFFERS = "Réservé aux offres (aucune cochée = toutes)"
CODE_ACTIVE = "Actif"
CODE_USES = "Utilisations"
CODE_SAVED = "Code promo enregistré."
CODE_DELETED = "Code promo supprimé."
CODE_DEACTIVATED = (
    "Ce code a déjà servi pour des réservations : il ne peut pas être supprimé. "
    "Il a été désactivé à la place."
)
CODE_NONE = "Aucun code promo pour le moment."
CODES_SEARCH = "Rechercher un code…"
PROMO_ALL_OFFERS = "Toutes les offres"
PROMO_VALID_ALWAYS = "Sans limite de date"
PROMO_VALID_BETWEEN = "Du {start} au {end}"
PROMO_VALID_FROM = "Dès le {start}"
PROMO_VALID_UNTIL = "Jusqu'au {end}"
PROMO_STATES = {"on": "Actif", "off": "Désactivé", "expired": "Expiré", "later": "Pas encore valable",
                "used_up": "Épuisé"}
