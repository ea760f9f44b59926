from django.contrib import admin
from django.contrib.sitemaps.views import sitemap
from django.urls import include, path

from archive.health import healthz
from statements.sitemaps import SITEMAPS

handler500 = "archive.middleware.server_error"

urlpatterns = [
    path("admin/", admin.site.urls),
    path("healthz", healthz, name="healthz"),
    path("api/", include("statements.api.urls")),
    path(
        "sitemap.xml",
        sitemap,
        {"sitemaps": SITEMAPS},
        name="django.contrib.sitemaps.views.sitemap",
    ),
    path("", include("statements.urls")),
]
