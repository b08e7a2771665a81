from django.urls import path

from . import views
from .cheatsheets import CHEATSHEETS
from .frameworks import FRAMEWORKS

app_name = "toolkit"
# One pattern per sheet and per template: the URLconf itself lists what exists, any other name is a 404.
urlpatterns = [
    path("", views.toolkit_index, name="index"),
    *(path(f"cheatsheets/{slug}/", views.cheatsheet, {"slug": slug}, name="cheatsheet") for slug in CHEATSHEETS),
    path("questions/", views.question_list, name="question-list"),
    path("questions/new/", views.question_create, name="question-create"),
    path("questions/<int:pk>/retire/", views.question_retire, name="question-retire"),
    *(path(f"templates/{slug}.pdf", views.template_pdf, {"slug": slug}, name="template-pdf") for slug in FRAMEWORKS),
]
