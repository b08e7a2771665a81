"""The granted roles: the vocabulary of permissions, so it lives with the door (people stores the grants)."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class Role(models.TextChoices):
    COACH = "coach", _("Coach")
    MENTOR = "mentor", _("Mentor")
    CONSULTANT = "consultant", _("Consultant")
    SERVICE_ADMIN = "service_admin", _("Service admin")
    LEADER = "leader", _("Leader")
