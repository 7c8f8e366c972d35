"""The participants' chat states, bottom up (each module imports only those above it in this list):

    fresh      unverified viewers' own copies of rooms and inboxes, and who has one open
    push       pushes into other tabs' open rooms and inboxes (`app.modify_state`)
    identity   ChatIdentity: who this tab is (signed token), the first-visit form
    inbox      Inbox: unread badges and pings
    notify     after a message is stored: the other window kind, inboxes, unverified copies
    private    PrivateRoom: the floating private window
    assistant  the assistant's streamed answer
    room       ChatRoom: a group, assistant or (for the coach) any conversation
    code       ChatCode: the one-time code proving an email or number
    campaign   campaign messages shown live (the publisher afroboost.py registers)

Entering the chat (identity) opens an inbox and a room, and a private conversation shows in
two room kinds that notify must reach: those links point up, so they are made here, once,
when the package loads (any import of a chat state runs this first).
"""

import afroboost.state.chat.identity as identity
import afroboost.state.chat.notify as notify
from afroboost.state.chat.code import ChatCode
from afroboost.state.chat.identity import ChatIdentity
from afroboost.state.chat.inbox import Inbox
from afroboost.state.chat.private import PrivateRoom
from afroboost.state.chat.room import ChatRoom

identity.plug(identity.Entry(inbox=Inbox.connect, room=ChatRoom.open, code=ChatCode))
notify.show_private_in(ChatRoom, PrivateRoom)

__all__ = ["ChatCode", "ChatIdentity", "ChatRoom", "Inbox", "PrivateRoom"]
