"""The back-office shows a broken coaching constraint as a form error in plain words, and saves nothing."""

import pytest
from django.urls import reverse
from django.utils.translation import override

from tests.backoffice import shown_form
from tumbuh.coaching.models import Engagement

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("back_office_in_english")]


def test_back_office_refuses_an_engagement_where_the_coach_coaches_themselves(sari, platform_admin, client_as):
    client = client_as(platform_admin)
    url = reverse("admin:coaching_engagement_add")
    body = shown_form(client.get(url)) | {"coach": sari.pk, "coachee": sari.pk, "topic": "Refleksi diri"}
    with override("en"):
        response = client.post(url, body)
        errors = {name: list(messages) for name, messages in response.context["adminform"].form.errors.items()}
    assert response.status_code == 200
    assert errors == {"__all__": ["A person cannot coach themselves; choose another coach."]}
    assert not Engagement.objects.exists()
