# Wijkportaal: one image for the web process and the worker.
FROM python:3.11-slim

ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    PIP_NO_CACHE_DIR=1 \
    PIP_DISABLE_PIP_VERSION_CHECK=1

RUN useradd --create-home --uid 10001 wijkportaal
WORKDIR /app

# Dependencies first, pinned by constraints.txt, so code changes reuse this layer.
COPY pyproject.toml constraints.txt README.md ./
RUN pip install --constraint constraints.txt .

COPY --chown=wijkportaal:wijkportaal . .
# Static files are built into the image; whitenoise serves them with far-future headers.
RUN SECRET_KEY=build-only DATABASE_URL=sqlite:////tmp/build.sqlite3 \
    python manage.py collectstatic --noinput --verbosity 0 \
    && chown -R wijkportaal:wijkportaal /app/staticfiles

USER wijkportaal
EXPOSE 8000
HEALTHCHECK --interval=30s --timeout=5s --start-period=30s \
    CMD python -c "import urllib.request, sys; sys.exit(urllib.request.urlopen('http://127.0.0.1:8000/health/', timeout=4).status != 200)"
CMD ["sh", "-c", "python manage.py migrate --noinput && exec gunicorn wijkportaal.wsgi:application --config python:wijkportaal.gunicorn"]
