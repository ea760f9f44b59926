"""The editors' admin: one module per model family, registered on import.

speakers.py    speakers, aliases, roles; merge and split
articles.py    articles with their statements inline
imports.py     "Import articles" page on the article list
statements.py  correcting and annotating statements; the review queue
events.py      events and "Re-link statements"
tags.py        the tag vocabulary
history.py     history pages with reasons and filters; reverting obeys change permissions
desk.py        the front page's figures (the site itself: statements/admin_site.py)
"""

from statements.admin import articles, events, imports, speakers, statements, tags

__all__ = ["articles", "events", "imports", "speakers", "statements", "tags"]
