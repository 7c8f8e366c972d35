"""Coach tab Cours (services/catalog/courses.py, state/coach/courses.py): courses and their sessions."""

from __future__ import annotations

from afroboost.texts.common import ERR

COURSES_TAB = "Cours"  # the dashboard tab
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

ERR.update({
    "course_unknown": "Ce cours n'existe plus.",
    "course_slug_empty": "Le nom doit contenir au moins une lettre ou un chiffre.",
    "course_slug_taken": "Un autre cours porte déjà ce nom (adresse « {slug} ») : choisis un nom différent.",
    "course_inactive": "Ce cours est désactivé : active-le avant de générer des séances.",
    "session_below_taken": "Impossible : {taken} casque(s) déjà réservé(s) sur cette séance.",
    "session_cancelled_edit": "Cette séance est annulée : elle ne peut plus être modifiée.",
    "session_started_edit": "Cette séance a déjà commencé : elle ne peut plus être modifiée.",
})

COURSE_SCHEDULE = "Chaque {day} à {time}"  # the public listing and the assistant's context
