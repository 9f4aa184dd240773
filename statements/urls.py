from django.urls import path

from . import views

app_name = "statements"

urlpatterns = [
    path("statements/", views.statement_list, name="statement-list"),
    path("statements/<int:pk>/", views.statement_detail, name="statement-permalink"),
    path("statements/<int:pk>/<slug:slug>/", views.statement_detail, name="statement-detail"),
    path("articles/<int:pk>/", views.article_detail, name="article-detail"),
    path("speakers/<slug:slug>/", views.speaker_detail, name="speaker-detail"),
    path("topics/<slug:slug>/", views.topic_detail, name="topic-detail"),
]
