"""SQLModel tables, one module per domain. Importing this package registers them all."""

from afroboost.models.auth import CoachSession, LoginToken, VerificationCode
from afroboost.models.booking import Reservation, ReservationStatus, WaitlistEntry, WaitlistStatus
from afroboost.models.campaign import (
    Campaign,
    CampaignSlot,
    CampaignStatus,
    Channel,
    Consent,
    Delivery,
    DeliveryStatus,
    SchedulerLease,
)
from afroboost.models.catalog import ClassSession, Course, Offer, OfferKind, PromoCode, PromoKind
from afroboost.models.chat import (
    AIConfig,
    AIUsage,
    ChatLink,
    ChatMessage,
    Conversation,
    ConversationKind,
    ConversationMember,
    ConversationStatus,
    SenderKind,
)
from afroboost.models.contact import Contact
from afroboost.models.content import Article, MediaPage, SiteConcept
from afroboost.models.legacy import LegacyImport

__all__ = [
    "CoachSession",
    "VerificationCode",
    "LegacyImport",
    "Campaign",
    "CampaignSlot",
    "CampaignStatus",
    "Channel",
    "Consent",
    "Delivery",
    "DeliveryStatus",
    "SchedulerLease",
    "AIConfig",
    "AIUsage",
    "ChatLink",
    "ChatMessage",
    "Conversation",
    "ConversationKind",
    "ConversationMember",
    "ConversationStatus",
    "SenderKind",
    "Article",
    "LoginToken",
    "MediaPage",
    "SiteConcept",
    "ClassSession",
    "Contact",
    "Course",
    "Offer",
    "OfferKind",
    "PromoCode",
    "PromoKind",
    "Reservation",
    "ReservationStatus",
    "WaitlistEntry",
    "WaitlistStatus",
]
