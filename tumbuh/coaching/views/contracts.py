"""The coaching contract: read it with its history, propose a version, accept the other party's proposal."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from tumbuh.access.policy import can, fetch
from tumbuh.audit.services import record_event
from tumbuh.common.forms import add_service_errors

from .. import selectors
from ..forms.contracts import ContractForm
from ..models import SupervisorShare
from ..services.contracts import ContractConflict, accept_contract, propose_contract


def contract_detail(request, pk: int):
    engagement = fetch(request.user, "coaching.view_contract", selectors.engagement_contracts_for(request.user), pk=pk)
    versions = list(engagement.contracts.all())  # newest first
    current = versions[0] if versions else None
    if current is not None:
        record_event(actor=request.user, action="contract.read", target=current, request=request)
    allowed = selectors.shared_with_supervisor(engagement)
    context = {
        "engagement": engagement,
        "current": current,
        "in_force": engagement.contract_in_force,
        # Each version with what changed since the one before it (None for the first version).
        "history": [
            (contract, contract.changes_since(versions[index + 1]) if index + 1 < len(versions) else None)
            for index, contract in enumerate(versions)
        ],
        "must_accept": current is not None
        and current.awaits(request.user.pk)
        and can(request.user, "coaching.accept_contract", current),
        "can_propose": can(request.user, "coaching.propose_contract", engagement),
        "supervisor_sees": [share.label for share in SupervisorShare if share in allowed],
        "supervisor_does_not_see": [share.label for share in SupervisorShare if share not in allowed],
    }
    return render(request, "coaching/contract_detail.html", context)


def contract_propose(request, pk: int):
    engagement = fetch(
        request.user, "coaching.propose_contract", selectors.engagement_contracts_for(request.user), pk=pk
    )
    latest = engagement.current_contract
    form = ContractForm(request.POST or None, engagement=engagement, latest=latest)
    conflict = None
    if request.method == "POST" and form.is_valid():
        data = dict(form.cleaned_data)
        base_version = data.pop("base_version")
        try:
            propose_contract(engagement=engagement, by=request.user, base_version=base_version, **data)
        except ContractConflict as error:
            # Keep what the user typed; the next submit is based on the version they now see beside it.
            conflict = error.current
            form = ContractForm(request.POST.copy(), engagement=engagement, latest=conflict)
            form.data["base_version"] = conflict.version
            form.is_valid()
            form.add_error(None, str(error))
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            other = engagement.other_party(request.user)
            messages.success(
                request, _("Contract proposed. %(name)s is asked to accept it.") % {"name": other.full_name}
            )
            return redirect("coaching:contract-detail", pk=engagement.pk)
    context = {"engagement": engagement, "form": form, "latest": latest, "conflict": conflict}
    return render(request, "coaching/contract_form.html", context)


@require_POST
def contract_accept(request, pk: int):
    contract = fetch(request.user, "coaching.accept_contract", selectors.contracts_visible_to(request.user), pk=pk)
    try:
        contract = accept_contract(contract=contract, by=request.user)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(
            request,
            _("You accepted version %(version)s. The contract is now in force.") % {"version": contract.version},
        )
    return redirect("coaching:contract-detail", pk=contract.engagement_id)
