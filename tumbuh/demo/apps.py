from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class DemoConfig(AppConfig):
    """The demo data (`manage.py seed_demo`): above every domain app, so it may fill each of them."""

    name = "tumbuh.demo"
    verbose_name = _("Demo data")
