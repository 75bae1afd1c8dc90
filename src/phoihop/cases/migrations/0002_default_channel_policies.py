"""Default response times per channel, in working hours (7.5 a day), so deadlines work from the first case.
They are data: the administrator changes them on the working-calendar page."""

from django.db import migrations

DEFAULT_HOURS = {
    "hotline": 8,
    "app": 16,
    "in_person": 8,
    "dialogue": 75,
    "letter": 75,
    "enterprise_hotline": 4,
    "online": 16,
}


def add_policies(apps, schema_editor):
    ChannelPolicy = apps.get_model("cases", "ChannelPolicy")
    for channel, hours in DEFAULT_HOURS.items():
        ChannelPolicy.objects.get_or_create(channel=channel, defaults={"response_hours": hours})


def remove_policies(apps, schema_editor):
    ChannelPolicy = apps.get_model("cases", "ChannelPolicy")
    ChannelPolicy.objects.filter(channel__in=DEFAULT_HOURS, version=1).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("cases", "0001_initial"),
    ]

    operations = [
        migrations.RunPython(add_policies, remove_policies),
    ]
