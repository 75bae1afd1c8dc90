"""Worker surveys: answered anonymously through the public link (no login, one answer per device, rate-limited),
results as aggregates only, and no breakdown for fewer than 5 answers."""

from __future__ import annotations

import datetime as dt

import pytest
from django.test import Client, override_settings

from phoihop.workforce.models import Answer, SurveyResponse
from phoihop.workforce.services import create_survey
from tests.directory.factories import EnterpriseFactory

pytestmark = pytest.mark.django_db

OPTIONS = ["Rất hài lòng", "Hài lòng", "Chưa hài lòng", "Rất không hài lòng"]


@pytest.fixture
def survey(officer):  # type: ignore[no-untyped-def]
    big = EnterpriseFactory(name="Công ty TNHH Giày da Hoa Thịnh")
    small = EnterpriseFactory(name="Công ty TNHH Bao bì Đông Hải")
    return create_survey(
        actor=officer,
        data={
            "title": "Khảo sát việc làm, đời sống, tâm tư, nguyện vọng",
            "opens_on": dt.date(2020, 1, 1),
            "closes_on": dt.date(2099, 12, 31),
            "enterprises": [big, small],
        },
        questions=[
            {"kind": "single", "text": "Anh/chị có hài lòng với bữa ăn giữa ca?", "options": OPTIONS},
            {"kind": "multiple", "text": "Anh/chị mong muốn gì?", "options": ["Tăng lương", "Nhà ở", "Nhà trẻ"]},
            {"kind": "scale", "text": "Mức độ gắn bó với doanh nghiệp"},
            {"kind": "text", "text": "Ý kiến khác", "required": False},
        ],
    )


def _answer(client: Client, survey, enterprise, choice: int) -> object:  # type: ignore[no-untyped-def]
    q = list(survey.questions.all())
    data = {
        "enterprise": enterprise.pk,
        f"q{q[0].pk}": choice,
        f"q{q[1].pk}": ["0", "1"] if choice % 2 else ["2"],
        f"q{q[2].pk}": 3,
        f"q{q[3].pk}": "",
    }
    return client.post(survey.public_path(), data)


def test_twelve_answers_show_aggregates_and_a_four_answer_breakdown_is_withheld(survey, officer, client_for) -> None:  # type: ignore[no-untyped-def]
    big, small = sorted(survey.enterprises.all(), key=lambda e: e.name)[::-1]
    for number in range(12):
        device = Client(enforce_csrf_checks=False)  # a new phone each time; the page needs no login
        enterprise = big if number < 8 else small
        answer = _answer(device, survey, enterprise, choice=number % 4)
        assert answer.status_code == 200
        assert "Cảm ơn anh/chị đã trả lời" in answer.content.decode()
    assert SurveyResponse.objects.count() == 12
    page = client_for(officer).get(survey.get_absolute_url()).content.decode()
    assert "12 người trả lời tại 2 doanh nghiệp" in page
    assert "Rất hài lòng" in page
    # Hoa Thịnh's 8 answers are broken down; Đông Hải's 4 are not.
    cards = {card.split("</h3>")[0]: card for card in page.split('<h3 class="h6">')[1:]}
    big_card = cards["Công ty TNHH Giày da Hoa Thịnh — 8 người trả lời"]
    small_card = cards["Công ty TNHH Bao bì Đông Hải — 4 người trả lời"].split("</section>")[0]
    assert "Chưa đủ 5 câu trả lời" not in big_card
    assert "Rất hài lòng" in big_card
    assert "Chưa đủ 5 câu trả lời" in small_card
    assert "hài lòng" not in small_card
    assert "<svg" in page  # the QR code, inline


def test_the_api_gives_the_same_aggregates(survey, officer, api_for) -> None:  # type: ignore[no-untyped-def]
    big = survey.enterprises.get(name__contains="Hoa Thịnh")
    for number in range(6):
        _answer(Client(), survey, big, choice=0 if number < 3 else 1)
    results = api_for(officer, token=True).get(f"/workforce/surveys/{survey.pk}/results").json()
    assert results["responses"] == 6
    first = results["questions"][0]
    assert [(o["label"], o["count"]) for o in first["options"]][:2] == [("Rất hài lòng", 3), ("Hài lòng", 3)]
    assert [g["withheld"] for g in results["groups"]] == [False]


def test_fewer_than_five_answers_in_all_shows_no_figure(survey, officer, client_for) -> None:  # type: ignore[no-untyped-def]
    big = survey.enterprises.get(name__contains="Hoa Thịnh")
    for _number in range(4):
        _answer(Client(), survey, big, choice=0)
    page = client_for(officer).get(survey.get_absolute_url()).content.decode()
    assert page.count("Chưa đủ 5 câu trả lời") == 2  # overall and the one enterprise


def test_one_answer_per_device(survey) -> None:  # type: ignore[no-untyped-def]
    device = Client()
    big = survey.enterprises.get(name__contains="Hoa Thịnh")
    _answer(device, survey, big, choice=0)
    again = _answer(device, survey, big, choice=1)
    assert "Thiết bị này đã gửi phiếu" in again.content.decode()
    assert SurveyResponse.objects.count() == 1


@override_settings(PUBLIC_SURVEY_RATE_LIMIT="2/60")
def test_answers_are_rate_limited_like_the_question_page(survey) -> None:  # type: ignore[no-untyped-def]
    big = survey.enterprises.get(name__contains="Hoa Thịnh")
    statuses = [_answer(Client(), survey, big, choice=0).status_code for _number in range(3)]
    assert statuses == [200, 200, 429]
    assert SurveyResponse.objects.count() == 2


def test_a_missing_answer_or_a_closed_survey_is_refused(survey) -> None:  # type: ignore[no-untyped-def]
    big = survey.enterprises.get(name__contains="Hoa Thịnh")
    answer = Client().post(survey.public_path(), {"enterprise": big.pk})
    assert answer.status_code == 422
    assert "Hãy trả lời câu hỏi này" in answer.content.decode()
    survey.closes_on = dt.date(2021, 1, 1)
    survey.save()
    assert "không nhận trả lời" in Client().get(survey.public_path()).content.decode()
    assert _answer(Client(), survey, big, choice=0).status_code == 422
    assert not Answer.objects.exists()


def test_an_answer_sheet_holds_no_personal_data() -> None:
    fields = {field.name for field in SurveyResponse._meta.get_fields()}
    assert fields == {"id", "survey", "enterprise", "answered_on", "answers", "created_at", "updated_at"}


def test_a_high_share_of_very_dissatisfied_answers_opens_a_warning_that_later_answers_close(survey) -> None:  # type: ignore[no-untyped-def]
    from phoihop.workforce.models import Warning

    big = survey.enterprises.get(name__contains="Hoa Thịnh")
    for choice in (3, 3, 0, 1, 1):  # 2 of 5 "Rất không hài lòng": 40% > 30%
        _answer(Client(), survey, big, choice=choice)
    warning = Warning.objects.get(rule__code="survey_dissatisfied", enterprise=big)
    assert warning.status == "open"
    assert "2/5 người trả lời (40%)" in warning.summary
    assert [row.survey_id for row in warning.evidence.all()] == [survey.pk]
    for choice in (0, 1):  # 2 of 7: 28,6%
        _answer(Client(), survey, big, choice=choice)
    warning.refresh_from_db()
    assert warning.status == "closed"
