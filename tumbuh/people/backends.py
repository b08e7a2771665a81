from django.contrib.auth.backends import ModelBackend

from .models import Employee


class NipOrEmailBackend(ModelBackend):
    """Log in with a NIP (spaces allowed) or an e-mail address."""

    def authenticate(self, request, username=None, password=None, **kwargs):
        if not username or not password:
            return None
        try:
            user = Employee.objects.get_by_login(username)
        except Employee.DoesNotExist:
            # Spend the same time as a real check so timing does not reveal who exists.
            Employee().set_password(password)
            return None
        if user.check_password(password) and self.user_can_authenticate(user):
            return user
        return None
