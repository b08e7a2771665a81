# Failed logins are counted by django-axes now (per account and per client address).

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [
        ("people", "0001_initial"),
    ]

    operations = [
        migrations.DeleteModel(
            name="FailedLogin",
        ),
    ]
