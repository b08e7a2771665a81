"""Who may use the toolkit and who may extend its question bank.

Everyone signed in reads every cheat sheet, the bank and the templates. An agency's service admins (as
`access.predicates` knows them) extend their agency's bank and retire what they added; the built-in bank is
the same for every agency and changes only with a release.
"""

import rules

from tumbuh.access.predicates import administered_agency_ids, is_platform_admin

from .models import Question


@rules.predicate
def runs_own_agency(user) -> bool:
    """A service admin of the agency the person works in: that agency's bank is the one they see and extend."""
    return user.is_authenticated and user.agency_id is not None and user.agency_id in administered_agency_ids(user)


@rules.predicate
def is_agency_question(user, question) -> bool:
    return isinstance(question, Question) and question.agency_id is not None


@rules.predicate
def runs_question_agency(user, question) -> bool:
    return user.is_authenticated and question.agency_id in administered_agency_ids(user)


rules.add_perm("toolkit.view_toolkit", rules.is_authenticated)
rules.add_perm("toolkit.add_question", runs_own_agency | is_platform_admin)
rules.add_perm("toolkit.retire_question", is_agency_question & (runs_question_agency | is_platform_admin))
