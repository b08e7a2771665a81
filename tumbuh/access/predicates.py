"""Predicates shared by every app's rules.py."""

import rules

from .roles import Role

is_platform_admin = rules.is_superuser


def has_role(role: str) -> rules.Predicate:
    @rules.predicate(name=f"has_role:{role}")
    def predicate(user) -> bool:
        return user.is_authenticated and user.has_role(role)

    return predicate


is_service_admin = has_role(Role.SERVICE_ADMIN)
is_coach = has_role(Role.COACH)
is_leader = has_role(Role.LEADER)

_ADMINISTERED = "_administered_agency_ids"


def administered_agency_ids(user) -> frozenset[int]:
    """The agencies in which USER is a service admin; looked up once per user object (one request)."""
    if not user.is_authenticated:
        return frozenset()
    if not hasattr(user, _ADMINISTERED):
        grants = user.role_grants.filter(role=Role.SERVICE_ADMIN).values_list("agency_id", flat=True)
        setattr(user, _ADMINISTERED, frozenset(grants))
    return getattr(user, _ADMINISTERED)


AGENCY_MODEL = "people.agency"


def agency_id_of(obj) -> int | None:
    """The agency a record belongs to: the agency itself, or the record's own ``agency``."""
    # access sits below people: it knows the agency model by its label, not by importing it.
    return obj.pk if obj._meta.label_lower == AGENCY_MODEL else obj.agency_id


@rules.predicate
def administers_agency_of(user, obj) -> bool:
    """OBJ belongs to an agency USER runs as service admin; without OBJ, whether USER runs any."""
    ids = administered_agency_ids(user)
    return bool(ids) if obj is None else agency_id_of(obj) in ids
