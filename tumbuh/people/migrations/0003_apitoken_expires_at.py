from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("people", "0002_delete_failedlogin"),
    ]

    operations = [
        migrations.AddField(
            model_name="apitoken",
            name="expires_at",
            field=models.DateTimeField(blank=True, null=True, verbose_name="expires at"),
        ),
    ]
