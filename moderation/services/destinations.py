"""Where webhooks may go: public addresses only, unless the operator allows a network.

A webhook URL is checked twice:

- when it is registered (:func:`check_url`): a literal address in any spelling the C library
  accepts (``2130706433``, ``0177.0.0.1``, ``0x7f000001``, ``127.1``, ``[::ffff:127.0.0.1]``),
  ``localhost`` and ``*.localhost``, and a name that resolves now to a refused address are
  refused with a 422. A name that does not resolve yet is accepted;
- at every delivery (:func:`resolve`): the name is resolved, every address it resolves to must be
  allowed, and the request then goes to one of those vetted addresses (the name is sent in
  ``Host`` and, over TLS, as the SNI name the certificate is checked against). A name that
  resolved to a public address when it was registered and to ``127.0.0.1`` later (DNS
  rebinding) is refused then.

Refused: loopback, private (RFC 1918, unique local), link-local (with the cloud metadata
addresses 169.254.169.254 and fd00:ec2::254), shared (100.64.0.0/10), unspecified, multicast,
documentation, benchmarking and reserved ranges; an IPv6 address that embeds an IPv4 address
(IPv4-mapped, IPv4-compatible, 6to4, NAT64) is judged by that IPv4 address.
``MODERATION_WEBHOOK_ALLOWED_NETWORKS`` (comma-separated networks, e.g. ``10.0.0.0/8,127.0.0.1/32``)
allows networks that are otherwise refused.
"""

from __future__ import annotations

import functools
import ipaddress
import re
import socket
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from urllib.parse import SplitResult, urlsplit

from flask import current_app, has_app_context

IPAddress = ipaddress.IPv4Address | ipaddress.IPv6Address
IPNetwork = ipaddress.IPv4Network | ipaddress.IPv6Network

SETTING = "WEBHOOK_ALLOWED_NETWORKS"

_REFUSED_V4 = tuple(
    ipaddress.IPv4Network(net)
    for net in (
        "0.0.0.0/8",  # "this network", with the unspecified 0.0.0.0
        "10.0.0.0/8",
        "100.64.0.0/10",  # shared address space (carrier-grade NAT)
        "127.0.0.0/8",
        "169.254.0.0/16",  # link-local, with the cloud metadata address 169.254.169.254
        "172.16.0.0/12",
        "192.0.0.0/24",  # IETF protocol assignments
        "192.0.2.0/24",  # documentation
        "192.88.99.0/24",  # 6to4 relay anycast
        "192.168.0.0/16",
        "198.18.0.0/15",  # benchmarking
        "198.51.100.0/24",
        "203.0.113.0/24",
        "224.0.0.0/4",  # multicast
        "240.0.0.0/4",  # reserved, with the broadcast address
    )
)
_REFUSED_V6 = tuple(
    ipaddress.IPv6Network(net)
    for net in (
        "::/128",
        "::1/128",
        "100::/64",  # discard-only
        "2001::/23",  # IETF protocol assignments, Teredo among them
        "2001:db8::/32",  # documentation
        "fc00::/7",  # unique local, with the metadata address fd00:ec2::254
        "fe80::/10",
        "fec0::/10",  # site-local (deprecated)
        "ff00::/8",  # multicast
    )
)
_LOCALHOST = re.compile(r"(?:.+\.)?localhost", re.IGNORECASE)
_LABEL = re.compile(r"(?!-)[a-z0-9-]{1,63}(?<!-)", re.IGNORECASE)
_NUMBER = re.compile(r"0[xX][0-9a-fA-F]*|0[0-7]*|[1-9][0-9]*")


class DestinationRefused(ValueError):
    """The URL or the address it resolves to may not receive webhooks."""


@dataclass(frozen=True)
class Destination:
    """A URL's parts and the vetted addresses to connect to, in the resolver's order."""

    scheme: str
    host: str  # the name (IDNA-encoded) or the canonical address, for Host and TLS
    port: int
    target: str  # path and query, as sent in the request line
    addresses: tuple[str, ...]
    username: str | None = None
    password: str | None = None

    @property
    def host_header(self) -> str:
        host = f"[{self.host}]" if ":" in self.host else self.host
        default = 443 if self.scheme == "https" else 80
        return host if self.port == default else f"{host}:{self.port}"


# --- the networks ----------------------------------------------------------------------------


@functools.lru_cache(maxsize=16)
def parse_networks(value: str) -> tuple[IPNetwork, ...]:
    """``"10.0.0.0/8, 127.0.0.1/32"`` as networks; a bare address is a /32 or /128."""
    networks: list[IPNetwork] = []
    for part in value.replace(";", ",").split(","):
        part = part.strip()
        if not part:
            continue
        try:
            networks.append(ipaddress.ip_network(part, strict=False))
        except ValueError as error:
            raise ValueError(f"{SETTING}: {part!r} is not a network ({error})") from None
    return tuple(networks)


def allowed_networks() -> tuple[IPNetwork, ...]:
    """The operator's allowed networks (``WEBHOOK_ALLOWED_NETWORKS``); none outside an app."""
    if not has_app_context():
        return ()
    value = current_app.config.get(SETTING) or ""
    if not isinstance(value, str):
        value = ",".join(str(item) for item in value)
    return parse_networks(value)


def _embedded_v4(address: ipaddress.IPv6Address) -> ipaddress.IPv4Address | None:
    """The IPv4 address an IPv6 address stands for: mapped, compatible, 6to4 or NAT64."""
    if address.ipv4_mapped is not None:
        return address.ipv4_mapped
    if address.sixtofour is not None:
        return address.sixtofour
    packed = int(address)
    if packed >> 32 == 0 and packed > 1:  # ::a.b.c.d, IPv4-compatible (deprecated)
        return ipaddress.IPv4Address(packed & 0xFFFFFFFF)
    if address in _NAT64 or address in _NAT64_LOCAL:
        return ipaddress.IPv4Address(packed & 0xFFFFFFFF)
    return None


_NAT64 = ipaddress.IPv6Network("64:ff9b::/96")
_NAT64_LOCAL = ipaddress.IPv6Network("64:ff9b:1::/48")


def normalize(address: IPAddress) -> IPAddress:
    """An IPv6 address that embeds an IPv4 address is that IPv4 address."""
    if isinstance(address, ipaddress.IPv6Address):
        if address.scope_id:
            address = ipaddress.IPv6Address(str(address).split("%", 1)[0])
        embedded = _embedded_v4(address)
        if embedded is not None:
            return embedded
    return address


def is_allowed(address: IPAddress, allowed: Iterable[IPNetwork] = ()) -> bool:
    """True for a public address, or one inside a network the operator allowed."""
    address = normalize(address)
    for network in allowed:
        if address.version == network.version and address in network:
            return True
    if isinstance(address, ipaddress.IPv4Address):
        if any(address in net for net in _REFUSED_V4):
            return False
    elif any(address in net for net in _REFUSED_V6):
        return False
    # What ipaddress knows beyond the lists above (its registry moves with Python releases).
    return not (
        address.is_loopback
        or address.is_private
        or address.is_link_local
        or address.is_multicast
        or address.is_reserved
        or address.is_unspecified
        or not address.is_global
    )


# --- spellings -------------------------------------------------------------------------------


def _inet_aton(text: str) -> ipaddress.IPv4Address | None:
    """An IPv4 address in every form inet_aton(3) and getaddrinfo accept, else None.

    One to four parts, each decimal, octal (leading 0) or hexadecimal (0x); the last part fills
    the bytes that remain: ``127.1``, ``2130706433``, ``0x7f.1``, ``0177.0.0.01``.
    """
    parts = text.split(".")
    if not 1 <= len(parts) <= 4 or not all(_NUMBER.fullmatch(part) for part in parts):
        return None
    values = []
    for part in parts:
        if part[:2].lower() == "0x":
            values.append(int(part[2:] or "0", 16))
        elif part.startswith("0") and len(part) > 1:
            values.append(int(part, 8))
        else:
            values.append(int(part))
    *head, last = values
    if any(value > 255 for value in head) or last >= 256 ** (4 - len(head)):
        return None
    number = 0
    for value in head:
        number = number * 256 + value
    number = number * 256 ** (4 - len(head)) + last
    return ipaddress.IPv4Address(number)


def literal_address(host: str) -> IPAddress | None:
    """``host`` (brackets removed) as an address in any spelling, or None for a name."""
    host = host.strip().rstrip(".")
    try:
        return ipaddress.ip_address(host)
    except ValueError:
        pass
    return _inet_aton(host)


def _hostname(parts: SplitResult) -> str:
    """The URL's host: an IDNA-encoded name in letters, digits, hyphens and dots, or an address."""
    host = parts.hostname or ""
    if host.endswith("."):
        host = host[:-1]
    if not host:
        raise DestinationRefused("a webhook URL needs a host")
    if parts.netloc.rsplit("@", 1)[-1].startswith("["):
        try:
            address = ipaddress.IPv6Address(host.split("%", 1)[0])
        except ValueError:
            raise DestinationRefused("the webhook URL's [host] is not an IPv6 address") from None
        return str(address)
    try:
        ascii_host = host.encode("idna").decode("ascii").lower()
    except UnicodeError:
        raise DestinationRefused("the webhook URL's host is not a valid name") from None
    if not all(_LABEL.fullmatch(label) for label in ascii_host.split(".")):
        raise DestinationRefused("the webhook URL's host is not a valid name")
    return ascii_host


def _target(parts: SplitResult) -> str:
    target = parts.path or "/"
    if parts.query:
        target += "?" + parts.query
    if any(ch in target for ch in " \r\n\t") or not target.isascii():
        raise DestinationRefused("the webhook URL's path must be URL-encoded")
    return target


def _split(url: str) -> tuple[SplitResult, str, int, str]:
    try:
        parts = urlsplit(url.strip())
    except ValueError:  # a [host] that is not an IPv6 address
        raise DestinationRefused("the webhook URL is not a valid URL") from None
    if parts.scheme not in ("http", "https") or not parts.netloc:
        raise DestinationRefused("a webhook URL must be an absolute http:// or https:// URL")
    host = _hostname(parts)
    try:
        port = parts.port or (443 if parts.scheme == "https" else 80)
    except ValueError:
        raise DestinationRefused("the webhook URL's port is not a number from 1 to 65535") from None
    if port == 0:
        raise DestinationRefused("the webhook URL's port is not a number from 1 to 65535")
    return parts, host, port, _target(parts)


REFUSED_ADDRESS = (
    "the webhook URL's host is or resolves to an address that may not receive webhooks "
    "(loopback, private, link-local, shared, multicast, reserved or metadata); an operator can "
    "allow a network with MODERATION_WEBHOOK_ALLOWED_NETWORKS"
)


def _vet(addresses: Sequence[IPAddress], allowed: Sequence[IPNetwork]) -> tuple[str, ...]:
    if not addresses or not all(is_allowed(address, allowed) for address in addresses):
        raise DestinationRefused(REFUSED_ADDRESS)
    return tuple(dict.fromkeys(str(normalize(address)) for address in addresses))


def getaddrinfo(host: str, port: int) -> list[IPAddress]:
    """Every address ``host`` resolves to, in the resolver's order (tests replace this)."""
    found = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    return [ipaddress.ip_address(str(info[4][0]).split("%", 1)[0]) for info in found]


def _fixed_addresses(host: str) -> list[IPAddress] | None:
    """A literal address, or loopback for ``localhost`` names (RFC 6761); None for other names."""
    literal = literal_address(host)
    if literal is not None:
        return [literal]
    if _LOCALHOST.fullmatch(host):
        return [ipaddress.IPv4Address("127.0.0.1")]
    return None


def check_url(url: str, allowed: Sequence[IPNetwork] | None = None) -> str:
    """Refuse a URL for a webhook (``DestinationRefused``), or return it stripped.

    A name that resolves now must resolve only to allowed addresses; one that does not resolve
    yet is accepted, since every delivery checks again.
    """
    allowed = allowed_networks() if allowed is None else allowed
    url = url.strip()
    _parts, host, port, _ = _split(url)
    fixed = _fixed_addresses(host)
    if fixed is not None:
        _vet(fixed, allowed)
        return url
    try:
        addresses = getaddrinfo(host, port)
    except (OSError, UnicodeError, ValueError):
        return url
    _vet(addresses, allowed)
    return url


def resolve(url: str, allowed: Sequence[IPNetwork] | None = None) -> Destination:
    """The destination of a delivery: every address the host resolves to now, all vetted.

    Raises ``DestinationRefused`` for a refused address and ``OSError`` when the name does not
    resolve.
    """
    allowed = allowed_networks() if allowed is None else allowed
    parts, host, port, target = _split(url)
    fixed = _fixed_addresses(host)
    addresses = fixed if fixed is not None else getaddrinfo(host, port)
    literal = literal_address(host)
    return Destination(
        scheme=parts.scheme,
        # An address in an odd spelling is sent in its usual one (Host, TLS).
        host=str(literal) if literal is not None else host,
        port=port,
        target=target,
        addresses=_vet(addresses, allowed),
        username=parts.username,
        password=parts.password,
    )
