"""Record lists and API list pages come from the shared cache (core/cache.py) while nothing they show has changed:
the next list after any write shows it, whatever the write path; readers of different bodies or roles never share an
entry; no entry holds a CSRF token; the case list is never cached; a cached page is the page as rendered."""

from __future__ import annotations

import pickle
import re
from base64 import b64decode
from collections.abc import Callable, Iterator
from contextlib import AbstractContextManager
from typing import Any

import pytest
from django.db import connection, transaction
from django.template import Context, Template
from django.test import Client
from django.urls import reverse

from phoihop.accounts.choices import Role
from phoihop.accounts.models import User
from phoihop.core import cache
from phoihop.core.models import CacheEntry
from phoihop.directory import services
from phoihop.directory.choices import Ownership
from phoihop.directory.models import Agency, Enterprise
from phoihop.spreadsheets.bulk import COPY_FROM_ROWS, insert_all
from tests.activities.factories import ActivityFactory
from tests.directory.factories import AgencyFactory, EnterpriseFactory, ZoneFactory
from tests.housing.factories import ProjectFactory
from tests.organizing.factories import FoundingFactory
from tests.practices.factories import PracticeFactory

pytestmark = pytest.mark.django_db

LIST = reverse("directory:enterprise_list")
API = "/api/v1/directory/enterprises"
# The page's CSRF token (base.html's hx-headers and the logout form) is masked anew on every request.
TOKEN = re.compile(r'(X-CSRFToken": "|name="csrfmiddlewaretoken" value=")[^"]+')

Committed = Callable[[], AbstractContextManager[Any]]


@pytest.fixture
def committed(django_capture_on_commit_callbacks: Any) -> Committed:
    """What the block writes is committed as far as the cache knows: its on_commit callbacks run at its end."""
    return lambda: django_capture_on_commit_callbacks(execute=True)


@pytest.fixture
def body(committed: Committed) -> Agency:
    with committed():
        return AgencyFactory(short_code="BQLKKT", name="Ban Quản lý Khu kinh tế Hải Phòng")


@pytest.fixture
def reader(body: Agency, committed: Committed, make_user: Any) -> Iterator[Client]:
    with committed():
        user = make_user(Role.OFFICER, body, username="canbo")
        EnterpriseFactory(name="Công ty TNHH Cơ khí An Dương", owner_agency=body)
        client = Client()
        client.force_login(user)
    return client


def page(client: Client, url: str = LIST, **headers: str) -> str:
    response = client.get(url, headers=headers)
    assert response.status_code == 200
    return TOKEN.sub(r"\1…", response.content.decode())


def main(html: str) -> str:
    return html[html.index("<main") : html.index("</main>")]


def entries() -> dict[str, Any]:
    return {
        row.cache_key: pickle.loads(b64decode(row.value))  # noqa: S301 - our own cache table
        for row in CacheEntry.objects.filter(cache_key__contains=":list:")
    }


def test_a_second_read_is_the_same_page_from_the_cache(reader: Client, django_assert_num_queries: Any) -> None:
    first = page(reader)
    assert "Công ty TNHH Cơ khí An Dương" in first
    assert len(entries()) == 1
    # Session, user with their body (the menu bar names it), the cache (generations and entry in one read): no list
    # query.
    with django_assert_num_queries(3):
        second = page(reader)
    assert second == first


def test_an_htmx_swap_and_the_api_page_are_cached_too(reader: Client, django_assert_num_queries: Any) -> None:
    partial = page(reader, HX_Request="true")
    assert "Công ty TNHH Cơ khí An Dương" in partial
    assert "<html" not in partial
    with django_assert_num_queries(3):  # session, user, cache
        assert page(reader, HX_Request="true") == partial
    answer = reader.get(API).json()
    assert [row["name"] for row in answer["items"]] == ["Công ty TNHH Cơ khí An Dương"]
    with django_assert_num_queries(3):
        assert reader.get(API).json() == answer


def _service_create(user: User, body: Agency) -> None:
    services.create_enterprise(
        actor=user, data={"name": "Công ty Mới Tạo", "tax_code": "0200000001", "ownership": Ownership.DOMESTIC}
    )


def _service_update(user: User, body: Agency) -> None:
    enterprise = Enterprise.objects.get()
    services.update_enterprise(
        actor=user, enterprise=enterprise, data={"name": "Công ty Mới Tạo"}, expected_version=enterprise.version
    )


def _admin_save(user: User, body: Agency) -> None:  # what the administration site does: save() on the model
    enterprise = Enterprise.objects.get()
    enterprise.name = "Công ty Mới Tạo"
    enterprise.save()


def _queryset_update(user: User, body: Agency) -> None:
    Enterprise.objects.update(name="Công ty Mới Tạo")


def _related_update(user: User, body: Agency) -> None:  # a row shows its zone's name: a zone write counts
    zone = Enterprise.objects.get().zone
    assert zone is not None
    zone.name = "Công ty Mới Tạo"  # the zone column shows it
    zone.save()


def _bulk_create(user: User, body: Agency) -> None:  # the directory's Excel import
    Enterprise.objects.bulk_create(
        [Enterprise(name="Công ty Mới Tạo", tax_code="0200000001", owner_agency=body, ownership=Ownership.DOMESTIC)]
    )


def _copy(user: User, body: Agency) -> None:  # COPY on PostgreSQL from COPY_FROM_ROWS rows, bulk_create elsewhere
    rows = [
        Enterprise(
            name=f"Công ty Mới Tạo {n:04d}",
            tax_code=f"02{n:08d}",
            owner_agency=body,
            ownership=Ownership.DOMESTIC,
            search_text="",
        )
        for n in range(COPY_FROM_ROWS)
    ]
    insert_all(Enterprise, rows)


def _raw_sql(user: User, body: Agency) -> None:
    with connection.cursor() as cursor:
        cursor.execute("UPDATE directory_enterprise SET name = %s", ["Công ty Mới Tạo"])


WRITES = [_service_create, _service_update, _admin_save, _queryset_update, _related_update, _bulk_create, _copy]
WRITES += [_raw_sql]


@pytest.mark.parametrize("write", WRITES, ids=lambda write: write.__name__.strip("_"))
def test_the_next_read_after_a_write_shows_it(
    write: Callable[[User, Agency], None], reader: Client, body: Agency, committed: Committed
) -> None:
    user = User.objects.get(username="canbo")
    assert "Công ty Mới Tạo" not in page(reader)
    assert "Công ty Mới Tạo" not in page(reader, HX_Request="true")
    assert "Công ty Mới Tạo" not in reader.get(API).content.decode()
    with committed():
        write(user, body)
    assert "Công ty Mới Tạo" in page(reader)
    assert "Công ty Mới Tạo" in page(reader, HX_Request="true")
    assert "Công ty Mới Tạo" in reader.get(API).content.decode()


def test_deletes_fast_or_through_a_service_show_at_once(reader: Client, committed: Committed) -> None:
    user = User.objects.get(username="canbo")
    with committed():
        EnterpriseFactory(name="Công ty Sắp Xóa", owner_agency=user.agency)
        EnterpriseFactory(name="Công ty Xóa Nhanh", owner_agency=user.agency)
    assert "Công ty Sắp Xóa" in page(reader)
    assert "Công ty Xóa Nhanh" in page(reader)
    with committed():
        Enterprise.objects.filter(name="Công ty Xóa Nhanh").delete()
    assert "Công ty Xóa Nhanh" not in page(reader)
    leader = User.objects.create(username="lanhdao", role=Role.LEADER, agency=user.agency)
    with committed():
        doomed = Enterprise.objects.get(name="Công ty Sắp Xóa")
        services.delete_enterprise(actor=leader, enterprise=doomed, expected_version=doomed.version)
    assert "Công ty Sắp Xóa" not in page(reader)


def test_a_write_through_the_api_shows_in_the_next_api_page(reader: Client, committed: Committed) -> None:
    assert reader.get(API).json()["count"] == 1
    with committed():
        response = reader.post(
            API,
            {"name": "Công ty Qua API", "tax_code": "0200000009", "ownership": Ownership.DOMESTIC},
            content_type="application/json",
        )
    assert response.status_code == 201
    answer = reader.get(API).json()
    assert answer["count"] == 2
    assert "Công ty Qua API" in {row["name"] for row in answer["items"]}


def test_a_write_outside_a_transaction_shows_once_committed(transactional_db: None) -> None:
    """In autocommit the new generations are set before the connection's next statement (or at the request's end)."""
    body = AgencyFactory(short_code="KHAC")
    user = User.objects.create(username="doc", role=Role.VIEWER, agency=body)
    client = Client()
    client.force_login(user)
    EnterpriseFactory(name="Công ty Đầu Tiên", owner_agency=body)
    assert "Công ty Đầu Tiên" in page(client)
    assert not connection.in_atomic_block
    Enterprise.objects.update(name="Công ty Tự Động Lưu")
    assert "Công ty Tự Động Lưu" in page(client)


def test_a_request_reads_its_own_uncommitted_writes(reader: Client) -> None:
    page(reader)
    EnterpriseFactory(name="Công ty Chưa Lưu Hẳn")  # in the test's transaction, not committed
    assert "Công ty Chưa Lưu Hẳn" in page(reader)


def test_readers_of_different_bodies_or_roles_never_share_an_entry(
    reader: Client, body: Agency, committed: Committed, make_user: Any
) -> None:
    with committed():
        other_body = AgencyFactory(short_code="LĐLĐTP", kind="union")
        viewer = make_user(Role.VIEWER, body, username="xem")
        other_officer = make_user(Role.OFFICER, other_body, username="canbo2")
    officer_page = page(reader)
    assert "+ Thêm doanh nghiệp" in officer_page  # an officer may add one
    viewer_client = Client()
    viewer_client.force_login(viewer)
    viewer_page = page(viewer_client)
    assert "+ Thêm doanh nghiệp" not in viewer_page
    assert "Nhập Excel" not in viewer_page
    other_client = Client()
    other_client.force_login(other_officer)
    page(other_client)
    page(reader, HX_Request="true")
    page(viewer_client, HX_Request="true")
    assert len(entries()) == 5  # three readers' pages, two readers' swaps: nothing shared
    assert page(viewer_client) == viewer_page
    assert page(reader) == officer_page
    # The same body and role share it.
    with committed():
        colleague = make_user(Role.OFFICER, body, username="canbo3")
    colleague_client = Client()
    colleague_client.force_login(colleague)
    assert main(page(colleague_client)) == main(officer_page)  # the menu bar names each reader: not cached
    assert len(entries()) == 5


def test_the_query_string_and_the_page_are_in_the_key(reader: Client, committed: Committed) -> None:
    with committed():
        EnterpriseFactory(
            name="Công ty Vốn Nước Ngoài", ownership=Ownership.WHOLLY_FOREIGN, investor_country="Nhật Bản"
        )
    everything = page(reader)
    foreign = page(reader, url=f"{LIST}?ownership={Ownership.WHOLLY_FOREIGN}")
    assert "Công ty TNHH Cơ khí An Dương" in everything
    assert "Công ty Vốn Nước Ngoài" in everything
    assert "Công ty TNHH Cơ khí An Dương" not in foreign
    assert "Công ty Vốn Nước Ngoài" in foreign
    assert page(reader, url=f"{LIST}?ownership={Ownership.WHOLLY_FOREIGN}&sort=name") == page(
        reader, url=f"{LIST}?sort=name&ownership={Ownership.WHOLLY_FOREIGN}"
    )


def test_no_entry_holds_a_csrf_token(reader: Client) -> None:
    for url in (
        LIST,
        reverse("housing:project_list"),
        reverse("workforce:report_list"),
        reverse("practices:practice_list"),
    ):
        reader.get(url)
        reader.get(url, headers={"HX-Request": "true"})
    stored = entries()
    assert len(stored) == 8
    for _generations, text in stored.values():
        assert "csrfmiddlewaretoken" not in text
        assert cache.CSRF_MARKER not in text
        assert "X-CSRFToken" not in text


def test_a_fragment_with_a_csrf_token_is_rendered_with_it_and_not_stored(rf: Any, reader: Client) -> None:
    request = rf.get(LIST)
    request.user = User.objects.get(username="canbo")
    entry = cache.lookup(request, kind="test", user=request.user, depends_on=[Enterprise])
    assert entry is not None
    assert entry.text is None
    template = Template("{% load listcache %}{% cached_list %}<form>{% csrf_token %}</form>{% end_cached_list %}")
    html = template.render(Context({"list_cache": entry, "csrf_token": "real-token"}))
    assert 'value="real-token"' in html
    assert not CacheEntry.objects.filter(cache_key__endswith=entry.key).exists()


def test_the_case_list_is_never_cached(reader: Client, make_user: Any, body: Agency) -> None:
    handler = make_user(Role.OFFICER, body, username="xuly")
    client = Client()
    client.force_login(handler)
    client.get(reverse("cases:case_list"))
    client.get(reverse("cases:case_list"), headers={"HX-Request": "true"})
    assert entries() == {}


LISTS = {
    "activities:activity_list": lambda body: ActivityFactory(owner_agency=body, title="Hội nghị Người lao động"),
    "organizing:founding_list": lambda body: FoundingFactory(owner_agency=body),
    "practices:practice_list": lambda body: PracticeFactory(owner_agency=body, title="Mô hình Bữa cơm ca"),
    "housing:project_list": lambda body: ProjectFactory(owner_agency=body, name="Nhà ở Công nhân Tràng Duệ"),
    "directory:zone_list": lambda body: ZoneFactory(),
}


@pytest.mark.parametrize("name", sorted(LISTS))
def test_every_record_list_is_the_same_from_the_cache(
    name: str, reader: Client, body: Agency, committed: Committed
) -> None:
    url = reverse(name)
    with committed():
        LISTS[name](body)
        ZoneFactory()
    rendered = page(reader, url=url)
    assert len(entries()) == 1
    assert page(reader, url=url) == rendered
    assert page(reader, url=url, HX_Request="true") in rendered
    with committed():
        LISTS[name](body)
    assert page(reader, url=url) != rendered  # the new record shows


def test_generations_follow_the_rows_and_what_they_point_to() -> None:
    labels = cache.dependencies("directory.enterprise")
    assert {"directory.enterprise", "directory.zone", "directory.agency"} <= set(labels)
    assert "cases.case" not in labels
    assert "core.cacheentry" not in labels
    assert "housing.milestone" in cache.dependencies("housing.housingproject")


def test_a_rolled_back_write_leaves_the_entries(reader: Client) -> None:
    first = page(reader)
    try:
        with transaction.atomic():
            Enterprise.objects.update(name="Không bao giờ lưu")
            raise RuntimeError
    except RuntimeError:
        pass
    assert Enterprise.objects.filter(name="Không bao giờ lưu").count() == 0
    assert page(reader) == first


def test_a_list_of_a_model_with_personal_fields_is_refused(rf: Any, reader: Client) -> None:
    from phoihop.cases.models import Case

    request = rf.get("/")
    request.user = User.objects.get(username="canbo")
    assert cache.lookup(request, kind="cases", user=request.user, depends_on=[Case]) is None


def test_the_zone_list_counts_a_new_enterprise_at_once(
    reader: Client, body: Agency, committed: Committed, django_assert_num_queries: Any
) -> None:
    """The zone list is kept in the cache (each zone's count reads every enterprise): the next read after an
    enterprise is added shows the zone's new count."""
    url = reverse("directory:zone_list")
    zone = Enterprise.objects.get().zone
    assert zone is not None

    def count_shown() -> str:
        row = main(page(reader, url=url)).split(f'<a href="{zone.get_absolute_url()}">')[1].split("</tr>")[0]
        return re.findall(r'<td class="text-end">([^<]*)</td>', row)[-1]

    assert count_shown() == "1"
    with django_assert_num_queries(3):  # session, user, cache: no count over the enterprises
        assert count_shown() == "1"
    with committed():
        EnterpriseFactory(name="Công ty TNHH Thép Đình Vũ", owner_agency=body, zone=zone)
    assert count_shown() == "2"
