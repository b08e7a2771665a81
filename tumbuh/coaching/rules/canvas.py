"""Who may use a session's canvas and its SBI feedback: the coach writes, the coachee reads, nobody else sees."""

import rules

from . import is_engagement_coach, is_open_engagement, is_participant

rules.add_perm("coaching.view_canvas", is_participant)
# Stage notes stay editable after the engagement closes, like the session's other notes;
# the service refuses new actions and follow-ups in a closed engagement.
rules.add_perm("coaching.change_canvas", is_engagement_coach)
rules.add_perm("coaching.run_micro_session", is_engagement_coach & is_open_engagement)
# New actions and a follow-up come out of the Will stage only while the engagement is open.
rules.add_perm("coaching.commit_will", is_engagement_coach & is_open_engagement)
rules.add_perm("coaching.view_feedback", is_participant)
rules.add_perm("coaching.give_feedback", is_engagement_coach)
