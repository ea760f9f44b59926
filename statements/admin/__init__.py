"""The editors' admin: one module per model family, registered on import.

speakers.py    speakers, aliases, roles; merge and split
articles.py    articles with their statements inline
imports.py     "Import articles" page on the article list
statements.py  correcting and annotating statements; the review queue
events.py      events and "Re-link statements"
tags.py        the tag vocabulary
"""

from django.contrib import admin

from statements.admin import articles, events, imports, speakers, statements, tags

admin.site.site_header = "Statement archive"
admin.site.site_title = "Statement archive admin"
admin.site.index_title = "Editing the archive"

__all__ = ["articles", "events", "imports", "speakers", "statements", "tags"]
