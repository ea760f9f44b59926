"""The admin site: its front page is the editors' desk, not a list of tables.

Outside ``statements.admin`` on purpose: Django builds the site on first use,
and importing that package registers every ModelAdmin on the site, so the
site's module must not import it (the desk is imported when the page is shown).
"""

from __future__ import annotations

from django.contrib import admin
from django.http import HttpRequest


class ArchiveAdminSite(admin.AdminSite):
    site_header = "Statement archive"
    site_title = "Statement archive admin"
    index_title = "Editors' desk"
    index_template = "admin/statements/desk.html"

    def index(self, request: HttpRequest, extra_context=None):
        from statements.admin.desk import desk_context

        return super().index(request, {**desk_context(request), **(extra_context or {})})

    def get_app_list(self, request: HttpRequest, app_label=None):
        """Tables editors work with; join tables edited inline elsewhere stay off the index."""
        app_list = super().get_app_list(request, app_label)
        for app in app_list:
            app["models"] = [
                m
                for m in app["models"]
                if getattr(self._registry.get(m["model"]), "on_index", True)
            ]
        return [app for app in app_list if app["models"]]
