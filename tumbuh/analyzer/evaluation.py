"""Precision and recall of the classifier on a labelled set of utterances (label<TAB>language<TAB>text)."""

import csv
from dataclasses import dataclass
from pathlib import Path

from .classify import CLASSES, classify_utterance


@dataclass(frozen=True)
class Example:
    label: str
    language: str
    text: str


@dataclass(frozen=True)
class Scores:
    precision: float
    recall: float
    f1: float
    support: int


@dataclass
class Evaluation:
    examples: list[Example]
    predicted: list[str]

    @property
    def accuracy(self) -> float:
        right = sum(1 for example, guess in zip(self.examples, self.predicted, strict=True) if example.label == guess)
        return right / len(self.examples) if self.examples else 0.0

    def accuracy_in(self, language: str) -> tuple[float, int]:
        pairs = [(e, g) for e, g in zip(self.examples, self.predicted, strict=True) if e.language == language]
        right = sum(1 for example, guess in pairs if example.label == guess)
        return (right / len(pairs) if pairs else 0.0), len(pairs)

    def confusion(self) -> dict[str, dict[str, int]]:
        """confusion[true label][predicted label] = count."""
        table = {label: dict.fromkeys(CLASSES, 0) for label in CLASSES}
        for example, guess in zip(self.examples, self.predicted, strict=True):
            table[example.label][guess] += 1
        return table

    def scores(self) -> dict[str, Scores]:
        table = self.confusion()
        result = {}
        for label in CLASSES:
            hit = table[label][label]
            guessed = sum(table[truth][label] for truth in CLASSES)
            actual = sum(table[label].values())
            precision = hit / guessed if guessed else 0.0
            recall = hit / actual if actual else 0.0
            f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
            result[label] = Scores(precision, recall, f1, actual)
        return result

    def mistakes(self) -> list[tuple[Example, str]]:
        return [(e, g) for e, g in zip(self.examples, self.predicted, strict=True) if e.label != g]


def load(path: Path) -> list[Example]:
    with path.open(encoding="utf-8", newline="") as handle:
        reader = csv.DictReader(handle, delimiter="\t", quoting=csv.QUOTE_NONE)
        return [Example(row["label"], row["language"], row["text"]) for row in reader]


def evaluate(examples: list[Example]) -> Evaluation:
    return Evaluation(examples, [classify_utterance(example.text) for example in examples])


def markdown(title: str, evaluation: Evaluation) -> str:
    """Per-class precision, recall and F1, then the confusion matrix, as Markdown tables."""
    by_language = []
    for language in ("id", "en"):
        accuracy, count = evaluation.accuracy_in(language)
        by_language.append(f"{language} {accuracy:.2f} ({count} utterances)")
    lines = [
        f"#### {title}: {len(evaluation.examples)} utterances, accuracy {evaluation.accuracy:.2f}",
        "",
        f"Accuracy by language: {', '.join(by_language)}.",
        "",
        "| class | precision | recall | F1 | utterances |",
        "|---|---:|---:|---:|---:|",
    ]
    for label, score in evaluation.scores().items():
        lines.append(f"| {label} | {score.precision:.2f} | {score.recall:.2f} | {score.f1:.2f} | {score.support} |")
    lines += ["", "Confusion matrix (rows: true label, columns: predicted):", ""]
    lines.append("| true \\ predicted | " + " | ".join(CLASSES) + " |")
    lines.append("|---|" + "---:|" * len(CLASSES))
    for label, row in evaluation.confusion().items():
        lines.append(f"| {label} | " + " | ".join(str(row[guess]) for guess in CLASSES) + " |")
    return "\n".join(lines) + "\n"
