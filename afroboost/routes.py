"""Route constants and URL builders."""

HOME = "/"
BOOK = "/reserver"
LOOKUP = "/ma-reservation"


def book_session_url(session_id: int | str) -> str:
    return f"{BOOK}?seance={session_id}"

COACH = "/coach"
COACH_LOGIN = "/coach/login"

# Articles and media pages (the dynamic part is the slug).
ARTICLES = "/articles"
ARTICLE = "/articles/[slug]"
MEDIA = "/v/[slug]"
