from django.contrib import admin
from django.contrib.auth.admin import UserAdmin
from django.utils.translation import gettext_lazy as _

from .models import Agency, ApiToken, Employee, RoleGrant, Unit


@admin.register(Agency)
class AgencyAdmin(admin.ModelAdmin):
    list_display = ["name", "short_name"]
    search_fields = ["name", "short_name"]


@admin.register(Unit)
class UnitAdmin(admin.ModelAdmin):
    list_display = ["name", "parent", "agency"]
    list_filter = ["agency"]
    list_select_related = ["parent", "agency"]
    search_fields = ["name"]
    autocomplete_fields = ["parent"]


class RoleGrantInline(admin.TabularInline):
    model = RoleGrant
    extra = 0
    fk_name = "employee"


@admin.register(Employee)
class EmployeeAdmin(UserAdmin):
    ordering = ["full_name"]
    list_display = ["full_name", "nip", "email", "unit", "position_type", "is_active"]
    list_filter = ["agency", "position_type", "is_widyaiswara", "is_active", "is_staff"]
    list_select_related = ["unit"]
    search_fields = ["full_name", "nip", "email"]
    autocomplete_fields = ["supervisor", "unit"]
    inlines = [RoleGrantInline]
    fieldsets = [
        (None, {"fields": ["nip", "email", "password"]}),
        (_("Person"), {"fields": ["full_name", "phone", "language", "time_zone"]}),
        (_("Position"), {"fields": ["agency", "unit", "position", "position_type", "supervisor", "is_widyaiswara"]}),
        (_("Access"), {"fields": ["is_active", "is_staff", "is_superuser", "groups"]}),
    ]
    add_fieldsets = [
        (None, {"fields": ["nip", "email", "full_name", "agency", "unit", "password1", "password2"]}),
    ]
    filter_horizontal = ["groups"]


@admin.register(ApiToken)
class ApiTokenAdmin(admin.ModelAdmin):
    list_display = ["name", "employee", "created_at", "last_used_at"]
    list_select_related = ["employee"]
    readonly_fields = ["digest", "created_at", "last_used_at"]
