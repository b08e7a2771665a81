import rules

from tumbuh.access.predicates import administers_agency_of, is_platform_admin, is_service_admin
from tumbuh.people.models import Role

# Roles an agency's service admin may grant in her own agency. They label the agency's coaches, mentors,
# consultants and leaders; service admin opens a back-office, so only platform admins grant it.
# A new role stays platform-only until it is added here on purpose.
AGENCY_ROLES = frozenset({Role.COACH, Role.MENTOR, Role.CONSULTANT, Role.LEADER})


@rules.predicate
def is_staff(user) -> bool:
    return user.is_authenticated and user.is_staff


@rules.predicate
def is_self(user, employee) -> bool:
    return employee is not None and user.pk == employee.pk


@rules.predicate
def holds_no_admin_access(user, employee) -> bool:
    """EMPLOYEE has no back-office flag and runs no agency's service: an ordinary employee (None: any)."""
    if employee is None:
        return True
    return not (employee.is_staff or employee.is_superuser or employee.has_role(Role.SERVICE_ADMIN))


@rules.predicate
def grants_an_agency_role(user, grant) -> bool:
    """GRANT is of a role a service admin may hand out, to an ordinary employee (None: any)."""
    return grant is None or (grant.role in AGENCY_ROLES and holds_no_admin_access(user, grant.employee))


is_platform_staff = is_staff & is_platform_admin
is_backoffice_user = is_staff & (is_platform_admin | is_service_admin)
# A service admin acts only inside the agencies she runs; a platform admin everywhere.
in_her_agency = is_backoffice_user & administers_agency_of

rules.add_perm("people.use_backoffice", is_backoffice_user)
# The platform's own back-office: other agencies, API tokens, groups, coaching records and the audit log.
rules.add_perm("people.manage_platform", is_platform_staff)
# Access itself: back-office flags, groups, permissions, passwords and the e-mail address that password resets
# are sent to. Whoever holds this can become anyone, so it stays with platform admins.
rules.add_perm("people.manage_access", is_platform_staff)
# An agency's records in the back-office (its units; its service's topics, providers and policy).
rules.add_perm("people.manage_agency_records", is_platform_staff | in_her_agency)
# People of her agency who hold no admin access; she never opens a staff, superuser or service-admin account.
rules.add_perm("people.manage_employee", is_platform_staff | (in_her_agency & holds_no_admin_access))
rules.add_perm("people.grant_role", is_platform_staff | (in_her_agency & grants_an_agency_role))
rules.add_perm("people.view_own_profile", rules.is_authenticated)
rules.add_perm("people.change_own_profile", rules.is_authenticated)
rules.add_perm("people.manage_own_api_tokens", rules.is_active)


@rules.predicate
def owns_token(user, token) -> bool:
    return token is not None and user.pk == token.employee_id


# The services' own doors: one's own password and tokens, or a platform admin's (as manage_access says).
rules.add_perm("people.change_password", is_self | is_platform_staff)
rules.add_perm("people.revoke_api_token", owns_token | is_platform_staff)
