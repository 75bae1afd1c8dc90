"""Reference data: the regional minimum wage decrees with their amounts, and the early-warning rules with their
default thresholds. Idempotent (get_or_create): tests replay data migrations after a flush.

Every amount is stored "chưa đối chiếu" (unverified): it was entered from secondary sources, not compared with the
decree's own text; whoever compares it changes the mark (docs/workforce.md)."""

from django.db import migrations

DECREES = [
    {
        "number": "38/2022/NĐ-CP",
        "signed_on": "2022-06-12",
        "effective_from": "2022-07-01",
        "citation": (
            "Nghị định số 38/2022/NĐ-CP ngày 12/6/2022 của Chính phủ quy định mức lương tối thiểu đối với người lao "
            "động làm việc theo hợp đồng lao động, Điều 3"
        ),
        "amounts": {"1": 4_680_000, "2": 4_160_000, "3": 3_640_000, "4": 3_250_000},
    },
    {
        "number": "74/2024/NĐ-CP",
        "signed_on": "2024-06-30",
        "effective_from": "2024-07-01",
        "citation": (
            "Nghị định số 74/2024/NĐ-CP ngày 30/6/2024 của Chính phủ quy định mức lương tối thiểu đối với người lao "
            "động làm việc theo hợp đồng lao động, Điều 3"
        ),
        "amounts": {"1": 4_960_000, "2": 4_410_000, "3": 3_860_000, "4": 3_450_000},
    },
    {
        "number": "293/2025/NĐ-CP",
        "signed_on": "2025-11-10",
        "effective_from": "2026-01-01",
        "citation": (
            "Nghị định số 293/2025/NĐ-CP của Chính phủ quy định mức lương tối thiểu đối với người lao động làm việc "
            "theo hợp đồng lao động, Điều 3"
        ),
        "amounts": {"1": 5_310_000, "2": 4_730_000, "3": 4_140_000, "4": 3_700_000},
    },
]

OVERTIME_CITATION = (
    "Điều 107 Bộ luật Lao động 2019: làm thêm không quá 40 giờ/tháng (khoản 2 điểm b); không quá 200 giờ/năm, "
    "đến 300 giờ/năm với các ngành, nghề, công việc ở khoản 3 (trong đó sản xuất, gia công hàng dệt, may, da, giày, "
    "điện, điện tử); Nghị định số 145/2020/NĐ-CP hướng dẫn tổ chức làm thêm giờ"
)

RULES = [
    ("wage_below_minimum", "Lương thấp nhất dưới mức lương tối thiểu vùng", "high", {}, "Nghị định về lương tối thiểu vùng đang có hiệu lực"),
    ("si_arrears", "Nợ bảo hiểm xã hội từ 3 tháng trở lên", "high", {"months": 3}, "Luật Bảo hiểm xã hội"),
    ("overtime_cap", "Làm thêm giờ vượt giới hạn", "medium", {"month_hours": 40, "year_hours": 300}, OVERTIME_CITATION),
    ("agreement", "Không có hoặc hết hạn thỏa ước lao động tập thể", "low", {"headcount": 100}, "Bộ luật Lao động 2019, Chương V"),
    ("no_conference", "Không tổ chức hội nghị người lao động trong 12 tháng", "low", {"months": 12}, "Nghị định số 145/2020/NĐ-CP, hội nghị người lao động hằng năm"),
    ("headcount_drop", "Số lao động giảm trên 20% giữa hai kỳ báo cáo", "medium", {"percent": 20}, ""),
    ("repeated_incidents", "Hai vụ việc trong vòng 6 tháng", "high", {"count": 2, "months": 6}, ""),
]


def load(apps, schema_editor):
    WageDecree = apps.get_model("workforce", "WageDecree")
    MinimumWage = apps.get_model("workforce", "MinimumWage")
    WarningRule = apps.get_model("workforce", "WarningRule")
    for row in DECREES:
        decree, _created = WageDecree.objects.get_or_create(
            number=row["number"],
            defaults={
                "signed_on": row["signed_on"],
                "effective_from": row["effective_from"],
                "citation": row["citation"],
                "check_status": "unverified",
                "note": "Mức lương nhập từ nguồn thứ cấp, chưa đối chiếu với văn bản gốc của nghị định.",
            },
        )
        for region, amount in row["amounts"].items():
            MinimumWage.objects.get_or_create(
                decree=decree, region=region, defaults={"monthly_amount": amount, "check_status": "unverified"}
            )
    for code, name, severity, params, citation in RULES:
        WarningRule.objects.get_or_create(
            code=code, defaults={"name": name, "severity": severity, "params": params, "citation": citation}
        )


class Migration(migrations.Migration):
    dependencies = [("workforce", "0001_labour_reports_wages_incidents_warnings_surveys")]

    operations = [migrations.RunPython(load, migrations.RunPython.noop)]
