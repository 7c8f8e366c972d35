"""Texts of issue 11 (coach): see the module docstrings of the code using them."""

from afroboost.texts.public import ERR  # noqa: F401
