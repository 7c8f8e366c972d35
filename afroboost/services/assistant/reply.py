"""The assistant's reply to one participant message: checks, limits, prompt, model, token count.

The chat UI calls, in a background event, after storing the participant's message:

    async for delta in reply_stream(conversation_id=…, identity=contact_identity(id), user_text=…,
                                    user_message_id=…):
        ...  # append delta to the bubble
    # then store the whole text with do_save_ai_reply

Every refusal is a ServiceError whose key has a French message (texts.err): the model is
not called when the assistant is unavailable, off, paused by the coach, or over a limit.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import AsyncIterator
from datetime import datetime

from sqlmodel import Session

from afroboost import texts
from afroboost.db import in_read, run_read, utc_now
from afroboost.integrations.errors import Permanent, RateLimited, Retryable
from afroboost.integrations.openai_assistant import AssistantClient, OpenAIAssistant
from afroboost.models import ChatMessage, Conversation, ConversationKind, ConversationStatus, SenderKind
from afroboost.services import ServiceError
from afroboost.services.assistant.context import Prompt, ai_enabled, build_prompt, check_user_text
from afroboost.services.assistant.limits import check_and_reserve, record_tokens
from afroboost.services.chat.visibility import Viewer

log = logging.getLogger("afroboost.assistant")
MAX_REPLY_CHARS = 4000  # ChatMessage.body


def assistant_available(client: AssistantClient | None = None) -> bool:
    """True when replies can be asked for: an API key is set and the coach has not switched it off."""
    client = client or OpenAIAssistant.from_settings()
    return client.is_configured() and in_read(ai_enabled)


def prepare_prompt(session: Session, *, conversation_id: int, user_text: str, user_message_id: int | None,
                   now: datetime, viewer: Viewer | None = None) -> Prompt:
    """The messages for a reply in this conversation, or ServiceError when the assistant must stay silent."""
    conv = session.get(Conversation, int(conversation_id or 0))
    if conv is None or conv.deleted_at is not None or conv.kind != ConversationKind.assistant.value:
        raise ServiceError("ai_conversation_unknown")
    if not ai_enabled(session):
        raise ServiceError("ai_disabled")
    if conv.status != ConversationStatus.ai.value:  # the coach took over (or was asked for)
        raise ServiceError("ai_paused")
    return build_prompt(session, conversation=conv, user_text=user_text, user_message_id=user_message_id, now=now,
                        viewer=viewer)


def _estimate_tokens(prompt: Prompt, reply: str) -> int:
    """About 4 characters a token, for servers that send no usage."""
    return (sum(len(m["content"]) for m in prompt.messages) + len(reply)) // 4 + 1


async def reply_stream(*, conversation_id: int, identity: str, user_text: str, user_message_id: int | None = None,
                       now: datetime | None = None, client: AssistantClient | None = None,
                       viewer: Viewer | None = None) -> AsyncIterator[str]:
    """Stream the assistant's reply to `user_text`, piece by piece.

    Args:
        conversation_id: the participant's assistant conversation (the caller checked it is theirs).
        identity: whom the limits count against: `contact:<id>` (see contact_identity) or `anon:<key>`.
        user_text: the participant's message (capped at settings.ai_max_input_chars).
        user_message_id: the stored copy of this message, left out of the history sent.
        client: the model adapter (default: OpenAIAssistant from the settings).
        viewer: an unverified identity (services/chat/visibility.py): the history sent to the model
            holds only what it may read itself, so the model cannot repeat anyone's past to it.

    Raises:
        ServiceError: ai_unavailable, ai_empty, ai_too_long, ai_conversation_unknown, ai_disabled,
            ai_paused, ai_global_budget, ai_daily_budget, ai_rate_limited — before any call to the
            model; ai_provider_busy, ai_provider_retry, ai_provider_error when the provider fails
            (the provider error is the exception's __cause__).
    """
    client = client or OpenAIAssistant.from_settings()
    if not client.is_configured():
        raise ServiceError("ai_unavailable")
    now = now or utc_now()
    check_user_text(user_text)
    prompt = await run_read(prepare_prompt, conversation_id=conversation_id, user_text=user_text,
                            user_message_id=user_message_id, now=now, viewer=viewer)
    await asyncio.to_thread(check_and_reserve, identity, now)
    stream = client.stream_reply(prompt.messages)
    try:
        async for delta in stream:
            yield delta
    except RateLimited as exc:
        log.warning("[CHAT-IA] ⏳ %s (%s)", exc.reason, prompt.tag)
        raise ServiceError("ai_provider_busy") from exc
    except Retryable as exc:
        log.warning("[CHAT-IA] ⚠️ %s (%s)", exc.reason, prompt.tag)
        raise ServiceError("ai_provider_retry") from exc
    except Permanent as exc:
        log.error("[CHAT-IA] ❌ %s (%s)", exc.reason, prompt.tag)
        raise ServiceError("ai_provider_error") from exc
    finally:
        await stream.aclose()  # a reader that stops early must not leave the HTTP stream open
        tokens = stream.usage.total_tokens if stream.usage else (_estimate_tokens(prompt, stream.text)
                                                                 if stream.parts else 0)
        await asyncio.to_thread(record_tokens, identity, tokens, now)


def do_save_ai_reply(session: Session, *, conversation_id: int, body: str, now: datetime | None = None) -> ChatMessage:
    """Store the assistant's finished reply (plain text, shown as text) in the conversation."""
    now = now or utc_now()
    msg = ChatMessage(conversation_id=conversation_id, sender_kind=SenderKind.ai.value,
                      sender_name=texts.AI_SENDER_NAME, body=(body or "").strip()[:MAX_REPLY_CHARS], created_at=now)
    session.add(msg)
    conv = session.get(Conversation, conversation_id)
    if conv is not None:
        conv.last_message_at = now
        session.add(conv)
    session.flush()
    return msg
