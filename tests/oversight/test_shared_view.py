"""One shared view of the programme: an LĐLĐTP officer sees what the Economic Zone Authority recorded — in the list,
on the enterprise page, each row naming its owner body — and still changes nothing of it. "Đơn vị của tôi" narrows
a list to the user's own body."""

from __future__ import annotations

from typing import Any

import pytest
from django.urls import reverse

from phoihop.accounts.choices import Role
from phoihop.core.models import AuditAction, AuditEvent
from phoihop.directory.choices import AgencyKind
from phoihop.directory.models import Agency
from phoihop.oversight.models import Inspection
from tests.directory.factories import AgencyFactory, EnterpriseFactory
from tests.oversight.factories import FindingFactory, FollowUpFactory, InspectionFactory
from tests.oversight.helpers import inspection_form_data

pytestmark = pytest.mark.django_db

AUTHORITY_TITLE = "Kiểm tra an toàn lao động tại KCN Đình Vũ"
FEDERATION_TITLE = "Giám sát thực hiện thỏa ước lao động tập thể"


@pytest.fixture
def federation() -> Agency:
    return AgencyFactory(short_code="LĐLĐTP", name="Liên đoàn Lao động thành phố Hải Phòng", kind=AgencyKind.UNION)


@pytest.fixture
def authority() -> Agency:
    return AgencyFactory(short_code="BQLKKT", name="Ban Quản lý Khu kinh tế Hải Phòng")


@pytest.fixture
def world(federation: Agency, authority: Agency) -> dict[str, Any]:
    enterprise = EnterpriseFactory(name="Công ty TNHH Maple", owner_agency=authority)
    theirs = InspectionFactory(owner_agency=authority, title=AUTHORITY_TITLE, enterprises=[enterprise])
    FindingFactory(inspection=theirs, enterprise=enterprise, compliant=False, text="Thiếu biển báo an toàn")
    ours = InspectionFactory(owner_agency=federation, title=FEDERATION_TITLE, enterprises=[enterprise])
    return {"enterprise": enterprise, "theirs": theirs, "ours": ours}


def changes() -> int:
    return AuditEvent.objects.exclude(action=AuditAction.LOGIN).count()


def test_an_officer_sees_another_body_s_inspection_and_cannot_edit_it(
    world: dict[str, Any], federation: Agency, make_user: Any, client_for: Any, api_for: Any
) -> None:
    theirs: Inspection = world["theirs"]
    officer = make_user(Role.OFFICER, federation)
    client = client_for(officer)

    listing = client.get(reverse("oversight:inspection_list")).content.decode()
    assert AUTHORITY_TITLE in listing
    assert FEDERATION_TITLE in listing
    assert '<span title="Ban Quản lý Khu kinh tế Hải Phòng">BQLKKT</span>' in listing

    page = client.get(world["enterprise"].get_absolute_url()).content.decode()
    assert AUTHORITY_TITLE in page
    assert "Thiếu biển báo an toàn" in page
    assert "Chưa có cuộc kiểm tra, giám sát nào tại doanh nghiệp" not in page

    detail = client.get(theirs.get_absolute_url())
    assert detail.status_code == 200
    assert reverse("oversight:inspection_update", args=[theirs.pk]) not in detail.content.decode()
    assert reverse("oversight:inspection_delete", args=[theirs.pk]) not in detail.content.decode()

    api = api_for(officer, token=True)
    before = changes()
    edit_url = reverse("oversight:inspection_update", args=[theirs.pk])
    assert client.get(edit_url).status_code == 403
    assert client.post(edit_url, inspection_form_data(theirs, title="Đã bị sửa")).status_code == 403
    assert client.post(reverse("oversight:inspection_delete", args=[theirs.pk]), {"version": 1}).status_code == 403

    assert api.get(f"/oversight/inspections/{theirs.pk}").json()["title"] == AUTHORITY_TITLE
    patched = api.patch(f"/oversight/inspections/{theirs.pk}", {"version": theirs.version, "title": "Đã bị sửa"})
    assert patched.status_code == 403
    assert api.delete(f"/oversight/inspections/{theirs.pk}", version=theirs.version).status_code == 403

    theirs.refresh_from_db()
    assert theirs.title == AUTHORITY_TITLE
    assert changes() == before


def test_my_body_filter_narrows_the_list_to_the_user_s_own_body(
    world: dict[str, Any], federation: Agency, make_user: Any, client_for: Any, api_for: Any
) -> None:
    officer = make_user(Role.OFFICER, federation)
    client = client_for(officer)
    url = reverse("oversight:inspection_list")

    default = client.get(url).content.decode()
    assert '<option value="all">Tất cả các đơn vị</option>' in default  # the default: nothing is selected
    assert '<option value="mine">Đơn vị của tôi</option>' in default

    mine = client.get(url, {"scope": "mine"}).content.decode()
    assert FEDERATION_TITLE in mine
    assert AUTHORITY_TITLE not in mine
    assert '<option value="mine" selected>Đơn vị của tôi</option>' in mine

    every = client.get(url, {"scope": "all"}).content.decode()
    assert FEDERATION_TITLE in every
    assert AUTHORITY_TITLE in every

    api = api_for(officer)
    titles = [item["title"] for item in api.get("/oversight/inspections", scope="mine").json()["items"]]
    assert titles == [FEDERATION_TITLE]
    assert len(api.get("/oversight/inspections").json()["items"]) == 2


def test_my_body_includes_the_units_under_it_and_changes_nothing_for_the_administrator(
    world: dict[str, Any], federation: Agency, make_user: Any, client_for: Any
) -> None:
    zone_union = AgencyFactory(short_code="CĐKKT", name="Công đoàn Khu kinh tế Hải Phòng", parent=federation)
    InspectionFactory(owner_agency=zone_union, title="Giám sát của Công đoàn Khu kinh tế")
    url = reverse("oversight:inspection_list")

    mine = client_for(make_user(Role.OFFICER, federation)).get(url, {"scope": "mine"}).content.decode()
    assert "Giám sát của Công đoàn Khu kinh tế" in mine
    assert AUTHORITY_TITLE not in mine

    # The administrator belongs to no body: "mine" would be empty, so it leaves the list whole.
    admin_view = client_for(make_user(Role.ADMIN)).get(url, {"scope": "mine"}).content.decode()
    assert AUTHORITY_TITLE in admin_view
    assert FEDERATION_TITLE in admin_view


def test_the_overdue_list_names_the_owner_and_narrows_to_mine(
    world: dict[str, Any], federation: Agency, make_user: Any, client_for: Any, api_for: Any
) -> None:
    FollowUpFactory(inspection=world["theirs"], description="Lắp biển báo an toàn tại xưởng")
    FollowUpFactory(inspection=world["ours"], description="Ký lại thỏa ước lao động tập thể")
    officer = make_user(Role.OFFICER, federation)
    url = reverse("oversight:overdue_list")

    every = client_for(officer).get(url).content.decode()
    assert "Lắp biển báo an toàn tại xưởng" in every
    assert "Ký lại thỏa ước lao động tập thể" in every
    assert '<span title="Ban Quản lý Khu kinh tế Hải Phòng">BQLKKT</span>' in every

    mine = client_for(officer).get(url, {"scope": "mine"}).content.decode()
    assert "Ký lại thỏa ước lao động tập thể" in mine
    assert "Lắp biển báo an toàn tại xưởng" not in mine

    api = api_for(officer)
    assert len(api.get("/oversight/overdue-follow-ups").json()["items"]) == 2
    only_mine = api.get("/oversight/overdue-follow-ups", scope="mine").json()["items"]
    assert [item["description"] for item in only_mine] == ["Ký lại thỏa ước lao động tập thể"]
