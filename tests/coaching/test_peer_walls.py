"""Agencies are walls for peer coaching too: a colleague of another agency (or of none) is answered exactly as an
unknown NIP or address, without their name, and nothing is stored or sent. Service, page and API."""

import json
import re

import pytest
from django.core.exceptions import ValidationError

from tests.factories import AgencyFactory, EmployeeFactory
from tests.helpers import in_indonesian
from tumbuh.coaching.models import PeerInvitation
from tumbuh.coaching.services.peer import invite_peer
from tumbuh.notifications.models import Notification

pytestmark = pytest.mark.django_db

UNKNOWN = (
    "No active colleague has that NIP or e-mail address. Check it, or ask your colleague for the NIP or "
    "address they log in with."
)


@pytest.fixture
def outsider():
    other = AgencyFactory(name="Pemerintah Kabupaten Bangka", short_name="Pemkab Bangka")
    return EmployeeFactory(full_name="Yusuf Hakim", email="yusuf@bangka.go.id", agency=other)


@pytest.fixture
def platform_admin():
    return EmployeeFactory(
        full_name="Admin Platform", email="admin@tumbuh.go.id", agency=None, unit=None, is_superuser=True
    )


def without_tokens(html: str) -> str:
    """The page without its CSRF tokens, which differ on every answer."""
    return re.sub(r'(csrfmiddlewaretoken" value="|X-CSRFToken": ")[^"]+', r"\1", html)


def nothing_happened() -> None:
    assert (PeerInvitation.objects.count(), Notification.objects.count()) == (0, 0)


@pytest.mark.parametrize("who", ["outsider", "platform_admin"])
@pytest.mark.parametrize("by", ["nip", "email"])
def test_inviting_someone_outside_the_agency_is_answered_as_an_unknown_address(budi, who, by, request):
    person = request.getfixturevalue(who)
    with pytest.raises(ValidationError) as caught:
        invite_peer(by=budi, invitee=getattr(person, by), inviter_role="coachee", topic="SKP")
    assert caught.value.message_dict == {"invitee": [in_indonesian(UNKNOWN)]}
    nothing_happened()


def test_the_invitation_page_answers_for_an_outsider_as_for_an_unknown_address(client_as, budi, outsider):
    client = client_as(budi)
    data = {"inviter_role": "coachee", "topic": "Menyusun SKP", "message": ""}

    outside = client.post("/coaching/peer/invite/", {**data, "invitee": outsider.email}).content.decode()
    unknown = client.post("/coaching/peer/invite/", {**data, "invitee": "siapa@bangka.go.id"}).content.decode()

    assert without_tokens(outside).replace(outsider.email, "X") == without_tokens(unknown).replace(
        "siapa@bangka.go.id", "X"
    )
    assert f'<div class="invalid-feedback d-block">{in_indonesian(UNKNOWN)}</div>' in outside
    assert "Yusuf" not in outside
    nothing_happened()


def test_the_invitation_api_answers_for_the_platform_admin_as_for_an_unknown_address(client_as, budi, platform_admin):
    client = client_as(budi)

    def invite(login: str):
        body = {"invitee": login, "inviter_role": "coachee", "topic": "Menyusun SKP"}
        return client.post("/api/v1/peer-invitations", json.dumps(body), content_type="application/json")

    outside, unknown = invite(platform_admin.email), invite("siapa@tumbuh.go.id")

    assert (outside.status_code, outside.json()) == (unknown.status_code, unknown.json())
    assert outside.json()["errors"] == {"invitee": [in_indonesian(UNKNOWN)]}
    assert "Admin Platform" not in outside.content.decode()
    nothing_happened()
