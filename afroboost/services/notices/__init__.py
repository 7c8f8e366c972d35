"""Transactional messages to one participant: composing them (compose) and sending them (dispatch)."""
