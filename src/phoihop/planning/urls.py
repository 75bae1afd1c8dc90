from django.urls import path

from phoihop.planning import views

app_name = "planning"

# Mounted at the site root: plans under /ke-hoach/, the document registry under /van-ban/.
urlpatterns = [
    path("ke-hoach/", views.plan_list, name="plan_list"),
    path("ke-hoach/qua-han/", views.late_item_list, name="late_items"),
    path("ke-hoach/them/", views.PlanCreateView.as_view(), name="plan_create"),
    path("ke-hoach/<int:pk>/", views.plan_detail, name="plan_detail"),
    path("ke-hoach/<int:pk>/sua/", views.PlanUpdateView.as_view(), name="plan_update"),
    path("ke-hoach/<int:plan_pk>/linh-vuc/them/", views.AreaCreateView.as_view(), name="area_create"),
    path("ke-hoach/linh-vuc/<int:pk>/sua/", views.AreaUpdateView.as_view(), name="area_update"),
    path("ke-hoach/<int:plan_pk>/noi-dung/them/", views.ItemCreateView.as_view(), name="item_create"),
    path("ke-hoach/noi-dung/<int:pk>/", views.item_detail, name="item_detail"),
    path("ke-hoach/noi-dung/<int:pk>/sua/", views.ItemUpdateView.as_view(), name="item_update"),
    path("ke-hoach/noi-dung/<int:pk>/cap-nhat/", views.ItemStatusView.as_view(), name="item_status"),
    path("ke-hoach/noi-dung/<int:pk>/chuyen-nam-sau/", views.item_carry_over, name="item_carry_over"),
    path("ke-hoach/chuong-trinh/them/", views.ProgrammeCreateView.as_view(), name="programme_create"),
    path("ke-hoach/chuong-trinh/<int:pk>/", views.programme_detail, name="programme_detail"),
    path("ke-hoach/chuong-trinh/<int:pk>/sua/", views.ProgrammeUpdateView.as_view(), name="programme_update"),
    path("van-ban/", views.document_list, name="document_list"),
    path("van-ban/them/", views.DocumentCreateView.as_view(), name="document_create"),
    path("van-ban/<int:pk>/", views.document_detail, name="document_detail"),
    path("van-ban/<int:pk>/sua/", views.DocumentUpdateView.as_view(), name="document_update"),
]
