from django.urls import path
from django.views.generic import TemplateView

app_name = "statements"

# Placeholder routes so models can reverse their URLs; the public pages replace them.
urlpatterns = [
    path("", TemplateView.as_view(template_name="base.html"), name="home"),
    path(
        "statements/<int:pk>/",
        TemplateView.as_view(template_name="base.html"),
        name="statement-detail",
    ),
    path(
        "speakers/<slug:slug>/",
        TemplateView.as_view(template_name="base.html"),
        name="speaker-detail",
    ),
    path(
        "events/<slug:slug>/", TemplateView.as_view(template_name="base.html"), name="event-detail"
    ),
    path(
        "articles/<int:pk>/", TemplateView.as_view(template_name="base.html"), name="article-detail"
    ),
]
