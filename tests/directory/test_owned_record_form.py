"""The owner body of a record form (`OwnedRecordForm`), the same in every app: offered only on creation, to the
administrator (who must choose) or to a user whose body has units (starting at the user's own body)."""

from __future__ import annotations

from typing import Any

import pytest
from django import forms

from phoihop.accounts.models import Role, User
from phoihop.activities.forms import ActivityForm
from phoihop.directory.models import Agency
from phoihop.housing.forms import ProjectForm
from phoihop.organizing.forms import FoundingForm
from phoihop.oversight.forms import InspectionForm
from phoihop.practices.forms import PracticeForm
from phoihop.workforce.forms import IncidentForm, LabourReportForm, SurveyForm
from tests.directory.factories import AgencyFactory
from tests.practices.factories import PracticeFactory

FORMS = [
    FoundingForm,
    PracticeForm,
    ProjectForm,
    InspectionForm,
    ActivityForm,
    LabourReportForm,
    IncidentForm,
    SurveyForm,
]


@pytest.mark.parametrize("form_class", FORMS)
def test_a_user_whose_body_has_units_chooses_among_them(form_class: Any, agency: Agency, make_user) -> None:  # type: ignore[no-untyped-def]
    unit = AgencyFactory(parent=agency, name="Công đoàn Khu công nghiệp Nomura")
    user: User = make_user(Role.OFFICER, agency)
    field = form_class(user=user).fields["owner_agency"]
    assert isinstance(field, forms.ModelChoiceField)
    assert set(field.queryset) == {agency, unit}
    assert field.initial == agency.pk
    assert not field.required


@pytest.mark.parametrize("form_class", FORMS)
def test_a_user_of_a_single_body_does_not_choose(form_class: Any, agency: Agency, make_user) -> None:  # type: ignore[no-untyped-def]
    assert "owner_agency" not in form_class(user=make_user(Role.OFFICER, agency)).fields


@pytest.mark.parametrize("form_class", FORMS)
def test_the_administrator_must_choose(form_class: Any, agency: Agency, admin_user: User) -> None:
    field = form_class(user=admin_user).fields["owner_agency"]
    assert field.required
    assert agency in field.queryset  # type: ignore[attr-defined]


def test_the_owner_is_not_changed_on_edit(agency: Agency, admin_user: User) -> None:
    AgencyFactory(parent=agency)
    form = PracticeForm(user=admin_user, instance=PracticeFactory(owner_agency=agency))
    assert "owner_agency" not in form.fields


@pytest.mark.parametrize(("form_class", "offered"), [(FoundingForm, False), (PracticeForm, True)])
def test_inactive_units_are_offered_where_the_app_says_so(
    form_class: Any, offered: bool, agency: Agency, make_user
) -> None:  # type: ignore[no-untyped-def]
    closed = AgencyFactory(parent=agency, is_active=False)
    field = form_class(user=make_user(Role.OFFICER, agency)).fields["owner_agency"]
    assert (closed in field.queryset) is offered
