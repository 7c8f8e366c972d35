"""Every user-facing French string, in one namespace (`texts.X`), split by area into modules."""

from __future__ import annotations

from afroboost.texts.assistant import *  # noqa: F401,F403
from afroboost.texts.campaign_ledger import *  # noqa: F401,F403
from afroboost.texts.channels import *  # noqa: F401,F403
from afroboost.texts.chat_bubbles import *  # noqa: F401,F403
from afroboost.texts.chat_live import *  # noqa: F401,F403
from afroboost.texts.coach_campaigns import *  # noqa: F401,F403
from afroboost.texts.coach_catalog import *  # noqa: F401,F403
from afroboost.texts.coach_chat import *  # noqa: F401,F403
from afroboost.texts.coach_concept import *  # noqa: F401,F403
from afroboost.texts.coach_content import *  # noqa: F401,F403
from afroboost.texts.public import *  # noqa: F401,F403
from afroboost.texts.public import ERR
from afroboost.texts.trust import *  # noqa: F401,F403
from afroboost.texts.trust_booking import *  # noqa: F401,F403
from afroboost.texts.trust_coach import *  # noqa: F401,F403
from afroboost.texts.trust_identity import *  # noqa: F401,F403


def err(key: str, **kwargs) -> str:
    """The French message for an error key."""
    return ERR.get(key, ERR["generic"]).format(**kwargs)
