from django.urls import path

from phoihop.cases import views

app_name = "cases"

urlpatterns = [
    path("", views.case_list, name="case_list"),
    path("them/", views.CaseCreateView.as_view(), name="case_create"),
    path("xuat-csv/", views.case_export, name="case_export"),
    path("tim-theo-so-dien-thoai/", views.phone_search, name="phone_search"),
    path("tong-hop/", views.case_aggregates, name="aggregates"),
    path("<int:pk>/", views.case_detail, name="case_detail"),
    path("<int:pk>/sua/", views.CaseUpdateView.as_view(), name="case_update"),
    path("<int:pk>/chuyen-trang-thai/", views.case_transition, name="case_transition"),
    path("<int:pk>/giao-can-bo/", views.case_assign, name="case_assign"),
    path("<int:pk>/xuat-du-lieu-ca-nhan/", views.case_subject_export, name="case_subject_export"),
    path("<int:pk>/yeu-cau-du-lieu/", views.data_request_create, name="data_request_create"),
    path("yeu-cau-du-lieu/<int:pk>/", views.data_request_handle, name="data_request_handle"),
    path("chu-de/", views.topic_list, name="topic_list"),
    path("chu-de/them/", views.TopicCreateView.as_view(), name="topic_create"),
    path("chu-de/<int:pk>/sua/", views.TopicUpdateView.as_view(), name="topic_update"),
    path("lich-lam-viec/", views.working_calendar, name="calendar"),
    path("lich-lam-viec/ngay-nghi/<int:pk>/bo/", views.holiday_remove, name="holiday_remove"),
    path("lich-lam-viec/thoi-han/<int:pk>/", views.policy_update, name="policy_update"),
    path("phan-quyen/", views.grant_list, name="grant_list"),
    path("phan-quyen/<int:pk>/thu-hoi/", views.grant_revoke, name="grant_revoke"),
    path("kien-nghi/", views.petition_list, name="petition_list"),
    path("kien-nghi/them/", views.PetitionCreateView.as_view(), name="petition_create"),
    path("kien-nghi/<int:pk>/", views.petition_detail, name="petition_detail"),
    path("kien-nghi/<int:pk>/sua/", views.PetitionUpdateView.as_view(), name="petition_update"),
    path("kien-nghi/<int:pk>/theo-doi/", views.petition_follow_up, name="petition_follow_up"),
]

# The public question page has its own short prefix (config/urls.py: /hoi-dap/) and namespace.
public_urlpatterns = [
    path("", views.public_ask, name="ask"),
    path("tra-cuu/", views.public_lookup, name="lookup"),
]
