"""SQLModel tables, one module per domain. Importing this package registers them all."""

from afroboost.models.auth import LoginToken
from afroboost.models.booking import Reservation, ReservationStatus, WaitlistEntry, WaitlistStatus
from afroboost.models.catalog import ClassSession, Course, Offer, OfferKind, PromoCode, PromoKind
from afroboost.models.contact import Contact
from afroboost.models.content import Article, MediaPage, SiteConcept

__all__ = [
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
