"""Calendar invitations and reminders for booked sessions."""


def on_booking_changed(*, booking_id: int, change: str) -> None:
    """Called after commit when a booking is created, rescheduled or cancelled (CHANGE)."""
