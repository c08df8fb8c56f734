"""The ceiling of `make bench`: a minimal Django project as `django-admin startproject` makes it
(its apps and middleware), serving one fixed 20 KB page under the same gunicorn settings as the
site. Every row of the benchmark is reported as a ratio to it."""
