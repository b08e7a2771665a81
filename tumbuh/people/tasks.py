"""Background work for people. Tasks take plain values and call a service."""

from django.tasks import task

from . import services


@task()
def send_password_reset_email(email: str, domain: str, use_https: bool) -> None:
    services.send_password_reset_email(email=email, domain=domain, use_https=use_https)
