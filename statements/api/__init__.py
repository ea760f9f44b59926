"""The public read API at /api/v1/: the pages' data as JSON, with the pages' rules.

Every endpoint starts from the same QuerySet vocabulary and FilterSet as the
pages (``Statement.objects.published()``, ``StatementFilter``), so what the
API may show is decided in one place.
"""
