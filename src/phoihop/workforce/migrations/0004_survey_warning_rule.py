"""The survey early-warning rule (idempotent: tests replay data migrations after a flush)."""

from django.db import migrations


def load(apps, schema_editor):
    WarningRule = apps.get_model("workforce", "WarningRule")
    WarningRule.objects.get_or_create(
        code="survey_dissatisfied",
        defaults={
            "name": "Trên 30% người trả lời khảo sát rất không hài lòng",
            "severity": "medium",
            "params": {"percent": 30, "min_answers": 5, "option": "rất không hài lòng"},
            "citation": "",
        },
    )


class Migration(migrations.Migration):
    dependencies = [("workforce", "0003_survey_evidence")]

    operations = [migrations.RunPython(load, migrations.RunPython.noop)]
