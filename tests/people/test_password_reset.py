import re

from django.core import mail
from django.test import Client
from django.urls import reverse


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
