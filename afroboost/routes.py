"""Route constants and URL builders."""

HOME = "/"
BOOK = "/reserver"
LOOKUP = "/ma-reservation"


def book_session_url(session_id: int | str) -> str:
    return f"{BOOK}?seance={session_id}"


CHAT = "/chat"
CHAT_LINK = "/chat/l"  # + /{token}: a shareable link opening a conversation with the assistant


def chat_link_path(token: str) -> str:
    return f"{CHAT_LINK}/{token}"


COACH = "/coach"
COACH_LOGIN = "/coach/login"

# Articles and media pages (the dynamic part is the slug).
ARTICLES = "/articles"
ARTICLE = "/articles/[slug]"
MEDIA = "/v/[slug]"
