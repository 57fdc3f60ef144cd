vcl 4.1;
# Gazette behind Varnish 7 (Debian: apt install varnish varnish-modules, for the xkey vmod).
#
# What it does:
# - keeps Gazette's public pages for their s-maxage (60 s, less when a scheduled story is due) and purges them the
#   moment anything on them changes: Gazette sends PURGE with an xkey-purge header naming the changed keys
#   (--purge-url http://<this varnish>/), and xkey drops every page that carries one of them;
# - serves a stale copy (up to a day) when no instance can answer, and while it refreshes a copy in the background;
# - retries a failed fetch on another instance, so a dead instance costs readers nothing;
# - passes the newsroom (/admin), health checks and metrics straight through.
#
# To use it: list one backend per Gazette instance below (host and port), add each to the director in vcl_init, and
# name the addresses the instances purge from in acl purgers. Gazette's own tests run this file as written, with
# only the ports "7071" and "7072" replaced by those of the instances they start.

import std;
import directors;
import xkey;

# Liveness (/healthz), not readiness (/readyz): while the database is down every instance is not ready at the same
# moment, yet each still answers the pages it holds in memory. Probing /readyz would take them all out at once and
# leave only Varnish's own copies; probing /healthz keeps them in, and a fetch that fails (a page neither cache holds)
# is answered from Varnish's stale copy below. A process that died fails this probe and leaves the rotation.
probe gazette_alive {
    .url = "/healthz";
    .interval = 1s;
    .timeout = 1s;
    .window = 3;
    .threshold = 2;
    .initial = 2;
}

backend gazette1 {
    .host = "127.0.0.1";
    .port = "7071";
    .probe = gazette_alive;
    .connect_timeout = 1s;
    .first_byte_timeout = 15s;
    .between_bytes_timeout = 10s;
}

backend gazette2 {
    .host = "127.0.0.1";
    .port = "7072";
    .probe = gazette_alive;
    .connect_timeout = 1s;
    .first_byte_timeout = 15s;
    .between_bytes_timeout = 10s;
}

# Who may purge: the Gazette instances.
acl purgers {
    "127.0.0.1";
    "::1";
}

sub vcl_init {
    # Each address goes to one instance (its page stays in that instance's memory cache); alt picks the next instance
    # on a retry, skipping those the probe marked sick.
    new gazette = directors.shard();
    gazette.add_backend(gazette1);
    gazette.add_backend(gazette2);
    gazette.reconfigure();
}

sub vcl_recv {
    if (req.method == "PURGE") {
        if (client.ip !~ purgers) {
            return (synth(403, "Forbidden"));
        }
        if (!req.http.xkey-purge) {
            return (synth(400, "No xkey-purge header"));
        }
        set req.http.n-gone = xkey.purge(req.http.xkey-purge);
        return (synth(200, "Purged " + req.http.n-gone));
    }
    # The newsroom is per editor, and health and metrics must say how each instance is now.
    if (req.url ~ "^/admin(/|\?|$)" || req.url ~ "^/(healthz|readyz|metrics)(\?|$)") {
        return (pass);
    }
    # Public pages are the same for everyone: a cookie must not make each reader's copy their own.
    unset req.http.Cookie;
    # After a failed fetch (vcl_synth) the request comes back here: any stale copy will do. Otherwise a copy past its
    # s-maxage is served for the stale-while-revalidate Gazette sends (30 s) while a fresh one is fetched.
    if (req.http.x-gazette-stale) {
        set req.grace = 24h;
    } else {
        set req.grace = 30s;
    }
}

sub vcl_backend_fetch {
    # The first try goes to the address's instance, each retry to the next one.
    set bereq.backend = gazette.backend(by=URL, alt=bereq.retries, resolve=NOW);
}

sub vcl_backend_response {
    if (bereq.uncacheable) {
        return (deliver);
    }
    if (beresp.status >= 500) {
        if (bereq.retries == 0) {
            return (retry);
        }
        # Abandoned, the stale copy stays: a background refresh leaves it in place, and a reader waiting for this
        # fetch gets it through vcl_synth's restart.
        return (abandon);
    }
    if (beresp.http.Cache-Control ~ "private|no-store|no-cache") {
        # A render that overlapped a change (private, no-cache) or an answer for one reader: not kept, and only
        # briefly remembered as such, so the next request fetches again.
        set beresp.uncacheable = true;
        set beresp.ttl = 1s;
        return (deliver);
    }
    if (beresp.http.xkey) {
        # Gazette's stale-if-error: how long a copy may stand in while no instance can answer.
        set beresp.grace = 24h;
    }
}

sub vcl_backend_error {
    # Refused connection, timeout: try another instance, then give up so that vcl_synth can serve a stale copy.
    if (bereq.retries < 2 && (bereq.method == "GET" || bereq.method == "HEAD")) {
        return (retry);
    }
    return (abandon);
}

sub vcl_synth {
    if (resp.status == 503 && (req.method == "GET" || req.method == "HEAD") && req.restarts == 0
            && !req.http.x-gazette-stale) {
        set req.http.x-gazette-stale = "1";
        return (restart);
    }
}

sub vcl_deliver {
    # The keys are for the caches, not for browsers. A CDN in front of this Varnish purges by Surrogate-Key: keep that
    # header there (and let the CDN strip it).
    unset resp.http.xkey;
    unset resp.http.Surrogate-Key;
    if (obj.hits > 0) {
        set resp.http.X-Cache = "hit";
    } else {
        set resp.http.X-Cache = "miss";
    }
}
