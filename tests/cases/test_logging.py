"""Personal data never reaches a log. Every case path (public intake, pages, API, errors, 404s, validation failures,
exports, commands) runs with every logger at DEBUG and SQL logging on; the demo's personal values appear nowhere."""

from __future__ import annotations

import json
import logging
import os
from typing import Any

from django.core.management import call_command
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from phoihop.accounts.models import User
from phoihop.cases.models import Case, DataRequest, Topic
from phoihop.demo.loader import load_demo
from phoihop.directory.models import Agency
from tests.demo.data import CASES, PERSONAL_STRINGS

DEMO_PERSON = CASES[0]["person"]


def _debug_everywhere(caplog: Any) -> None:
    caplog.set_level(logging.DEBUG)
    for name in list(logging.root.manager.loggerDict):
        caplog.set_level(logging.DEBUG, logger=name)


def _client(username: str) -> Client:
    client = Client(raise_request_exception=False)
    client.force_login(User.objects.get(username=username))
    return client


def _json(client: Client, method: str, path: str, data: Any = None) -> Any:
    call = getattr(client, method)
    if data is None:
        return call(path)
    return call(path, json.dumps(data), content_type="application/json")


def _run_every_path() -> None:
    person: dict[str, str] = dict(DEMO_PERSON)  # type: ignore[arg-type]
    ldldtp = Agency.objects.get(short_code="LĐLĐTP")
    topic = Topic.objects.get(name="Trợ cấp thôi việc")
    case = Case.objects.filter(handling_agency=ldldtp).order_by("received_at").first()
    open_case = Case.objects.get(requester_kind="union_cadre")
    assert case is not None
    handler = _client("ldldtp.canbo")

    # Public intake: a question with the demo person's data, lookups right and wrong, floods, oversize, bad input.
    public = Client()
    address = {"REMOTE_ADDR": "198.51.100.20"}
    ask = {
        "agency": ldldtp.pk,
        "topic": topic.pk,
        "account": person["account"],
        "full_name": person["full_name"],
        "phone": person["phone"],
        "employer": person["employer"],
        "consent_given": "on",
    }
    response = public.post("/hoi-dap/", ask, **address)
    code = response.content.decode().split('id="tracking-code">')[1].split("<")[0]
    public.post("/hoi-dap/tra-cuu/", {"code": code}, **address)
    public.post("/hoi-dap/tra-cuu/", {"code": "AAAAA-AAAAA-AAAAA-AAAAA"}, **address)
    public.post("/hoi-dap/", {**ask, "consent_given": ""}, **address)
    public.post("/hoi-dap/", {**ask, "phone": person["full_name"]}, **address)
    public.post("/hoi-dap/", {**ask, "account": person["account"] * 200}, **address)
    for _ in range(6):
        public.post("/hoi-dap/", ask, REMOTE_ADDR="198.51.100.21")

    # Pages of a handler, with edits valid and invalid, exports and data-subject requests.
    for path in ["/vu-viec/", f"/vu-viec/{case.pk}/", f"/vu-viec/{open_case.pk}/sua/", "/vu-viec/xuat-csv/"]:
        response = handler.get(path)
        if response.streaming:
            b"".join(response.streaming_content)
    form = {
        "channel": "letter",
        "requester_kind": "union_cadre",
        "topic": open_case.topic_id,
        "received_at": "2023-12-27T09:00",
        "version": open_case.version,
        **person,
    }
    handler.post(f"/vu-viec/{open_case.pk}/sua/", {**form, "phone": "số sai " + person["phone"]})
    handler.post(f"/vu-viec/{open_case.pk}/sua/", {**form, "version": 999})
    handler.post(f"/vu-viec/{open_case.pk}/sua/", form)
    handler.post(f"/vu-viec/{case.pk}/sua/", form)  # closed: refused
    handler.post("/vu-viec/them/", {**form, "handling_agency": ldldtp.pk, "received_at": "2024-01-02T09:00"})
    handler.post(
        "/vu-viec/them/",
        {
            **form,
            "handling_agency": ldldtp.pk,
            "received_at": "2024-01-02T09:00",
            "consent_given": "on",
            "consent_method": "phone",
        },
    )
    handler.post("/vu-viec/tim-theo-so-dien-thoai/", {"phone": person["phone"]})
    handler.post("/vu-viec/tim-theo-so-dien-thoai/", {"phone": person["full_name"]})
    handler.post(f"/vu-viec/{case.pk}/xuat-du-lieu-ca-nhan/")
    handler.post(f"/vu-viec/{case.pk}/yeu-cau-du-lieu/", {"kind": "correction", "details": person["account"]})
    request = DataRequest.objects.get(case=case)
    handler.get(f"/vu-viec/yeu-cau-du-lieu/{request.pk}/")
    handler.post(
        f"/vu-viec/yeu-cau-du-lieu/{request.pk}/",
        {"accept": "1", "outcome": "", "version": request.version, **person, "phone": "không phải số"},
    )
    handler.post(
        f"/vu-viec/yeu-cau-du-lieu/{request.pk}/",
        {"accept": "1", "outcome": "Đã sửa", "version": request.version, **person, "employer": "Nơi mới"},
    )
    handler.post(f"/vu-viec/{open_case.pk}/chuyen-trang-thai/", {"to_status": "answered", "version": 1})
    handler.get("/vu-viec/999999/")

    # The API, by a handler and by others, including 404, 409 and 422.
    _json(handler, "get", "/api/v1/cases/cases")
    _json(handler, "get", f"/api/v1/cases/cases/{case.pk}")
    _json(handler, "get", f"/api/v1/cases/cases/{case.pk}/history")
    _json(handler, "post", "/api/v1/cases/cases/search-by-phone", {"phone": person["phone"]})
    _json(handler, "post", f"/api/v1/cases/cases/{case.pk}/subject-export")
    body = {
        "channel": "hotline",
        "requester_kind": "worker",
        "topic_id": topic.pk,
        "handling_agency_id": ldldtp.pk,
        "person": person,
        "consent_given": True,
        "consent_method": "phone",
    }
    _json(handler, "post", "/api/v1/cases/cases", body)
    _json(handler, "post", "/api/v1/cases/cases", {**body, "consent_given": False})
    _json(handler, "post", "/api/v1/cases/cases", {**body, "person": {**person, "phone": person["full_name"]}})
    _json(handler, "post", "/api/v1/cases/cases", {**body, "topic_id": 999999})
    _json(handler, "post", "/api/v1/cases/cases", {**body, "person": {**person, "extra": person["phone"]}})
    _json(handler, "patch", f"/api/v1/cases/cases/{open_case.pk}", {"version": 1, "person": person})
    _json(handler, "get", "/api/v1/cases/cases/999999")
    for username in ["ldldtp.lanhdao", "bdvtu.thuky", "bqlkkt.canbo", "quantri", "bdvtu.xem"]:
        other = _client(username)
        other.get(f"/vu-viec/{case.pk}/")
        other.get("/vu-viec/xuat-csv/")
        _json(other, "get", f"/api/v1/cases/cases/{case.pk}")
        _json(other, "post", f"/api/v1/cases/cases/{case.pk}/subject-export")
        other.post(f"/vu-viec/{case.pk}/xuat-du-lieu-ca-nhan/")

    # Commands: key rotation and retention.
    with open(os.devnull, "w") as sink:
        call_command("reencrypt_fields", stdout=sink)
        call_command("anonymise_cases", stdout=sink)


def test_no_demo_personal_value_reaches_any_log(db: None, caplog: Any) -> None:
    load_demo(only=["directory", "planning"])  # planning registers the notice the petitions cite
    _debug_everywhere(caplog)
    with CaptureQueriesContext(connection):
        load_demo(only=["cases"])
        _run_every_path()
    records = caplog.records
    assert any(record.name == "django.db.backends" for record in records), "SQL was logged at DEBUG"
    assert any(record.name == "django.request" for record in records), "errors and 404s were logged"
    # Numbers aside: a record's timing fields (created, msecs, duration) are floats whose digits can spell a phone
    # number by chance ("0.0900000006").
    rendered = caplog.text + "\n".join(
        f"{record.getMessage()} {record.args!r} "
        + repr({key: value for key, value in record.__dict__.items() if not isinstance(value, int | float)})
        for record in records
    )
    found = [value for value in PERSONAL_STRINGS if value in rendered]
    assert found == []
