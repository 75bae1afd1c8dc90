from django.urls import path

from phoihop.workforce import public, views

app_name = "workforce"

urlpatterns = [
    *views.REPORTS.urls(prefix="bao-cao/"),
    path("bao-cao/<int:pk>/<str:action>/", views.report_transition, name="report_transition"),
    *views.INCIDENTS.urls(prefix="vu-viec/"),
    *views.STEPS.urls(prefix="vu-viec/"),
    *views.SUPPORTS.urls(prefix="vu-viec/"),
    path("so-lieu/", views.figures, name="figures"),
    path("canh-bao/", views.warning_list, name="warning_list"),
    path("canh-bao/<int:pk>/", views.warning_detail, name="warning_detail"),
    path("canh-bao/<int:pk>/<str:action>/", views.warning_action, name="warning_action"),
    path("khao-sat/", views.survey_list, name="survey_list"),
    path("khao-sat/them/", views.SurveyCreateView.as_view(), name="survey_create"),
    path("khao-sat/<int:pk>/", views.survey_detail, name="survey_detail"),
    path("khao-sat/<int:pk>/sua/", views.SurveyUpdateView.as_view(), name="survey_update"),
    path("khao-sat/<int:pk>/xoa/", views.survey_delete, name="survey_delete"),
]

# The public survey page has its own short prefix (config/urls.py: /khao-sat/) and namespace.
public_urlpatterns = [path("<str:token>/", public.answer, name="answer")]
