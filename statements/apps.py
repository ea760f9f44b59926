from django.apps import AppConfig
from django.apps import apps as global_apps
from django.contrib.admin import apps as admin_apps
from django.db.models.signals import post_migrate


class StatementsConfig(AppConfig):
    name = "statements"
    verbose_name = "Statement archive"

    def ready(self) -> None:
        from archive import page_cache
        from statements import lookups  # noqa: F401 - registers __any_of

        page_cache.connect()  # editors' changes and finished imports empty the page cache
        post_migrate.connect(_restore_groups, sender=self)


def _restore_groups(sender, apps=None, **kwargs) -> None:
    """Recreate the editors' groups when they are missing (after a flush), never reset them.

    Migration 0004 creates them once; ``flush`` (and Django's transactional tests)
    empties every table and then sends ``post_migrate``. Groups that exist keep
    whatever permissions an administrator gave them.
    """
    from statements.accounts import ADMINISTRATORS, EDITORS, ensure_groups

    apps = apps or global_apps  # flush sends no migration state
    Group = apps.get_model("auth", "Group")
    if Group.objects.filter(name__in=[EDITORS, ADMINISTRATORS]).count() < 2:
        ensure_groups(apps)


class ArchiveAdminConfig(admin_apps.AdminConfig):
    """Django's admin with the archive's site: the editors' desk as its front page.

    Listed in INSTALLED_APPS in place of django.contrib.admin; ``default = False``
    keeps StatementsConfig the one config Django picks for "statements".
    """

    default = False
    default_site = "statements.admin_site.ArchiveAdminSite"
