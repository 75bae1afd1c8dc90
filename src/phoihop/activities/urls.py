from django.urls import path

from phoihop.activities import views

app_name = "activities"

urlpatterns = [
    path("", views.activity_list, name="activity_list"),
    path("them/", views.ActivityCreateView.as_view(), name="activity_create"),
    path("dong-thanh-phan/", views.participant_row, name="participant_row"),
    path("dong-ket-qua/", views.output_row, name="output_row"),
    path("<int:pk>/", views.activity_detail, name="activity_detail"),
    path("<int:pk>/sua/", views.ActivityUpdateView.as_view(), name="activity_update"),
    path("<int:pk>/xoa/", views.activity_delete, name="activity_delete"),
    path("<int:pk>/tep/", views.attachment_upload, name="attachment_upload"),
    path("<int:pk>/tep/<int:attachment_pk>/", views.attachment_download, name="attachment_download"),
    path("<int:pk>/tep/<int:attachment_pk>/go/", views.attachment_delete, name="attachment_delete"),
]
