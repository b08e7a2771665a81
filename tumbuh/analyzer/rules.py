"""Who may analyse and read transcripts: the engagement's coach alone.

A transcript is the coach's own learning material, as confidential as the notes. The coachee may see
the session but not this (403); the supervisor and admins do not even learn it exists (404, by scoping).
"""

import rules

from tumbuh.coaching.rules import is_engagement_coach

from .models import Transcript


@rules.predicate
def is_transcript_coach(user, transcript) -> bool:
    """The coach who analysed it, while still the coach of the engagement."""
    return (
        isinstance(transcript, Transcript)
        and user.pk == transcript.uploaded_by_id
        and user.pk == transcript.session.engagement.coach_id
    )


rules.add_perm("analyzer.add_transcript", is_engagement_coach)
rules.add_perm("analyzer.view_transcript", is_transcript_coach)
rules.add_perm("analyzer.delete_transcript", is_transcript_coach)
