from django.apps import AppConfig


class BenchConfig(AppConfig):
    """The benchmark's data set (`manage.py bench_seed`): above every domain app, so it may fill each of them.

    It has no models and no pages, so nothing of it is shown to users (and nothing to translate).
    """

    name = "tumbuh.bench"
