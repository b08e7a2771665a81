"""requests pages of the service."""

urlpatterns: list = []
