"""Public URLs. They are cited and bookmarked: keep them stable."""

from django.urls import path

from statements import feeds
from statements.views import articles, events, pages, speakers, statements

app_name = "statements"

urlpatterns = [
    path("", pages.home, name="home"),
    path("robots.txt", pages.robots_txt, name="robots-txt"),
    path("favicon.ico", pages.favicon, name="favicon"),
    path("about/", pages.about, name="about"),
    path("statements/", statements.statement_list, name="statement-list"),
    path("statements/export.csv", statements.export_csv, name="statement-export-csv"),
    path("statements/export.json", statements.export_json, name="statement-export-json"),
    path(
        "statements/suggestions.json",
        statements.filter_suggestions,
        name="statement-suggestions",
    ),
    path("statements/<int:pk>/", statements.statement_detail, name="statement-detail"),
    path("statements/<int:pk>/cite.bib", statements.cite_bibtex, name="statement-cite-bib"),
    path("statements/<int:pk>/cite.ris", statements.cite_ris, name="statement-cite-ris"),
    path("speakers/", speakers.speaker_list, name="speaker-list"),
    path("speakers/<slug:slug>/", speakers.speaker_detail, name="speaker-detail"),
    path("events/", events.event_list, name="event-list"),
    path("events/<slug:slug>/", events.event_detail, name="event-detail"),
    path("articles/<int:pk>/", articles.article_detail, name="article-detail"),
    path("feeds/statements/", feeds.StatementsFeed(), name="feed-statements"),
    path("feeds/speakers/<slug:slug>/", feeds.SpeakerFeed(), name="feed-speaker"),
    path("feeds/events/<slug:slug>/", feeds.EventFeed(), name="feed-event"),
]
