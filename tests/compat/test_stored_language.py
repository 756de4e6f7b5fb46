"""The language a compatibility API stores with a comment it records (Perspective suggestscore)."""

from __future__ import annotations

from sqlalchemy import select

from moderation.db import get_db
from moderation.tables import Comment
from tests.compat.conftest import SiteApp

ITALIAN = (
    "Credo che entrambe le parti debbano continuare a parlare; l'ultima tregua ha salvato vite."
)


def test_suggestscore_stores_the_given_or_detected_language(site_app: SiteApp) -> None:
    web = site_app.app.test_client()
    url = f"/v1alpha1/comments:suggestscore?key={site_app.key}"
    suggestion = {"attributeScores": {"TOXICITY": {"summaryScore": {"value": 0}}}}
    for token, extra in (("detected", {}), ("given", {"languages": ["en"]}), ("none", {})):
        # Each text differs: suggestscore finds a stored comment by its text.
        text = {"detected": ITALIAN, "given": ITALIAN + " Davvero.", "none": "12345 :-) !!!"}[token]
        body = {"comment": {"text": text}, "clientToken": token, **suggestion, **extra}
        response = web.post(url, json=body)
        assert response.status_code == 200, response.get_json()
    with get_db(site_app.app).session() as session:
        stored = {c.external_id: c.language for c in session.scalars(select(Comment))}
    # Detected when the request names no language, the request's own when it does.
    assert stored == {"detected": "it", "given": "en", "none": None}
