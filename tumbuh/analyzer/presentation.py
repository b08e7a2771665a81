"""How a report reads: the words of its tips, move names and stage names, in the reader's language."""

from dataclasses import dataclass

from django.utils.functional import Promise
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from tumbuh.toolkit.frameworks import FRAMEWORKS

from .classify import CLOSED, DIRECTIVE, OPEN, OTHER, REFLECTIVE
from .report import share_percent

CLASS_LABELS: dict[str, str | Promise] = {
    OPEN: gettext_lazy("Open questions"),
    CLOSED: gettext_lazy("Closed questions"),
    DIRECTIVE: gettext_lazy("Advice and instructions"),
    REFLECTIVE: gettext_lazy("Reflections and paraphrases"),
    OTHER: gettext_lazy("Other sentences"),
}
CLASS_HINTS: dict[str, str | Promise] = {
    OPEN: gettext_lazy("Questions that invite the coachee to think and tell: what, how, why, tell me more."),
    CLOSED: gettext_lazy("Questions answered with yes, no or a fact: apakah, sudah…?, kapan, berapa."),
    DIRECTIVE: gettext_lazy("Telling the coachee what to do, also as a question: sebaiknya, harus, coba Anda…"),
    REFLECTIVE: gettext_lazy("Saying back what you heard, felt or understood: jadi yang saya dengar…"),
    OTHER: gettext_lazy("Greetings, agreements, information and encouragement."),
}


@dataclass(frozen=True)
class Tip:
    title: str
    text: str
    example: str = ""
    suggestion: str = ""


def tip_for(code: str, params: dict) -> Tip:
    """The tip CODE with PARAMS, as the reader sees it."""
    if code == "talk_less":
        share = share_percent(params["coach_words"], params["total_words"])
        return Tip(
            _("Listen more, talk less"),
            _(
                "You spoke %(share)s%% of the words. In coaching the coachee does most of the thinking aloud: "
                "aim for 40%% or less. Ask one short question, then stay silent and let the coachee finish."
            )
            % {"share": share},
        )
    if code == "advice_to_questions":
        return Tip(
            _("Turn advice into questions"),
            _(
                "You gave advice %(directive)s times and asked %(open)s open questions. Let the coachee find "
                "their own way first: instead of what you said, ask a question such as the one below."
            )
            % {"directive": params["directive"], "open": params["open"]},
            params["example"],
            params["rewrite"],
        )
    if code == "open_up":
        return Tip(
            _("Open your questions"),
            _(
                "%(closed)s closed questions against %(open)s open ones. Start with “what”, “how” or “to what "
                "extent” so that the coachee explains rather than answers yes or no."
            )
            % {"closed": params["closed"], "open": params["open"]},
            params["example"],
            params["rewrite"],
        )
    if code == "reflect":
        return Tip(
            _("Say back what you heard"),
            _(
                "There was no paraphrase or reflection. Now and then, sum up the coachee's words and feelings "
                "before the next question: it shows you listen and lets them hear themselves."
            ),
            suggestion=params["phrase"],
        )
    if code == "commit":
        return Tip(
            _("Close with a commitment"),
            _(
                "The conversation did not reach the Will / Action stage. Before you end, ask what the coachee "
                "will do, by when, and how sure they are, and record it as actions."
            ),
            suggestion=params["question"],
        )
    if code == "one_question":
        return Tip(
            _("One question at a time"),
            _(
                "In %(turns)s of your turns you asked two or more questions at once. Ask one, then wait: "
                "the coachee can only answer one."
            )
            % {"turns": params["turns"]},
            params["example"],
        )
    if code == "agree_goal":
        return Tip(
            _("Agree the goal first"),
            _("No goal for the session was named. Start by asking what the coachee wants from the conversation."),
            suggestion=params["question"],
        )
    if code == "review":
        return Tip(
            _("Review the session together"),
            _("The conversation ended without looking back. Ask what was useful and when you will follow up."),
            suggestion=params["question"],
        )
    if code == "keep_open":
        return Tip(
            _("Keep asking open questions"),
            _("%(open)s open questions: most of your questions let the coachee think. Keep doing this.")
            % {"open": params["open"]},
        )
    if code == "keep_listening":
        share = share_percent(params["coach_words"], params["total_words"])
        return Tip(
            _("Keep the space for the coachee"),
            _("You spoke %(share)s%% of the words: the coachee did most of the talking. Keep it that way.")
            % {"share": share},
        )
    return Tip(
        _("Prepare your next questions"),
        _(
            "Before the next session, choose three open questions from the toolkit's question bank for the stage "
            "you expect to work on, and keep them at hand."
        ),
    )


@dataclass(frozen=True)
class MoveRow:
    code: str
    label: str | Promise
    hint: str | Promise
    count: int
    examples: list[str]


@dataclass(frozen=True)
class StageRow:
    label: str | Promise
    covered: bool
    count: int
    example: str


@dataclass(frozen=True)
class FrameworkRow:
    label: str | Promise
    stages: list[StageRow]

    @property
    def covered(self) -> int:
        return sum(1 for stage in self.stages if stage.covered)


def moves_of(report: dict) -> list[MoveRow]:
    return [
        MoveRow(code, CLASS_LABELS[code], CLASS_HINTS[code], report["counts"][code], report["examples"][code])
        for code in CLASS_LABELS
    ]


def stages_of(report: dict) -> list[FrameworkRow]:
    rows = []
    for code, stages in report["stages"].items():
        framework = FRAMEWORKS[code]
        rows.append(
            FrameworkRow(
                framework.label,
                [
                    StageRow(framework.stage(row["stage"]).label, row["count"] > 0, row["count"], row["example"])
                    for row in stages
                ],
            )
        )
    return rows


def tips_of(report: dict) -> list[Tip]:
    return [tip_for(tip["code"], tip["params"]) for tip in report["tips"]]


@dataclass(frozen=True)
class SpeakerRow:
    name: str
    words: int
    turns: int
    share: int
    is_coach: bool


def speakers_of(report: dict) -> list[SpeakerRow]:
    total = report["total_words"]
    return [
        SpeakerRow(s["name"], s["words"], s["turns"], share_percent(s["words"], total), s["name"] == report["coach"])
        for s in report["speakers"]
    ]
