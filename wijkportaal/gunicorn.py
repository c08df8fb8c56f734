"""gunicorn settings for production and the benchmark; each can be overridden on the command line."""

bind = "0.0.0.0:8000"
# Two sync workers per two cores: the pages are CPU-bound, and the proxy in front buffers slow
# clients.
workers = 2
worker_class = "sync"
timeout = 30
graceful_timeout = 20
accesslog = "-"
# No control socket under ~/.gunicorn: the container's home is not for state.
control_socket_disable = True


def worker_exit(server, worker):
    """A stopping worker stores the search counts it holds (search.terms)."""
    from django.apps import apps

    if apps.ready and apps.is_installed("search"):
        from search.terms import search_counts_flush_at_exit

        search_counts_flush_at_exit()
