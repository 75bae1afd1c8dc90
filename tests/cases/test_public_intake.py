"""The public question page: no login, a tracking code shown once, the answer only for its own code, rate limits
kept in the database, size limits, everything escaped."""

from __future__ import annotations

import hashlib
import json
import re

import pytest
from django.test import Client, RequestFactory, override_settings

from phoihop.cases import services
from phoihop.cases.models import Case, CasePerson, Consent, IntakeThrottle
from phoihop.cases.validators import normalize_tracking_code
from phoihop.cases.views import public_ask, public_lookup
from phoihop.core.models import AuditEvent
from tests.cases.conftest import World, body_text

CODE_RE = re.compile(r"\b[0-9A-Z]{5}-[0-9A-Z]{5}-[0-9A-Z]{5}-[0-9A-Z]{5}\b")


def question(world: World, **extra: str) -> dict[str, str]:
    return {
        "agency": str(world.ldldtp.pk),
        "topic": str(world.topic.pk),
        "account": "Công ty nợ lương ba tháng, tôi có được trợ cấp thôi việc không?",
        "full_name": "",
        "phone": "",
        "employer": "",
        "consent_given": "on",
        **extra,
    }


def ask(client: Client, data: dict[str, str], address: str = "203.0.113.7") -> tuple[object, str]:
    response = client.post("/hoi-dap/", data, REMOTE_ADDR=address)
    match = CODE_RE.search(body_text(response))
    return response, match.group(0) if match else ""


def lookup(client: Client, code: str, address: str = "203.0.113.7") -> object:
    return client.post("/hoi-dap/tra-cuu/", {"code": code}, REMOTE_ADDR=address)


def test_the_page_needs_no_login_and_states_the_purpose(world: World) -> None:
    response = Client().get("/hoi-dap/")
    text = body_text(response)
    assert response.status_code == 200
    assert "Mục đích sử dụng thông tin" in text
    assert "Liên đoàn Lao động thành phố Hải Phòng" in text
    assert "Chấm dứt hợp đồng › Trợ cấp thôi việc" in text
    assert "no-store" in response["Cache-Control"]


def test_asking_gives_a_code_shown_once_and_stores_only_its_hash(world: World) -> None:
    response, code = ask(Client(), question(world, full_name="Tạ Văn Hỏi", phone="0987 654 321"))
    assert response.status_code == 200
    assert code, "a tracking code is shown"
    assert not response.has_header("Location")
    assert "no-store" in response["Cache-Control"]
    case = Case.objects.get(channel="online")
    assert case.tracking_hash == hashlib.sha256(normalize_tracking_code(code).encode()).hexdigest()
    assert case.handling_agency == world.ldldtp
    assert case.requester_kind == "worker"
    assert CasePerson.objects.get(case=case).full_name == "Tạ Văn Hỏi"
    consent = Consent.objects.get(case=case)
    assert (consent.method, consent.recorded_by) == ("online_form", None)
    audit = json.dumps(list(AuditEvent.objects.values("changes", "note", "object_repr")), ensure_ascii=False)
    assert normalize_tracking_code(code) not in audit
    assert code not in audit
    assert "Tạ Văn Hỏi" not in audit
    assert case.due_at is not None


def test_the_code_shows_only_its_own_case(world: World) -> None:
    client = Client()
    _r1, first = ask(client, question(world))
    _r2, second = ask(client, question(world, account="Tôi muốn hỏi về chế độ thai sản khi nghỉ việc."))
    first_case, second_case = Case.objects.filter(channel="online").order_by("pk")
    handler = world.users["handler"]
    services.transition_case(
        actor=handler, case=first_case, to_status="answered", expected_version=1, answer="Trả lời MỘT: Điều 46."
    )
    services.transition_case(
        actor=handler, case=second_case, to_status="answered", expected_version=1, answer="Trả lời HAI: Điều 139."
    )
    one = body_text(lookup(client, first))
    assert "Trả lời MỘT" in one
    assert "Trả lời HAI" not in one
    two = body_text(lookup(client, second.lower().replace("-", " ")))  # typed loosely, still found
    assert "Trả lời HAI" in two
    assert "Trả lời MỘT" not in two
    assert first not in one  # the code is not written back into the page


def test_a_wrong_code_gets_one_neutral_not_found(world: World) -> None:
    ask(Client(), question(world))
    for code in ["AAAAA-AAAAA-AAAAA-AAAAA", "ngắn", "' OR 1=1 --"]:
        response = lookup(Client(), code)
        assert response.status_code in (404, 422)
        text = body_text(response)
        assert "Công ty nợ lương" not in text
    response = lookup(Client(), "AAAAA-AAAAA-AAAAA-AAAAA")
    assert response.status_code == 404
    assert "Không tìm thấy câu hỏi nào với mã tra cứu này" in body_text(response)


def test_a_code_in_the_url_is_ignored(world: World) -> None:
    _response, code = ask(Client(), question(world))
    response = Client().get(f"/hoi-dap/tra-cuu/?code={code}")
    assert response.status_code == 200
    assert "Chấm dứt hợp đồng" not in body_text(response)


def test_before_an_answer_the_status_says_so(world: World) -> None:
    _response, code = ask(Client(), question(world))
    text = body_text(lookup(Client(), code))
    assert "Đã tiếp nhận" in text
    assert "Chưa có câu trả lời" in text


@override_settings(PUBLIC_INTAKE_RATE_LIMIT="3/60", PUBLIC_LOOKUP_RATE_LIMIT="4/60")
def test_floods_are_refused_per_address_with_state_in_the_database(world: World) -> None:
    client = Client()
    statuses = [ask(client, question(world))[0].status_code for _ in range(5)]  # type: ignore[attr-defined]
    assert statuses == [200, 200, 200, 429, 429]
    refused = client.post("/hoi-dap/", question(world), REMOTE_ADDR="203.0.113.7")
    assert "quá nhiều yêu cầu" in body_text(refused)
    assert int(refused["Retry-After"]) > 0
    assert Case.objects.filter(channel="online").count() == 3
    # Another address is not affected; the counts live in the database, hashed.
    assert ask(Client(), question(world), address="198.51.100.9")[0].status_code == 200  # type: ignore[attr-defined]
    hashes = list(IntakeThrottle.objects.values_list("client_hash", flat=True))
    assert len(hashes) == 2
    assert all(len(h) == 64 and "203.0.113.7" not in h for h in hashes)
    lookups = [lookup(client, "AAAAA-AAAAA-AAAAA-AAAAA").status_code for _ in range(5)]  # type: ignore[attr-defined]
    assert lookups == [404, 404, 404, 404, 429]


def test_invalid_posts_count_against_the_limit_too(world: World) -> None:
    with override_settings(PUBLIC_INTAKE_RATE_LIMIT="2/60"):
        client = Client()
        codes = [client.post("/hoi-dap/", {}, REMOTE_ADDR="203.0.113.8").status_code for _ in range(3)]
    assert codes == [422, 422, 429]


def test_an_oversized_request_is_refused_before_it_is_read(world: World) -> None:
    response = Client().post("/hoi-dap/", question(world, account="x" * 20000), REMOTE_ADDR="203.0.113.9")
    assert response.status_code == 413
    assert "quá dài" in body_text(response)
    assert not Case.objects.filter(channel="online").exists()


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        ("account", "y" * 4001, "tối đa"),
        ("account", "ngắn", "ít nhất"),
        ("full_name", "z" * 151, "tối đa"),
        ("phone", "gọi tôi đi", "Số điện thoại không hợp lệ"),
        ("topic", "999999", "không có trong danh mục chủ đề"),
        ("consent_given", "", "đánh dấu ô đồng ý"),
        ("agency", str(10**6), "Hãy chọn"),
    ],
)
def test_bad_fields_are_refused_and_nothing_saved(world: World, field: str, value: str, message: str) -> None:
    data = question(world, **{field: value})
    if field == "consent_given":
        data.pop("consent_given")
    response = Client().post("/hoi-dap/", data, REMOTE_ADDR="203.0.113.10")
    assert response.status_code == 422
    assert message in body_text(response) or (field == "agency" and "Lựa chọn không hợp lệ" in body_text(response))
    assert not Case.objects.filter(channel="online").exists()


def test_contact_without_consent_is_not_kept(world: World) -> None:
    data = question(world, full_name="Người Không Đồng Ý", phone="0987 111 222")
    data.pop("consent_given")
    response = Client().post("/hoi-dap/", data, REMOTE_ADDR="203.0.113.11")
    assert response.status_code == 422
    assert CasePerson.objects.count() == 1  # the fixture's case only
    assert not Case.objects.filter(channel="online").exists()


def test_a_script_tag_is_escaped_everywhere(world: World, login) -> None:  # type: ignore[no-untyped-def]
    script = "<script>alert('xss')</script> câu hỏi có thẻ script"
    # Re-rendered on an error (no consent): escaped.
    data = question(world, account=script)
    data.pop("consent_given")
    echoed = body_text(Client().post("/hoi-dap/", data, REMOTE_ADDR="203.0.113.12"))
    assert "<script>alert" not in echoed
    assert "&lt;script&gt;alert" in echoed
    _response, code = ask(Client(), question(world, account=script, full_name="<b>Tên</b>"), address="203.0.113.13")
    case = Case.objects.get(channel="online")
    detail = body_text(login(world.users["handler"]).get(f"/vu-viec/{case.pk}/"))
    assert "<script>alert" not in detail
    assert "&lt;script&gt;alert" in detail
    assert "<b>Tên</b>" not in detail
    services.transition_case(
        actor=world.users["handler"], case=case, to_status="answered", expected_version=1, answer="<script>x()</script>"
    )
    public = body_text(lookup(Client(), code, address="203.0.113.13"))
    assert "<script>x()" not in public
    assert "&lt;script&gt;x()" in public


def test_personal_fields_are_hidden_from_error_reports(world: World) -> None:
    factory = RequestFactory()
    for view, data in [(public_ask, question(world, phone="0987 654 321")), (public_lookup, {"code": "A" * 20})]:
        request = factory.post("/hoi-dap/", data, REMOTE_ADDR="203.0.113.14")
        view(request)
        assert set(request.sensitive_post_parameters) >= ({"account", "phone"} if view is public_ask else {"code"})
