import rules

from tumbuh.access.predicates import is_platform_admin, is_service_admin


@rules.predicate
def is_staff(user) -> bool:
    return user.is_authenticated and user.is_staff


@rules.predicate
def is_self(user, employee) -> bool:
    return employee is not None and user.pk == employee.pk


rules.add_perm("people.use_backoffice", is_staff & (is_platform_admin | is_service_admin))
rules.add_perm("people.view_own_profile", rules.is_authenticated)
rules.add_perm("people.change_own_profile", rules.is_authenticated)
rules.add_perm("people.manage_own_api_tokens", rules.is_active)
