from django.urls import path, re_path

from . import views
from .feeds import StatementFeed

app_name = "statements"

urlpatterns = [
    path("", views.home, name="home"),
    path("statements/", views.statement_list, name="statement-list"),
    re_path(r"^statements/export\.(?P<format>csv|json)$", views.statement_export, name="statement-export"),
    path("statements/feed/", views.explain_invalid_filters(StatementFeed()), name="statement-feed"),
    path("statements/<int:pk>/", views.statement_detail, name="statement-permalink"),
    path("statements/<int:pk>/<slug:slug>/", views.statement_detail, name="statement-detail"),
    path("articles/<int:pk>/", views.article_detail, name="article-detail"),
    path("speakers/", views.speaker_list, name="speaker-list"),
    path("speakers/<slug:slug>/", views.speaker_detail, name="speaker-detail"),
    path("topics/", views.topic_list, name="topic-list"),
    path("topics/<slug:slug>/", views.topic_detail, name="topic-detail"),
]
