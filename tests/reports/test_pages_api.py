"""The report's pages and API as a user meets them: forms refuse bad input with the message on the form (422) and
save nothing; htmx gets fragments; the API answers in its one error shape (422, 409)."""

from __future__ import annotations

import pytest
from django.test import Client

from phoihop.accounts.choices import Role
from phoihop.reports.choices import SectionKind
from phoihop.reports.models import Listing, Report, ReportBlock, ReportFigure
from tests.reports.conftest import SmallWorld


def area_pk(world: SmallWorld) -> int:
    section = world.report.sections.filter(kind=SectionKind.AREA).order_by("position").first()
    assert section is not None
    return section.pk


def test_the_secretariat_creates_a_report_for_a_plan(db: None, client: Client) -> None:
    from phoihop.planning.services import create_plan, create_programme
    from tests.accounts.factories import UserFactory
    from tests.directory.factories import AgencyFactory

    party = AgencyFactory(short_code="BDV2", kind="party")
    secretariat = UserFactory(role=Role.SECRETARIAT, agency=party)
    programme = create_programme(
        actor=secretariat, data={"title": "CT", "start_year": 2021, "end_year": 2025}, bodies=[party]
    )
    plan = create_plan(
        actor=secretariat,
        data={
            "programme": programme,
            "year": 2025,
            "title": "KH 2025",
            "period_start": "2025-01-01",
            "period_end": "2025-12-31",
        },
    )
    client.force_login(secretariat)
    assert client.get("/bao-cao/them/").status_code == 200
    response = client.post("/bao-cao/them/", {"plan": plan.pk})
    report = Report.objects.get(plan=plan)
    assert response.status_code == 302
    assert response["Location"] == f"/bao-cao/{report.pk}/"
    assert report.issuers.count() == 1
    assert report.symbol == "BDV2"


def test_a_block_with_an_unknown_placeholder_is_shown_the_error_on_the_form(
    small_world: SmallWorld, client: Client
) -> None:
    officer = small_world.user(Role.OFFICER, "state")
    client.force_login(officer)
    url = f"/bao-cao/{small_world.report.pk}/muc/{area_pk(small_world)}/them-doan/"
    assert client.get(url).status_code == 200
    response = client.post(url, {"owner_agency": small_world.state.pk, "text": "Phát triển {{DV_MOII}} đoàn viên."})
    assert response.status_code == 422
    assert "Không có số liệu “DV_MOII” trong báo cáo" in response.content.decode()
    assert not ReportBlock.objects.filter(text__contains="DV_MOII").exists()
    partial = client.post(
        url, {"owner_agency": small_world.state.pk, "text": "{{ke_hoach.hoan_thanhh}}"}, HTTP_HX_REQUEST="true"
    )
    assert partial.status_code == 200
    assert "<html" not in partial.content.decode()
    assert "hoan_thanhh" in partial.content.decode()
    ok = client.post(url, {"owner_agency": small_world.state.pk, "text": "- Đạt {{ke_hoach.hoan_thanh}}."})
    assert ok.status_code == 302
    assert ReportBlock.objects.filter(text="- Đạt {{ke_hoach.hoan_thanh}}.").exists()


def test_a_stale_edit_of_a_block_says_who_changed_it(small_world: SmallWorld, client: Client) -> None:
    from phoihop.reports.services import create_block, update_block

    officer = small_world.user(Role.OFFICER, "state", first_name="Trần", last_name="Văn A")
    block = create_block(
        actor=officer,
        section=small_world.report.sections.get(pk=area_pk(small_world)),
        owner_agency=small_world.state,
        text="- Một.",
    )
    update_block(actor=officer, block=block, data={"text": "- Hai."}, expected_version=1)
    client.force_login(small_world.secretariat)
    response = client.post(f"/bao-cao/doan/{block.pk}/", {"text": "- Ba.", "version": 1})
    assert response.status_code == 422
    assert "vừa được Trần Văn A sửa" in response.content.decode()
    api = client.patch(
        f"/api/v1/reports/blocks/{block.pk}", {"text": "- Ba.", "version": 1}, content_type="application/json"
    )
    assert api.status_code == 409
    assert api.json()["code"] == "conflict"


def test_the_api_refuses_an_unknown_placeholder_naming_it(small_world: SmallWorld, client: Client) -> None:
    client.force_login(small_world.user(Role.OFFICER, "state"))
    response = client.post(
        f"/api/v1/reports/reports/{small_world.report.pk}/blocks",
        {"section_id": area_pk(small_world), "owner_agency_id": small_world.state.pk, "text": "{{van_ban:99-KH/XX}}"},
        content_type="application/json",
    )
    assert response.status_code == 422
    body = response.json()
    assert body["code"] == "unknown_document"
    assert "99-KH/XX" in body["message"]
    assert "text" in body["fields"]


def test_the_api_refuses_a_signer_without_an_authority_mark(small_world: SmallWorld, client: Client) -> None:
    issuer = small_world.report.issuers.get(agency=small_world.party)
    client.force_login(small_world.secretariat)
    response = client.patch(
        f"/api/v1/reports/reports/{small_world.report.pk}/issuers/{issuer.pk}",
        {"authority": "authorised", "version": issuer.version},
        content_type="application/json",
    )
    assert response.status_code == 422
    assert response.json()["code"] == "authority_mark_missing"
    assert response.json()["fields"]["authority"]


def test_the_signer_form_shows_the_refusal(small_world: SmallWorld, client: Client) -> None:
    issuer = small_world.report.issuers.get(agency=small_world.party)
    client.force_login(small_world.secretariat)
    data = {
        "profile": "hd36",
        "header_lines": "",
        "authority": "acting",
        "office": "TRƯỞNG BAN",
        "signer_title": "",
        "signer_name": "",
        "organisation": "BAN DÂN VẬN",
        "version": issuer.version,
    }
    response = client.post(f"/bao-cao/{small_world.report.pk}/co-quan/{issuer.pk}/sua/", data)
    assert response.status_code == 422
    assert "không có ký hiệu thẩm quyền" in response.content.decode()


def test_naming_figures_and_defining_listings_on_their_pages(small_world: SmallWorld, client: Client) -> None:
    from tests.indicators.factories import IndicatorFactory, TargetFactory

    target = TargetFactory(indicator=IndicatorFactory(code="TL-CDCS"), plan=small_world.plan, agency=small_world.union)
    client.force_login(small_world.secretariat)
    names = f"/bao-cao/{small_world.report.pk}/ten-so-lieu/"
    assert client.get(names).status_code == 200
    assert client.post(names, {"name": "CDCS", "target": target.pk}).status_code == 302
    assert ReportFigure.objects.filter(name="CDCS", target=target).exists()
    refused = client.post(names, {"name": "CĐCS mới", "target": target.pk})
    assert refused.status_code == 422
    assert "chỉ được gồm chữ không dấu" in refused.content.decode()

    new = f"/bao-cao/{small_world.report.pk}/danh-sach/them/"
    assert client.get(new).status_code == 200
    form = {
        "key": "CHI_BO",
        "title": "Chi bộ mới",
        "source": "organizing.founding",
        "record_filter": '{"kind": "party_cell"}',
        "agency": "",
        "period_mode": "period",
        "intro": "",
        "pattern": "{ten|thuong}",
        "separator": ", ",
        "ending": ".",
        "owner_agency": small_world.party.pk,
    }
    bad = client.post(new, {**form, "pattern": "{ten_doanh_nghiep_sai}"})
    assert bad.status_code == 422
    assert "ten_doanh_nghiep_sai" in bad.content.decode()
    assert client.post(new, form).status_code == 302
    listing = Listing.objects.get(key="CHI_BO")
    assert listing.separator == ", "
    assert listing.record_filter == {"kind": "party_cell"}
    page = client.get(f"/bao-cao/danh-sach/{listing.pk}/").content.decode()
    assert "Các trường dùng được trong mẫu câu" in page
    assert "<code>doanh_nghiep</code>" in page


def test_the_openapi_document_builds_with_the_report_endpoints(db: None, client: Client) -> None:
    from tests.accounts.factories import UserFactory

    client.force_login(UserFactory(role=Role.VIEWER))
    schema = client.get("/api/v1/openapi.json").json()
    assert "/api/v1/reports/reports/{report_id}/data" in schema["paths"]
    assert "/api/v1/reports/reports/{report_id}/renders" in schema["paths"]


@pytest.mark.usefixtures("memory_storage")
def test_the_api_queues_a_rendering_and_reports_its_progress(small_world: SmallWorld, client: Client) -> None:
    client.force_login(small_world.user(Role.VIEWER, "union"))
    response = client.post(
        f"/api/v1/reports/reports/{small_world.report.pk}/renders", {"format": "docx"}, content_type="application/json"
    )
    assert response.status_code == 202
    job = response.json()
    assert job["status"] == "done"
    assert job["percent"] == 100
    assert job["download_url"].endswith("/tai-ve/")
    assert client.get(f"/api/v1/reports/renders/{job['id']}").json()["status"] == "done"
    bad = client.post(
        f"/api/v1/reports/reports/{small_world.report.pk}/renders", {"format": "odt"}, content_type="application/json"
    )
    assert bad.status_code == 422
