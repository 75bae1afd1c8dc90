"""What indicators may count in foundings, registered with the indicators' record-kind registry:
"22/22 tổ chức công đoàn cơ sở", "09/09 tổ chức đảng tại doanh nghiệp có 100% vốn nước ngoài", "03 tổ chức Đoàn"."""

from __future__ import annotations

from phoihop.organizing.models import Founding


def register_record_kinds() -> None:
    from phoihop.indicators.registry import record_kinds

    record_kinds.register(
        key="organizing.founding",
        link=("organizing:founding_detail", "pk"),
        label="Thành lập tổ chức tại doanh nghiệp",
        model=Founding,
        date_field="founded_on",
        agency_field="owner_agency",
        filter_fields={
            "kind": ("exact", "in"),
            "enterprise__ownership": ("exact", "in"),
            "enterprise__zone": ("exact", "in"),
            "enterprise__zone__parent": ("exact", "in", "isnull"),
        },
        sum_fields={"members_at_founding": "persons"},
        enterprise_field="enterprise",
        noun="tổ chức được thành lập",
        done="có tổ chức được thành lập",
    )
