from django.db import migrations


def fill_frequency(apps, schema_editor):
    """An indicator has one reporting frequency: an indicator of reported values stored without one takes the
    period length its values already have. One with values of several lengths is left empty, to be settled by a
    manager (the value services then refuse any length other than that of its first value)."""
    Indicator = apps.get_model("indicators", "Indicator")
    ReportedValue = apps.get_model("indicators", "ReportedValue")
    for indicator in Indicator.objects.filter(frequency=""):
        kinds = set(ReportedValue.objects.filter(indicator=indicator).values_list("period_type", flat=True))
        if len(kinds) == 1:
            Indicator.objects.filter(pk=indicator.pk).update(frequency=kinds.pop())


class Migration(migrations.Migration):
    dependencies = [
        ("indicators", "0003_add_indicator_counting"),
    ]

    operations = [
        migrations.RunPython(fill_frequency, migrations.RunPython.noop),
    ]
