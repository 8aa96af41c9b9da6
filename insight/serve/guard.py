"""Who may use the workspace and change things: the token, the session cookie and the CSRF check."""

from __future__ import annotations

import hashlib
import hmac
import re
import secrets
from urllib.parse import quote, unquote

from starlette.requests import Request

SESSION, CSRF, USER = "insight_session", "insight_csrf", "insight_user"


def same(given: object, expected: str) -> bool:
    """``given`` is ``expected``, compared in constant time (as UTF-8: any text a user types)."""
    return hmac.compare_digest(str(given).encode("utf-8", "surrogatepass"), expected.encode("utf-8", "surrogatepass"))


def user_cookie(name: str) -> str:
    """A user name as a cookie value (any script: cookies carry ASCII only)."""
    return quote(name, safe="")


def user_of(request: Request) -> str:
    """The user name the sign-in page stored, or ""."""
    return unquote(request.cookies.get(USER, ""))


class Guard:
    """Who may do what: the token (None: no login, for a workspace on this machine only) and the
    process's secret the session cookie's value is derived from."""

    def __init__(self, token: str | None) -> None:
        self.token = token
        self.secret = secrets.token_bytes(32)

    def _mac(self, what: str) -> str:
        return hmac.new(self.secret, what.encode(), hashlib.sha256).hexdigest()

    def session(self) -> str:
        return self._mac("session")

    @staticmethod
    def csrf(request: Request) -> str:
        """This browser's CSRF value: the one its cookie holds, else a new random one (the page that
        shows a form sets the cookie; the form sends the value back)."""
        held = request.cookies.get(CSRF, "")
        return held if re.fullmatch(r"[0-9a-f]{64}", held) else secrets.token_hex(32)

    def bearer(self, request: Request) -> bool:
        """The request carries ``Authorization: Bearer <token>`` (which a browser never adds by itself)."""
        given = request.headers.get("authorization", "")
        return self.token is not None and given.startswith("Bearer ") and same(given[7:], self.token)

    def allowed(self, request: Request) -> bool:
        if self.token is None or self.bearer(request):
            return True
        return same(request.cookies.get(SESSION, ""), self.session())

    def csrf_ok(self, request: Request, form_value: str | None) -> bool:
        """A state-changing request that a browser could have been made to send by another site must
        prove it comes from our own page: the form's value is the browser's CSRF cookie (SameSite
        strict, so another site's form carries none)."""
        if self.bearer(request):
            return True
        held = request.cookies.get(CSRF, "")
        return bool(form_value) and bool(held) and same(form_value, held)
