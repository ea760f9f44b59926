from django.apps import AppConfig
from django.contrib.admin import apps as admin_apps


class StatementsConfig(AppConfig):
    name = "statements"
    verbose_name = "Statement archive"

    def ready(self) -> None:
        from archive import page_cache

        page_cache.connect()  # editors' changes and finished imports empty the page cache


class ArchiveAdminConfig(admin_apps.AdminConfig):
    """Django's admin with the archive's site: the editors' desk as its front page.

    Listed in INSTALLED_APPS in place of django.contrib.admin; ``default = False``
    keeps StatementsConfig the one config Django picks for "statements".
    """

    default = False
    default_site = "statements.admin_site.ArchiveAdminSite"
