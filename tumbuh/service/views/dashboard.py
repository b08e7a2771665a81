"""dashboard pages of the service."""

urlpatterns: list = []
