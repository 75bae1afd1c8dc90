from phoihop.housing import views

app_name = "housing"

urlpatterns = [
    *views.PROJECTS.urls(),
    *views.MILESTONES.urls(),
]
