"""The status and reason-code types store, compare and serialise as their plain strings."""

from __future__ import annotations

import json
import typing

from moderation.api.schemas import CommentOut
from moderation.enums import CommentStatus, DeliveryStatus, ReasonCode
from moderation.services.moderation_queue import TABS
from moderation.tables import STATUSES
from moderation.tables.integrations import DELIVERY_STATUSES


def test_stored_values_are_the_strings() -> None:
    assert STATUSES == ("pending", "approved", "held", "rejected")
    assert DELIVERY_STATUSES == ("pending", "retrying", "delivered", "failed")
    assert TABS == ("held", "reported", "approved", "rejected")
    assert json.dumps({"status": CommentStatus.HELD, "code": ReasonCode.SPAM}) == (
        '{"status": "held", "code": "SPAM"}'
    )
    assert f"{DeliveryStatus.FAILED}" == "failed"


def test_the_api_schema_lists_every_status() -> None:
    annotation = CommentOut.model_fields["status"].annotation
    assert typing.get_args(annotation) == tuple(CommentStatus)
