"""How the moderators' pages show times, statuses and reasons (issue 17, items 5 and 6).

Times are stored in UTC. A page renders each one as ``<time datetime=ISO data-style=...>`` with a
readable UTC text (and a relative one: "5 minutes ago", "in 7 days"), and ``moderate.js``
rewrites it in the moderator's own time zone with ``Intl``; without JavaScript the UTC text
stays. The functions here are template globals of every page (``register``).
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from flask import Blueprint

from moderation.tables.base import utcnow

# What a status or reason code means, for its colour: approved (green), held (amber),
# rejected or toxic (red), spam (its own colour), neutral (grey).
STATUS_TONES = {
    "approved": "approved",
    "held": "held",
    "pending": "neutral",
    "rejected": "rejected",
}
REASON_TONES = {
    "APPROVED": "approved",
    "TRUSTED": "approved",
    "AKISMET_TEST_HAM": "approved",
    "SPAM": "spam",
    "AKISMET_TEST_SPAM": "spam",
    "TOXIC": "rejected",
    "BANNED": "rejected",
    "DISALLOWED_WORD": "rejected",
    "PREMODERATED": "held",
    "MODERATION_WORD": "held",
    "LINKS": "held",
    "NEW_AUTHOR": "held",
    "SHADOW_MODE": "held",
}
BAN_KINDS = {"author": "the site's author id", "email": "e-mail", "ip": "IP address"}

_UNITS = (
    ("year", 365 * 86400),
    ("month", 30 * 86400),
    ("day", 86400),
    ("hour", 3600),
    ("minute", 60),
)


def _utc(moment: datetime) -> datetime:
    return moment.replace(tzinfo=UTC) if moment.tzinfo is None else moment.astimezone(UTC)


def parse_time(value: Any) -> datetime | None:
    """A datetime, or an ISO 8601 text (the registry's ``created_at``), as UTC; else None."""
    if isinstance(value, datetime):
        return _utc(value)
    if isinstance(value, str) and value.strip():
        try:
            return _utc(datetime.fromisoformat(value.strip().replace("Z", "+00:00")))
        except ValueError:
            return None
    return None


def iso_utc(moment: datetime) -> str:
    return _utc(moment).isoformat(timespec="seconds")


def relative(moment: datetime, now: datetime | None = None) -> str:
    """ "5 minutes ago", "in 7 days", "just now"."""
    seconds = (_utc(moment) - (now or utcnow())).total_seconds()
    future, seconds = seconds > 0, abs(seconds)
    for unit, size in _UNITS:
        if seconds >= size:
            count = round(seconds / size) if unit == "day" else int(seconds // size)
            words = f"{count} {unit}{'' if count == 1 else 's'}"
            return f"in {words}" if future else f"{words} ago"
    return "in a moment" if future else "just now"


def utc_text(moment: datetime, style: str = "datetime") -> str:
    """The text a ``<time>`` shows without JavaScript (UTC, said so)."""
    moment = _utc(moment)
    day = f"{moment.day} {moment:%B %Y}"
    if style == "date":
        return day
    if style == "relative":
        return relative(moment)
    if style == "until":
        return f"{day}, {moment:%H:%M} UTC ({relative(moment)})"
    return f"{day}, {moment:%H:%M} UTC"


def status_tone(status: str | None) -> str:
    return STATUS_TONES.get(status or "", "neutral")


def reason_tone(code: str | None, status: str | None = None) -> str:
    """A reason code's colour; a moderator's or a site's decision takes the status's colour."""
    return REASON_TONES.get(code or "", status_tone(status))


def ban_kind(kind: str) -> str:
    return BAN_KINDS.get(kind, kind)


def register(bp: Blueprint) -> None:
    """Make the helpers template globals of the whole app (through one page blueprint)."""
    for function in (iso_utc, relative, utc_text, status_tone, reason_tone, ban_kind, parse_time):
        bp.add_app_template_global(function)
    bp.add_app_template_global(utcnow, "utcnow")
