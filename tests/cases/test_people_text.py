"""Text on the case pages is for people: the consent box follows the text it agrees to, the timeline names changed
fields in Vietnamese, and the history never shows a hash's code name or a raw timestamp."""

from __future__ import annotations

from django.test import Client

from phoihop.cases import services
from phoihop.cases.choices import CURRENT_PURPOSE_VERSION, PURPOSE_TEXTS
from phoihop.cases.models import CaseEvent
from tests.cases.conftest import World, body_text


def _order(page: str, *needles: str) -> list[int]:
    positions = [page.find(needle) for needle in needles]
    assert -1 not in positions, dict(zip(needles, positions, strict=True))
    return positions


def test_the_public_consent_box_comes_after_the_text_it_agrees_to(world: World) -> None:
    page = body_text(Client().get("/hoi-dap/"))
    purpose = PURPOSE_TEXTS[CURRENT_PURPOSE_VERSION]
    positions = _order(
        page, "Mục đích sử dụng thông tin", purpose[:40], 'name="consent_given"', "Tôi đồng ý với nội dung trên"
    )
    assert positions == sorted(positions)
    assert "ô đồng ý ở trên" not in page
    assert 'type="checkbox" name="consent_given"' in page


def test_the_staff_consent_box_comes_after_the_purpose_text(world: World, login) -> None:  # type: ignore[no-untyped-def]
    page = body_text(login(world.users["handler"]).get("/vu-viec/them/"))
    purpose = PURPOSE_TEXTS[CURRENT_PURPOSE_VERSION]
    positions = _order(
        page, purpose[:40], 'name="consent_given"', "Người hỏi đã đồng ý rõ ràng", 'name="consent_method"'
    )
    assert positions == sorted(positions)


def test_the_timeline_names_changed_fields_in_vietnamese(world: World) -> None:
    services.update_case(
        actor=world.users["handler"], case=world.case, data={"channel": "letter"}, expected_version=world.case.version
    )
    note = CaseEvent.objects.filter(case=world.case).order_by("-pk").first()
    assert note is not None
    assert note.note == "Cập nhật: kênh tiếp nhận, hạn trả lời."


def test_the_case_history_shows_the_tracking_code_by_a_vietnamese_name(world: World, login) -> None:  # type: ignore[no-untyped-def]
    response = Client().post(
        "/hoi-dap/",
        {
            "agency": str(world.ldldtp.pk),
            "topic": str(world.topic.pk),
            "account": "Công ty nợ lương, tôi phải làm gì?",
            "consent_given": "on",
        },
        REMOTE_ADDR="203.0.113.9",
    )
    assert response.status_code == 200
    from phoihop.cases.models import Case

    case = Case.objects.exclude(pk=world.case.pk).get()
    page = body_text(login(world.users["handler"]).get(case.get_absolute_url()))
    assert "Tracking hash" not in page
    assert "Mã tra cứu (đã mã hóa)" in page
    assert "+00:00" not in page
