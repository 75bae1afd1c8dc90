from phoihop.practices import views

app_name = "practices"

urlpatterns = [
    *views.PRACTICES.urls(),
    *views.AWARDS.urls(),
]
