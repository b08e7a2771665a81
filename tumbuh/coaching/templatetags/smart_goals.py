from decimal import Decimal

from django import template

from tumbuh.coaching.models import Goal
from tumbuh.coaching.selectors import goal_hints as hints_of
from tumbuh.coaching.smart import Hint, format_amount

register = template.Library()


@register.filter
def amount(value: Decimal | None, unit: str = "") -> str:
    """An indicator's value with its unit, as the reader writes numbers: 7,5 hari; 60%."""
    return format_amount(value, unit)


@register.simple_tag
def goal_hints(goal: Goal) -> list[Hint]:
    """The goal's SMART hints (the engagement's planned end is worked out once per page)."""
    return hints_of(goal)
