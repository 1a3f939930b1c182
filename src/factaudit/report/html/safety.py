"""What keeps the report's page safe with untrusted documents: links only to http(s), JSON
that cannot end its script block, and the hash that lets only the report's own script run."""

from __future__ import annotations

import base64
import hashlib
import json
import re

import orjson

_URL = re.compile(r"^https?://[^\s\"'<>]+$", re.IGNORECASE)


def safe_url(url: str | None) -> str | None:
    """Only http(s) urls become links; anything else (javascript:, data:…) stays text."""
    if url and _URL.match(url.strip()):
        return url.strip()
    return None


def json_for_html(data: object) -> str:
    """JSON that cannot end a <script> block or open a comment: <, > and & escaped."""
    try:
        text = orjson.dumps(data, option=orjson.OPT_SORT_KEYS).decode("utf-8")
    except (TypeError, orjson.JSONEncodeError):  # lone surrogates in a text: \udxxx escapes
        text = json.dumps(data, ensure_ascii=True, separators=(",", ":"), sort_keys=True)
    return (text.replace("&", "\\u0026").replace("<", "\\u003c").replace(">", "\\u003e")
            .replace("\u2028", "\\u2028").replace("\u2029", "\\u2029"))


def script_hash(script: str) -> str:
    """The CSP source that allows exactly this inline script."""
    return "sha256-" + base64.b64encode(hashlib.sha256(script.encode("utf-8")).digest()).decode()
