"""Coaching records in the back-office: platform admins only.

A service admin runs her agency's service, not its coaching conversations: the app refuses her every
engagement and session (404), and the back-office does the same.
"""

from django.contrib import admin

from tumbuh.access.backoffice import PLATFORM_ONLY, BackofficeAdmin

from .models import Engagement, Session


@admin.register(Engagement)
class EngagementAdmin(BackofficeAdmin):
    rules = PLATFORM_ONLY
    list_display = ["topic", "coachee", "coach", "kind", "status", "created_at"]
    list_filter = ["kind", "status"]
    list_select_related = ["coach", "coachee"]
    search_fields = ["topic", "coach__full_name", "coachee__full_name"]
    autocomplete_fields = ["coach", "coachee"]


@admin.register(Session)
class SessionAdmin(BackofficeAdmin):
    """Back-office sees when sessions happened, never what was said: notes are left out on purpose.

    Goals and actions are not in the back-office at all; they belong to coach and coachee.
    """

    rules = PLATFORM_ONLY
    list_display = ["engagement", "scheduled_at", "duration_minutes", "mode", "status"]
    list_filter = ["mode", "status"]
    list_select_related = ["engagement__coach", "engagement__coachee"]
    exclude = ["shared_notes", "private_notes", "stage_notes"]
    readonly_fields = ["version"]
