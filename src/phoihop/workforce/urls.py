from django.urls import path

from phoihop.workforce import public, views

app_name = "workforce"

urlpatterns = [
    path("bao-cao/", views.report_list, name="report_list"),
    path("bao-cao/them/", views.ReportCreateView.as_view(), name="report_create"),
    path("bao-cao/<int:pk>/", views.report_detail, name="report_detail"),
    path("bao-cao/<int:pk>/sua/", views.ReportUpdateView.as_view(), name="report_update"),
    path("bao-cao/<int:pk>/xoa/", views.report_delete, name="report_delete"),
    path("bao-cao/<int:pk>/<str:action>/", views.report_transition, name="report_transition"),
    path("vu-viec/", views.incident_list, name="incident_list"),
    path("vu-viec/them/", views.IncidentCreateView.as_view(), name="incident_create"),
    path("vu-viec/<int:pk>/", views.incident_detail, name="incident_detail"),
    path("vu-viec/<int:pk>/sua/", views.IncidentUpdateView.as_view(), name="incident_update"),
    path("vu-viec/<int:pk>/xoa/", views.incident_delete, name="incident_delete"),
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
