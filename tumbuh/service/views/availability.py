"""availability pages of the service."""

urlpatterns: list = []
