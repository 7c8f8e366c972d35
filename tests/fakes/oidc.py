"""A small OpenID Connect provider for tests: discovery, JWKS, authorize (auto-approve), token.

It behaves like Google for what Authlib checks: RS256 ID tokens signed with a key published
in the JWKS, `iss`/`aud`/`exp`/`nonce` claims, PKCE S256 verified at the token endpoint.
The signed-in email is `login_hint` when given, else `default_email`.

Run alone: `python -m tests.fakes.oidc PORT EMAIL` (used by the e2e server).
"""

from __future__ import annotations

import base64
import hashlib
import secrets
import sys
import time
from urllib.parse import urlencode

from joserfc import jwt
from joserfc.jwk import RSAKey
from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import JSONResponse, RedirectResponse
from starlette.routing import Route

CLIENT_ID = "afroboost-test-client"
CLIENT_SECRET = "afroboost-test-secret"


class FakeOIDC:
    def __init__(self, base_url: str, default_email: str = "contact.artboost@gmail.com", email_verified: bool = True):
        self.base_url = base_url
        self.default_email = default_email
        self.email_verified = email_verified
        self.audience = CLIENT_ID  # tests can break the token on purpose
        self.lifetime = 300
        self.key = RSAKey.generate_key(2048, parameters={"kid": "fake-1", "use": "sig", "alg": "RS256"})
        self.codes: dict[str, dict] = {}
        self.app = Starlette(routes=[
            Route("/.well-known/openid-configuration", self.discovery),
            Route("/jwks", self.jwks),
            Route("/authorize", self.authorize),
            Route("/token", self.token, methods=["POST"]),
        ])

    @property
    def metadata_url(self) -> str:
        return f"{self.base_url}/.well-known/openid-configuration"

    async def discovery(self, _request: Request) -> JSONResponse:
        b = self.base_url
        return JSONResponse({
            "issuer": b, "authorization_endpoint": f"{b}/authorize", "token_endpoint": f"{b}/token",
            "jwks_uri": f"{b}/jwks", "response_types_supported": ["code"], "subject_types_supported": ["public"],
            "id_token_signing_alg_values_supported": ["RS256"], "code_challenge_methods_supported": ["S256"],
            "scopes_supported": ["openid", "email", "profile"],
            "token_endpoint_auth_methods_supported": ["client_secret_basic", "client_secret_post"],
        })

    async def jwks(self, _request: Request) -> JSONResponse:
        return JSONResponse({"keys": [self.key.as_dict(private=False)]})

    async def authorize(self, request: Request):
        q = request.query_params
        if q.get("client_id") != CLIENT_ID or q.get("code_challenge_method") != "S256":
            return JSONResponse({"error": "invalid_request"}, status_code=400)
        code = secrets.token_urlsafe(16)
        self.codes[code] = {"nonce": q.get("nonce"), "challenge": q.get("code_challenge"),
                            "email": q.get("login_hint") or self.default_email, "redirect_uri": q["redirect_uri"]}
        return RedirectResponse(f"{q['redirect_uri']}?{urlencode({'code': code, 'state': q.get('state', '')})}",
                                status_code=302)

    async def token(self, request: Request) -> JSONResponse:
        form = await request.form()
        grant = self.codes.pop(str(form.get("code")), None)
        if grant is None:
            return JSONResponse({"error": "invalid_grant"}, status_code=400)
        verifier = str(form.get("code_verifier", ""))
        challenge = base64.urlsafe_b64encode(hashlib.sha256(verifier.encode()).digest()).rstrip(b"=").decode()
        if challenge != grant["challenge"]:
            return JSONResponse({"error": "invalid_grant", "error_description": "PKCE"}, status_code=400)
        now = int(time.time())
        claims = {"iss": self.base_url, "aud": self.audience, "sub": grant["email"], "iat": now - 600,
                  "exp": now + self.lifetime,
                  "nonce": grant["nonce"], "email": grant["email"], "email_verified": self.email_verified}
        id_token = jwt.encode({"alg": "RS256", "kid": "fake-1"}, claims, self.key)
        return JSONResponse({"access_token": secrets.token_urlsafe(16), "token_type": "Bearer",
                             "expires_in": 300, "id_token": id_token, "scope": "openid email profile"})


if __name__ == "__main__":  # python -m tests.fakes.oidc PORT EMAIL
    import uvicorn

    port = int(sys.argv[1])
    idp = FakeOIDC(f"http://127.0.0.1:{port}", default_email=sys.argv[2] if len(sys.argv) > 2 else
                   "contact.artboost@gmail.com")
    uvicorn.run(idp.app, host="127.0.0.1", port=port, log_level="warning")
