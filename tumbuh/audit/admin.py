from django.contrib import admin

from .models import AuditEvent


@admin.register(AuditEvent)
class AuditEventAdmin(admin.ModelAdmin):
    list_display = ["at", "actor", "action", "target_type", "target_id", "via"]
    list_filter = ["action", "via"]
    list_select_related = ["actor"]
    date_hierarchy = "at"

    # The log is evidence: nobody edits or deletes it through the back-office.
    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False
