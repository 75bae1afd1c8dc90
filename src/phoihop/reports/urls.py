from django.urls import path

from phoihop.reports import views

app_name = "reports"

urlpatterns = [
    path("", views.report_list, name="report_list"),
    path("them/", views.ReportCreateView.as_view(), name="report_create"),
    path("<int:pk>/", views.report_detail, name="report_detail"),
    path("<int:pk>/sua/", views.ReportUpdateView.as_view(), name="report_update"),
    path("<int:pk>/xem-truoc/", views.report_preview, name="report_preview"),
    path("<int:pk>/kiem-tra/", views.report_check, name="report_check"),
    path("<int:pk>/kiem-tra/tom-tat/", views.report_check_summary, name="report_check_summary"),
    path("<int:pk>/cap-nhat-muc/", views.section_sync, name="section_sync"),
    path("<int:pk>/mo-lai/", views.report_reopen, name="report_reopen"),
    path("<int:pk>/co-quan/<int:issuer_pk>/sua/", views.IssuerUpdateView.as_view(), name="issuer_update"),
    path("<int:pk>/co-quan/<int:issuer_pk>/xac-nhan/", views.issuer_confirm, name="issuer_confirm"),
    path("<int:pk>/co-quan/<int:issuer_pk>/huy-xac-nhan/", views.issuer_withdraw, name="issuer_withdraw"),
    path("<int:pk>/co-quan/<int:issuer_pk>/ky-duyet/", views.issuer_sign_off, name="issuer_sign_off"),
    path("<int:pk>/muc/<int:section_pk>/them-doan/", views.BlockCreateView.as_view(), name="block_create"),
    path("doan/<int:pk>/", views.BlockUpdateView.as_view(), name="block_update"),
    path("doan/<int:pk>/xoa/", views.block_delete, name="block_delete"),
    path("<int:pk>/ten-so-lieu/", views.figure_list, name="figure_list"),
    path("ten-so-lieu/<int:pk>/xoa/", views.figure_delete, name="figure_delete"),
    path("<int:pk>/danh-sach/", views.listing_list, name="listing_list"),
    path("<int:pk>/danh-sach/them/", views.ListingCreateView.as_view(), name="listing_create"),
    path("danh-sach/<int:pk>/", views.ListingUpdateView.as_view(), name="listing_update"),
    path("danh-sach/<int:pk>/xoa/", views.listing_delete, name="listing_delete"),
    path("danh-sach/<int:pk>/ban-ghi/", views.entry_set, name="entry_set"),
    path("ban-ghi/<int:pk>/xoa/", views.entry_delete, name="entry_delete"),
    path("<int:pk>/xuat/", views.render_request, name="render_request"),
    path("tac-vu/<int:pk>/", views.job_status, name="job_status"),
    path("tac-vu/<int:pk>/tai-ve/", views.job_download, name="job_download"),
]
