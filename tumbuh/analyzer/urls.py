from django.urls import path

from . import views

app_name = "analyzer"
urlpatterns = [
    path("", views.transcript_list, name="transcript-list"),
    path("sessions/<int:pk>/transcripts/new/", views.transcript_create, name="transcript-create"),
    path("transcripts/<int:pk>/", views.transcript_detail, name="transcript-detail"),
    path("transcripts/<int:pk>/chart.svg", views.transcript_chart, name="transcript-chart"),
    path("transcripts/<int:pk>/delete/", views.transcript_delete, name="transcript-delete"),
]
