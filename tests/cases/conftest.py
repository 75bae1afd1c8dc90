"""Fixtures of the cases tests: three bodies (LĐLĐTP with its unit CĐKKT, BQLKKT, BDVTU), a user of every kind
that matters for personal data, and one case whose requester data is a set of unmistakable markers."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from typing import Any

import pytest
from django.test import Client

from phoihop.accounts.choices import Role
from phoihop.accounts.models import User
from phoihop.cases.models import Case, Topic
from phoihop.directory.models import Agency
from tests.accounts.factories import AdminFactory, UserFactory
from tests.cases.factories import CaseFactory, GrantFactory, TopicFactory
from tests.directory.factories import AgencyFactory

PERSON = {
    "full_name": "Đặng Thị Bảo Mật",
    "phone": "0911222333",
    "employer": "Xưởng Bảo Mật Thử Nghiệm",
    "account": "Nội dung trình bày bảo mật XYZ-7731",
}
# What must never be shown to anyone but a handler of the handling body, in any form it could take.
MARKERS = ("Đặng Thị Bảo Mật", "0911222333", "0911 222 333", "Xưởng Bảo Mật Thử Nghiệm", "bảo mật XYZ-7731")

ROLE_KEYS = ("viewer", "officer", "other_handler", "handler", "leader", "secretariat", "admin")


@dataclass
class World:
    ldldtp: Agency
    cdkkt: Agency
    bqlkkt: Agency
    bdvtu: Agency
    root_topic: Topic
    topic: Topic
    users: dict[str, User]
    case: Case
    extra: dict[str, Any] = field(default_factory=dict)


def body_text(response: Any) -> str:
    """The response as text a person could read: JSON decoded (so escaped Vietnamese is searchable), streams joined."""
    raw = b"".join(response.streaming_content) if getattr(response, "streaming", False) else response.content
    text = raw.decode("utf-8", errors="replace")
    if response.get("Content-Type", "").startswith("application/json") and text:
        try:
            return json.dumps(json.loads(text), ensure_ascii=False)
        except ValueError:
            return text
    return text


def leaked(text: str) -> list[str]:
    return [marker for marker in MARKERS if marker in text]


@pytest.fixture
def world(db: None) -> World:
    ldldtp = AgencyFactory(short_code="LĐLĐTP", name="Liên đoàn Lao động thành phố Hải Phòng", kind="union")
    cdkkt = AgencyFactory(short_code="CĐKKT", name="Công đoàn Khu kinh tế Hải Phòng", kind="union", parent=ldldtp)
    bqlkkt = AgencyFactory(short_code="BQLKKT", name="Ban Quản lý Khu kinh tế Hải Phòng")
    bdvtu = AgencyFactory(short_code="BDVTU", name="Ban Dân vận Thành ủy", kind="party")
    root = TopicFactory(name="Chấm dứt hợp đồng")
    topic = TopicFactory(name="Trợ cấp thôi việc", parent=root, report_phrase="trợ cấp thôi việc của người lao động")
    users = {
        "viewer": UserFactory(username="xem", role=Role.VIEWER, agency=bdvtu),
        "officer": UserFactory(username="canbo", role=Role.OFFICER, agency=ldldtp),
        "other_handler": UserFactory(username="canbo.bql", role=Role.OFFICER, agency=bqlkkt),
        "handler": UserFactory(username="xuly", role=Role.OFFICER, agency=ldldtp),
        "leader": UserFactory(username="lanhdao", role=Role.LEADER, agency=ldldtp),
        "secretariat": UserFactory(username="thuky", role=Role.SECRETARIAT, agency=bdvtu),
        "admin": AdminFactory(username="quantri"),
    }
    GrantFactory(user=users["handler"], agency=ldldtp)
    GrantFactory(user=users["other_handler"], agency=bqlkkt)
    case = CaseFactory(topic=topic, handling_agency=ldldtp, handler=users["handler"], person=PERSON)
    return World(ldldtp, cdkkt, bqlkkt, bdvtu, root, topic, users, case)


@pytest.fixture
def login():  # type: ignore[no-untyped-def]
    def make(user: User) -> Client:
        client = Client()
        client.force_login(user)
        return client

    return make


@pytest.fixture
def bearer(db: None):  # type: ignore[no-untyped-def]
    """A Client that calls the API with the user's personal token."""
    from phoihop.accounts.services import create_token

    def make(user: User) -> Client:
        _token, raw = create_token(actor=user, owner=user, name="kiểm thử vụ việc")
        return Client(headers={"Authorization": f"Bearer {raw}"})

    return make
