"""Rate limits and the websocket guard: what a refused call tells the person."""

from afroboost.texts.public import ERR

ERR.update({
    "too_many": ("Trop de tentatives d'affilée. Attends une minute, puis réessaie : "
                 "rien de ce que tu as saisi n'est perdu."),
})
