"""What cases offers other apps' pages (core/plugins.py): its menu entry, the Excel export of its lists and its demo
data."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

from phoihop.core.plugins import menu


def plug_in() -> None:
    menu.add(group="cases", url_name="cases:case_list", label=_("Vụ việc, kiến nghị"), prefix="/vu-viec/")
    register_spreadsheets()
    declare_demo_data()


def register_spreadsheets() -> None:
    """The case list's "Xuất Excel" (cases/sheets.py, phoihop.spreadsheets): export only, personal data masked by the
    case page's rule; and the petition and topic lists' (no personal data)."""
    from phoihop.cases.sheets import CASES, PETITIONS, TOPICS
    from phoihop.spreadsheets.registry import spreadsheets

    spreadsheets.register(CASES)
    spreadsheets.register(PETITIONS)
    spreadsheets.register(TOPICS)


def declare_demo_data() -> None:
    """The demo's case topics, holidays, handlers, the five consultations of footnote 1 with their steps, and the
    petitions of the 2023 dialogue conference (demo/data/cases.json; core/plugins.py, demo_data). Everything
    personal in them is invented and obviously fictitious ("Mẫu", "Thử", 0900 000 00x)."""
    from phoihop.cases import services
    from phoihop.cases.models import Case, CaseEvent, CaseHandlerGrant, Holiday, Petition, PetitionFollowUp, Topic
    from phoihop.core.plugins import demo_data

    demo_data.kind(
        "cases.topic",
        services.create_topic,
        Topic,
        natural_key={"name": "data.name", "parent": "data.parent"},
        fields={"data.parent": "cases.topic_group"},
    )
    demo_data.kind(
        "cases.holiday", services.add_holiday, Holiday, natural_key={"date": "date"}, fields={"date": "date"}
    )
    demo_data.kind(
        "cases.grant",
        services.grant_handler,
        CaseHandlerGrant,
        natural_key={"user": "user", "agency": "agency"},
        key_filter={"revoked_at__isnull": True},
        fields={"user": "accounts.user", "agency": "directory.agency"},
    )
    demo_data.kind(
        "cases.case",
        services.create_case,
        Case,
        natural_key={
            "handling_agency": "data.handling_agency",
            "received_at": "data.received_at",
            "channel": "data.channel",
        },
        fields={
            "data.topic": "cases.topic",
            "data.handling_agency": "directory.agency",
            "data.handler": "accounts.user",
            "data.enterprise": "directory.enterprise",
            "data.zone": "directory.zone",
            "data.received_at": "datetime",
            "consent_at": "datetime",
        },
        then={"steps": "cases.case_step"},
    )
    demo_data.kind(
        "cases.case_step",
        services.transition_case,
        CaseEvent,
        fields={"at": "datetime"},
        parent="case",
        version_of="case",
    )
    demo_data.kind(
        "cases.petition",
        services.create_petition,
        Petition,
        natural_key={"title": "data.title", "raised_on": "data.raised_on"},
        fields={
            "owner_agency": "directory.agency",
            "data.raised_on": "date",
            "data.responsible_agency": "directory.agency",
            "data.zone": "directory.zone",
            "data.conclusion_document": "planning.document",
        },
        then={"follow_ups": "cases.petition_follow_up"},
    )
    demo_data.kind(
        "cases.petition_follow_up",
        services.add_follow_up,
        PetitionFollowUp,
        fields={"occurred_on": "date"},
        parent="petition",
        version_of="petition",
    )
    demo_data.converter("cases.topic_group", lambda name: Topic.objects.get(name=name, parent__isnull=True))
    demo_data.converter("cases.topic", lambda name: Topic.objects.get(name=name, parent__isnull=False))
    demo_data.file(
        "cases", order=40, kinds=("cases.topic", "cases.holiday", "cases.grant", "cases.case", "cases.petition")
    )
