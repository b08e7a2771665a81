"""Password reset: a mailed link, the same answer for every address, and tokens and sessions ended."""

import re

import pytest
from django.core import mail
from django.tasks import task_backends
from django.test import Client
from django.urls import reverse

from tumbuh.people.services import send_password_reset_email


def test_password_reset_sends_a_working_link_by_email(budi):
    client = Client()
    response = client.post(reverse("password_reset"), {"email": "budi@babelprov.go.id"})
    assert response["Location"] == reverse("password_reset_done")

    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == ["budi@babelprov.go.id"]
    assert "Budi Santoso" in message.body
    link = re.search(r"https?://[^/\s]+(/accounts/password/reset/\S+/)", message.body).group(1)

    form_page = client.get(link, follow=True)
    assert form_page.context["validlink"] is True
    set_url = form_page.redirect_chain[-1][0]
    done = client.post(set_url, {"new_password1": "Baru-dan-Panjang-2026", "new_password2": "Baru-dan-Panjang-2026"})
    assert done["Location"] == reverse("password_reset_complete")
    budi.refresh_from_db()
    assert budi.check_password("Baru-dan-Panjang-2026")


def test_password_reset_for_an_unknown_address_sends_nothing_and_reveals_nothing(db):
    response = Client().post(reverse("password_reset"), {"email": "siapa@contoh.go.id"})
    assert response["Location"] == reverse("password_reset_done")
    assert mail.outbox == []


def test_reset_mail_is_written_in_the_site_language(budi):
    Client().post(reverse("password_reset"), {"email": budi.email})
    assert "Atur ulang" in mail.outbox[0].subject or "kata sandi" in mail.outbox[0].subject.lower()


@pytest.fixture
def queued(settings):
    """Keep enqueued tasks instead of running them."""
    settings.TASKS = {"default": {"BACKEND": "django.tasks.backends.dummy.DummyBackend"}}
    backend = task_backends["default"]
    backend.clear()
    return backend.results


def test_known_and_unknown_addresses_get_the_same_answer_and_the_same_work(budi, queued):
    known = Client().post(reverse("password_reset"), {"email": budi.email})
    unknown = Client().post(reverse("password_reset"), {"email": "siapa@contoh.go.id"})

    assert (known.status_code, known["Location"], known.content) == (302, reverse("password_reset_done"), b"")
    assert (unknown.status_code, unknown["Location"], unknown.content) == (302, reverse("password_reset_done"), b"")
    # The web request only queues the look-up; whether a mail goes out is decided in the task.
    assert [(result.task.name, result.args) for result in queued] == [
        ("send_password_reset_email", [budi.email, "testserver", False]),
        ("send_password_reset_email", ["siapa@contoh.go.id", "testserver", False]),
    ]
    assert mail.outbox == []


def test_reset_task_mails_only_active_accounts_with_that_address(budi, dewi):
    dewi.is_active = False
    dewi.save(update_fields=["is_active"])

    assert send_password_reset_email(email="BUDI@babelprov.go.id", domain="tumbuh.example", use_https=True) == 1
    assert send_password_reset_email(email=dewi.email, domain="tumbuh.example", use_https=True) == 0
    assert send_password_reset_email(email="siapa@contoh.go.id", domain="tumbuh.example", use_https=True) == 0

    assert [message.to for message in mail.outbox] == [["budi@babelprov.go.id"]]
    assert "https://tumbuh.example/accounts/password/reset/" in mail.outbox[0].body
