"""Webhook destinations: refused spellings, the operator's networks, and delivery to vetted
addresses only (DNS rebinding, redirects, generic errors), against real receivers."""

from __future__ import annotations

import ipaddress
import ssl
import subprocess
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from flask import Flask
from sqlalchemy import select

from moderation.cli_integrations import webhooks_group
from moderation.config import load_settings
from moderation.db import get_db
from moderation.errors import Unprocessable
from moderation.services import destinations, events, webhooks
from moderation.services.destinations import DestinationRefused, check_url, parse_networks
from moderation.tables import Site
from moderation.tables.integrations import WebhookDelivery
from tests.builders import auth, create_site, free_port
from tests.compat.receiver import Receiver, receiver
from tests.conftest import AppFactory

# Every spelling of a refused address the probe found accepted, and more.
REFUSED = [
    "http://127.0.0.1/",
    "http://127.0.0.1:8080/hook",
    "http://127.255.255.254/",
    "http://2130706433/",  # decimal
    "http://0177.0.0.1/",  # octal
    "http://0177.0000.0000.0001/",
    "http://017700000001/",
    "http://0x7f000001/",  # hexadecimal
    "http://0x7f.0x0.0x0.0x1/",
    "http://0x7f.1/",
    "http://127.1/",  # short
    "http://127.0.1/",
    "http://0/",
    "http://0.0.0.0/",
    "http://[::]/",
    "http://[::1]/",
    "http://[0:0:0:0:0:0:0:1]/",
    "http://[::ffff:127.0.0.1]/",  # IPv4-mapped
    "http://[::ffff:7f00:1]/",
    "http://[::ffff:169.254.169.254]/",
    "http://[::127.0.0.1]/",  # IPv4-compatible
    "http://[64:ff9b::7f00:1]/",  # NAT64
    "http://[2002:7f00:1::]/",  # 6to4
    "http://localhost/",
    "http://LocalHost:9/",
    "http://localhost./",  # trailing dot
    "http://127.0.0.1./",
    "http://api.localhost/",
    "http://user:pw@127.0.0.1/",
    "http://hooks.example.com@127.0.0.1/",
    "http://hooks.example.com\\@127.0.0.1/",
    "http://10.0.0.1/",
    "http://172.16.5.4/",
    "http://192.168.1.1/",
    "http://100.64.0.1/",  # shared (carrier-grade NAT)
    "http://169.254.169.254/latest/meta-data/",  # cloud metadata
    "http://[fd00:ec2::254]/",  # the IPv6 metadata address
    "http://[fe80::1%25eth0]/",
    "http://[fc00::1]/",
    "http://224.0.0.1/",
    "http://[ff02::1]/",
    "http://240.0.0.1/",
    "http://255.255.255.255/",
    "http://192.0.2.10/",
    "http://198.18.0.1/",
    "https://%31%32%37.0.0.1/",
    "http://[not-an-address]/",
    "ftp://hooks.example/",
    "http:///hook",
    "hooks.example/hook",
    "http://hooks.example:99999/",
]

ACCEPTED = [
    "https://hooks.example/x",  # a name that does not resolve (yet) is checked at delivery
    "http://8.8.8.8/hook",
    "http://134744072/",  # 8.8.8.8, decimal
    "https://[2606:4700:4700::1111]/hook?x=1",
    "https://[::ffff:8.8.8.8]/",
    "http://ü.example/",
]


@pytest.mark.parametrize("url", REFUSED)
def test_refused_spellings(url: str) -> None:
    with pytest.raises(DestinationRefused):
        check_url(url, ())


@pytest.mark.parametrize("url", ACCEPTED)
def test_public_destinations_are_accepted(url: str) -> None:
    assert check_url(url, ()) == url


def test_the_operator_allows_networks() -> None:
    allowed = parse_networks("10.0.0.0/8, 127.0.0.1/32")
    for url in (
        "http://10.1.2.3/",
        "http://127.0.0.1:9/",
        "http://2130706433/",
        "http://[::ffff:127.0.0.1]/",
        "http://localhost/",
    ):
        assert check_url(url, allowed) == url
    for url in ("http://127.0.0.2/", "http://169.254.169.254/", "http://[::1]/"):
        with pytest.raises(DestinationRefused):
            check_url(url, allowed)


def test_a_typo_in_the_allowed_networks_stops_the_start() -> None:
    settings = load_settings({"DATA_DIR": "/tmp/x", "SECRET_KEY": "s"}, environ={})
    assert settings["WEBHOOK_ALLOWED_NETWORKS"] == ""
    env = {"MODERATION_WEBHOOK_ALLOWED_NETWORKS": "10.0.0.0/8,127.0.0.1/32"}
    assert load_settings({"SECRET_KEY": "s"}, environ=env)["WEBHOOK_ALLOWED_NETWORKS"]
    with pytest.raises(ValueError, match="WEBHOOK_ALLOWED_NETWORKS"):
        load_settings({"SECRET_KEY": "s"}, environ={"MODERATION_WEBHOOK_ALLOWED_NETWORKS": "10/"})


@pytest.fixture
def dns(monkeypatch: pytest.MonkeyPatch) -> dict[str, list[list[str]]]:
    """A fake DNS (the internet is mocked, nothing else): name -> answers, one list per lookup
    (the last answer repeats)."""
    zone: dict[str, list[list[str]]] = {}

    def lookup(host: str, port: int) -> list[destinations.IPAddress]:
        if host not in zone:
            raise OSError(f"no such name {host}")
        answers = zone[host]
        answer = answers.pop(0) if len(answers) > 1 else answers[0]
        return [ipaddress.ip_address(value) for value in answer]

    monkeypatch.setattr(destinations, "getaddrinfo", lookup)
    return zone


def test_a_name_is_judged_by_every_address_it_resolves_to(dns: dict[str, list[list[str]]]) -> None:
    dns["public.test"] = [["93.184.216.34", "2606:2800:220:1::1"]]
    dns["internal.test"] = [["10.0.0.7"]]
    dns["mixed.test"] = [["93.184.216.34", "127.0.0.1"]]
    dns["metadata.test"] = [["fd00:ec2::254"]]
    assert check_url("https://public.test/hook", ()) == "https://public.test/hook"
    for name in ("internal.test", "mixed.test", "metadata.test"):
        with pytest.raises(DestinationRefused):
            check_url(f"https://{name}/hook", ())
    destination = destinations.resolve("https://public.test/hook?x=1", ())
    assert destination.addresses == ("93.184.216.34", "2606:2800:220:1::1")
    assert (destination.host, destination.port, destination.target) == (
        "public.test",
        443,
        "/hook?x=1",
    )


def test_registration_refuses_with_a_422_and_the_cli_says_why(make_app: AppFactory) -> None:
    app = make_app("sqlite", ENQUEUE=False)
    site_id, _ = create_site(app, "daily")
    with app.app_context(), get_db(app).session() as session:
        site = session.get(Site, site_id)
        assert site is not None
        for url in ("http://0x7f000001:6379/", "http://[::ffff:169.254.169.254]/"):
            with pytest.raises(Unprocessable) as refused:
                webhooks.create_endpoint(session, site=site, url=url)
            assert refused.value.status == 422
            assert "may not receive webhooks" in refused.value.detail
            assert "127.0.0.1" not in refused.value.detail  # no resolved address echoed back
    result = app.test_cli_runner().invoke(webhooks_group, ["add", "daily", "http://127.1:22/"])
    assert result.exit_code != 0
    assert "may not receive webhooks" in result.output


# --- delivery --------------------------------------------------------------------------------


def add_endpoint(app: Flask, url: str, name: str = "example") -> tuple[int, str]:
    """A new site with one webhook URL; its id and key."""
    site_id, key = create_site(app, name)
    with app.app_context(), get_db(app).session() as session:
        site = session.get(Site, site_id)
        assert site is not None
        webhooks.create_endpoint(session, site=site, url=url)
    return site_id, key


def deliver_once(app: Flask, site_id: int) -> WebhookDelivery:
    """Emit one event to the site and make one real attempt; the delivery row afterwards."""
    with app.app_context(), get_db(app).session() as session:
        events.emit(session, site_id=site_id, event_type="comment.moderated", data={"c": 1})
        session.commit()
        delivery_id = session.scalars(
            select(WebhookDelivery.id)
            .where(WebhookDelivery.site_id == site_id)
            .order_by(WebhookDelivery.created_at.desc())
        ).first()
        assert delivery_id is not None
        webhooks.attempt_delivery(session, delivery_id=delivery_id)
    with get_db(app).session() as session:
        row = session.get(WebhookDelivery, delivery_id)
        assert row is not None
        session.expunge(row)
        return row


@pytest.fixture
def two_loopbacks() -> Iterator[tuple[int, Receiver, Receiver]]:
    """One port on two loopback addresses: 127.0.0.2 (the operator allows it) stands for the
    public receiver, 127.0.0.1 for an internal service that must never be reached."""
    port = free_port()
    with receiver(host="127.0.0.2", port=port) as public, receiver(port=port) as internal:
        yield port, public, internal


ALLOW_ONE = {"WEBHOOK_ALLOWED_NETWORKS": "127.0.0.2/32"}
Loopbacks = tuple[int, Receiver, Receiver]


def test_a_name_rebound_after_registration_is_refused_at_delivery(
    make_app: AppFactory, dns: dict[str, list[list[str]]], two_loopbacks: Loopbacks
) -> None:
    port, public, internal = two_loopbacks
    app = make_app("sqlite", ENQUEUE=False, **ALLOW_ONE)
    dns["hooks.rebind.test"] = [["127.0.0.2"]]
    site_id, key = add_endpoint(app, f"http://hooks.rebind.test:{port}/hooks")
    dns["hooks.rebind.test"] = [["127.0.0.1"]]  # the site's DNS now points inside
    row = deliver_once(app, site_id)
    assert (row.status, row.last_error, row.last_status_code) == (
        "retrying",
        "destination not allowed",
        None,
    )
    assert internal.requests == [] and public.requests == []
    log = app.test_client().get("/api/v1/webhooks/deliveries", headers=auth(key)).get_json()
    assert log["items"][0]["last_error"] == "destination not allowed"


def test_a_delivery_connects_to_the_address_it_vetted(
    make_app: AppFactory, dns: dict[str, list[list[str]]], two_loopbacks: Loopbacks
) -> None:
    """DNS rebinding within one delivery: the first lookup answers the allowed address, any
    later one the internal address. The request goes to the vetted address, with the name."""
    port, public, internal = two_loopbacks
    app = make_app("sqlite", ENQUEUE=False, **ALLOW_ONE)
    dns["hooks.rebind.test"] = [["127.0.0.2"]]
    site_id, _ = add_endpoint(app, f"http://hooks.rebind.test:{port}/hooks?a=1")
    dns["hooks.rebind.test"] = [["127.0.0.2"], ["127.0.0.1"]]
    row = deliver_once(app, site_id)
    assert row.status == "delivered"
    assert internal.requests == []
    (request,) = public.requests
    assert request.headers["Host"] == f"hooks.rebind.test:{port}"
    assert request.path == "/hooks?a=1"


def test_redirects_are_not_followed(make_app: AppFactory) -> None:
    app = make_app("sqlite", ENQUEUE=False, **ALLOW_ONE)
    with (
        receiver() as internal,
        receiver(host="127.0.0.2", script=[302], headers={"Location": internal.url}) as hook,
    ):
        site_id, _ = add_endpoint(app, hook.url)
        row = deliver_once(app, site_id)
        assert (row.status, row.last_error, row.last_status_code) == ("retrying", "HTTP 302", 302)
        assert len(hook.requests) == 1 and internal.requests == []


def test_the_log_shows_generic_errors_only(
    make_app: AppFactory, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Closed port, silence and an error status: a few words, never a socket's own message."""
    app = make_app("sqlite", ENQUEUE=False, WEBHOOK_ALLOWED_NETWORKS="127.0.0.0/8")
    with receiver() as gone:
        closed_url = gone.url
    site_id, _ = add_endpoint(app, closed_url, "closed")
    assert deliver_once(app, site_id).last_error == "connection failed"

    monkeypatch.setattr(webhooks, "REQUEST_TIMEOUT", (1.0, 0.3))
    with receiver(delay=1.0) as slow:
        site_id, _ = add_endpoint(app, slow.url, "slow")
        assert deliver_once(app, site_id).last_error == "timed out"

    with receiver(script=[500]) as failing:
        site_id, _ = add_endpoint(app, failing.url, "failing")
        assert deliver_once(app, site_id).last_error == "HTTP 500"


def test_an_allowed_address_in_an_odd_spelling_is_reached_as_itself(make_app: AppFactory) -> None:
    app = make_app("sqlite", ENQUEUE=False, WEBHOOK_ALLOWED_NETWORKS="127.0.0.1/32")
    with receiver() as hook:
        port = urlsplit(hook.url).port
        site_id, _ = add_endpoint(app, f"http://2130706433:{port}/hooks")
        assert deliver_once(app, site_id).status == "delivered"
        (request,) = hook.requests
    assert request.headers["Host"] == f"127.0.0.1:{port}"


def _certificate(tmp_path: Path, name: str) -> tuple[Path, Path]:
    cert, key = tmp_path / "cert.pem", tmp_path / "key.pem"
    subprocess.run(
        [
            "openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1",
            "-keyout", str(key), "-out", str(cert), "-subj", f"/CN={name}",
            "-addext", f"subjectAltName=DNS:{name}",
        ],
        check=True,
        capture_output=True,
    )  # fmt: skip
    return cert, key


def test_https_checks_the_certificate_against_the_name_at_the_vetted_address(
    make_app: AppFactory,
    dns: dict[str, list[list[str]]],
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
) -> None:
    cert, key = _certificate(tmp_path, "hooks.tls.test")
    context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    context.load_cert_chain(cert, key)
    monkeypatch.setattr(webhooks, "ca_bundle", lambda: str(cert))
    app = make_app("sqlite", ENQUEUE=False, **ALLOW_ONE)
    dns["hooks.tls.test"] = [["127.0.0.2"]]
    dns["other.tls.test"] = [["127.0.0.2"]]
    with receiver(host="127.0.0.2", tls=context) as hook:
        port = urlsplit(hook.url).port
        site_id, _ = add_endpoint(app, f"https://hooks.tls.test:{port}/hooks")
        assert deliver_once(app, site_id).status == "delivered"
        (request,) = hook.requests
        assert request.headers["Host"] == f"hooks.tls.test:{port}"
        # The same server under another name: its certificate does not match, nothing is sent.
        site_id, _ = add_endpoint(app, f"https://other.tls.test:{port}/hooks", "other")
        assert deliver_once(app, site_id).last_error == "connection failed"
        assert len(hook.requests) == 1
