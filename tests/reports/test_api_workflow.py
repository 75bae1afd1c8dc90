"""The whole report workflow through the API alone: create the report for a plan, name its figures, define and edit
a listing, write a block, render, follow the job and download the file — over real HTTP with a personal token — and
the same permission rules as the pages (a viewer or another body refused with 403, out of scope 404), each error in
the one shape of core/api.py."""

from __future__ import annotations

import datetime as dt
import urllib.request
from typing import Any

import pytest

from phoihop.accounts.choices import Role
from phoihop.indicators.models import Target
from phoihop.planning.models import Plan
from phoihop.reports.choices import JobStatus, SectionKind
from phoihop.reports.docx import extract
from phoihop.reports.models import Listing, RenderJob, Report, ReportFigure
from tests.core.test_api_live_server import Http
from tests.reports.conftest import SmallWorld

LISTING = {
    "key": "CHI_BO",
    "title": "Chi bộ thành lập mới",
    "source": "organizing.founding",
    "record_filter": {"kind": "party_cell"},
    "pattern": "{ten|thuong}",
    "separator": ", ",
    "ending": ".",
}


def next_plan(world: SmallWorld) -> Plan:
    """The 2024 plan of the same programme, with one area and one indicator line: no report yet."""
    from phoihop.planning import services as planning
    from tests.indicators.factories import IndicatorFactory, TargetFactory

    plan = planning.create_plan(
        actor=world.secretariat,
        data={
            "programme": world.plan.programme,
            "year": 2024,
            "title": "Kế hoạch năm 2024",
            "period_start": dt.date(2024, 1, 1),
            "period_end": dt.date(2024, 12, 31),
            "status": "active",
        },
    )
    planning.create_area(actor=world.secretariat, plan=plan, data={"number": 1, "title": "Tuyên truyền"})
    TargetFactory(
        indicator=IndicatorFactory(code="DV-MOI", name="Đoàn viên phát triển mới"),
        plan=plan,
        agency=world.union,
        value=21500,
    )
    return plan


def test_a_program_creates_builds_and_downloads_a_report_over_http(
    live_server: Any, small_world: SmallWorld, memory_storage: None, token_for: Any
) -> None:
    plan = next_plan(small_world)
    target = Target.objects.get(plan=plan)
    program = Http(live_server.url)
    bearer = {"Authorization": f"Bearer {token_for(small_world.secretariat)}"}
    root = "/api/v1/reports"

    created = program.api("POST", f"{root}/reports", {"year": 2024, "recipients": "- Lưu: VT."}, bearer)
    assert created.status == 201, created.text
    report = created.json()
    assert (report["plan_id"], report["year"], report["status"]) == (plan.pk, 2024, "draft")
    assert report["symbol"] == "BDV-BQL-LĐ"

    figures = program.api("GET", f"{root}/reports/{report['id']}/figures", headers=bearer).json()
    assert figures["named"] == []
    assert [(line["target_id"], line["indicator_code"]) for line in figures["available"]] == [(target.pk, "DV-MOI")]
    assert figures["can_edit"] is True
    named = program.api(
        "POST", f"{root}/reports/{report['id']}/figures", {"name": "DV_MOI", "target_id": target.pk}, bearer
    )
    assert named.status == 201, named.text
    assert named.json()["indicator_name"] == "Đoàn viên phát triển mới"
    assert named.json()["text"] == ""  # computed when the report is built, not stored

    listing = program.api(
        "POST", f"{root}/reports/{report['id']}/listings", {**LISTING, "owner_agency_id": small_world.party.pk}, bearer
    )
    assert listing.status == 201, listing.text
    edited = program.api(
        "PATCH",
        f"{root}/listings/{listing.json()['id']}",
        {"version": listing.json()["version"], "pattern": "{ten}", "intro": "Gồm:"},
        bearer,
    )
    assert edited.status == 200, edited.text
    assert (edited.json()["pattern"], edited.json()["version"]) == ("{ten}", 2)

    section = Report.objects.get(pk=report["id"]).sections.filter(kind=SectionKind.AREA).get()
    block = program.api(
        "POST",
        f"{root}/reports/{report['id']}/blocks",
        {
            "section_id": section.pk,
            "owner_agency_id": small_world.union.pk,
            "text": "- Phát triển mới {{DV_MOI}} đoàn viên; thành lập chi bộ[[chu_thich:CHI_BO]].",
        },
        bearer,
    )
    assert block.status == 201, block.text
    listed = program.api("GET", f"{root}/reports/{report['id']}/figures", headers=bearer).json()
    assert listed["named"][0]["text"] == "00/21.500"

    queued = program.api("POST", f"{root}/reports/{report['id']}/renders", {"format": "docx"}, bearer)
    assert queued.status == 202, queued.text
    job = program.api("GET", f"{root}/renders/{queued.json()['id']}", headers=bearer).json()
    assert job["status"] == "done"
    assert job["file_url"] == f"{root}/renders/{job['id']}/file"
    assert job["filename"] == "bao-cao-lien-tich-2024-du-thao.docx"

    request = urllib.request.Request(live_server.url + job["file_url"], headers=bearer)  # noqa: S310
    with program.opener.open(request, timeout=10) as download:
        assert download.status == 200
        assert download.headers["Content-Type"].startswith("application/vnd.openxmlformats")
        assert 'filename="bao-cao-lien-tich-2024-du-thao.docx"' in download.headers["Content-Disposition"]
        document = extract(download.read())
    assert "- Phát triển mới 00/21.500 đoàn viên; thành lập chi bộ." in document.text
    assert not list(program.cookies)  # the token alone did it all


def test_the_downloaded_file_is_the_report(small_world: SmallWorld, memory_storage: None, api_for: Any) -> None:
    api = api_for(small_world.secretariat, token=True)
    job = api.post(f"/reports/reports/{small_world.report.pk}/renders", {"format": "docx"}).json()
    response = api.get(f"/reports/renders/{job['id']}/file")
    assert response.status_code == 200
    document = extract(b"".join(response.streaming_content))
    assert "BÁO CÁO" in document.text
    assert "TUYÊN TRUYỀN" in document.text.upper()  # the plan's area, as a heading
    jobs = api.get(f"/reports/reports/{small_world.report.pk}/renders").json()
    assert [item["id"] for item in jobs] == [job["id"]]


# --- who may: the same rules as the pages --------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("role", "status"), [(Role.VIEWER, 403), (Role.OFFICER, 403), (Role.LEADER, 403), (Role.SECRETARIAT, 201)]
)
def test_only_the_secretariat_creates_a_report(small_world: SmallWorld, api_for: Any, role: Role, status: int) -> None:
    plan = next_plan(small_world)
    response = api_for(small_world.user(role, "party"), token=True).post("/reports/reports", {"plan_id": plan.pk})
    assert response.status_code == status, response.content
    assert Report.objects.filter(plan=plan).exists() == (status == 201)
    if status == 403:
        assert response.json() == {
            "message": "Anh/chị không có quyền thực hiện thao tác này.",
            "code": "forbidden",
            "fields": {},
        }


def test_a_viewer_reads_the_figures_but_names_none(small_world: SmallWorld, api_for: Any) -> None:
    from tests.indicators.factories import TargetFactory

    target = TargetFactory(plan=small_world.plan, agency=small_world.union)
    api = api_for(small_world.user(Role.VIEWER, "union"), token=True)
    url = f"/reports/reports/{small_world.report.pk}/figures"
    seen = api.get(url)
    assert seen.status_code == 200
    assert seen.json()["can_edit"] is False
    assert api.post(url, {"name": "DV", "target_id": target.pk}).status_code == 403
    assert not ReportFigure.objects.exists()


def test_another_bodys_officer_cannot_edit_a_listing(small_world: SmallWorld, api_for: Any) -> None:
    party = api_for(small_world.user(Role.OFFICER, "party"), token=True)
    created = party.post(
        f"/reports/reports/{small_world.report.pk}/listings", {**LISTING, "owner_agency_id": small_world.party.pk}
    )
    assert created.status_code == 201, created.content
    listing_id = created.json()["id"]
    union = api_for(small_world.user(Role.OFFICER, "union"), token=True)
    assert union.get(f"/reports/listings/{listing_id}").status_code == 200
    refused = union.patch(f"/reports/listings/{listing_id}", {"version": 1, "pattern": "{ten}"})
    assert refused.status_code == 403
    assert union.delete(f"/reports/listings/{listing_id}", version=1).status_code == 403
    # and a listing for another body is refused to the union's officer before anything is written
    own = union.post(
        f"/reports/reports/{small_world.report.pk}/listings",
        {**LISTING, "key": "KHAC", "owner_agency_id": small_world.party.pk},
    )
    assert own.status_code == 403
    assert list(Listing.objects.values_list("key", "pattern")) == [("CHI_BO", "{ten|thuong}")]


def test_out_of_scope_is_a_404(small_world: SmallWorld, api_for: Any) -> None:
    """Every member reads the report; what is not there, and another body's block (reached for writing only by
    its body and the secretariat), is a 404 that says nothing of what exists."""
    from phoihop.reports.services import create_block

    section = small_world.report.sections.filter(kind=SectionKind.AREA).order_by("position").first()
    block = create_block(actor=small_world.secretariat, section=section, owner_agency=small_world.party, text="- Một.")
    union = api_for(small_world.user(Role.OFFICER, "union"), token=True)
    for path in (
        "/reports/reports/999999/figures",
        "/reports/reports/999999/listings",
        "/reports/reports/999999/renders",
        "/reports/renders/999999/file",
        "/reports/figures/999999",
        "/reports/listings/999999",
        f"/reports/blocks/{block.pk}",
    ):
        response = union.get(path)
        assert response.status_code == 404, path
        assert response.json() == {"message": "Không tìm thấy.", "code": "not_found", "fields": {}}
    assert union.patch("/reports/listings/999999", {"version": 1, "pattern": "{ten}"}).status_code == 404
    assert union.delete("/reports/figures/999999", version=1).status_code == 404


# --- each error, in the one shape ----------------------------------------------------------------------------------


def test_creating_a_report_names_what_is_wrong(small_world: SmallWorld, api_for: Any) -> None:
    api = api_for(small_world.secretariat, token=True)
    cases = [
        ({}, "plan_required", "plan_id"),
        ({"plan_id": small_world.plan.pk, "year": 2023}, "plan_required", "plan_id"),
        ({"year": 2031}, "unknown_plan", "year"),
        ({"plan_id": 999999}, "unknown_plan", "plan_id"),
        ({"year": 2023}, "report_exists", None),
        ({"year": 2023, "colour": "red"}, "invalid_input", "colour"),
    ]
    for body, code, field in cases:
        response = api.post("/reports/reports", body)
        assert response.status_code == 422, body
        answer = response.json()
        assert set(answer) == {"message", "code", "fields"}
        assert answer["code"] == code, answer
        if field:
            assert field in answer["fields"], answer
    assert Report.objects.count() == 1


def test_naming_a_figure_names_what_is_wrong(small_world: SmallWorld, api_for: Any) -> None:
    from tests.indicators.factories import TargetFactory

    target = TargetFactory(plan=small_world.plan, agency=small_world.union)
    elsewhere = Target.objects.get(plan=next_plan(small_world))  # a line of another plan
    api = api_for(small_world.secretariat, token=True)
    url = f"/reports/reports/{small_world.report.pk}/figures"
    assert api.post(url, {"name": "DV_MOI", "target_id": target.pk}).status_code == 201
    for body, code in (
        ({"name": "ĐV mới", "target_id": target.pk}, "bad_name"),
        ({"name": "ke_hoach", "target_id": target.pk}, "reserved_name"),
        ({"name": "DV_MOI", "target_id": target.pk}, "duplicate_name"),
        ({"name": "KHAC", "target_id": elsewhere.pk}, "unknown_target"),
    ):
        response = api.post(url, body)
        assert response.status_code == 422, (body, response.content)
        assert response.json()["code"] == code, body
    assert list(ReportFigure.objects.values_list("name", flat=True)) == ["DV_MOI"]


def test_renaming_and_deleting_a_figure(small_world: SmallWorld, api_for: Any) -> None:
    from phoihop.reports.services import create_block
    from tests.indicators.factories import TargetFactory

    target = TargetFactory(plan=small_world.plan, agency=small_world.union)
    api = api_for(small_world.secretariat, token=True)
    figure = api.post(
        f"/reports/reports/{small_world.report.pk}/figures", {"name": "DV", "target_id": target.pk}
    ).json()
    renamed = api.patch(f"/reports/figures/{figure['id']}", {"version": 1, "name": "DV_MOI"})
    assert renamed.status_code == 200, renamed.content
    assert (renamed.json()["name"], renamed.json()["version"]) == ("DV_MOI", 2)
    stale = api.patch(f"/reports/figures/{figure['id']}", {"version": 1, "name": "DV_CU"})
    assert (stale.status_code, stale.json()["code"]) == (409, "conflict")

    section = small_world.report.sections.filter(kind=SectionKind.AREA).order_by("position").first()
    create_block(actor=small_world.secretariat, section=section, owner_agency=small_world.union, text="- {{DV_MOI}}.")
    in_use = api.patch(f"/reports/figures/{figure['id']}", {"version": 2, "name": "DV_KHAC"})
    assert (in_use.status_code, in_use.json()["code"]) == (422, "in_use")
    assert api.delete(f"/reports/figures/{figure['id']}", version=2).json()["code"] == "in_use"
    # The delete endpoint leaves the permission check to the service: a reader who may not name figures is refused.
    viewer = api_for(small_world.user(Role.VIEWER, "union"), token=True)
    assert viewer.delete(f"/reports/figures/{figure['id']}", version=2).status_code == 403
    assert ReportFigure.objects.get().name == "DV_MOI"


def test_a_listing_pattern_with_an_unknown_field_is_refused(small_world: SmallWorld, api_for: Any) -> None:
    api = api_for(small_world.secretariat, token=True)
    listing = api.post(
        f"/reports/reports/{small_world.report.pk}/listings", {**LISTING, "owner_agency_id": small_world.party.pk}
    ).json()
    bad = api.patch(f"/reports/listings/{listing['id']}", {"version": 1, "pattern": "{ten_sai}"})
    assert (bad.status_code, bad.json()["code"]) == (422, "unknown_field")
    assert "ten_sai" in bad.json()["message"]
    assert "pattern" in bad.json()["fields"]
    unknown = api.patch(f"/reports/listings/{listing['id']}", {"version": 1, "owner_agency_id": 999999})
    assert (unknown.status_code, unknown.json()["code"]) == (422, "unknown_agency")
    source = api.post(
        f"/reports/reports/{small_world.report.pk}/listings",
        {**LISTING, "key": "KHAC", "source": "khong.co", "owner_agency_id": small_world.party.pk},
    )
    assert (source.status_code, source.json()["code"]) == (422, "unknown_source")
    stale = api.patch(f"/reports/listings/{listing['id']}", {"version": 7, "pattern": "{ten}"})
    assert stale.status_code == 409
    assert Listing.objects.get().pattern == "{ten|thuong}"
    sources = api.get("/reports/listing-sources").json()
    founding = next(item for item in sources if item["key"] == "organizing.founding")
    assert "ten" in [field["name"] for field in founding["fields"]]


def test_a_file_not_ready_or_failed_is_a_409(small_world: SmallWorld, api_for: Any) -> None:
    api = api_for(small_world.user(Role.VIEWER, "union"), token=True)
    running = RenderJob.objects.create(report=small_world.report, format="pdf", status=JobStatus.RUNNING, percent=40)
    failed = RenderJob.objects.create(
        report=small_world.report, format="pdf", status=JobStatus.FAILED, message="LibreOffice không trả lời."
    )
    waiting = api.get(f"/reports/renders/{running.pk}/file")
    assert (waiting.status_code, waiting.json()["code"]) == (409, "job_not_ready")
    assert "40%" in waiting.json()["message"]
    broken = api.get(f"/reports/renders/{failed.pk}/file")
    assert (broken.status_code, broken.json()["code"]) == (409, "job_failed")
    assert "LibreOffice không trả lời." in broken.json()["message"]


def test_the_openapi_document_describes_the_workflow(db: None, api_for: Any) -> None:
    from tests.accounts.factories import UserFactory

    schema = api_for(UserFactory(role=Role.VIEWER)).get("/openapi.json").json()
    paths = schema["paths"]
    for path, method in (
        ("/api/v1/reports/reports", "post"),
        ("/api/v1/reports/reports/{report_id}/figures", "get"),
        ("/api/v1/reports/reports/{report_id}/figures", "post"),
        ("/api/v1/reports/figures/{figure_id}", "patch"),
        ("/api/v1/reports/figures/{figure_id}", "delete"),
        ("/api/v1/reports/reports/{report_id}/listings", "get"),
        ("/api/v1/reports/listings/{listing_id}", "patch"),
        ("/api/v1/reports/renders/{job_id}", "get"),
        ("/api/v1/reports/renders/{job_id}/file", "get"),
    ):
        operation = paths[path][method]
        assert {"403", "404", "422"} <= set(operation["responses"]), (path, method)
    create = schema["components"]["schemas"]["ReportCreate"]
    assert "kế hoạch" in create["properties"]["plan_id"]["description"].lower()
    assert "application/pdf" in paths["/api/v1/reports/renders/{job_id}/file"]["get"]["responses"]["200"]["content"]
