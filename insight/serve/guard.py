"""Who may use the workspace and change things: the token, the session cookie and the CSRF check."""

from __future__ import annotations

import hashlib
import hmac
import math
import secrets

from starlette.requests import Request

SESSION, CSRF, USER = "insight_session", "insight_csrf", "insight_user"


class Guard:
    """Who may do what: the token (None: no login, for a workspace on this machine only) and the
    process's secret the session and CSRF values are derived from."""

    def __init__(self, token: str | None) -> None:
        self.token = token
        self.secret = secrets.token_bytes(32)

    def _mac(self, what: str) -> str:
        return hmac.new(self.secret, what.encode(), hashlib.sha256).hexdigest()

    def session(self) -> str:
        return self._mac("session")

    def csrf(self) -> str:
        return self._mac("csrf")

    def bearer(self, request: Request) -> bool:
        """The request carries ``Authorization: Bearer <token>`` (which a browser never adds by itself)."""
        given = request.headers.get("authorization", "")
        return self.token is not None and given.startswith("Bearer ") and hmac.compare_digest(given[7:], self.token)

    def allowed(self, request: Request) -> bool:
        if self.token is None or self.bearer(request):
            return True
        return hmac.compare_digest(request.cookies.get(SESSION, ""), self.session())

    def csrf_ok(self, request: Request, form_value: str | None) -> bool:
        """A state-changing request that a browser could have been made to send by another site must
        prove it comes from our own page."""
        if self.bearer(request):
            return True
        expected = self.csrf()
        return bool(form_value) and hmac.compare_digest(form_value, expected) and \
            hmac.compare_digest(request.cookies.get(CSRF, ""), expected)


def json_safe(value: object) -> object:
    """Rows for JSON: NaN as null, numpy numbers as Python's, times as ISO text."""
    if isinstance(value, dict):
        return {str(k): json_safe(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [json_safe(v) for v in value]
    if hasattr(value, "item") and not isinstance(value, (str, bytes)):
        value = value.item()
    if isinstance(value, float) and math.isnan(value):
        return None
    if hasattr(value, "isoformat"):
        return value.isoformat()
    return value
