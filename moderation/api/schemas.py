"""Request and response schemas of the native API (pydantic; also the source of the OpenAPI doc)."""

from __future__ import annotations

import re
import unicodedata
from datetime import UTC, datetime
from typing import Annotated, Any, Literal, TypeVar

from pydantic import (
    AfterValidator,
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    StrictStr,
    ValidationError,
    field_validator,
)
from pydantic_core import PydanticCustomError

from moderation.errors import BadRequest, Unprocessable

# WordPress's limits (wp_get_comment_fields_max_lengths).
MAX_CONTENT = 65_525
MAX_AUTHOR_NAME = 245
MAX_AUTHOR_EMAIL = 100
MAX_AUTHOR_URL = 200
# Who gave feedback, as the site names them: stored as "site:<id>:<actor>" in 255 characters.
MAX_ACTOR = 200
# A comment's language as a site gives it: an ISO 639-1 (or 639-2/3) code, lower case.
LANGUAGE_CODE = re.compile(r"^[a-z]{2,3}$")


def clean_text(value: str) -> str:
    """Normalise submitted text: NFC, Unix newlines, no NUL, no lone surrogates."""
    value = value.encode("utf-8", "replace").decode("utf-8")
    value = value.replace("\x00", "").replace("\r\n", "\n").replace("\r", "\n")
    return unicodedata.normalize("NFC", value)


def _clean(value: Any) -> Any:
    return clean_text(value).strip() if isinstance(value, str) else value


def _id_to_str(value: Any) -> Any:
    # Sites often use numeric ids; accept them and store them as text.
    if isinstance(value, int) and not isinstance(value, bool):
        return str(value)
    return value


Text = Annotated[StrictStr, BeforeValidator(_clean)]
ExternalId = Annotated[
    StrictStr, BeforeValidator(_id_to_str), BeforeValidator(_clean), Field(max_length=255)
]

Actor = Annotated[Text, Field(max_length=MAX_ACTOR)]


class _Strict(BaseModel):
    # Unknown fields are ignored, so sites can send more than we use.
    model_config = ConfigDict(extra="ignore", strict=True)


def _storable_time(value: datetime | None) -> datetime | None:
    # Stored in UTC: 9999-12-31T23:00-14:00 and 0001-01-01T00:00+14:00 have no UTC time.
    if value is not None and value.tzinfo is not None:
        try:
            value.astimezone(UTC)
        except OverflowError:
            raise ValueError("the time is out of range once converted to UTC") from None
    return value


class ArticleIn(_Strict):
    id: Annotated[ExternalId, Field(min_length=1)]
    url: Annotated[Text, Field(min_length=1, max_length=2000)]
    title: Annotated[Text, Field(max_length=1000)]
    published_at: Annotated[datetime | None, AfterValidator(_storable_time)] = None


class AuthorIn(_Strict):
    id: ExternalId | None = None
    name: Annotated[Text, Field(max_length=MAX_AUTHOR_NAME)]
    email: Annotated[Text, Field(max_length=MAX_AUTHOR_EMAIL)] | None = None
    url: Annotated[Text, Field(max_length=MAX_AUTHOR_URL)] | None = None
    ip: Annotated[Text, Field(max_length=100)] | None = None
    user_agent: Annotated[Text, Field(max_length=500)] | None = None


class CommentIn(_Strict):
    article: ArticleIn
    author: AuthorIn
    content: Annotated[StrictStr, Field(max_length=MAX_CONTENT)]
    parent_id: ExternalId | None = None
    referrer: Annotated[Text, Field(max_length=2000)] | None = None
    external_id: ExternalId | None = None
    language: Annotated[
        StrictStr | None,
        Field(
            description="The comment's language as the site knows it: a 2-3 letter lower-case"
            " ISO 639 code such as 'en'. Without it the language is detected from the content.",
            pattern=LANGUAGE_CODE.pattern,
        ),
    ] = None

    @field_validator("content", mode="before")
    @classmethod
    def _normalise_content(cls, value: Any) -> Any:
        return clean_text(value).strip("\n\t ") if isinstance(value, str) else value

    @field_validator("content")
    @classmethod
    def _not_empty(cls, value: str) -> str:
        if not value.strip():
            raise ValueError("content is empty")
        return value

    @field_validator("language", mode="before")
    @classmethod
    def _language_code(cls, value: Any) -> Any:
        # A malformed code is a malformed request (400), as a wrong type is.
        if isinstance(value, str) and not LANGUAGE_CODE.fullmatch(value):
            raise PydanticCustomError(
                "language_code", "language must be a 2-3 letter lower-case code such as 'en'"
            )
        return value


class Reason(BaseModel):
    code: str
    detail: str


class SpanOut(BaseModel):
    begin: int
    end: int
    attribute: str
    score: float


class CommentOut(BaseModel):
    id: str
    status: Literal["pending", "approved", "held", "rejected"]  # CommentStatus (a test checks)
    external_id: str | None
    parent_id: str | None
    article: dict[str, Any]
    author: dict[str, Any]
    content: str
    language: str | None
    scores: dict[str, float]
    spans: list[SpanOut]
    reasons: list[Reason]
    decided_by: str | None
    discard: bool
    model_version: str | None
    created_at: datetime
    decided_at: datetime | None
    url: str | None = None


class Accepted(BaseModel):
    id: str
    status: str
    url: str


class CommentPage(BaseModel):
    items: list[CommentOut]
    next_cursor: str | None


class ProblemOut(BaseModel):
    type: str
    title: str
    status: int
    detail: str
    code: str
    errors: list[dict[str, Any]] | None = None


# Pydantic error types meaning "the JSON is malformed or a value has the wrong type" (400);
# everything else (missing, too long, empty) is a well-formed request that breaks a rule (422).
_TYPE_ERRORS = (
    "json_invalid",
    "json_type",
    "model_type",
    "model_attributes_type",
    "language_code",
)


def _is_type_error(kind: str) -> bool:
    return kind in _TYPE_ERRORS or kind.endswith("_type") or kind.endswith("_parsing")


M = TypeVar("M", bound=BaseModel)


def parse_body(model: type[M], raw: bytes) -> M:
    """Validate a JSON body, raising 400 for malformed JSON or wrong types, 422 for rule breaks."""
    try:
        return model.model_validate_json(raw or b"")
    except ValidationError as error:
        problems = [
            {
                "field": ".".join(str(part) for part in item["loc"]) or "(body)",
                "message": item["msg"],
                "type": item["type"],
            }
            for item in error.errors(include_url=False, include_input=False)
        ]
        if any(_is_type_error(item["type"]) for item in problems):
            raise BadRequest(
                "The body is not valid JSON of the expected shape.", errors=problems
            ) from None
        raise Unprocessable("The comment breaks a validation rule.", errors=problems) from None
