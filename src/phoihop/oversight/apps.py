from django.apps import AppConfig


class OversightConfig(AppConfig):
    name = "phoihop.oversight"
    label = "oversight"
    verbose_name = "Kiểm tra, giám sát"

    def ready(self) -> None:
        from phoihop.indicators.registry import RowText, record_kinds
        from phoihop.oversight.models import Finding, FollowUpAction, Inspection, InspectionEnterprise

        record_kinds.register(
            key="oversight.inspection",
            link=("oversight:inspection_detail", "pk"),
            label="Cuộc kiểm tra, giám sát",
            model=Inspection,
            date_field="start_date",
            agency_field="owner_agency",
            filter_fields={"kind": ("exact", "in")},
            noun="cuộc kiểm tra, giám sát",
            row_text=RowText(("title",), lambda row: row["title"]),
        )
        # One row per enterprise visited by an inspection. "Giám sát tại 13 doanh nghiệp FDI" counts distinct
        # enterprises (an indicator's counting "distinct_enterprises"): an enterprise visited by two inspections of
        # the period is two rows but one enterprise. Counting rows ("lượt doanh nghiệp") stays possible.
        record_kinds.register(
            key="oversight.inspection_enterprise",
            link=("oversight:inspection_detail", "inspection_id"),
            label="Doanh nghiệp được kiểm tra, giám sát",
            model=InspectionEnterprise,
            date_field="inspection__start_date",
            agency_field="inspection__owner_agency",
            filter_fields={
                "inspection__kind": ("exact", "in"),
                "enterprise__ownership": ("exact", "in"),
                "enterprise__zone": ("exact", "in"),
            },
            enterprise_field="enterprise",
            noun="lượt doanh nghiệp được kiểm tra, giám sát",
            done="được kiểm tra, giám sát",
            # str(): "<enterprise> — <inspection>"
            row_text=RowText(
                ("enterprise__name", "inspection__title"),
                lambda row: f"{row['enterprise__name']} — {row['inspection__title']}",
            ),
        )
        record_kinds.register(
            key="oversight.finding",
            label="Kết quả kiểm tra, giám sát tại doanh nghiệp",
            model=Finding,
            date_field="inspection__start_date",
            agency_field="inspection__owner_agency",
            filter_fields={
                "compliant": ("exact",),
                "topic__code": ("exact", "in"),
                "inspection__kind": ("exact", "in"),
                "enterprise__ownership": ("exact", "in"),
            },
            enterprise_field="enterprise",
            noun="kết quả kiểm tra, giám sát theo nội dung",
            done="có kết quả kiểm tra, giám sát",
        )
        record_kinds.register(
            key="oversight.follow_up",
            label="Việc cần làm sau kiểm tra, giám sát",
            model=FollowUpAction,
            date_field="due_date",
            agency_field="inspection__owner_agency",
            filter_fields={"status": ("exact", "in")},
        )
        # What this app adds to the menu and to other apps' pages (core/plugins.py).
        from phoihop.oversight.plugins import declare_demo_data, plug_in

        plug_in()
        declare_demo_data()
