"""Who may do what with notices: each person reads and manages only their own."""

import rules


@rules.predicate
def is_recipient(user, notification) -> bool:
    return notification is not None and notification.recipient_id == user.pk


rules.add_perm("notifications.open_notification", rules.is_authenticated & is_recipient)
rules.add_perm("notifications.manage_own_notifications", rules.is_authenticated)
