"""booking pages of the service."""

urlpatterns: list = []
