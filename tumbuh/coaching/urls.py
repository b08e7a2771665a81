from django.urls import path

from . import views
from .views import canvas, contracts, feedback, goals, peer

app_name = "coaching"
urlpatterns = [
    path("", views.engagement_list, name="engagement-list"),
    path("engagements/<int:pk>/", views.engagement_detail, name="engagement-detail"),
    path("engagements/<int:pk>/sessions/new/", views.session_create, name="session-create"),
    path("engagements/<int:pk>/goals/new/", goals.goal_create, name="goal-create"),
    path("engagements/<int:pk>/actions/new/", views.action_create, name="action-create"),
    path("sessions/<int:pk>/", views.session_detail, name="session-detail"),
    path("sessions/<int:pk>/edit/", views.session_edit, name="session-edit"),
    path("actions/<int:pk>/toggle/", views.action_toggle, name="action-toggle"),
    # Coaching contract and peer coaching (issue 4).
    path("engagements/<int:pk>/contract/", contracts.contract_detail, name="contract-detail"),
    path("engagements/<int:pk>/contract/propose/", contracts.contract_propose, name="contract-propose"),
    path("contracts/<int:pk>/accept/", contracts.contract_accept, name="contract-accept"),
    path("peer/", peer.peer_invitation_list, name="peer-invitation-list"),
    path("peer/invite/", peer.peer_invite, name="peer-invite"),
    path("peer/<int:pk>/accept/", peer.peer_invitation_accept, name="peer-invitation-accept"),
    path("peer/<int:pk>/decline/", peer.peer_invitation_decline, name="peer-invitation-decline"),
    path("peer/<int:pk>/withdraw/", peer.peer_invitation_withdraw, name="peer-invitation-withdraw"),
    # SMART goals and their progress (issue 4).
    path("engagements/<int:pk>/goals/check/", goals.goal_check, name="goal-check"),
    path("goals/<int:pk>/", goals.goal_detail, name="goal-detail"),
    path("goals/<int:pk>/edit/", goals.goal_edit, name="goal-edit"),
    path("goals/<int:pk>/progress/", goals.goal_progress_create, name="goal-progress-create"),
    path("goals/<int:pk>/chart.svg", goals.goal_chart, name="goal-chart"),
    # Session canvas, micro-coaching and SBI feedback (issue 4).
    path("sessions/<int:pk>/canvas/", canvas.session_canvas, name="session-canvas"),
    path("engagements/<int:pk>/micro/", canvas.session_micro, name="session-micro"),
    path("sessions/<int:pk>/feedback/new/", feedback.feedback_create, name="feedback-create"),
]
