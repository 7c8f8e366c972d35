"""Texts of issue 11 (booking): see the module docstrings of the code using them."""

from afroboost.texts.public import ERR

# One answer for every promo code that cannot be used (unknown, inactive, not yet or no longer
# valid, used up, other offer): a script guessing codes learns nothing from the wording.
PROMO_INVALID = "Ce code promo n'est pas valable."
PROMO_PLACEHOLDER = "CODE2026"  # a neutral example, never a real code (seed.py must not create it)

ERR.update({key: PROMO_INVALID for key in (
    "promo_unknown", "promo_inactive", "promo_not_started", "promo_expired", "promo_used_up", "promo_wrong_offer",
)})
ERR.update({
    "ai_too_many": ("L'assistant reçoit trop de questions de ta part : ton message est bien arrivé, "
                    "attends une minute avant la prochaine question."),
    "chat_too_many": ("Tu envoies des messages trop vite. Attends un peu, puis réessaie : "
                      "ton message est resté dans la zone de saisie."),
    "coach_private_pair": ("Conversation privée entre deux membres : le coach peut la lire et la modérer, "
                           "pas y écrire."),
})

# Privacy in the chat (issue 11, item 8)
CHAT_DM_MODERATED = "Le coach peut lire cette conversation pour la modérer."
COACH_PAIR_MODERATION = ("Conversation privée entre deux membres : vous pouvez la lire et supprimer des messages, "
                         "mais pas y répondre.")
CHAT_DELETE_MESSAGE = "Supprimer ce message"
