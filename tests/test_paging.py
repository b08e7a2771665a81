"""Long lists are counted up to MAX_COUNT: exact below it, "at least" past it (tumbuh/common/paging.py)."""

import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests.service.factories import ServiceRequestFactory
from tumbuh.common import paging
from tumbuh.common.paging import CappedPaginator, count_up_to
from tumbuh.service.models import ServiceRequest

pytestmark = pytest.mark.django_db


@pytest.fixture
def seven_requests(budi):
    ServiceRequestFactory.create_batch(7, requester=budi)
    return ServiceRequest.objects.order_by("-created_at")


def test_a_count_is_exact_below_the_limit_and_the_limit_above_it(seven_requests):
    assert count_up_to(seven_requests, limit=10) == 7
    assert count_up_to(seven_requests, limit=7) == 7
    assert count_up_to(seven_requests, limit=5) == 5
    assert count_up_to(list(range(12)), limit=5) == 5


def test_the_count_query_stops_at_the_limit_and_sorts_nothing(seven_requests):
    with CaptureQueriesContext(connection) as queries:
        count_up_to(seven_requests, limit=5)
    (sql,) = [query["sql"].upper() for query in queries]
    assert "LIMIT 5" in sql
    assert "ORDER BY" not in sql


def test_a_capped_paginator_says_at_least_how_many_pages(seven_requests, monkeypatch):
    monkeypatch.setattr(paging, "MAX_COUNT", 6)
    paginator = CappedPaginator(seven_requests, 2)

    assert (paginator.count, paginator.num_pages, paginator.capped, paginator.num_pages_shown) == (6, 3, True, "3+")
    assert CappedPaginator(seven_requests, 3).get_page(99).number == 2


def test_below_the_cap_the_paginator_is_djangos(seven_requests):
    paginator = CappedPaginator(seven_requests, 2)
    assert (paginator.count, paginator.num_pages, paginator.capped, paginator.num_pages_shown) == (7, 4, False, "4")


def test_the_queue_page_shows_the_capped_page_count(client_as, rina, budi, monkeypatch):
    ServiceRequestFactory.create_batch(60, requester=budi)
    monkeypatch.setattr(paging, "MAX_COUNT", 55)

    page = client_as(rina).get("/service/admin/queue/").content.decode()

    assert re.search(r"\b1\b[^<]*\b2\+", page), "the pager should say page 1 of 2+"
