from django.urls import path

from phoihop.directory import views

app_name = "directory"

urlpatterns = [
    path("doanh-nghiep/", views.enterprise_list, name="enterprise_list"),
    path("doanh-nghiep/goi-y/", views.enterprise_options, name="enterprise_options"),
    path("doanh-nghiep/them/", views.EnterpriseCreateView.as_view(), name="enterprise_create"),
    path("doanh-nghiep/<int:pk>/", views.enterprise_detail, name="enterprise_detail"),
    path("doanh-nghiep/<int:pk>/sua/", views.EnterpriseUpdateView.as_view(), name="enterprise_update"),
    path("doanh-nghiep/<int:pk>/xoa/", views.enterprise_delete, name="enterprise_delete"),
    path("khu/", views.zone_list, name="zone_list"),
    path("khu/them/", views.ZoneCreateView.as_view(), name="zone_create"),
    path("khu/<int:pk>/", views.zone_detail, name="zone_detail"),
    path("khu/<int:pk>/sua/", views.ZoneUpdateView.as_view(), name="zone_update"),
    path("co-quan/", views.agency_list, name="agency_list"),
    path("co-quan/<int:pk>/", views.agency_detail, name="agency_detail"),
]
