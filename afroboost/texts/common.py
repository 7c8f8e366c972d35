"""Texts every area shares: the brand, dates, « Êtes-vous sûr ? », and the ERR table itself."""

from __future__ import annotations


class _Table(dict):
    """A table of texts several modules extend with `.update()`: a key defined twice fails at import."""

    def __init__(self, name: str) -> None:
        super().__init__()
        self.name = name

    def update(self, other=(), /, **kwargs) -> None:
        for key, value in dict(other, **kwargs).items():
            if key in self:
                raise ImportError(f"texts.{self.name}[{key!r}] is defined twice")
            self[key] = value


# key -> French message; each feature module adds its own keys (texts.err() reads it)
ERR = _Table("ERR")

BRAND = "Afroboost"
COPYRIGHT = "© Afroboost 2026"

WEEKDAYS = ["lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche"]
MONTHS = [
    "janvier", "février", "mars", "avril", "mai", "juin",
    "juillet", "août", "septembre", "octobre", "novembre", "décembre",
]
MONTHS_SHORT = ["janv.", "févr.", "mars", "avr.", "mai", "juin",
                "juil.", "août", "sept.", "oct.", "nov.", "déc."]
SURE = "Êtes-vous sûr ?"

ERR.update({
    "generic": "Une erreur est survenue. Réessaie dans un instant.",
    "too_many": ("Trop de tentatives d'affilée. Attends une minute, puis réessaie : "
                 "rien de ce que tu as saisi n'est perdu."),
})

UNNAMED_CONTACT = "Contact sans nom"  # a contact with neither name nor email
