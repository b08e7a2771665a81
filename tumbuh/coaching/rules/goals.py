"""A goal and its progress belong to the engagement's coach and coachee; changes only while it is open."""

import rules

from . import is_open_engagement, is_participant

rules.add_perm("coaching.check_goal", is_participant)
rules.add_perm("coaching.view_goal", is_participant)
rules.add_perm("coaching.change_goal", is_participant & is_open_engagement)
rules.add_perm("coaching.record_goal_progress", is_participant & is_open_engagement)
