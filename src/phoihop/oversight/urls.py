from django.urls import path

from phoihop.oversight import views

app_name = "oversight"

urlpatterns = [
    *views.INSPECTIONS.urls(),
    path("<int:pk>/ket-qua/them/", views.FindingCreateView.as_view(), name="finding_create"),
    path("ket-qua/<int:pk>/sua/", views.FindingUpdateView.as_view(), name="finding_update"),
    path("ket-qua/<int:pk>/xoa/", views.finding_delete, name="finding_delete"),
    path("<int:pk>/viec-can-lam/them/", views.FollowUpCreateView.as_view(), name="follow_up_create"),
    path("viec-can-lam/<int:pk>/sua/", views.FollowUpUpdateView.as_view(), name="follow_up_update"),
    path("viec-can-lam/<int:pk>/xoa/", views.follow_up_delete, name="follow_up_delete"),
    path("viec-qua-han/", views.overdue_list, name="overdue_list"),
    path("noi-dung/", views.topic_list, name="topic_list"),
    path("noi-dung/them/", views.TopicCreateView.as_view(), name="topic_create"),
    path("noi-dung/<int:pk>/sua/", views.TopicUpdateView.as_view(), name="topic_update"),
]
