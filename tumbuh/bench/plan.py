"""How many rows of each kind a scale asks for, and where every id lies, as arithmetic on row numbers.

Ids are assigned, not left to the sequences, so a row's references are computed instead of looked up:
employee (agency a, place j in it) is `a + j * agencies`; the first `units` places of each agency are the heads
of its units, then ten places kept for the named people, then staff in blocks of 25 whose first place is a coach.
The named people live in agency 1, which also holds the big request queue.
"""

from dataclasses import dataclass

# The rows at scale 1.0: the data set of the outside measurement the benchmark repeats.
AT_SCALE_ONE = {
    "agencies": 100,
    "employees": 200_000,
    "engagements": 250_000,
    "sessions": 1_000_000,
    "action_items": 1_000_000,
    "service_requests": 120_000,
    "big_agency_requests": 100_000,
    "messages": 300_000,
    "notifications": 509_000,
    "goals": 100_000,
    "goal_progress": 50_000,
    "contracts": 150_000,
}
MIN_SCALE = 0.001

UNIT_BRANCHING = 8  # sub-units under one unit
RESERVED_PLACES = 10  # per agency, after the heads: the named people in agency 1, nobody's coach or coachee
BLOCK = 25  # staff places per coach
TOPICS_PER_AGENCY = 10

# Places among the reserved ones (agency 1 for the named people; every agency's service admin is at SERVICE_ADMIN).
PLATFORM_ADMIN, COACHEE, COACH, REQUESTER, PROVIDER, SERVICE_ADMIN = range(6)

# The named people's engagements come first: the coachee's ten, then the heavy coach's 44.
COACHEE_ENGAGEMENTS = 10
COACH_ENGAGEMENTS = 44
SPECIAL_ENGAGEMENTS = COACHEE_ENGAGEMENTS + COACH_ENGAGEMENTS
# Sessions of those: 30 on the coachee's first engagement, 3 on each other one of hers, 10 on each of the coach's.
MAIN_SESSIONS, OTHER_COACHEE_SESSIONS, COACH_SESSIONS = 30, 3, 10
SPECIAL_SESSIONS = (
    MAIN_SESSIONS + OTHER_COACHEE_SESSIONS * (COACHEE_ENGAGEMENTS - 1) + COACH_SESSIONS * COACH_ENGAGEMENTS
)
# Action items: 50 on the coachee's first engagement, 5 on each of the coach's.
MAIN_ACTIONS, COACH_ACTIONS = 50, 5
SPECIAL_ACTIONS = MAIN_ACTIONS + COACH_ACTIONS * COACH_ENGAGEMENTS
# The requester's requests are the first 50; the 200-message thread is request 6 (scheduled, with a provider),
# request 4 is accepted and not yet booked (the booking page).
REQUESTER_REQUESTS, THREAD_REQUEST, BOOKABLE_REQUEST, THREAD_MESSAGES = 50, 6, 4, 200

# A request's status follows its number: (number - 1) % 10 picks from this cycle.
REQUEST_CYCLE = (
    "submitted",
    "submitted",
    "assigned",
    "accepted",
    "declined",
    "scheduled",
    "scheduled",
    "closed",
    "closed",
    "cancelled",
)
WITH_PROVIDER = (2, 3, 5, 6, 7, 8)  # positions in the cycle that have a provider
WITH_ENGAGEMENT = (3, 5, 6, 7, 8)  # ... that opened an engagement
BOOKED = (5, 6)  # ... that hold a booking


def _count(name: str, scale: float) -> int:
    return max(1, round(AT_SCALE_ONE[name] * scale))


def _in_cycle(positions: tuple[int, ...], upto: int) -> int:
    """How many of the numbers 1..UPTO fall on POSITIONS of the ten-step cycle."""
    return len(positions) * (upto // 10) + sum(1 for p in positions if p < upto % 10)


@dataclass(frozen=True)
class Plan:
    scale: float
    agencies: int
    employees: int
    engagements: int
    sessions: int
    action_items: int
    service_requests: int
    big_agency_requests: int
    messages: int
    notifications: int
    goals: int
    goal_progress: int
    contracts: int
    units: int  # per agency
    blocks: int  # staff blocks per agency = coaches per agency

    @classmethod
    def for_scale(cls, scale: float) -> "Plan":
        if scale < MIN_SCALE:
            raise ValueError(f"The scale must be at least {MIN_SCALE}: the named people need that many rows.")
        counts = {name: _count(name, scale) for name in AT_SCALE_ONE}
        agencies = counts["agencies"]
        if agencies == 1:
            counts["big_agency_requests"] = counts["service_requests"]
        per_agency = counts["employees"] // agencies
        units = max(1, min(100, per_agency // 20))
        blocks = (per_agency - units - RESERVED_PLACES) // BLOCK
        return cls(scale=scale, units=units, blocks=blocks, **counts)

    # --- people -----------------------------------------------------------------------------------------------
    def employee(self, agency: str, place: str) -> str:
        """The id of the employee at PLACE of AGENCY (both SQL expressions)."""
        return f"(({agency}) + ({place}) * {self.agencies})"

    def named(self, reserved: int) -> int:
        return 1 + (self.units + reserved) * self.agencies

    def coach_place(self, number: str) -> str:
        """The place of an agency's coach number NUMBER (taken modulo the coaches per agency)."""
        return f"({self.units + RESERVED_PLACES} + {BLOCK} * (({number}) % {self.blocks}))"

    def coachee_place(self, number: str) -> str:
        """The place of a staff member who is not a coach, for any NUMBER: 24 per block, block by block."""
        first = self.units + RESERVED_PLACES
        return f"({first} + {BLOCK} * ((({number}) / 24) % {self.blocks}) + 1 + ({number}) % 24)"

    def agency_of(self, employee: str) -> str:
        return f"((({employee}) - 1) % {self.agencies} + 1)"

    def unit_place(self, employee: str) -> str:
        """The place (0-based) in its agency's unit tree of the unit the employee works in."""
        place = f"((({employee}) - 1) / {self.agencies})"
        return f"(CASE WHEN {place} < {self.units} THEN {place} ELSE ({place} - {self.units}) % {self.units} END)"

    def unit_of(self, employee: str) -> str:
        return f"(({self.agency_of(employee)} - 1) * {self.units} + {self.unit_place(employee)} + 1)"

    @property
    def coaches(self) -> int:
        return self.agencies * self.blocks

    # --- engagements and sessions -------------------------------------------------------------------------------
    @property
    def request_engagements(self) -> int:
        return _in_cycle(WITH_ENGAGEMENT, self.service_requests)

    @property
    def generic_engagements_end(self) -> int:
        """The last id of the engagements that no request opened."""
        return self.engagements - self.request_engagements

    def request_engagement(self, request: str) -> str:
        """The id of the engagement request REQUEST opened (NULL where its status has none)."""
        position = f"(({request}) - 1) % 10"
        whens = " ".join(f"WHEN {p} THEN {index + 1}" for index, p in enumerate(WITH_ENGAGEMENT))
        offset = f"(CASE {position} {whens} END)"
        return f"({self.generic_engagements_end} + (({request}) - 1) / 10 * {len(WITH_ENGAGEMENT)} + {offset})"

    @property
    def bookings(self) -> int:
        return _in_cycle(BOOKED, self.service_requests)

    def first_session(self, engagement: str) -> str:
        """The id of the first session of an engagement that is not one of the named people's."""
        return f"({SPECIAL_SESSIONS} + ({engagement}) - {SPECIAL_ENGAGEMENTS})"

    # --- service requests ------------------------------------------------------------------------------------
    def request_agency(self, request: str) -> str:
        if self.agencies == 1:
            return "1"
        spread = f"2 + (({request}) - {self.big_agency_requests} - 1) % {self.agencies - 1}"
        return f"(CASE WHEN ({request}) <= {self.big_agency_requests} THEN 1 ELSE {spread} END)"

    def request_number(self, request: str) -> str:
        """The request's number within its agency's requests, 0-based."""
        if self.agencies == 1:
            return f"(({request}) - 1)"
        spread = f"(({request}) - {self.big_agency_requests} - 1) / {self.agencies - 1}"
        return f"(CASE WHEN ({request}) <= {self.big_agency_requests} THEN ({request}) - 1 ELSE {spread} END)"

    def requester(self, request: str) -> str:
        generic = self.employee(self.request_agency(request), self.coachee_place(f"{self.request_number(request)} * 7"))
        return f"(CASE WHEN ({request}) <= {REQUESTER_REQUESTS} THEN {self.named(REQUESTER)} ELSE {generic} END)"

    def provider(self, request: str) -> str:
        """The request's provider, NULL while nobody serves it."""
        generic = self.employee(self.request_agency(request), self.coach_place(f"{self.request_number(request)} * 3"))
        positions = ", ".join(str(p) for p in WITH_PROVIDER)
        return (
            f"(CASE WHEN (({request}) - 1) % 10 NOT IN ({positions}) THEN NULL "
            f"WHEN ({request}) <= {REQUESTER_REQUESTS} THEN {self.named(PROVIDER)} ELSE {generic} END)"
        )

    def request_created(self, request: str) -> str:
        """Seconds before the reference moment at which REQUEST was filed: a year of requests, oldest first."""
        step = max(1, 365 * 86400 // self.service_requests)
        return f"(-(({self.service_requests} - ({request})) * {step}) - 86400)"

    def checks(self) -> list[str]:
        """What makes a scale too small for the shapes above; empty when it fits."""
        problems = []
        if self.blocks < 1:
            problems.append("too few employees per agency for one coach")
        if self.generic_engagements_end <= SPECIAL_ENGAGEMENTS:
            problems.append("too few engagements")
        if self.sessions - SPECIAL_SESSIONS < self.engagements - SPECIAL_ENGAGEMENTS:
            problems.append("too few sessions for one per engagement")
        if self.action_items <= SPECIAL_ACTIONS:
            problems.append("too few action items")
        if self.big_agency_requests <= REQUESTER_REQUESTS or self.messages <= THREAD_MESSAGES:
            problems.append("too few requests or messages")
        return problems
