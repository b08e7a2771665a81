"""The cheat sheets of the toolkit: one per conversation model, plus SMART goals and SBI feedback.

The written guidance of each sheet lives in its template (``toolkit/cheatsheets/<slug>.html``); a model's
stages and key questions come from ``frameworks.py`` and the question bank.
"""

from dataclasses import dataclass

from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from .frameworks import FRAMEWORKS, Framework


@dataclass(frozen=True)
class CheatSheet:
    slug: str
    title: str | Promise
    summary: str | Promise

    @property
    def framework(self) -> Framework | None:
        return FRAMEWORKS.get(self.slug)

    @property
    def template_name(self) -> str:
        return f"toolkit/cheatsheets/{self.slug}.html"


CHEATSHEETS: dict[str, CheatSheet] = {
    sheet.slug: sheet
    for sheet in (
        *(CheatSheet(code, framework.label, framework.summary) for code, framework in FRAMEWORKS.items()),
        CheatSheet(
            "smart",
            _("SMART goals"),
            _("Specific, Measurable, Achievable, Relevant, Time-bound: a goal both of you can check."),
        ),
        CheatSheet(
            "sbi",
            _("SBI feedback"),
            _("Situation, Behaviour, Impact: feedback about what was seen and its effect, not about the person."),
        ),
    )
}
