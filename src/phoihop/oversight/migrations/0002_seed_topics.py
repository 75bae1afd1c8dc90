"""The managed list of inspection topics starts with the topics the programme's inspections cover."""

from django.db import migrations

# A copy, not an import: a migration must keep working when the code it was written against changes.
SEED_TOPICS = [
    ("regional_minimum_wage", "Mức lương tối thiểu vùng"),
    ("osh", "An toàn, vệ sinh lao động"),
    ("democracy_regulation", "Quy chế dân chủ ở cơ sở"),
    ("cla", "Thỏa ước lao động tập thể"),
    ("labour_rules", "Nội quy lao động"),
    ("social_insurance", "Đóng bảo hiểm xã hội, bảo hiểm y tế, bảo hiểm thất nghiệp"),
    ("workers_conference", "Hội nghị người lao động"),
    ("labour_contract", "Hợp đồng lao động"),
    ("working_hours", "Thời giờ làm việc, thời giờ nghỉ ngơi"),
    ("female_workers", "Chính sách đối với lao động nữ"),
    ("mid_shift_meal", "Bữa ăn giữa ca"),
    ("union_fee", "Đóng kinh phí công đoàn"),
]


def seed(apps, schema_editor):
    Topic = apps.get_model("oversight", "InspectionTopic")
    for position, (code, name) in enumerate(SEED_TOPICS, start=1):
        Topic.objects.get_or_create(code=code, defaults={"name": name, "position": position * 10})


def unseed(apps, schema_editor):
    Topic = apps.get_model("oversight", "InspectionTopic")
    Topic.objects.filter(code__in=[code for code, _name in SEED_TOPICS], inspections__isnull=True).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("oversight", "0001_inspections_findings_follow_ups"),
    ]

    operations = [migrations.RunPython(seed, unseed)]
