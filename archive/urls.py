from django.contrib import admin
from django.contrib.sitemaps import views as sitemaps
from django.urls import include, path

from archive.health import healthz
from statements.sitemaps import SITEMAPS, sitemap_section

handler500 = "archive.middleware.server_error"

urlpatterns = [
    path("admin/", admin.site.urls),
    path("healthz", healthz, name="healthz"),
    path("api/", include("statements.api.urls")),
    # An index of sections, each paged: one file would list only each section's first page.
    path("sitemap.xml", sitemaps.index, {"sitemaps": SITEMAPS}, name="sitemap-index"),
    path(
        "sitemap-<section>.xml",
        sitemap_section,
        # The name Django's index view links the sections by.
        name="django.contrib.sitemaps.views.sitemap",
    ),
    path("", include("statements.urls")),
]
