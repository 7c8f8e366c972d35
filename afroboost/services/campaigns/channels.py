"""The campaign channel adapters the settings describe, keyed by channel name.

Assembled here, in the service layer, because the internal channels write through
services/campaigns/chat_delivery.py (adapters themselves never import services).

Adapters are kept per configuration, so their pacing (requests per second to each
provider) holds across dispatcher sweeps instead of restarting at every call.
"""

from __future__ import annotations

from afroboost.integrations.channels import ChannelAdapter
from afroboost.integrations.resend_email import ResendEmail
from afroboost.integrations.twilio_whatsapp import TwilioWhatsApp
from afroboost.services.campaigns.chat_delivery import chat_channel
from afroboost.settings import Settings, get_settings

CHANNELS = ("internal", "group", "whatsapp", "email")
_cache: dict[tuple, dict[str, ChannelAdapter]] = {}


def _key(s: Settings) -> tuple:
    return (s.twilio_account_sid, s.twilio_auth_token, s.twilio_whatsapp_from, s.twilio_base_url, s.twilio_rate_per_s,
            s.resend_api_key, s.resend_from, s.resend_base_url, s.resend_rate_per_s, s.resend_unsubscribe_mailto,
            s.site_url)


def adapters_from_settings(settings: Settings | None = None) -> dict[str, ChannelAdapter]:
    """{"internal", "group", "whatsapp", "email"} → adapter (unconfigured ones fail « non configuré »)."""
    s = settings or get_settings()
    key = _key(s)
    adapters = _cache.get(key)
    if adapters is None:
        adapters = {"internal": chat_channel("internal"), "group": chat_channel("group"),
                    "whatsapp": TwilioWhatsApp.from_settings(s), "email": ResendEmail.from_settings(s)}
        _cache.clear()  # settings changed (tests): the old adapters are never used again
        _cache[key] = adapters
    return adapters


def channel_status(settings: Settings | None = None) -> dict[str, bool]:
    """Which channels can send now, for the composer (False → « non configuré »)."""
    return {name: adapter.configured() for name, adapter in adapters_from_settings(settings).items()}
