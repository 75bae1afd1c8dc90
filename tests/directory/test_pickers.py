"""The enterprise picker: its JSON suggestions (the directory's search, diacritics ignored, signed-in users only, a
fixed number of queries), and the form field behind it, which takes tax codes, a name found once, or an id."""

from __future__ import annotations

import json
from html import unescape

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from phoihop.accounts.choices import Role
from phoihop.directory.forms import EnterpriseField
from phoihop.directory.models import Agency, Enterprise
from phoihop.organizing.forms import FoundingForm
from tests.accounts.factories import UserFactory
from tests.directory.factories import EnterpriseFactory, ZoneFactory

URL = "/danh-muc/doanh-nghiep/goi-y/"


@pytest.fixture
def dong_hai(db: None) -> Enterprise:
    return EnterpriseFactory(name="Công ty TNHH Đông Hải", tax_code="0299000021", zone=ZoneFactory(name="KCN Đình Vũ"))


@pytest.fixture
def others(db: None) -> list[Enterprise]:
    return [
        EnterpriseFactory(name="Công ty TNHH Hải Long", tax_code="0299000022"),
        EnterpriseFactory(name="Công ty Cổ phần Đông Á", tax_code="0299000023"),
    ]


def test_the_url_is_the_directorys() -> None:
    assert reverse("directory:enterprise_options") == URL


def test_typing_a_name_without_diacritics_suggests_the_enterprise(  # type: ignore[no-untyped-def]
    client_for, officer, dong_hai: Enterprise, others: list[Enterprise], django_assert_max_num_queries
) -> None:
    client = client_for(officer)
    client.get(URL, {"q": ""})  # the first request of the session marks it seen (saved once a minute at most)
    # Session and user, the zones (a small table) and one search: the same whatever the size of the directory.
    with django_assert_max_num_queries(4):
        response = client.get(URL, {"q": "dong hai"})
    assert response.status_code == 200
    assert response.json() == {
        "results": [{"value": "0299000021", "text": "Công ty TNHH Đông Hải", "detail": "MST 0299000021 · KCN Đình Vũ"}]
    }
    by_code = client.get(URL, {"q": "0299000022"}).json()["results"]
    assert [option["text"] for option in by_code] == ["Công ty TNHH Hải Long"]
    assert client.get(URL, {"q": ""}).json() == {"results": []}


def test_the_suggestions_are_few_and_their_query_count_stays_fixed(  # type: ignore[no-untyped-def]
    client_for, officer, django_assert_max_num_queries
) -> None:
    for number in range(30):
        EnterpriseFactory(name=f"Công ty Thử nghiệm số {number}", tax_code=f"02990001{number:02d}")
    client = client_for(officer)
    client.get(URL, {"q": ""})  # the session marked seen
    with django_assert_max_num_queries(4):
        response = client.get(URL, {"q": "thu nghiem"})
    assert len(response.json()["results"]) == 20


def test_only_signed_in_users_of_a_body_get_suggestions(client, make_user, dong_hai: Enterprise) -> None:  # type: ignore[no-untyped-def]
    response = client.get(URL, {"q": "dong hai"})
    assert response.status_code == 302
    assert "/tai-khoan/dang-nhap/" in response["Location"]
    # A disabled account is signed out, and offered nothing.
    disabled = UserFactory(role=Role.OFFICER, is_active=False)
    client.force_login(disabled)
    assert client.get(URL, {"q": "dong hai"}).status_code == 302


@pytest.mark.django_db
class TestEnterpriseField:
    def test_a_tax_code_still_works(self, dong_hai: Enterprise) -> None:
        assert EnterpriseField().clean("0299000021") == dong_hai
        assert EnterpriseField().clean(" 0299 000 021 ") == dong_hai

    def test_several_tax_codes_as_the_picker_posts_them(self, dong_hai: Enterprise, others: list[Enterprise]) -> None:
        field = EnterpriseField(multiple=True)
        assert field.clean("0299000021,0299000022") == [dong_hai, others[0]]
        assert field.clean("0299000021\n0299000022, 0299000021") == [dong_hai, others[0]]
        assert field.clean("0299000021 0299000022") == [dong_hai, others[0]]

    def test_an_unknown_tax_code_gets_a_vietnamese_error(self, dong_hai: Enterprise) -> None:
        with pytest.raises(ValidationError) as error:
            EnterpriseField(multiple=True).clean("0299000021, 0299999999")
        assert error.value.code == "unknown_enterprise"
        assert error.value.messages == [
            "Không có doanh nghiệp mang mã số thuế 0299999999 trong danh mục. Hãy thêm doanh nghiệp vào danh mục trước."
        ]

    def test_a_name_typed_without_javascript_is_found_when_it_names_one_enterprise(
        self, dong_hai: Enterprise, others: list[Enterprise]
    ) -> None:
        assert EnterpriseField().clean("dong hai") == dong_hai
        assert EnterpriseField().clean("Đông Hải") == dong_hai
        with pytest.raises(ValidationError) as error:
            EnterpriseField().clean("hai")
        assert error.value.code == "ambiguous_enterprise"
        assert "Có nhiều doanh nghiệp khớp với “hai”" in error.value.messages[0]
        with pytest.raises(ValidationError) as error:
            EnterpriseField().clean("Nam Triệu")
        assert error.value.messages[0].startswith("Không tìm thấy doanh nghiệp “Nam Triệu” trong danh mục")

    def test_one_enterprise_only_where_the_field_holds_one(
        self, dong_hai: Enterprise, others: list[Enterprise]
    ) -> None:
        with pytest.raises(ValidationError) as error:
            EnterpriseField().clean("0299000021,0299000022")
        assert error.value.messages == ["Chỉ chọn một doanh nghiệp."]
        assert EnterpriseField(required=False).clean("") is None
        assert EnterpriseField(multiple=True, required=False).clean("") == []

    def test_the_widget_carries_the_picker_and_the_chosen_names(self, dong_hai: Enterprise) -> None:
        html = EnterpriseField(multiple=True).widget.render("enterprises", [dong_hai])
        assert 'data-picker="enterprise"' in html
        assert f'data-picker-url="{URL}"' in html
        assert 'value="0299000021"' in html
        # A value posted back with an error keeps the names of the codes that exist.
        html = EnterpriseField().widget.render("enterprise", "0299000021")
        data = json.loads(unescape(html.split('data-data="')[1].split('"')[0]))
        assert data == [
            {"value": "0299000021", "text": "Công ty TNHH Đông Hải", "detail": "MST 0299000021 · KCN Đình Vũ"}
        ]
        assert 'data-picker-max="1"' in html


def test_a_founding_form_takes_the_enterprise_chosen_by_name(  # type: ignore[no-untyped-def]
    make_user, dong_hai: Enterprise, others: list[Enterprise]
) -> None:
    user = make_user(Role.OFFICER, Agency.objects.create(name="Liên đoàn Lao động", short_code="LĐLĐ", kind="union"))
    form = FoundingForm(
        data={"kind": "grassroots_union", "enterprise": "dong hai", "founded_on": "2023-06-01", "version": ""},
        user=user,
    )
    assert form.is_valid(), form.errors
    assert form.cleaned_data["enterprise"] == dong_hai
    form = FoundingForm(
        data={"kind": "grassroots_union", "enterprise": "0299999999", "founded_on": "2023-06-01", "version": ""},
        user=user,
    )
    assert not form.is_valid()
    assert form.errors["enterprise"] == [
        "Không có doanh nghiệp mang mã số thuế 0299999999 trong danh mục. Hãy thêm doanh nghiệp vào danh mục trước."
    ]
