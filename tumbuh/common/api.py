"""What every API module shares: the error body, the documented error answers, the input base schema, the pager.

The API accepts exactly what the pages accept: input schemas refuse what the forms refuse (dates outside
the range of tumbuh.common.validation, text a database cannot store), and endpoints that have a page form
run the payload through that form (``check_with_form``).
"""

import datetime
import re
from collections.abc import Mapping, Sequence
from typing import Annotated, Any

from django import forms
from django.core.exceptions import ValidationError
from django.http import HttpRequest
from django.utils import timezone
from django.utils.translation import gettext as _
from ninja import Schema
from ninja.pagination import PageNumberPagination
from ninja.parser import Parser
from pydantic import AfterValidator, BeforeValidator, Field, WithJsonSchema, field_validator
from pydantic_core import PydanticCustomError

from .paging import MAX_COUNT, count_up_to
from .validation import validate_date_in_range, validate_storable_text


class ErrorOut(Schema):
    """Every error the API sends: a message in the caller's language, and per field what to fix."""

    message: str
    errors: dict[str, list[str]] | None = Field(
        None, description="Per field (dotted path for nested ones; __all__ for the whole input), what to fix."
    )


# The error answers of an operation, to merge into its ``response`` dict. Every operation needs a login (401)
# and can be refused (403: a rule, or a session write without its CSRF token); READ adds 422 for bad query or
# path parameters and 404 for an object the caller cannot see; WRITE adds 400 for a body that is not JSON.
LIST: dict[int, Any] = {401: ErrorOut, 403: ErrorOut, 422: ErrorOut}
READ: dict[int, Any] = {**LIST, 404: ErrorOut}
WRITE: dict[int, Any] = {400: ErrorOut, **READ}
# Writes that send the version the caller read: 409 when someone saved in between.
VERSIONED_WRITE: dict[int, Any] = {**WRITE, 409: ErrorOut}


class ObjectParser(Parser):
    """Ninja's JSON parser, for bodies that are objects: `true` or `[]` would pass as "every field left out"."""

    def parse_body(self, request: HttpRequest) -> dict[str, Any]:
        data = super().parse_body(request)
        if not isinstance(data, dict):
            # Ninja answers a body it cannot parse with a 400 (tumbuh.api words it).
            raise ValueError("not a JSON object")
        return data


MAX_PAGE = 100_000
MAX_PAGE_SIZE = 100


class Pages(PageNumberPagination):
    """Ninja's page numbers, bounded: a page past MAX_PAGE is a 422, not an offset the database cannot hold.

    The count is exact up to MAX_COUNT, and MAX_COUNT when there are more; the last page is counted from its
    own items, without a second query.
    """

    class Input(Schema):
        page: int = Field(1, ge=1, le=MAX_PAGE)
        page_size: int | None = Field(None, ge=1, le=MAX_PAGE_SIZE)

    class Output(Schema):
        items: list[Any]
        count: int = Field(
            description=f"How many items there are in all, counted up to {MAX_COUNT:,}: {MAX_COUNT:,} means at "
            "least that many."
        )

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(page_size=MAX_PAGE_SIZE, max_page_size=MAX_PAGE_SIZE, **kwargs)

    def paginate_queryset(self, queryset: Any, pagination: Any, request: HttpRequest, **params: Any) -> Any:
        page_size = self._get_page_size(pagination.page_size)
        offset = (pagination.page - 1) * page_size
        items = list(queryset[offset : offset + page_size])
        # A short last page counts itself; otherwise one count, capped (tumbuh/common/paging.py).
        last_page = len(items) < page_size and (items or offset == 0)
        return {self.items_attribute: items, "count": offset + len(items) if last_page else count_up_to(queryset)}


_TIME = re.compile(r"^([01]\d|2[0-3]):[0-5]\d(:[0-5]\d(\.\d{1,6})?)?$")


def _time_text(value: Any) -> Any:
    if isinstance(value, str) and not _TIME.match(value):
        raise PydanticCustomError("tumbuh_time_format", _("Send a time as HH:MM."))
    return value


def _wall_clock(value: datetime.time) -> datetime.time:
    if value.tzinfo is not None:
        raise PydanticCustomError("tumbuh_time_format", _("Send a time as HH:MM."))
    return value


# A time of day on someone's own clock, "HH:MM" or "HH:MM:SS" without a zone (JSON Schema's "time" format would
# demand an offset, which a weekly window in the provider's own zone does not have). Sent as "HH:MM:SS".
WallClockTime = Annotated[
    datetime.time,
    BeforeValidator(_time_text),
    AfterValidator(_wall_clock),
    WithJsonSchema({"type": "string", "pattern": _TIME.pattern, "examples": ["09:00", "16:30:00"]}),
]


def _check(value: Any) -> Any:
    """VALUE with naive times placed in the caller's zone; unstorable text or out-of-range dates raise."""
    try:
        if isinstance(value, str):
            validate_storable_text(value)
        elif isinstance(value, datetime.datetime):
            if timezone.is_naive(value):
                # As the forms do: a time without an offset is on the caller's own clock.
                value = timezone.make_aware(value)
            validate_date_in_range(value)
        elif isinstance(value, datetime.date):
            validate_date_in_range(value)
        elif isinstance(value, list):
            return [_check(item) for item in value]
        elif isinstance(value, dict):
            return {_check(key): _check(item) for key, item in value.items()}
    except ValidationError as error:
        raise PydanticCustomError(f"tumbuh_{error.code}", error.messages[0]) from None
    return value


class InputSchema(Schema):
    """The base of every input body: what the forms refuse for every field, refused here too."""

    @field_validator("*", mode="after", check_fields=False)
    @classmethod
    def _storable(cls, value: Any) -> Any:
        return _check(value)


def schema_error_message(error: Mapping[str, Any]) -> str:
    """One of pydantic's errors in the caller's language; pydantic's own messages are English."""
    kind, ctx = error.get("type", ""), error.get("ctx") or {}
    if kind.startswith("tumbuh_"):
        # Ours (tumbuh.common.validation) already speak the caller's language.
        return str(error.get("msg", ""))
    if kind == "missing":
        return _("This field is required.")
    if kind in {"int_parsing", "int_type", "int_from_float"}:
        return _("Enter a whole number.")
    if kind in {"float_parsing", "float_type", "decimal_parsing", "decimal_type", "finite_number"}:
        return _("Enter a number.")
    if kind in {"bool_parsing", "bool_type"}:
        return _("Send true or false.")
    if kind in {"string_type", "string_unicode"}:
        return _("Send text.")
    if kind.startswith("date_") or kind.startswith("datetime_"):
        return _("Send a date as YYYY-MM-DD, or a moment as YYYY-MM-DDTHH:MM:SS+07:00.")
    if kind.startswith("time_"):
        return _("Send a time as HH:MM.")
    if kind in {"enum", "literal_error"}:
        return _("Choose one of: %(choices)s.") % {"choices": ctx.get("expected", "")}
    if kind in {"greater_than_equal", "greater_than"}:
        return _("Send a value of at least %(limit)s.") % {"limit": ctx.get("ge", ctx.get("gt"))}
    if kind in {"less_than_equal", "less_than"}:
        return _("Send a value of at most %(limit)s.") % {"limit": ctx.get("le", ctx.get("lt"))}
    if kind == "string_too_long":
        return _("Send at most %(limit)s characters.") % {"limit": ctx.get("max_length")}
    if kind == "too_long":
        return _("Send at most %(limit)s items.") % {"limit": ctx.get("max_length")}
    if kind in {"model_type", "model_attributes_type", "dict_type", "dataclass_type"}:
        return _("Send a JSON object here.")
    if kind in {"list_type", "tuple_type", "set_type"}:
        return _("Send a JSON list here.")
    if kind == "json_invalid":
        return _("The request body is not valid JSON; send a JSON object.")
    if kind == "extra_forbidden":
        return _("This field is not expected; leave it out.")
    return _("This value is not valid.")


def schema_errors(errors: Sequence[Mapping[str, Any]], *, skip: int) -> dict[str, list[str]]:
    """Pydantic's errors per field, "actions.0.due_on" style; SKIP leading parts of each location (body, payload)."""
    result: dict[str, list[str]] = {}
    for error in errors:
        field = ".".join(str(part) for part in list(error.get("loc", ()))[skip:]) or "__all__"
        result.setdefault(field, []).append(schema_error_message(error))
    return result


def form_limit(form_class: type[forms.Form], name: str) -> int:
    """The max_length of a text field of a page's form, for the API schema to declare the same limit."""
    field = form_class.base_fields[name]
    assert isinstance(field, forms.CharField) and field.max_length is not None
    return field.max_length


def check_with_form(form: forms.BaseForm, *, rename: Mapping[str, str] | None = None) -> dict[str, Any]:
    """The payload through the page's form: its errors (fields renamed to the API's) as a 422, else cleaned data."""
    if form.is_valid():
        return form.cleaned_data
    rename = rename or {}
    raise ValidationError({rename.get(field, field): list(messages) for field, messages in form.errors.items()})
