"""messages pages of the service."""

urlpatterns: list = []
