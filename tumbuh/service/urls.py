from .views import availability, booking, dashboard, messages, requests

app_name = "service"
# Each views module lists its own patterns; names are "noun-verb" within the "service" namespace.
urlpatterns = [
    *requests.urlpatterns,
    *booking.urlpatterns,
    *availability.urlpatterns,
    *messages.urlpatterns,
    *dashboard.urlpatterns,
]
