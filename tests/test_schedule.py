"""Scheduled publishing happens: the schedule (`run_schedule`, which the worker and `make run`
run) publishes a page whose go-live time has come, and the visitors' cached pages show it."""

import datetime

import pytest
from django.core.management import call_command
from django.utils import timezone

from articles.models import ArticlePage
from tests.factories import ArticlePageFactory
from wijkportaal.management.commands import run_schedule

pytestmark = pytest.mark.django_db


def test_a_scheduled_article_goes_live_when_the_schedule_runs(client, article_index, monkeypatch):
    ArticlePageFactory(parent=article_index, title="Al gepubliceerd")
    draft = ArticlePageFactory(parent=article_index, title="Wijkplan gepland", live=False)
    draft.go_live_at = timezone.now() + datetime.timedelta(hours=1)
    draft.save_revision().publish()
    draft.refresh_from_db()
    assert not draft.live
    assert "Wijkplan gepland" not in client.get("/artikelen/").content.decode()  # now cached

    call_command("run_schedule", "--once")
    assert not ArticlePage.objects.get(pk=draft.pk).live  # not yet its time

    real_now = timezone.now
    monkeypatch.setattr(timezone, "now", lambda: real_now() + datetime.timedelta(hours=2))
    call_command("run_schedule", "--once")
    monkeypatch.undo()
    draft.refresh_from_db()
    assert draft.live
    assert client.get(draft.url).status_code == 200
    assert "Wijkplan gepland" in client.get("/artikelen/").content.decode()


def test_a_failing_job_does_not_stop_the_others(settings, caplog):
    settings.SCHEDULE = {"bestaat_niet": 60, "publish_scheduled": 60}
    due = {}
    run_schedule.schedule_run_due(due=due, now=100.0)
    assert set(due) == {"bestaat_niet", "publish_scheduled"}
    assert "Scheduled job 'bestaat_niet' failed" in caplog.text


def test_each_job_runs_at_its_own_interval(settings, monkeypatch):
    settings.SCHEDULE = {"publish_scheduled": 60, "send_digests --queue": 3600}
    ran = []
    monkeypatch.setattr(run_schedule, "call_command", lambda *args, **kwargs: ran.append(args))
    due = {}
    for now in (0.0, 30.0, 60.0, 120.0, 3600.0):
        run_schedule.schedule_run_due(due=due, now=now)
    assert ran.count(("publish_scheduled",)) == 4  # at 0, 60, 120 and 3600
    assert ran.count(("send_digests", "--queue")) == 2  # at 0 and 3600
