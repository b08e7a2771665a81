"""Predicates shared by every app's rules.py."""

import rules

from tumbuh.people.models import Role

is_platform_admin = rules.is_superuser


def has_role(role: str) -> rules.Predicate:
    @rules.predicate(name=f"has_role:{role}")
    def predicate(user) -> bool:
        return user.is_authenticated and user.has_role(role)

    return predicate


is_service_admin = has_role(Role.SERVICE_ADMIN)
is_coach = has_role(Role.COACH)
is_leader = has_role(Role.LEADER)
