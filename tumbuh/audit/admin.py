from django.contrib import admin

from tumbuh.access.backoffice import PLATFORM, BackofficeAdmin, Rules

from .models import AuditEvent


@admin.register(AuditEvent)
class AuditEventAdmin(BackofficeAdmin):
    # The log covers every agency and the platform admins themselves: platform admins read it. It is evidence:
    # nobody adds, edits or deletes it through the back-office.
    rules = Rules(view=PLATFORM, add=None, change=None, delete=None)
    list_display = ["at", "actor", "action", "target_type", "target_id", "via"]
    list_filter = ["action", "via"]
    list_select_related = ["actor"]
    date_hierarchy = "at"
