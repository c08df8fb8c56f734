# Varnish in front of the app in the compose stack (deploy/varnish/Dockerfile). Only the backend
# and who may purge are named here; the rules are in wijkportaal.vcl, which the tests and the
# bench run in front of their own servers.
vcl 4.1;

backend web {
    .host = "web";
    .port = "8000";
    .connect_timeout = 5s;
    # gunicorn ends a request after 30 s (wijkportaal/gunicorn.py).
    .first_byte_timeout = 35s;
    .between_bytes_timeout = 10s;
}

# Purges come from the worker (FRONTEND_CACHE_PURGE_URL) over the stack's own network, on the
# purge listener, which compose does not publish.
acl purgers {
    "127.0.0.1";
    "::1";
    "10.0.0.0"/8;
    "172.16.0.0"/12;
    "192.168.0.0"/16;
}

include "wijkportaal.vcl";
