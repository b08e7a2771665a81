from django.urls import path

from . import views

app_name = "coaching"
urlpatterns = [
    path("", views.engagement_list, name="engagement-list"),
    path("engagements/<int:pk>/", views.engagement_detail, name="engagement-detail"),
    path("engagements/<int:pk>/sessions/new/", views.session_create, name="session-create"),
    path("engagements/<int:pk>/goals/new/", views.goal_create, name="goal-create"),
    path("engagements/<int:pk>/actions/new/", views.action_create, name="action-create"),
    path("sessions/<int:pk>/", views.session_detail, name="session-detail"),
    path("sessions/<int:pk>/edit/", views.session_edit, name="session-edit"),
    path("actions/<int:pk>/toggle/", views.action_toggle, name="action-toggle"),
]
