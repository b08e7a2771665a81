"""Fill the database with the benchmark's national-scale data set and write what the benchmark needs to know."""

import json
from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import connection

from tumbuh.bench.world import PASSWORD, ForeignData, Options, build


class Command(BaseCommand):
    help = (
        "Replace the benchmark data with a generated national-scale data set (scale 1.0: 100 agencies, "
        "200k employees, 1M sessions, ...). Refuses a database holding other data unless --wipe is given."
    )

    def add_arguments(self, parser):
        parser.add_argument("--scale", type=float, default=1.0, help="Multiplies every count (default 1.0).")
        parser.add_argument(
            "--out", default=str(settings.VAR_DIR / "bench" / "world.json"), help="Where to write the JSON."
        )
        parser.add_argument("--password", default=PASSWORD, help="Every account's password.")
        parser.add_argument(
            "--wipe", action="store_true", help="Empty the database's people and everything theirs, even if not ours."
        )

    def handle(self, *args, scale, out, password, wipe, **kwargs):
        database = connection.settings_dict["NAME"]
        self.stdout.write(f"bench_seed: scale {scale} into {connection.vendor} database {database}")
        try:
            world = build(
                Options(scale=scale, password=password, wipe=wipe),
                progress=lambda step: self.stdout.write(f"  {step}..."),
            )
        except ForeignData as error:
            raise CommandError(
                f"The database {database} holds data bench_seed did not make ({error}); "
                "run it on an empty database, or pass --wipe to delete that data."
            ) from error
        except ValueError as error:
            raise CommandError(str(error)) from error
        for name, figures in sorted(world["tables"].items(), key=lambda item: -item[1]["seconds"]):
            self.stdout.write(f"  {name:40} {figures['rows']:>10} rows {figures['seconds']:>9.2f} s")
        for name, seconds in world["phases"].items():
            self.stdout.write(f"  ({name}){'':{38 - len(name)}} {'':>15} {seconds:>9.2f} s")
        self.stdout.write(f"  total {world['seconds']:.2f} s")
        path = Path(out)
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(json.dumps(world, indent=2))
        self.stdout.write(self.style.SUCCESS(f"Wrote {path} (password: {password})"))
