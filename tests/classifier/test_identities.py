"""Ordinary identities attached to training and evaluation rows, independently of the label."""

from __future__ import annotations

import random

from classifier.identities import as_submitted, identity_for, ordinary_identity, with_identity
from classifier.types import LabelledExample


def test_an_identity_depends_on_the_text_and_salt_only() -> None:
    spam = LabelledExample("Same words", {"spam": 1}, source="a")
    ham = LabelledExample("Same words", {"spam": 0}, source="b")
    assert with_identity(spam, "s").author_email == with_identity(ham, "s").author_email
    assert identity_for("Same words", "s", share=1.0) != identity_for("Same words", "t", share=1.0)


def test_identities_are_varied() -> None:
    rng = random.Random(0)
    people = [ordinary_identity(rng) for _ in range(2000)]
    emails = [email for _, email, _ in people]
    assert len(set(emails)) > 1900
    assert all("@" in email for email in emails)
    assert sum(any(c.isdigit() for c in e.split("@")[0]) for e in emails) > 400
    assert sum("+" in e for e in emails) > 50
    assert sum(bool(url) for *_, url in people) > 200
    assert sum(not name.isascii() for name, *_ in people) > 200


def test_as_submitted_fills_only_the_missing_fields() -> None:
    rows = [
        LabelledExample("bare", {"spam": 0}),
        LabelledExample("named", {"spam": 1}, author_name="cheap pills"),
        LabelledExample("complete", {"spam": 0}, author_email="a@b.org"),
    ]
    bare, named, complete = as_submitted(rows)
    assert bare.author_name and bare.author_email
    assert named.author_name == "cheap pills" and named.author_email
    assert complete == rows[2]
