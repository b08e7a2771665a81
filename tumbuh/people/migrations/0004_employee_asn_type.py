import tumbuh.people.nip
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("people", "0003_apitoken_expires_at"),
    ]

    operations = [
        migrations.AddField(
            model_name="employee",
            name="asn_type",
            field=models.CharField(
                choices=[
                    ("PNS", "PNS (civil servant)"),
                    ("PPPK", "PPPK (government employee with a work agreement)"),
                ],
                default="PNS",
                max_length=4,
                verbose_name="ASN type",
            ),
        ),
        migrations.AlterField(
            model_name="employee",
            name="nip",
            field=tumbuh.people.nip.NipField(
                blank=True,
                help_text=(
                    "18 digits. PNS: birth date, appointment month, sex, sequence. "
                    "PPPK: birth date, year of first appointment, code, sex, sequence."
                ),
                max_length=18,
                null=True,
                unique=True,
                validators=[tumbuh.people.nip.validate_nip],
                verbose_name="NIP",
            ),
        ),
    ]
