"""Who answers in a conversation: the assistant, or the coach (« Parler au coach », coach replies).

Once the coach writes in a participant's assistant conversation, its status becomes « coach »
and the assistant stays silent there until the coach hands it back.
"""

from __future__ import annotations

from datetime import datetime

from sqlmodel import Session, delete

from afroboost import texts
from afroboost.db import utc_now
from afroboost.models import ChatMessage, Conversation, ConversationKind, ConversationStatus, SenderKind
from afroboost.services import ServiceError
from afroboost.services.chat.messages import MessageView, access_conversation, check_body, message_view
from afroboost.services.chat.private import is_member_pair


def coach_access(session: Session, *, conversation_id: int) -> Conversation:
    """Any live conversation, for the coach (the caller proved the coach identity)."""
    conv = session.get(Conversation, int(conversation_id or 0))
    if conv is None or conv.deleted_at is not None:
        raise ServiceError("ai_conversation_unknown")
    return conv


def _add(session: Session, conv: Conversation, *, kind: str, name: str, body: str, now: datetime) -> MessageView:
    msg = ChatMessage(conversation_id=conv.id, sender_kind=kind, sender_name=name, body=body, created_at=now)
    session.add(msg)
    conv.last_message_at = now
    session.add(conv)
    session.flush()
    return message_view(msg)


def do_post_as_coach(session: Session, *, conversation_id: int, body: str, now: datetime | None = None
                     ) -> MessageView:
    """The coach writes as a human; in an assistant conversation the assistant then stays silent.

    Raises:
        ServiceError("coach_private_pair"): a private conversation between two members, which
            the coach may read and moderate but never writes in.
    """
    conv = coach_access(session, conversation_id=conversation_id)
    if is_member_pair(conv):
        raise ServiceError("coach_private_pair")
    if conv.kind == ConversationKind.assistant.value:
        conv.status = ConversationStatus.coach.value
    return _add(session, conv, kind=SenderKind.coach.value, name=texts.AI_SENDER_COACH, body=check_body(body),
                now=now or utc_now())


def do_request_coach(session: Session, *, contact_id: int, conversation_id: int, now: datetime | None = None
                     ) -> MessageView | None:
    """« Parler au coach »: the participant's own assistant conversation goes to « en attente »."""
    conv = access_conversation(session, contact_id=contact_id, conversation_id=conversation_id)
    if conv.kind != ConversationKind.assistant.value:
        raise ServiceError("chat_not_member")
    if conv.status != ConversationStatus.ai.value:
        return None  # already with the coach, or waiting: nothing to add
    conv.status = ConversationStatus.waiting.value
    return _add(session, conv, kind=SenderKind.system.value, name="", body=texts.CHAT_HANDED_TO_COACH,
                now=now or utc_now())


def do_route_to_coach(session: Session, *, conversation_id: int) -> str:
    """The assistant cannot answer (no key, switched off, over a limit): the coach is waited for."""
    conv = session.get(Conversation, conversation_id)
    if conv is not None and conv.status == ConversationStatus.ai.value:
        conv.status = ConversationStatus.waiting.value
        session.add(conv)
        session.flush()
    return conv.status if conv else ""


def do_hand_back(session: Session, *, conversation_id: int, now: datetime | None = None) -> MessageView | None:
    """The coach gives the conversation back to the assistant."""
    conv = coach_access(session, conversation_id=conversation_id)
    if conv.kind != ConversationKind.assistant.value or conv.status == ConversationStatus.ai.value:
        return None
    conv.status = ConversationStatus.ai.value
    return _add(session, conv, kind=SenderKind.system.value, name="", body=texts.CHAT_BACK_TO_AI,
                now=now or utc_now())


def do_clear_history(session: Session, *, conversation_id: int) -> int:
    """Coach only: remove every message of a conversation (the conversation stays)."""
    conv = coach_access(session, conversation_id=conversation_id)
    result = session.exec(delete(ChatMessage).where(ChatMessage.conversation_id == conv.id))
    conv.last_message_at = None
    session.add(conv)
    session.flush()
    return result.rowcount or 0


def do_delete_message(session: Session, *, conversation_id: int, message_id: int) -> bool:
    """Coach only (moderation): remove one message of a conversation; False if it was not there."""
    conv = coach_access(session, conversation_id=conversation_id)
    result = session.exec(delete(ChatMessage).where(ChatMessage.conversation_id == conv.id)
                          .where(ChatMessage.id == int(message_id)))
    return bool(result.rowcount)
