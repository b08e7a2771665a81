from django import template
from django.utils.translation import get_language

from tumbuh.toolkit.models import Question

register = template.Library()


@register.filter
def asked(question: Question) -> str:
    """The question in the reader's language (Indonesian when it has no English version)."""
    return question.text_in(get_language())
