"""The one door: every view and API endpoint asks here who may do what to which object.

Rules themselves live in each app's ``rules.py`` as named predicates (the ``rules`` library).
An object the user may not even see is a 404 (its existence is not revealed);
an object they can see but may not act on is a 403.
"""

import rules
from django.core.exceptions import ObjectDoesNotExist, PermissionDenied
from django.db import models
from django.http import Http404
from django.utils.translation import gettext as _


def can(user, perm: str, obj: models.Model | None = None) -> bool:
    """Whether USER holds PERM, on OBJ when given."""
    return rules.has_perm(perm, user, obj)


def require(user, perm: str, obj: models.Model | None = None, *, message: str | None = None) -> None:
    """Raise PermissionDenied unless USER holds PERM (on OBJ); MESSAGE, when given, says why in the service's words."""
    if not can(user, perm, obj):
        raise PermissionDenied(message or _("You do not have access to this."))


def fetch[M: models.Model](user, perm: str, visible: models.QuerySet[M], **lookup) -> M:
    """Get one object out of a queryset already scoped to USER, then check PERM on it.

    ``visible`` comes from a selector such as ``engagements_visible_to(user)``.
    """
    try:
        obj = visible.get(**lookup)
    except (ObjectDoesNotExist, ValueError):
        raise Http404(_("This page does not exist or you do not have access to it.")) from None
    require(user, perm, obj)
    return obj
