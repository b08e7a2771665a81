from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AnalyzerConfig(AppConfig):
    name = "tumbuh.analyzer"
    verbose_name = _("Conversation analyzer")
