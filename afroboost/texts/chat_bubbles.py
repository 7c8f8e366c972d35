"""Chat bubbles: sender labels, date separators, the emoji picker."""

from __future__ import annotations

CHAT_TODAY = "Aujourd'hui"
CHAT_YESTERDAY = "Hier"
CHAT_COACH_BADGE = "Coach"
CHAT_AI_NAME = "🤖 Assistant"
CHAT_EMOJI_BUTTON = "Choisir un emoji"
CHAT_EMOJI_CUSTOM = "Afroboost"
CHAT_EMOJI_NATIVE = "Classiques"
CHAT_WRITE_PRIVATELY = "Écrire en privé"
