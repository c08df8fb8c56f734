"""gunicorn settings for production and the benchmark; each can be overridden on the command line."""

import os

bind = os.environ.get("GUNICORN_BIND", "0.0.0.0:8000")
workers = int(os.environ.get("GUNICORN_WORKERS", "2"))
worker_class = "sync"
# Keep-alive behind a proxy; the proxy, not gunicorn, faces slow clients.
keepalive = 5
timeout = 30
graceful_timeout = 20
max_requests = 5000
max_requests_jitter = 500
accesslog = "-"
# No control socket under ~/.gunicorn: the container's home is not for state.
control_socket_disable = True
