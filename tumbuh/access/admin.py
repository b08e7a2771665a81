"""Models of libraries that register their own back-office pages: platform admins only.

Their own admins ask Django's model permissions, which a group can hand to anyone with back-office access;
here they are registered again on `BackofficeAdmin`, whose rules decide. (Django's groups: `people/admin.py`.)
"""

from django.contrib import admin
from django_tasks_db.admin import DBTaskResultAdmin as LibraryTaskResultAdmin
from django_tasks_db.models import DBTaskResult

from .backoffice import PLATFORM, BackofficeAdmin, Rules

admin.site.unregister(DBTaskResult)


@admin.register(DBTaskResult)
class TaskResultAdmin(BackofficeAdmin, LibraryTaskResultAdmin):
    # Background tasks of every agency, their arguments and tracebacks: platform admins read them, nobody edits.
    rules = Rules(view=PLATFORM, add=None, change=None, delete=None)
