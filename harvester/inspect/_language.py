"""A text's language with py3langid, restricted to the languages READMEs here are written in.

The model takes most of a second to load, so it is loaded once, on first use, under a lock
(harvest workers may be threads). Classification itself only reads the model.
"""

from __future__ import annotations

import threading
from typing import Any

from py3langid.langid import MODEL_FILE, LanguageIdentifier  # type: ignore[import-untyped]

__all__ = ["LANGUAGES", "MIN_CONFIDENCE", "MIN_WORDS", "language_of"]

LANGUAGES = frozenset({"cs", "da", "de", "en", "es", "fr", "it", "nl", "pl", "pt", "sv"})
"""ISO 639-1 codes that can be reported; a text in any other language gets ``None``."""

MIN_WORDS = 20
"""Shorter texts are not classified: a title and a badge do not make a language."""

MIN_CONFIDENCE = 0.8
"""The share the best language must hold among :data:`LANGUAGES`' probabilities."""

_MIN_KNOWN_SHARE = 0.5  # the share all of LANGUAGES together must hold among every language
_MAX_CHARACTERS = 20_000  # the start of a long text says which language it is in

_lock = threading.Lock()
_identifier: Any = None


def language_of(text: str, words: int) -> str | None:
    """The ISO 639-1 code of ``text`` (``words`` long), or ``None`` when it cannot be told."""
    if words < MIN_WORDS:
        return None
    ranking: list[tuple[str, float]] = _model().rank(text[:_MAX_CHARACTERS])
    known = [(language, p) for language, p in ranking if language in LANGUAGES]
    share = sum(p for _, p in known)
    if not known or share < _MIN_KNOWN_SHARE:
        return None
    language, probability = known[0]
    return language if probability / share >= MIN_CONFIDENCE else None


def _model() -> Any:
    global _identifier
    with _lock:
        if _identifier is None:
            _identifier = LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)
        return _identifier
