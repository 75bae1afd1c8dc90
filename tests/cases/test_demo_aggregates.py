"""The 2023 demo data and the report's aggregates: "Tư vấn 05 vụ việc theo yêu cầu của người lao động hỏi về các nội
dung: Trợ cấp thôi việc của người lao động; tiền lương làm thêm giờ; chuyển người lao động làm công việc khác so với
hợp đồng lao động; điều kiện hưởng bảo hiểm thất nghiệp." Anonymisation changes none of it."""

from __future__ import annotations

import datetime as dt

import pytest
from django.db import connection
from django.utils import timezone

from phoihop.accounts.models import User
from phoihop.cases import selectors, services
from phoihop.cases.models import Case, CaseHandlerGrant, CasePerson, Petition
from phoihop.demo.loader import load_demo
from phoihop.directory.models import Agency
from tests.cases.factories import CaseFactory, TopicFactory
from tests.demo.data import CASES, PERSONAL_STRINGS

SEED_SENTENCE = (
    "Trợ cấp thôi việc của người lao động; tiền lương làm thêm giờ; chuyển người lao động làm công việc khác so với "
    "hợp đồng lao động; điều kiện hưởng bảo hiểm thất nghiệp"
)


def ensure_notice_1558() -> None:
    from phoihop.planning.models import Document
    from phoihop.planning.services import create_document

    if not Document.objects.filter(number="1558", symbol="TB/TU").exists():
        create_document(
            actor=None,
            data={"kind": "notice", "number": "1558", "symbol": "TB/TU", "issued_on": dt.date(2023, 5, 27)},
        )


@pytest.fixture
def demo(db: None) -> None:
    """The directory and the cases of the demo (the other apps' steps are not needed here and take long)."""
    load_demo(only=["directory"])
    ensure_notice_1558()
    load_demo(only=["cases"])


def secretariat() -> User:
    return User.objects.get(username="bdvtu.thuky")


def test_the_demo_year_gives_05_worker_consultations_on_the_four_topics(demo: None) -> None:
    result = selectors.worker_consultations(
        user=secretariat(), year=2023, agency=Agency.objects.get(short_code="LĐLĐTP")
    )
    assert result.total == 5
    assert result.total_text == "05"
    assert result.topic_count == 4
    assert result.topics_sentence == SEED_SENTENCE
    assert [row.count for row in result.by_topic] == [1, 2, 1, 1]
    assert {row.key for row in result.by_channel} == {"hotline", "app", "in_person"}
    assert [(row.key, row.count) for row in result.by_status] == [("closed", 5)]
    assert len(result.case_ids) == 5


def test_enterprise_hotline_cases_are_answered_the_same_day_and_do_not_count_as_workers(demo: None) -> None:
    hotline = Case.objects.filter(channel="enterprise_hotline")
    assert hotline.count() == 3
    for case in hotline:
        assert case.requester_kind == "enterprise"
        assert timezone.localtime(case.answered_at).date() == timezone.localtime(case.received_at).date()
        assert not case.answered_late
    everything = selectors.case_aggregates(user=secretariat(), start=dt.date(2023, 1, 1), end=dt.date(2023, 12, 31))
    assert everything.total == 9
    by_agency = {row.label: row.count for row in everything.by_agency}
    assert by_agency == {"Ban Quản lý Khu kinh tế Hải Phòng": 3, "Liên đoàn Lao động thành phố Hải Phòng": 6}


def test_the_open_demo_case_is_flagged_overdue(demo: None) -> None:
    overdue = selectors.list_cases(user=secretariat(), params={"overdue": "true"})
    assert [case.requester_kind for case in overdue] == ["union_cadre"]


def test_demo_grants_and_petition_answered_by_1558(demo: None) -> None:
    grants = CaseHandlerGrant.objects.filter(revoked_at__isnull=True)
    assert {(g.user.username, g.agency.short_code) for g in grants} == {
        ("ldldtp.canbo", "LĐLĐTP"),
        ("bqlkkt.canbo", "BQLKKT"),
    }
    petitions = Petition.objects.select_related("conclusion_document")
    assert petitions.count() == 2
    for petition in petitions:
        assert petition.conclusion_document is not None
        assert str(petition.conclusion_document) == "Thông báo số 1558-TB/TU, ngày 27/5/2023"
        assert petition.follow_ups.exists()


def test_the_whole_demo_loads_and_loading_twice_adds_nothing(db: None) -> None:
    """The real `load_demo`: the planning step registers Thông báo 1558-TB/TU before the cases step links it."""
    load_demo()
    ensure_notice_1558()
    counts = (Case.objects.count(), Petition.objects.count(), CaseHandlerGrant.objects.count())
    assert counts == (9, 2, 2)
    report = load_demo()
    assert (Case.objects.count(), Petition.objects.count(), CaseHandlerGrant.objects.count()) == counts
    assert not any(key in report.created for key in ("cases.case", "cases.petition", "cases.grant"))
    linked = Petition.objects.filter(conclusion_document__number="1558").count()
    assert linked == 2


def test_demo_personal_values_are_fictitious_and_encrypted(demo: None) -> None:
    assert all(
        "0900 000 00" in value or "Mẫu" in value or "Thử" in value or value.startswith("0900")
        for value in [str(case["person"]["phone"]) for case in CASES]
    )
    with connection.cursor() as cursor:
        cursor.execute("SELECT full_name, phone, employer, account FROM cases_caseperson")
        raw = " ".join(value for row in cursor.fetchall() for value in row)
    for value in PERSONAL_STRINGS:
        assert value not in raw


def test_anonymisation_leaves_the_aggregates_unchanged_and_no_personal_field(demo: None) -> None:
    user = secretariat()
    ldldtp = Agency.objects.get(short_code="LĐLĐTP")
    before = selectors.worker_consultations(user=user, year=2023, agency=ldldtp)
    everything_before = selectors.case_aggregates(user=user, start=dt.date(2023, 1, 1), end=dt.date(2023, 12, 31))
    ids = services.anonymise_expired_cases(now=timezone.make_aware(dt.datetime(2029, 6, 1)))
    assert len(ids) == 8  # every closed demo case; the open one is kept
    assert selectors.worker_consultations(user=user, year=2023, agency=ldldtp) == before
    assert (
        selectors.case_aggregates(user=user, start=dt.date(2023, 1, 1), end=dt.date(2023, 12, 31)) == everything_before
    )
    for person in CasePerson.objects.filter(case_id__in=ids):
        assert person.is_empty
        assert person.phone_index == ""
    with connection.cursor() as cursor:
        values = set()
        for pk in ids:
            cursor.execute("SELECT full_name, phone, employer, account FROM cases_caseperson WHERE case_id = %s", [pk])
            values.update(cursor.fetchone())
    assert values == {""}
    handler = User.objects.get(username="ldldtp.canbo")
    first_worker_case = Case.objects.filter(pk__in=ids, handling_agency=ldldtp).order_by("received_at").first()
    exported = services.export_subject_data(actor=handler, case=first_worker_case)
    assert exported["vu_viec"][0]["ho_ten"] == ""


def test_aggregates_take_a_constant_number_of_queries(
    db: None,
    django_assert_max_num_queries,  # type: ignore[no-untyped-def]
) -> None:
    user = User.objects.create(
        username="tk",
        role="secretariat",
        agency=Agency.objects.create(name="Ban Dân vận", short_code="BDV", kind="party"),
    )
    agency = Agency.objects.create(name="Liên đoàn", short_code="LĐ", kind="union")
    topics = [TopicFactory(name=f"Chủ đề {n}") for n in range(3)]

    def grow(n: int) -> None:
        for i in range(n):
            CaseFactory(
                handling_agency=agency,
                topic=topics[i % 3],
                received_at=timezone.make_aware(dt.datetime(2023, 1 + i % 12, 10, 9, 0)),
            )

    grow(3)
    with django_assert_max_num_queries(5):
        small = selectors.case_aggregates(
            user=user, start=dt.date(2023, 1, 1), end=dt.date(2023, 12, 31), agency=agency
        )
    grow(27)
    with django_assert_max_num_queries(5):
        large = selectors.case_aggregates(
            user=user, start=dt.date(2023, 1, 1), end=dt.date(2023, 12, 31), agency=agency
        )
    assert (small.total, large.total) == (3, 30)


def test_period_and_filters(db: None) -> None:
    agency = Agency.objects.create(name="Liên đoàn", short_code="LĐ", kind="union")
    user = User.objects.create(username="xem", role="viewer", agency=agency)
    topic = TopicFactory(name="Lương")
    for moment, kind in [
        (dt.datetime(2022, 12, 31, 23, 30), "worker"),  # local time: still 2022
        (dt.datetime(2023, 1, 1, 0, 15), "worker"),
        (dt.datetime(2023, 12, 31, 23, 59), "enterprise"),
        (dt.datetime(2024, 1, 1, 0, 0), "worker"),
    ]:
        CaseFactory(handling_agency=agency, topic=topic, requester_kind=kind, received_at=timezone.make_aware(moment))
    year = selectors.case_aggregates(user=user, start=dt.date(2023, 1, 1), end=dt.date(2023, 12, 31))
    assert year.total == 2
    workers = selectors.case_aggregates(
        user=user, start=dt.date(2023, 1, 1), end=dt.date(2023, 12, 31), requester_kind="worker"
    )
    assert workers.total == 1
    with pytest.raises(ValueError, match="start"):
        selectors.case_aggregates(user=user, start=dt.date(2024, 1, 1), end=dt.date(2023, 1, 1))
