"""Print the classifier's precision, recall and F1 per class on the labelled sets, as Markdown (docs/analyzer.md)."""

from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from tumbuh.analyzer.evaluation import evaluate, load, markdown

DATA = Path(settings.BASE_DIR) / "tests" / "analyzer" / "data"
SETS = (("Tuning set", "utterances.tsv"), ("Held-out set", "utterances_heldout.tsv"))


class Command(BaseCommand):
    help = "Evaluate the conversation analyzer's classifier on the labelled utterances; prints Markdown tables."

    def add_arguments(self, parser):
        parser.add_argument("--data", type=Path, default=DATA, help="Folder with the labelled .tsv files.")

    def handle(self, *args, data: Path, **options):
        for title, name in SETS:
            path = data / name
            if not path.exists():
                raise CommandError(f"No labelled set at {path}.")
            self.stdout.write(markdown(title, evaluate(load(path))) + "\n")
