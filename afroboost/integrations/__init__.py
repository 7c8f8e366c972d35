"""Thin adapters around provider SDKs (openai, twilio, resend). Errors are translated to errors.py."""
