"""A web request keeps its database connection for the next one: opening a new connection (PostgreSQL's
log-in, a new server process) cost more than a whole /healthz request (issue 10)."""

import pytest
from django.core.signals import request_finished, request_started
from django.db import connection


@pytest.mark.django_db(transaction=True)
def test_the_connection_outlives_a_request():
    # What a WSGI server sends around each request; Django's test client keeps these signals to itself.
    request_started.send(sender=None)
    connection.ensure_connection()
    opened = connection.connection
    request_finished.send(sender=None)

    request_started.send(sender=None)
    assert connection.connection is opened
    request_finished.send(sender=None)


@pytest.mark.django_db(transaction=True)
def test_a_connection_is_checked_before_it_is_used_again():
    # Without the check, the first request after a database restart would fail in each worker.
    assert connection.settings_dict["CONN_HEALTH_CHECKS"] is True
