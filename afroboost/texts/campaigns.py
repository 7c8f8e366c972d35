"""Campaigns (services/campaigns/, coach tab Campagnes): the composer in PRD order, the history,
deliveries, the scheduler, and why the dispatcher skipped or gave up a delivery."""

from __future__ import annotations

from afroboost.texts.common import ERR

CAMP_TAB = "📢 Campagnes"  # the dashboard tab
CAMP_TITLE = "📢 Campagnes"
CAMP_NEW = "Nouvelle Campagne"
CAMP_EDIT_TITLE = "✏️ Modifier la Campagne"
CAMP_EDIT_MODE = "Mode édition : {name}"
CAMP_EDIT_CANCELLED = "Modification annulée."
CAMP_HINT = "Un message à un ou plusieurs groupes et personnes, maintenant ou aux dates choisies."

# 1. name
CAMP_NAME = "Nom de la campagne"
CAMP_NAME_PLACEHOLDER = "Ex. Stage du samedi"

# 2. search
CAMP_SEARCH = "Rechercher un groupe ou utilisateur"
CAMP_SEARCH_COUNT = "{groups} groupes • {users} utilisateurs"
CAMP_SEARCH_REFRESH = "Actualiser la liste"
CAMP_SEARCH_REFRESHED = "Liste des destinataires actualisée."
CAMP_SEARCH_NONE = "Aucun groupe ni utilisateur ne correspond."
CAMP_SEARCH_MORE = "… et {n} autre(s) : précisez la recherche ou utilisez « + Tous »."
CAMP_PICKED = "✅ Destinataire sélectionné : {name}"
CAMP_ALREADY = "« {name} » est déjà dans le panier."

# 3. basket
CAMP_BASKET = "Destinataires"
CAMP_BASKET_EMPTY = "Panier vide : cherchez un groupe ou un utilisateur ci-dessus."
CAMP_ADD_ALL = "+ Tous ({n})"
CAMP_ADDED_ALL = "{n} destinataire(s) ajouté(s) au panier."
CAMP_ALL_IN = "Tous ces destinataires sont déjà dans le panier."
CAMP_CLEAR = "🗑️ Vider"
CAMP_CLEARED = "Panier vidé."
CAMP_REMOVE = "Retirer {name}"
CAMP_MISSING = "{n} destinataire(s) de cette campagne n'existent plus : retirés du panier."

# 4. message
CAMP_MESSAGE = "Message"
CAMP_MESSAGE_PLACEHOLDER = "Salut {prénom} ! Samedi, cours spécial Afrobeat au casque 💪"
CAMP_MESSAGE_HINT = "{prénom} est remplacé par le prénom de chaque personne (« Communauté » dans un groupe)."
CAMP_PREVIEW = "Aperçu"
CAMP_PREVIEW_PERSON = "👤 {name}"
CAMP_PREVIEW_GROUP = "👥 Groupe"
CAMP_PREVIEW_EMPTY = "Votre message s'affichera ici."
CAMP_COMMUNITY = "Communauté"
CAMP_FIRST_NAME_SAMPLE = "Awa"

# 5. media
CAMP_MEDIA = "Média (optionnel)"
CAMP_MEDIA_PAGE = "Une page vidéo /v/…"
CAMP_MEDIA_NONE = "Aucun média"
CAMP_MEDIA_URL = "… ou un lien https://"
CAMP_MEDIA_NO_PAGES = "Aucune page vidéo : créez-en dans l'onglet 🎬 Médias."

# 6. advanced
CAMP_ADVANCED = "⚙️ Paramètres avancés"
CAMP_CHANNELS = "Canaux d'envoi"
CAMP_CH_INTERNAL = "💌 Chat interne"
CAMP_CH_WHATSAPP = "📱 WhatsApp"
CAMP_CH_EMAIL = "📧 Email"
CAMP_CH_GROUP = "💬 Salons de groupe"
CAMP_CH_HINTS = {
    "internal": "Un message de « 💪 Coach Bassi » dans la conversation de chaque personne.",
    "whatsapp": "Texte libre seulement si la personne a écrit dans les 24 h, sinon le modèle ci-dessous.",
    "email": "Modèle V5 avec lien de désinscription en un clic.",
    "group": "Un seul message dans le salon de chaque groupe du panier.",
}
CAMP_NOT_CONFIGURED_HINT = "Sans identifiants, ces envois échouent avec « non configuré » et pourront être relancés."
CAMP_CONTENT_SID = "Modèle WhatsApp approuvé (ContentSid)"
CAMP_CONTENT_SID_HINT = "Obligatoire pour les personnes hors de la fenêtre de 24 h. Ex. HX…"

# 7. scheduling
CAMP_WHEN = "Programmation"
CAMP_NOW = "Maintenant"
CAMP_LATER = "À une ou plusieurs dates"
CAMP_SLOT_ADD = "➕ Ajouter"
CAMP_SLOT_TZ = "Heure de Zurich (Europe/Zurich)."
CAMP_SLOT_REMOVE = "Retirer cette date"
CAMP_SLOTS_NONE = "Aucune date ajoutée."

# 8. recap + buttons
CAMP_RECAP_TITLE = "📋 Récapitulatif"
CAMP_READY = "✅ Prêt à envoyer à {n} destinataire(s) ({groups} 👥, {users} 👤)"
CAMP_NO_TARGET = "⚠️ Aucun destinataire sélectionné."
CAMP_EXCLUDED = "{n} exclus (opt-out)"
CAMP_PLANNED = "💌 Envoi prévu pour : {when}"
CAMP_PLANNED_NOW = "maintenant"
CAMP_NEED_MESSAGE = "⚠️ Écrivez un message"
CAMP_NEED_TARGETS = "⚠️ Ajoutez des destinataires"
CAMP_CREATE = "🚀 Créer ({n} dest.)"
CAMP_SAVE_EDIT = "💾 Enregistrer les modifications"
CAMP_SAVE_DRAFT = "💾 Brouillon"
CAMP_CANCEL = "Annuler"
CAMP_CREATED_NOW = "🚀 Campagne « {name} » lancée."
CAMP_CREATED_LATER = "⏰ Campagne « {name} » programmée."
CAMP_SAVED_DRAFT = "💾 Brouillon « {name} » enregistré."
CAMP_UPDATED = "💾 Campagne « {name} » modifiée."
CAMP_FIX = "Corrigez les champs signalés : rien n'a été enregistré."

# history
CAMP_HISTORY = "Historique des campagnes"
CAMP_HISTORY_HINT = "Statut, compteurs et détail des envois de chaque campagne ; se met à jour tout seul."
CAMP_FILTERS = {"all": "Tout", "groups": "👥 Groupes", "individuals": "👤 Individuels"}
CAMP_HISTORY_NONE = "Aucune campagne pour le moment."
CAMP_STATUS = {"draft": "Brouillon", "scheduled": "Programmée", "sending": "Envoi en cours",
               "completed": "Terminée", "failed": "Échec"}
CAMP_LAUNCH = "🚀 Lancer"
CAMP_AUTO = "⏳ Auto"
CAMP_RELAUNCH = "🔄 Relancer"
CAMP_EDIT_LABEL = "Modifier"
CAMP_DELETE_LABEL = "Supprimer la campagne"
CAMP_DETAILS = "📋 Envois"
CAMP_LAUNCHED = "🚀 « {name} » lancée."
CAMP_RELAUNCHED = "🔄 {n} envoi(s) relancé(s)."
CAMP_DELETED = "Campagne supprimée."
CAMP_COUNTS = "{queued} en attente • {sent} envoyé(s) • {delivered} reçu(s) • {failed} échec(s)"
CAMP_NEXT = "Prochain envoi : {when}"
CAMP_REFRESH = "Actualiser"

# deliveries + errors
CAMP_DELIVERIES_NONE = "Aucun envoi pour cette campagne."
CAMP_DELIVERIES_CAP = "Les {n} premiers envois sont affichés (les échecs d'abord)."
CAMP_COL_RECIPIENT = "Destinataire"
CAMP_COL_CHANNEL = "Canal"
CAMP_COL_STATUS = "Statut"
CAMP_COL_ERROR = "Code erreur"
CAMP_COL_WHEN = "Quand"
CAMP_COL_CAMPAIGN = "Campagne"
CAMP_DELIVERY_STATUS = {"queued": "En attente", "sending": "En cours", "sent": "Envoyé", "delivered": "Reçu",
                        "read": "Lu", "failed": "Échec", "skipped": "Ignoré"}
CAMP_CHANNEL_NAMES = {"internal": "Chat", "group": "Groupe", "whatsapp": "WhatsApp", "email": "Email"}
CAMP_ERRORS = "🧾 Journal des erreurs"
CAMP_ERRORS_HINT = "Les 50 dernières erreurs d'envoi, avec le code Twilio / Resend."
CAMP_ERRORS_NONE = "Aucune erreur d'envoi. 🎉"
CAMP_SCHEDULER_ON = "🟢 Planificateur actif"
CAMP_SCHEDULER_OFF = "🔴 Planificateur arrêté"
CAMP_SCHEDULER_SEEN = "Dernier signe de vie : {when}"

# Delivery.error_message when the dispatcher decides without calling a provider.
CH_OPTED_OUT = "désinscrit de ce canal (opt-out)"
CH_CAMPAIGN_DELETED = "campagne supprimée avant l'envoi"
CH_GAVE_UP = "abandon après {n} tentatives : {reason}"
CH_INTERRUPTED = "envoi interrompu (serveur arrêté pendant l'envoi)"
CH_UNEXPECTED = "erreur inattendue, nouvel essai prévu"

ERR.update({
    "campaign_name_required": "Donnez un nom à la campagne.",
    "campaign_name_too_long": "Nom trop long (120 caractères maximum).",
    "campaign_body_required": "Écrivez un message.",
    "campaign_body_too_long": "Message trop long (4000 caractères maximum).",
    "campaign_targets_required": "Ajoutez au moins un destinataire.",
    "campaign_targets_too_many": "Trop de destinataires dans le panier (5000 maximum).",
    "campaign_channels_required": "Choisissez au moins un canal d'envoi.",
    "campaign_media_invalid": "Choisissez une page vidéo de la liste ou collez un lien https:// valide.",
    "campaign_media_unknown": "Cette page vidéo n'existe plus.",
    "campaign_content_sid_invalid": "Le ContentSid d'un modèle WhatsApp commence par HX suivi de 32 caractères.",
    "campaign_slot_required": "Ajoutez au moins une date d'envoi (ou choisissez « Maintenant »).",
    "campaign_slot_invalid": "Date ou heure invalide.",
    "campaign_slot_past": "Cette date est déjà passée.",
    "campaign_slot_gap": "Cette heure n'existe pas ce jour-là (passage à l'heure d'été).",
    "campaign_slot_duplicate": "Cette date est déjà dans la liste.",
    "campaign_slots_too_many": "10 dates au maximum.",
    "campaign_unknown": "Cette campagne n'existe pas ou plus.",
    "campaign_not_editable": "Seules les campagnes en brouillon ou programmées peuvent être modifiées.",
    "campaign_not_launchable": "Seul un brouillon peut être lancé.",
    "campaign_not_relaunchable": "Rien à relancer : cette campagne n'a ni échec ni envoi manqué.",
    "campaign_nobody": "Personne à joindre : les groupes choisis sont vides.",
})

CAMP_SLOT_LABEL = "{day} {year} à {time}"  # « samedi 12 décembre 2026 à 18h30 »
