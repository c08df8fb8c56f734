# Wijkportaal's caching rules, included after a backend and the `purgers` ACL (default.vcl).
#
# Kept: what the app marks `public` (a visitor's page, for as long as its s-maxage says), asked
# for without the app's cookies. Passed to the app, never kept: a request with the session, CSRF
# or messages cookie (a member, or anyone with a form or a message pending), every method but
# GET and HEAD, the personal and operational paths and documents. Never kept either: a response
# that sets a cookie, or that is private, no-cache or no-store.
#
# Every change to what visitors see BANs every page (pagecache.edge): a page shows up in
# listings, term pages, feeds and the home page, so one change reaches many addresses. BAN and
# PURGE are accepted only on the listener named "purge" and from the `purgers` ACL.

sub vcl_recv {
    unset req.http.X-Cache;

    if (req.method == "BAN" || req.method == "PURGE") {
        if (local.socket != "purge") {
            return (synth(405, "Method Not Allowed"));
        }
        if (client.ip !~ purgers) {
            return (synth(403, "Forbidden"));
        }
        if (req.method == "PURGE") {
            return (purge);
        }
        # Every host's pages, feeds and images; the static files (a new name for new content)
        # stay.
        ban("obj.http.X-Url !~ ^/static/");
        return (synth(200, "Banned"));
    }
    if (local.socket == "purge") {
        return (synth(404, "Not Found"));
    }

    if (req.method != "GET" && req.method != "HEAD") {
        return (pass);
    }
    if (req.url ~ "^/(admin|accounts|leeslijst|volgend|health|documents|_util)([/?]|$)") {
        return (pass);
    }
    # Django's own cookies (settings.SESSION_COOKIE_NAME, CSRF_COOKIE_NAME, the messages
    # cookie): the page is the reader's own. No other cookie changes a visitor's page (a
    # script's, another site's on the domain, one the app sets only beside these), so any other
    # is dropped and the visitors' page is served.
    if (req.http.Cookie ~ "(^|;\s*)(sessionid|csrftoken|messages)=") {
        return (pass);
    }
    unset req.http.Cookie;
    # Varnish's built-in rules follow: a request with Authorization is passed too.
}

sub vcl_hash {
    # Django builds absolute addresses (robots.txt) from the scheme the TLS proxy reports.
    if (req.http.X-Forwarded-Proto) {
        hash_data(req.http.X-Forwarded-Proto);
    }
}

sub vcl_hit {
    if (obj.ttl > 0s) {
        set req.http.X-Cache = "hit";
    } else {
        set req.http.X-Cache = "hit, stale";
    }
}

sub vcl_miss {
    set req.http.X-Cache = "miss";
}

sub vcl_pass {
    set req.http.X-Cache = "pass";
}

sub vcl_backend_fetch {
    unset bereq.http.X-Cache;
}

sub vcl_backend_response {
    # A revalidation that fails keeps the stale copy for the rest of its grace (the response's
    # stale-while-revalidate) instead of replacing it with the error.
    if (bereq.is_bgfetch && beresp.status >= 500) {
        return (abandon);
    }
    # The address, on the object, for the BAN above to match without a request.
    set beresp.http.X-Url = bereq.url;
    if (bereq.uncacheable) {
        return (deliver);
    }
    if (beresp.http.Set-Cookie
        || beresp.http.Cache-Control !~ "(?i)(^|[ ,])public([ ,]|$)"
        || beresp.http.Cache-Control ~ "(?i)(private|no-cache|no-store)") {
        # Fetched for each request, without waiting on one another.
        set beresp.uncacheable = true;
        set beresp.ttl = 120s;
        return (deliver);
    }
    # Caches further on keep a visitor's page from a member, who sends cookies.
    if (!beresp.http.Vary) {
        set beresp.http.Vary = "Cookie";
    } elsif (beresp.http.Vary !~ "(?i)(^|[ ,])cookie([ ,]|$)") {
        set beresp.http.Vary = beresp.http.Vary + ", Cookie";
    }
}

sub vcl_backend_error {
    if (bereq.is_bgfetch) {
        return (abandon);
    }
    set beresp.http.Content-Type = "text/html; charset=utf-8";
    set beresp.http.Cache-Control = "no-store";
    set beresp.http.Retry-After = "30";
    set beresp.body = {"<!DOCTYPE html>
<html lang="nl">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Even niet bereikbaar - Wijkportaal</title>
</head>
<body>
<main>
<h1>Wijkportaal is even niet bereikbaar</h1>
<p>Probeer het over een paar minuten opnieuw.</p>
</main>
</body>
</html>
"};
    return (deliver);
}

sub vcl_deliver {
    unset resp.http.X-Url;
    if (req.http.X-Cache) {
        set resp.http.X-Cache = req.http.X-Cache;
    }
}

sub vcl_synth {
    set resp.http.Content-Type = "text/plain; charset=utf-8";
    set resp.body = "" + resp.status + " " + resp.reason + {"
"};
    return (deliver);
}
