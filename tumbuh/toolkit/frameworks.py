"""The conversation models a session can follow (GROW, CLEAR, OSCAR, micro-coaching) and their stages.

One definition, used by the session canvas, the question bank, the printable templates and the
conversation analyzer, so a stage has the same code and name everywhere.
"""

from dataclasses import dataclass

from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy


@dataclass(frozen=True)
class Stage:
    code: str
    label: str | Promise
    purpose: str | Promise
    # The stage where the coachee commits to actions: its notes become action items.
    creates_actions: bool = False


@dataclass(frozen=True)
class Framework:
    code: str
    label: str | Promise
    summary: str | Promise
    stages: tuple[Stage, ...]

    def stage(self, code: str) -> Stage:
        return next(stage for stage in self.stages if stage.code == code)

    def has_stage(self, code: str) -> bool:
        return any(stage.code == code for stage in self.stages)

    @property
    def action_stage(self) -> Stage:
        return next(stage for stage in self.stages if stage.creates_actions)


GROW = Framework(
    "grow",
    "GROW",
    _("Goal, Reality, Options, Will: from what the coachee wants to what they will do."),
    (
        Stage(
            "goal",
            pgettext_lazy("model stage", "Goal"),
            _("What does the coachee want from this session and beyond it?"),
        ),
        Stage(
            "reality",
            pgettext_lazy("model stage", "Reality"),
            _("Where are things now: facts, attempts so far, obstacles."),
        ),
        Stage(
            "options",
            pgettext_lazy("model stage", "Options"),
            _("Which ways forward can the coachee see? Widen before choosing."),
        ),
        Stage(
            "will",
            pgettext_lazy("model stage", "Will"),
            _("What will the coachee do, by when, and how committed are they?"),
            True,
        ),
    ),
)
CLEAR = Framework(
    "clear",
    "CLEAR",
    _("Contract, Listen, Explore, Action, Review: agree the scope first, review at the end."),
    (
        Stage(
            "contract",
            pgettext_lazy("model stage", "Contract"),
            _("Agree the topic, the outcome wanted and how you will work today."),
        ),
        Stage(
            "listen",
            pgettext_lazy("model stage", "Listen"),
            _("Listen actively and reflect back what you hear, without judging."),
        ),
        Stage(
            "explore",
            pgettext_lazy("model stage", "Explore"),
            _("Help the coachee see the situation and its possibilities afresh."),
        ),
        Stage(
            "action",
            pgettext_lazy("model stage", "Action"),
            _("The coachee chooses concrete steps with deadlines."),
            True,
        ),
        Stage(
            "review",
            pgettext_lazy("model stage", "Review"),
            _("Look back on the session: what was useful, what to change."),
        ),
    ),
)
OSCAR = Framework(
    "oscar",
    "OSCAR",
    _("Outcome, Situation, Choices, Actions, Review: for managers coaching their own staff."),
    (
        Stage(
            "outcome",
            pgettext_lazy("model stage", "Outcome"),
            _("The result the coachee wants, long term and for today."),
        ),
        Stage(
            "situation",
            pgettext_lazy("model stage", "Situation"),
            _("The current situation, and what the coachee has tried."),
        ),
        Stage("choices", pgettext_lazy("model stage", "Choices"), _("Possible choices and their consequences.")),
        Stage(
            "actions", pgettext_lazy("model stage", "Actions"), _("The steps the coachee commits to, with dates."), True
        ),
        Stage("review", pgettext_lazy("model stage", "Review"), _("How and when progress will be reviewed together.")),
    ),
)
MICRO = Framework(
    "micro",
    _("Micro-coaching"),
    _("10–15 minutes on one screen: one focus, one insight, one action."),
    (
        Stage("focus", pgettext_lazy("model stage", "Focus"), _("The one thing to work on in these few minutes.")),
        Stage("insight", pgettext_lazy("model stage", "Insight"), _("What the coachee now sees differently.")),
        Stage("action", pgettext_lazy("model stage", "Action"), _("The one next step, with a date."), True),
    ),
)

FRAMEWORKS: dict[str, Framework] = {framework.code: framework for framework in (GROW, CLEAR, OSCAR, MICRO)}


def stage_choices() -> list[tuple[str, str]]:
    """(framework:stage, "FRAMEWORK – Stage") pairs, for forms and the question bank."""
    return [
        (f"{framework.code}:{stage.code}", f"{framework.label} – {stage.label}")
        for framework in FRAMEWORKS.values()
        for stage in framework.stages
    ]
