"""The add form of a row a record holds — a project's milestone, a model's award, an inspection's finding and
follow-up action, an incident's step and support — is one page for every app (records/child_form.html): the
parents' list and the parent in the breadcrumb, the heading, and "Hủy" back to the parent's page."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from django.test import Client
from django.urls import reverse

from phoihop.accounts.models import User
from phoihop.demo.loader import LoadReport
from phoihop.housing.models import HousingProject
from phoihop.oversight.models import Inspection
from phoihop.practices.models import GoodPractice
from phoihop.workforce.models import Incident

pytestmark = pytest.mark.django_db

CHILD_FORMS: list[tuple[str, Callable[[], Any], str, str, str]] = [
    ("housing:milestone_create", HousingProject.objects.first, "housing:project_list", "Nhà ở công nhân",
     "Thêm mốc tiến độ"),
    ("practices:award_create", GoodPractice.objects.first, "practices:practice_list", "Mô hình “Dân vận khéo”",
     "Thêm khen thưởng"),
    ("oversight:finding_create", Inspection.objects.first, "oversight:inspection_list", "Kiểm tra, giám sát",
     "Thêm kết quả kiểm tra tại doanh nghiệp"),
    ("oversight:follow_up_create", Inspection.objects.first, "oversight:inspection_list", "Kiểm tra, giám sát",
     "Thêm việc cần làm sau kiểm tra"),
    ("workforce:step_create", Incident.objects.first, "workforce:incident_list", "Vụ việc lao động",
     "Thêm bước xử lý"),
    ("workforce:support_create", Incident.objects.first, "workforce:incident_list", "Vụ việc lao động",
     "Thêm hỗ trợ người lao động"),
]  # fmt: skip


@pytest.mark.parametrize(("url_name", "first_parent", "list_url", "list_label", "heading"), CHILD_FORMS)
def test_a_rows_add_form_leads_back_to_its_parent(
    whole_demo: LoadReport,
    url_name: str,
    first_parent: Callable[[], Any],
    list_url: str,
    list_label: str,
    heading: str,
) -> None:
    parent = first_parent()
    assert parent is not None, "the demo holds a parent of this kind"
    client = Client()
    client.force_login(User.objects.get(username="quantri"))
    page = client.get(reverse(url_name, args=[parent.pk])).content.decode()
    breadcrumb = page[page.index('<ol class="breadcrumb">') : page.index("</ol>")]
    assert f'<a href="{reverse(list_url)}">{list_label}</a>' in breadcrumb
    assert f'<a href="{parent.get_absolute_url()}">' in breadcrumb
    assert f'<li class="breadcrumb-item active" aria-current="page">{heading}</li>' in breadcrumb
    assert f'<h1 class="h3 mb-3">{heading}</h1>' in page
    assert f'<a class="btn btn-link" href="{parent.get_absolute_url()}">Hủy</a>' in page
    assert 'name="csrfmiddlewaretoken"' in page
