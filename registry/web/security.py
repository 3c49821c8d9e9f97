"""Security headers on every response, and the size limit of request bodies.

There is no JavaScript and no inline style anywhere, so the Content-Security-Policy allows
only the site's own stylesheet and images (its own, and https images from READMEs), forms
posted to the site itself, and no framing. A view may set a stricter header of its own; it is
kept. Request bodies (the publiccode.yml upload) are limited to :data:`MAX_UPLOAD_BYTES`; a
larger one is answered with 413.
"""

from __future__ import annotations

from typing import Final

from flask import Flask, request
from werkzeug.wrappers import Response

__all__ = ["CONTENT_SECURITY_POLICY", "HEADERS", "MAX_UPLOAD_BYTES", "init_app"]

MAX_UPLOAD_BYTES: Final = 1024 * 1024

CONTENT_SECURITY_POLICY: Final = "; ".join(
    (
        "default-src 'none'",
        "style-src 'self'",
        "img-src 'self' https:",
        "form-action 'self'",
        "base-uri 'none'",
        "frame-ancestors 'none'",
    )
)

HEADERS: Final = {
    "Content-Security-Policy": CONTENT_SECURITY_POLICY,
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "same-origin",
    "X-Frame-Options": "DENY",
    "Cross-Origin-Opener-Policy": "same-origin",
    "Permissions-Policy": ", ".join(
        f"{feature}=()"
        for feature in (
            "accelerometer",
            "camera",
            "display-capture",
            "geolocation",
            "gyroscope",
            "magnetometer",
            "microphone",
            "payment",
            "usb",
        )
    ),
}
"""Headers every response carries (unless a view set its own)."""

_HSTS = "max-age=31536000"


def _secure(response: Response) -> Response:
    for name, value in HEADERS.items():
        response.headers.setdefault(name, value)
    if request.is_secure:
        response.headers.setdefault("Strict-Transport-Security", _HSTS)
    return response


def init_app(app: Flask) -> None:
    """Add the headers to every response and limit request bodies."""
    limit = app.config.get("MAX_CONTENT_LENGTH") or MAX_UPLOAD_BYTES  # Flask's default: None
    app.config["MAX_CONTENT_LENGTH"] = limit
    app.config["MAX_FORM_MEMORY_SIZE"] = limit  # a pasted publiccode.yml, as large as a file
    app.after_request(_secure)
