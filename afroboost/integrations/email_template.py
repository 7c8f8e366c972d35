"""The campaign email, PRD « V5 anti-Promotions », as HTML and plain text.

Gmail files heavily designed mails under « Promotions »; the V5 layout reads like a
personal note first: a hidden preheader, three plain-text lines BEFORE the violet header,
a light #f5f5f5 background, a compact 480 px card and a 400 px image. Every interpolated
value goes through `html.escape` (names, the coach's text, URLs), and only http(s) URLs
become links or images.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass
from string import Template

from afroboost import texts

VIOLET = "#8B5CF6"
PINK = "#E91E63"
BACKGROUND = "#f5f5f5"
CARD_PX = 480
IMAGE_PX = 400
FONT = "font-family:Arial,Helvetica,sans-serif;"
IMAGE_EXT = re.compile(r"\.(png|jpe?g|gif|webp)(\?.*)?$", re.IGNORECASE)

# $values are escaped (or built from escaped parts) before substitution.
PAGE = Template("""<!DOCTYPE html>
<html lang="fr"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1"><title>$subject</title></head>
<body style="margin:0;padding:0;background:$bg;">
<div style="display:none;font-size:1px;color:$bg;line-height:1px;max-height:0;max-width:0;opacity:0;\
overflow:hidden;">$preheader</div>
<div style="max-width:${card}px;margin:0 auto;padding:20px 12px 12px 12px;${font}\
font-size:15px;line-height:1.5;color:#222222;">$lines</div>
<table role="presentation" width="100%" cellpadding="0" cellspacing="0" border="0" style="background:$bg;">
<tr><td align="center" style="padding:8px 12px 24px 12px;">
<table role="presentation" width="$card" cellpadding="0" cellspacing="0" border="0" style="width:100%;\
max-width:${card}px;background:#ffffff;border-radius:12px;overflow:hidden;$font">
<tr><td style="background:$violet;color:#ffffff;padding:18px 24px;font-size:20px;font-weight:bold;\
text-align:center;">$brand</td></tr>
<tr><td style="padding:24px 40px 8px 40px;font-size:15px;line-height:1.6;color:#222222;">$body</td></tr>
$media<tr><td style="padding:0 40px 24px 40px;font-size:15px;color:#222222;">$signature</td></tr>
</table>
<p style="max-width:${card}px;margin:14px auto 0 auto;${font}\
font-size:12px;color:#888888;text-align:center;">$footer<br>$unsubscribe</p>
</td></tr></table>
</body></html>""")


@dataclass
class RenderedEmail:
    subject: str
    html: str
    text: str


def _e(value: str) -> str:
    return html.escape(value or "", quote=True)


def _safe_url(url: str, site_url: str) -> str:
    url = (url or "").strip()
    if url.startswith("/") and not url.startswith("//"):
        url = site_url.rstrip("/") + url
    return url if re.match(r"^https?://[^\s<>\"']+$", url) else ""


URL = re.compile(r"https?://[^\s<>\"']+")


def _line(text: str, links: bool) -> str:
    escaped = _e(text)
    if not links:
        return escaped
    return URL.sub(lambda m: f'<a href="{m.group(0)}" style="color:{PINK};">{m.group(0)}</a>', escaped)


def _paragraphs(body: str, links: bool = False) -> str:
    blocks = [b.strip() for b in re.split(r"\n\s*\n", body or "") if b.strip()]
    return "".join(f'<p style="margin:0 0 14px 0;">{"<br>".join(_line(x, links) for x in b.splitlines())}</p>'
                   for b in blocks)


def plain_lines(first_name: str) -> list[str]:
    hello = texts.MAIL_HELLO.format(first_name=first_name.strip()) if first_name.strip() else texts.MAIL_HELLO_NONAME
    return [hello, texts.MAIL_LINE_2, texts.MAIL_LINE_3]


def render_campaign_email(*, subject: str, body: str, first_name: str = "", media_url: str = "",
                          unsubscribe_url: str = "", site_url: str = "", transactional: bool = False) -> RenderedEmail:
    """Subject, HTML and text of one campaign email (body already personalised).

    `transactional`: a booking message (services/notices/): no « personal note » lines, its own
    footer, and its http(s) links (« Je confirme »…) clickable.
    """
    lines = [] if transactional else plain_lines(first_name)
    media = _safe_url(media_url, site_url)
    unsub = _safe_url(unsubscribe_url, site_url)
    preheader = " ".join((body or "").split())[:140]
    if media and IMAGE_EXT.search(media):
        media_html = (f'<tr><td style="padding:0 40px 18px 40px;" align="center"><a href="{_e(media)}">'
                      f'<img src="{_e(media)}" width="{IMAGE_PX}" alt="" style="display:block;width:100%;'
                      f'max-width:{IMAGE_PX}px;height:auto;border:0;border-radius:8px;"></a></td></tr>')
    elif media:
        media_html = (f'<tr><td style="padding:0 40px 22px 40px;" align="center"><a href="{_e(media)}" '
                      f'style="display:inline-block;background:{PINK};color:#ffffff;text-decoration:none;'
                      f'font-weight:bold;padding:12px 26px;border-radius:24px;">{_e(texts.MAIL_CTA)}</a></td></tr>')
    else:
        media_html = ""
    unsub_html = (f'<a href="{_e(unsub)}" style="color:#888888;">{_e(texts.MAIL_UNSUBSCRIBE)}</a>' if unsub else "")
    page = PAGE.substitute(
        bg=BACKGROUND, card=CARD_PX, violet=VIOLET, font=FONT, subject=_e(subject), preheader=_e(preheader),
        lines="<br>".join(_e(x) for x in lines), brand=_e(texts.MAIL_BRAND), body=_paragraphs(body, transactional),
        media=media_html, signature=_e(texts.MAIL_SIGNATURE), unsubscribe=unsub_html,
        footer=_e(texts.MAIL_FOOTER_NOTICE if transactional else texts.MAIL_FOOTER),
    )
    text_parts = [*lines, "", (body or "").strip()] if lines else [(body or "").strip()]
    if media:
        text_parts += ["", media]
    text_parts += ["", texts.MAIL_SIGNATURE, "", "—", texts.MAIL_FOOTER_NOTICE if transactional else texts.MAIL_FOOTER]
    if unsub:
        text_parts.append(texts.MAIL_UNSUBSCRIBE_TEXT.format(url=unsub))
    return RenderedEmail(subject=(subject or texts.MAIL_BRAND).strip()[:200], html=page, text="\n".join(text_parts))
