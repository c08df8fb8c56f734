from django_tasks import task

from follows.digests import digests_send


@task()
def send_digests_task() -> dict:
    """The digest run as a background task, for the worker's hourly schedule."""
    run = digests_send()
    return {"planned": run.planned, "sent": run.sent, "empty": run.empty}
