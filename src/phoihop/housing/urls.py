from django.urls import path

from phoihop.housing import views

app_name = "housing"

urlpatterns = [
    path("", views.project_list, name="project_list"),
    path("them/", views.ProjectCreateView.as_view(), name="project_create"),
    path("<int:pk>/", views.project_detail, name="project_detail"),
    path("<int:pk>/sua/", views.ProjectUpdateView.as_view(), name="project_update"),
    path("<int:pk>/xoa/", views.project_delete, name="project_delete"),
    path("<int:pk>/moc/them/", views.MilestoneCreateView.as_view(), name="milestone_create"),
    path("moc/<int:pk>/sua/", views.MilestoneUpdateView.as_view(), name="milestone_update"),
    path("moc/<int:pk>/xoa/", views.milestone_delete, name="milestone_delete"),
]
