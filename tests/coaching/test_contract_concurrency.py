"""Coach and coachee proposing the next contract version at the same moment: exactly one proposal wins.

Real concurrent transactions (two threads, each with its own connection). On PostgreSQL the second insert
of the same (engagement, version) waits for the first to commit and then violates the unique constraint;
SQLite serialises the writers, and the same holds.
"""

import datetime
import threading

import pytest
from django.db import connection
from django.utils import timezone
from django.utils.translation import override

from tests.factories import EngagementFactory
from tumbuh.coaching.models import Contract
from tumbuh.coaching.services.contracts import ContractConflict, propose_contract

ROUNDS = 3


def race(proposals) -> list:
    """Each (engagement, person, rhythm) proposes version 1 at the same moment; what each of them got."""
    barrier = threading.Barrier(len(proposals))
    outcomes: list = [None] * len(proposals)

    def propose(index: int) -> None:
        engagement, person, rhythm = proposals[index]
        try:
            barrier.wait(timeout=10)
            with override("en"):
                outcomes[index] = propose_contract(
                    engagement=engagement,
                    by=person,
                    base_version=0,
                    topic_and_goal="Delegasi tugas rutin kepada tim.",
                    sessions_planned=6,
                    rhythm=rhythm,
                    session_minutes=60,
                    ends_on=timezone.localdate() + datetime.timedelta(days=60),
                    channel="online",
                    confidentiality="Rahasia antara coach dan coachee.",
                )
        except Exception as error:  # the test reports whatever each thread got
            outcomes[index] = error
        finally:
            connection.close()  # each thread opened its own connection

    threads = [threading.Thread(target=propose, args=(i,)) for i in range(len(proposals))]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=30)
    return outcomes


@pytest.mark.django_db(transaction=True)
def test_coach_and_coachee_proposing_at_once_get_exactly_one_version(sari, budi, settings):
    # Notices are not this test's subject; sent inline after each commit they would only add writers.
    settings.TASKS = {"default": {"BACKEND": "django.tasks.backends.dummy.DummyBackend"}}
    for round_ in range(ROUNDS):
        engagement = EngagementFactory(coach=sari, coachee=budi)

        outcomes = race([(engagement, sari, "weekly"), (engagement, budi, "monthly")])

        won = [o for o in outcomes if isinstance(o, Contract)]
        lost = [o for o in outcomes if isinstance(o, ContractConflict)]
        assert (len(won), len(lost)) == (1, 1), f"round {round_}: {outcomes!r}"
        assert lost[0].current.version == 1
        assert lost[0].current.rhythm == won[0].rhythm
        assert list(Contract.objects.filter(engagement=engagement).values_list("version", "rhythm")) == [
            (1, won[0].rhythm)
        ]
