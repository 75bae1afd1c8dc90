"""The report editor speaks to people: placeholders read as labelled chips with their current value, the editor
offers labelled placeholders to insert, and format profiles are called by name, not by code."""

from __future__ import annotations

import re

from django.test import Client

from phoihop.accounts.choices import Role
from phoihop.reports import services
from phoihop.reports.choices import SectionKind
from phoihop.reports.forms import IssuerForm
from phoihop.reports.models import ReportBlock
from tests.indicators.factories import IndicatorFactory, ReportedValueFactory, TargetFactory
from tests.reports.conftest import SmallWorld


def _block(world: SmallWorld, text: str) -> ReportBlock:
    section = world.report.sections.filter(kind=SectionKind.AREA).order_by("position").first()
    assert section is not None
    officer = world.user(Role.OFFICER, "state")
    return services.create_block(actor=officer, section=section, owner_agency=world.state, text=text)


def _named_figure(world: SmallWorld) -> None:
    indicator = IndicatorFactory(code="TT-PL", name="Buổi tuyên truyền pháp luật", unit="buổi", unit_kind="other")
    target = TargetFactory(indicator=indicator, plan=world.plan, agency=world.state, value=40)
    ReportedValueFactory(plan=world.plan, indicator=indicator, agency=world.state, value=50)
    services.create_figure_name(actor=world.secretariat, report=world.report, name="TUYEN_TRUYEN_PL", target=target)


def test_placeholders_read_as_chips_with_label_and_value(small_world: SmallWorld, client: Client) -> None:
    _named_figure(small_world)
    block = _block(
        small_world,
        "Tổ chức {{TUYEN_TRUYEN_PL.thuc_hien}} buổi, đạt {{TUYEN_TRUYEN_PL.ty_le}}; "
        "**{{ke_hoach.hoan_thanh}}** nội dung.",
    )
    client.force_login(small_world.secretariat)
    for url in (small_world.report.get_absolute_url(), f"/bao-cao/doan/{block.pk}/"):
        page = client.get(url).content.decode()
        chips = re.findall(
            r'<span class="badge[^"]*report-chip[^"]*" title="([^"]*)"><span class="fw-normal">(.*?)</span>'
            r"(?:: <strong>(.*?)</strong>)?",
            page,
        )
        assert chips, url
        shown = {raw: f"{label}: {value}" for raw, label, value in chips}
        assert shown["{{TUYEN_TRUYEN_PL.thuc_hien}}"] == "Buổi tuyên truyền pháp luật — Ban Quản lý: 50", url
        assert shown["{{TUYEN_TRUYEN_PL.ty_le}}"] == "Buổi tuyên truyền pháp luật — Ban Quản lý: 125%", url
        assert shown["{{ke_hoach.hoan_thanh}}"] == "Kế hoạch năm 2023: số nội dung hoàn thành/tổng số: 02/03", url
        assert "Tổ chức " in page


def test_the_editor_offers_labelled_placeholders_to_insert(small_world: SmallWorld, client: Client) -> None:
    _named_figure(small_world)
    block = _block(small_world, "Tổ chức {{TUYEN_TRUYEN_PL}} buổi.")
    client.force_login(small_world.user(Role.OFFICER, "state"))
    page = client.get(f"/bao-cao/doan/{block.pk}/").content.decode()
    assert "Chèn số liệu, chú thích" in page
    assert 'data-insert="{{TUYEN_TRUYEN_PL}}"' in page
    assert "Buổi tuyên truyền pháp luật — Ban Quản lý: <strong>50/40</strong>" in page
    assert 'data-insert="{{ke_hoach.hoan_thanh}}"' in page
    # The text area keeps the syntax the author wrote.
    assert re.search(r"<textarea[^>]*>\s*Tổ chức \{\{TUYEN_TRUYEN_PL\}\} buổi.</textarea>", page)


def test_signer_profiles_are_called_by_name(small_world: SmallWorld, client: Client) -> None:
    choices = dict(IssuerForm().fields["profile"].choices)  # type: ignore[attr-defined]
    assert choices == {"hd36": "Văn phòng Đảng (HD 36)", "nd30": "Nhà nước (NĐ 30)", "tld": "Công đoàn (TLĐ)"}
    client.force_login(small_world.secretariat)
    page = client.get(small_world.report.get_absolute_url()).content.decode()
    assert "(Nhà nước (NĐ 30))" in page or "Nhà nước (NĐ 30)" in page
    assert "(hd36)" not in page
    assert "(nd30)" not in page
    assert "(tld)" not in page


def test_a_footnote_marker_reads_as_a_labelled_chip() -> None:
    from phoihop.reports.chips import source_paragraphs

    (paragraph,) = source_paragraphs("Khởi công 02 dự án[[chu_thich:NHA_O_KHOI_CONG]].", None)
    chip = paragraph[1]
    assert chip.chip
    assert chip.footnote
    assert chip.label == "Chú thích: NHA_O_KHOI_CONG"
    assert chip.raw == "[[chu_thich:NHA_O_KHOI_CONG]]"
