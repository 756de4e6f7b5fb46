"""Outbound webhooks: endpoints and their secrets, signing, delivery attempts and the delivery log.

Every request carries ``X-Moderation-Signature: sha256=<hex>[,sha256=<hex>]``: the HMAC-SHA256
of the raw body under each secret currently valid for the endpoint (two during a rotation). A
receiver accepts the request when any of the values matches its secret.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import logging
import secrets
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any, Protocol
from urllib.parse import unquote

import certifi
import requests
import urllib3
from sqlalchemy import select
from sqlalchemy.orm import Session

from moderation.enqueue import enqueue_on_commit
from moderation.enums import DeliveryStatus
from moderation.errors import NotFound, Unprocessable
from moderation.services import destinations
from moderation.services.events import EVENT_TYPES
from moderation.tables import Site
from moderation.tables.base import utcnow
from moderation.tables.integrations import (
    DELIVERY_STATUSES,
    SiteIntegration,
    WebhookDelivery,
    WebhookEndpoint,
)
from moderation.tasknames import TaskNames

log = logging.getLogger(__name__)

SIGNATURE_HEADER = "X-Moderation-Signature"
EVENT_HEADER = "X-Moderation-Event"
DELIVERY_HEADER = "X-Moderation-Delivery"
SECRET_PREFIX = "whsec_"  # noqa: S105 (a prefix that marks secrets, not a secret)
USER_AGENT = "moderation-webhooks/1"

# Attempts per delivery, and the wait before attempt n+1: BACKOFF_BASE * BACKOFF_FACTOR**(n-1),
# capped; twelve attempts span about two and a half hours. The cap stays under the Redis
# transport's visibility timeout (an hour by default): a retry scheduled further out than that
# would be handed to a second worker as well.
MAX_ATTEMPTS = 12
BACKOFF_BASE_SECONDS = 1.0
BACKOFF_FACTOR = 3.0
BACKOFF_MAX_SECONDS = 1800.0
ROTATION_OVERLAP = timedelta(hours=24)
REQUEST_TIMEOUT = (3.05, 10.0)


def new_secret() -> str:
    return SECRET_PREFIX + secrets.token_urlsafe(32)


def backoff_seconds(attempts: int) -> float:
    """Seconds to wait after the ``attempts``-th failed attempt."""
    return min(BACKOFF_BASE_SECONDS * BACKOFF_FACTOR ** max(attempts - 1, 0), BACKOFF_MAX_SECONDS)


# --- signing ---------------------------------------------------------------------------------


def signature(secret: str, body: bytes) -> str:
    return hmac.new(secret.encode("utf-8"), body, hashlib.sha256).hexdigest()


def signature_header(secrets_in_use: list[str], body: bytes) -> str:
    """The header value: one ``sha256=`` value per secret, the current secret first."""
    return ",".join(f"sha256={signature(secret, body)}" for secret in secrets_in_use)


def verify_signature(header: str | None, body: bytes, secret: str) -> bool:
    """True when any ``sha256=`` value of ``header`` is the HMAC of ``body`` under ``secret``."""
    if not header or not secret:
        return False
    expected = signature(secret, body)
    found = False
    for part in header.split(","):
        scheme, _, value = part.strip().partition("=")
        # Compare every value, so the time taken does not depend on which one matched.
        if scheme == "sha256" and hmac.compare_digest(value.strip(), expected):
            found = True
    return found


def secrets_in_use(endpoint: WebhookEndpoint, now: datetime | None = None) -> list[str]:
    now = now or utcnow()
    values = [endpoint.secret]
    expires = endpoint.previous_secret_expires_at
    if endpoint.previous_secret and expires is not None and expires > now:
        values.append(endpoint.previous_secret)
    return values


# --- endpoints -------------------------------------------------------------------------------


def _check_url(url: str) -> str:
    """The URL, or a 422: not http(s), too long, or a destination that is refused."""
    url = url.strip()
    if len(url) > 2000:
        raise Unprocessable("a webhook URL must be at most 2000 characters")
    try:
        return destinations.check_url(url)
    except destinations.DestinationRefused as error:
        raise Unprocessable(str(error)) from None


def _check_events(events: list[str] | None) -> list[str]:
    chosen = list(dict.fromkeys(events or []))
    unknown = [name for name in chosen if name not in EVENT_TYPES]
    if unknown:
        raise Unprocessable(
            f"unknown event type(s) {', '.join(unknown)}; known: {', '.join(EVENT_TYPES)}"
        )
    return chosen


@dataclass(frozen=True)
class IssuedEndpoint:
    endpoint: WebhookEndpoint
    secret: str


def create_endpoint(
    session: Session, *, site: Site, url: str, events: list[str] | None = None
) -> IssuedEndpoint:
    """Add a webhook URL to a site; the new secret is returned once. Commits."""
    secret = new_secret()
    endpoint = WebhookEndpoint(
        site_id=site.id, url=_check_url(url), secret=secret, events=_check_events(events)
    )
    session.add(endpoint)
    session.commit()
    log.info("webhook endpoint added endpoint_id=%s site_id=%s", endpoint.id, site.id)
    return IssuedEndpoint(endpoint=endpoint, secret=secret)


def list_endpoints(session: Session, *, site: Site) -> list[WebhookEndpoint]:
    return list(
        session.scalars(
            select(WebhookEndpoint)
            .where(WebhookEndpoint.site_id == site.id)
            .order_by(WebhookEndpoint.id)
        )
    )


def get_endpoint(session: Session, *, site: Site, endpoint_id: int) -> WebhookEndpoint:
    endpoint = session.get(WebhookEndpoint, endpoint_id)
    if endpoint is None or endpoint.site_id != site.id:
        raise NotFound(f"no webhook endpoint {endpoint_id} on this site")
    return endpoint


def remove_endpoint(session: Session, *, site: Site, endpoint_id: int) -> None:
    """Remove an endpoint and its delivery log. Commits."""
    session.delete(get_endpoint(session, site=site, endpoint_id=endpoint_id))
    session.commit()


def rotate_secret(
    session: Session,
    *,
    site: Site,
    endpoint_id: int,
    overlap: timedelta = ROTATION_OVERLAP,
) -> str:
    """Issue a new secret; the old one keeps signing (second value) for ``overlap``. Commits."""
    endpoint = get_endpoint(session, site=site, endpoint_id=endpoint_id)
    secret = new_secret()
    if overlap > timedelta(0):
        endpoint.previous_secret = endpoint.secret
        endpoint.previous_secret_expires_at = utcnow() + overlap
    else:
        endpoint.previous_secret = None
        endpoint.previous_secret_expires_at = None
    endpoint.secret = secret
    session.commit()
    return secret


def serialize_endpoint(endpoint: WebhookEndpoint) -> dict[str, Any]:
    """An endpoint as listed: never its secrets."""
    expires = endpoint.previous_secret_expires_at
    rotating = bool(endpoint.previous_secret and expires and expires > utcnow())
    return {
        "id": endpoint.id,
        "url": endpoint.url,
        "events": list(endpoint.events) or list(EVENT_TYPES),
        "rotating_until": expires.isoformat() if rotating and expires else None,
        "created_at": endpoint.created_at.isoformat(),
    }


# --- delivery --------------------------------------------------------------------------------


class Sender(Protocol):
    """Outbound HTTP: POST a body and return the status code (raises on network errors)."""

    def __call__(self, url: str, body: bytes, headers: dict[str, str]) -> int: ...


class DeliveryError(Exception):
    """A failed attempt. Its text is what the delivery log shows, and it is always one of a
    few generic words: the log must not tell a site what is listening where."""


REFUSED = "destination not allowed"
CONNECTION_FAILED = "connection failed"
TIMED_OUT = "timed out"


def ca_bundle() -> str:
    """The certificates a receiver's TLS certificate is checked against (requests' own)."""
    return certifi.where()


def _post(
    destination: destinations.Destination, address: str, body: bytes, headers: dict[str, str]
) -> int:
    """POST to one vetted address; the name goes in ``Host`` and, over TLS, in SNI."""
    timeout = urllib3.Timeout(connect=REQUEST_TIMEOUT[0], read=REQUEST_TIMEOUT[1])
    pool: urllib3.HTTPConnectionPool
    if destination.scheme == "https":
        pool = urllib3.HTTPSConnectionPool(
            address,
            destination.port,
            timeout=timeout,
            retries=False,
            maxsize=1,
            cert_reqs="CERT_REQUIRED",
            ca_certs=ca_bundle(),
            server_hostname=destination.host,
            assert_hostname=destination.host,
        )
    else:
        pool = urllib3.HTTPConnectionPool(
            address, destination.port, timeout=timeout, retries=False, maxsize=1
        )
    try:
        response = pool.urlopen(
            "POST",
            destination.target,
            body=body,
            headers=headers,
            retries=False,
            redirect=False,  # a redirect is an answer that is not 2xx, never followed
            assert_same_host=False,
            preload_content=False,
        )
        status = int(response.status)
        response.close()
        return status
    finally:
        pool.close()


def http_sender(url: str, body: bytes, headers: dict[str, str]) -> int:
    """POST to the URL's host at an address vetted now (no DNS rebinding); no proxy, no redirect.

    Raises ``DeliveryError`` with a generic reason; the detail goes to the service's own log.
    """
    try:
        destination = destinations.resolve(url)
    except destinations.DestinationRefused as error:
        raise DeliveryError(REFUSED) from error
    except (OSError, UnicodeError) as error:
        raise DeliveryError(CONNECTION_FAILED) from error
    headers = {**headers, "Host": destination.host_header}
    if destination.username is not None:
        userinfo = f"{unquote(destination.username)}:{unquote(destination.password or '')}"
        headers["Authorization"] = "Basic " + base64.b64encode(userinfo.encode()).decode()
    last: Exception | None = None
    for address in destination.addresses:
        try:
            return _post(destination, address, body, headers)
        except urllib3.exceptions.NewConnectionError as error:
            last = error  # refused or unreachable: the name's next address, if any
        except urllib3.exceptions.ConnectTimeoutError as error:
            last = error
        except urllib3.exceptions.TimeoutError as error:
            raise DeliveryError(TIMED_OUT) from error
        except (urllib3.exceptions.HTTPError, OSError) as error:
            raise DeliveryError(CONNECTION_FAILED) from error
    if isinstance(last, urllib3.exceptions.NewConnectionError):
        raise DeliveryError(CONNECTION_FAILED) from last
    raise DeliveryError(TIMED_OUT) from last


def _generic(error: Exception) -> str:
    """The delivery log's words for a failure of any sender."""
    if isinstance(error, DeliveryError):
        return str(error)
    if isinstance(error, requests.Timeout):
        return TIMED_OUT
    return CONNECTION_FAILED


@dataclass(frozen=True)
class Attempt:
    """What one attempt did: ``delivered``, ``retry`` (after ``retry_in`` seconds), ``failed``,
    or ``skipped`` (the row is gone or already final)."""

    outcome: str
    retry_in: float = 0.0


def attempt_delivery(
    session: Session, *, delivery_id: str, sender: Sender = http_sender
) -> Attempt:
    """POST one delivery once and record the result. Commits."""
    delivery = session.get(WebhookDelivery, delivery_id)
    if delivery is None or delivery.status in (DeliveryStatus.DELIVERED, DeliveryStatus.FAILED):
        session.rollback()
        return Attempt("skipped")
    endpoint = delivery.endpoint
    body = delivery.body.encode("utf-8")
    headers = {
        "Content-Type": "application/json",
        "User-Agent": USER_AGENT,
        EVENT_HEADER: delivery.event_type,
        DELIVERY_HEADER: delivery.id,
        SIGNATURE_HEADER: signature_header(secrets_in_use(endpoint), body),
    }
    url = endpoint.url
    # No transaction stays open while the request is in flight.
    session.rollback()

    status_code: int | None = None
    error: str | None = None
    detail = ""
    try:
        status_code = sender(url, body, headers)
        if not 200 <= status_code < 300:
            error = f"HTTP {status_code}"
    except (DeliveryError, requests.RequestException) as exc:
        error = _generic(exc)
        cause = exc.__cause__ or exc
        # For the operator's log only: the site sees the generic words.
        detail = f" detail={type(cause).__name__}"

    delivery = session.get(WebhookDelivery, delivery_id)
    if delivery is None:
        session.rollback()
        return Attempt("skipped")
    now = utcnow()
    delivery.attempts += 1
    delivery.last_attempt_at = now
    delivery.last_status_code = status_code
    if error is None:
        delivery.status = DeliveryStatus.DELIVERED
        delivery.delivered_at = now
        result = Attempt("delivered")
    elif delivery.attempts >= MAX_ATTEMPTS:
        delivery.status = DeliveryStatus.FAILED
        delivery.last_error = error
        result = Attempt("failed")
    else:
        delivery.status = DeliveryStatus.RETRYING
        delivery.last_error = error
        result = Attempt("retry", backoff_seconds(delivery.attempts))
    session.commit()
    log.info(
        "webhook delivery_id=%s endpoint_id=%s attempt=%s outcome=%s%s",
        delivery_id,
        delivery.endpoint_id,
        delivery.attempts,
        result.outcome,
        f" error={error!r}{detail}" if error else "",
    )
    return result


def redeliver(session: Session, *, site: Site, delivery_ids: list[str] | None = None) -> list[str]:
    """Queue deliveries again (by id, or every failed one of the site) with fresh attempts.

    Returns the ids made pending; each is sent, alone, when this commits (they may belong to
    several endpoints, and each is retried alone).
    """
    query = select(WebhookDelivery).where(WebhookDelivery.site_id == site.id)
    if delivery_ids:
        query = query.where(WebhookDelivery.id.in_(delivery_ids))
    else:
        query = query.where(WebhookDelivery.status == DeliveryStatus.FAILED)
    rows = list(session.scalars(query.order_by(WebhookDelivery.created_at, WebhookDelivery.id)))
    if delivery_ids and len(rows) != len(set(delivery_ids)):
        found = {row.id for row in rows}
        missing = [value for value in delivery_ids if value not in found]
        raise NotFound(f"no delivery {', '.join(missing)} on this site")
    for row in rows:
        row.status = DeliveryStatus.PENDING
        row.attempts = 0
        enqueue_on_commit(session, TaskNames.DELIVER_WEBHOOK, [row.id])
    session.commit()
    return [row.id for row in rows]


def stale_deliveries(session: Session, *, older_than: datetime, limit: int = 500) -> list[str]:
    """Deliveries never attempted since before ``older_than`` (their task was never sent)."""
    return list(
        session.scalars(
            select(WebhookDelivery.id)
            .where(
                WebhookDelivery.status == DeliveryStatus.PENDING,
                WebhookDelivery.attempts == 0,
                WebhookDelivery.created_at < older_than,
            )
            .order_by(WebhookDelivery.created_at, WebhookDelivery.id)
            .limit(limit)
        )
    )


def list_deliveries(
    session: Session,
    *,
    site: Site,
    status: str | None = None,
    endpoint_id: int | None = None,
    limit: int = 50,
) -> list[WebhookDelivery]:
    """The site's delivery log, newest first."""
    if status is not None and status not in DELIVERY_STATUSES:
        raise Unprocessable(f"status must be one of {', '.join(DELIVERY_STATUSES)}")
    query = select(WebhookDelivery).where(WebhookDelivery.site_id == site.id)
    if status:
        query = query.where(WebhookDelivery.status == status)
    if endpoint_id is not None:
        query = query.where(WebhookDelivery.endpoint_id == endpoint_id)
    query = query.order_by(WebhookDelivery.created_at.desc(), WebhookDelivery.id.desc())
    return list(session.scalars(query.limit(limit)))


def serialize_delivery(delivery: WebhookDelivery) -> dict[str, Any]:
    def iso(value: datetime | None) -> str | None:
        return value.isoformat() if value else None

    return {
        "id": delivery.id,
        "event_id": delivery.event_id,
        "event_type": delivery.event_type,
        "endpoint_id": delivery.endpoint_id,
        "url": delivery.endpoint.url,
        "status": delivery.status,
        "attempts": delivery.attempts,
        "last_status_code": delivery.last_status_code,
        "last_error": delivery.last_error,
        "created_at": iso(delivery.created_at),
        "last_attempt_at": iso(delivery.last_attempt_at),
        "delivered_at": iso(delivery.delivered_at),
    }


# --- per-site integration secrets ------------------------------------------------------------


def set_coral_secret(session: Session, *, site: Site, secret: str | None = None) -> str:
    """Set the secret Coral signs its external moderation requests with (new one if None)."""
    secret = (secret or "").strip() or new_secret()
    row = session.get(SiteIntegration, site.id)
    if row is None:
        row = SiteIntegration(site_id=site.id, settings={})
        session.add(row)
    row.coral_secret = secret
    row.updated_at = utcnow()
    session.commit()
    return secret


def coral_secret(session: Session, *, site_id: int) -> str | None:
    row = session.get(SiteIntegration, site_id)
    return row.coral_secret if row is not None else None
