"""The back-office of the service: topics, the provider pool and policies, each admin within their agency."""

import datetime

import pytest

from tests.factories import AgencyFactory, EmployeeFactory
from tests.service.factories import ProviderProfileFactory, TopicFactory
from tumbuh.people.models import Role
from tumbuh.service.models import Certification, ServicePolicy, Topic, WeeklyAvailability

pytestmark = pytest.mark.django_db

TOPICS = "/admin/service/topic/"
PROVIDERS = "/admin/service/providerprofile/"
POLICIES = "/admin/service/servicepolicy/"


@pytest.fixture
def other_agency(db):
    return AgencyFactory(name="Pemerintah Kabupaten Belitung", short_name="Pemkab Belitung")


@pytest.fixture
def topics(agency, other_agency):
    return TopicFactory(agency=agency, name="Manajemen kinerja"), TopicFactory(
        agency=other_agency, name="Keuangan daerah"
    )


@pytest.fixture
def platform_admin(agency):
    return EmployeeFactory(full_name="Admin Platform", agency=agency, is_staff=True, is_superuser=True)


def test_service_admin_sees_the_topic_catalogue_of_her_agency_only(client_as, rina, topics):
    response = client_as(rina).get(TOPICS)
    assert response.status_code == 200
    assert [topic.name for topic in response.context["cl"].result_list] == ["Manajemen kinerja"]


def test_service_admin_adds_a_topic_to_her_agency(client_as, rina, agency):
    response = client_as(rina).post(
        f"{TOPICS}add/", {"agency": agency.pk, "name": "Pelayanan publik", "description": "", "is_active": "on"}
    )
    assert response.status_code == 302
    assert Topic.objects.get(name="Pelayanan publik").agency == agency


def test_service_admin_cannot_add_a_topic_to_another_agency(client_as, rina, other_agency):
    response = client_as(rina).post(f"{TOPICS}add/", {"agency": other_agency.pk, "name": "Pajak", "is_active": "on"})
    assert response.status_code == 200
    assert "agency" in response.context["adminform"].form.errors
    assert not Topic.objects.filter(name="Pajak").exists()


def test_service_admin_cannot_open_another_agencys_topic(client_as, rina, topics):
    _mine, theirs = topics
    response = client_as(rina).get(f"{TOPICS}{theirs.pk}/change/")
    # Outside her agencies is a 404, as everywhere else: the object's existence is not revealed.
    assert response.status_code == 404


def test_platform_admin_sees_every_agencys_topics(client_as, platform_admin, topics):
    response = client_as(platform_admin).get(TOPICS)
    assert sorted(topic.name for topic in response.context["cl"].result_list) == [
        "Keuangan daerah",
        "Manajemen kinerja",
    ]


def test_provider_profile_is_edited_with_its_certifications_and_weekly_hours(client_as, rina, sari, topics):
    profile = ProviderProfileFactory(employee=sari)
    certification = Certification.objects.create(provider=profile, name="Pelatihan Coaching LAN", issuer="LAN RI")
    window = WeeklyAvailability.objects.create(
        provider=profile, weekday=1, start_time=datetime.time(9), end_time=datetime.time(12)
    )
    response = client_as(rina).get(f"{PROVIDERS}{profile.pk}/change/")
    assert response.status_code == 200
    assert 'value="Pelatihan Coaching LAN"' in response.content.decode()
    assert [list(inline.formset.queryset) for inline in response.context["inline_admin_formsets"]] == [
        [certification],
        [window],
    ]


def test_provider_list_shows_the_pool_of_her_agency(client_as, rina, sari, other_agency):
    ProviderProfileFactory(employee=sari)
    ProviderProfileFactory(employee__agency=other_agency, employee__full_name="Andi Wijaya")
    response = client_as(rina).get(PROVIDERS)
    assert [str(profile) for profile in response.context["cl"].result_list] == ["Sari Wulandari"]


@pytest.mark.parametrize("items", [1, 3])
def test_provider_list_queries_do_not_grow_with_rows(client_as, rina, agency, items, django_assert_num_queries):
    for _ in range(items):
        ProviderProfileFactory(employee__agency=agency)
    client = client_as(rina)
    client.get(PROVIDERS)
    with django_assert_num_queries(8):
        response = client.get(PROVIDERS)
    assert len(response.context["cl"].result_list) == items


def test_service_policy_is_managed_per_agency(client_as, rina, agency, other_agency):
    ServicePolicy.objects.create(agency=agency, allow_self_pick=True)
    ServicePolicy.objects.create(agency=other_agency)
    response = client_as(rina).get(POLICIES)
    assert [str(policy) for policy in response.context["cl"].result_list] == [str(agency)]


def test_a_staff_member_who_runs_no_service_sees_none_of_it(client_as, agency, topics):
    clerk = EmployeeFactory(agency=agency, is_staff=True, roles=[Role.COACH])
    client = client_as(clerk)
    for url in (TOPICS, PROVIDERS, POLICIES):
        response = client.get(url)
        assert response.status_code in (302, 403), url


@pytest.mark.parametrize("person", ["budi", "dewi"])
def test_people_without_back_office_access_are_sent_to_its_login(client_as, person, request):
    response = client_as(request.getfixturevalue(person)).get(TOPICS)
    assert response.status_code == 302
    assert response["Location"].startswith("/admin/login/")
