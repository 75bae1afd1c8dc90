from django.urls import path

from phoihop.indicators import views

app_name = "indicators"

# Mounted at the site root: indicators under /chi-tieu/, reported values and their approval under /so-lieu/.
urlpatterns = [
    path("chi-tieu/", views.indicator_list, name="indicator_list"),
    path("chi-tieu/them/", views.IndicatorCreateView.as_view(), name="indicator_create"),
    path("chi-tieu/<int:pk>/", views.indicator_detail, name="indicator_detail"),
    path("chi-tieu/<int:pk>/sua/", views.IndicatorUpdateView.as_view(), name="indicator_update"),
    path("chi-tieu/ke-hoach/<int:plan_pk>/them/", views.TargetCreateView.as_view(), name="target_create"),
    path("chi-tieu/ke-hoach/chi-tieu/<int:pk>/sua/", views.TargetUpdateView.as_view(), name="target_update"),
    path("chi-tieu/tien-do/<int:pk>/", views.target_progress, name="target_progress"),
    path("chi-tieu/quy-tac/", views.rule_list, name="rule_list"),
    path("chi-tieu/quy-tac/them/", views.RuleCreateView.as_view(), name="rule_create"),
    path("chi-tieu/quy-tac/<int:pk>/sua/", views.RuleUpdateView.as_view(), name="rule_update"),
    path("so-lieu/", views.value_list, name="value_list"),
    path("so-lieu/them/", views.value_create, name="value_create"),
    path("so-lieu/nhap-tep/", views.value_import, name="value_import"),
    path("so-lieu/<int:pk>/", views.value_detail, name="value_detail"),
    path("so-lieu/<int:pk>/sua/", views.ValueUpdateView.as_view(), name="value_update"),
    path("so-lieu/<int:pk>/xoa/", views.value_delete, name="value_delete"),
    path("so-lieu/phe-duyet/", views.approval_screen, name="approval"),
    path(
        "so-lieu/phe-duyet/<int:plan_pk>/<int:agency_pk>/<str:period_key>/<slug:action>/",
        views.approval_action,
        name="approval_action",
    ),
]
