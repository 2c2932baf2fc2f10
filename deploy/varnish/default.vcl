# Varnish in front of Newsdesk (Varnish 7 with vmod_xkey from Debian's varnish-modules).
#
# - Pages are cached for their s-maxage and purged by surrogate key: the app names the keys
#   of each response in its `xkey` header and sends `PURGE` with `xkey-purge: <keys>` when
#   something changes (newsdesk.frontcache.backends.Varnish).
# - Grace: a copy past its TTL is served while a fresh one is fetched in the background,
#   for seconds when the origin is healthy and for a day when it is not.
# - Request coalescing: concurrent misses for one URL wait for a single fetch (Varnish's
#   waiting list); responses that cannot be shared become hit-for-miss, so they never queue.
# - The read API's rate limit is counted here, for hits and misses alike, per client, with
#   vmod_vsthrottle; every API answer says where its client stands in the RateLimit and
#   RateLimit-Policy fields (draft-ietf-httpapi-ratelimit-headers-11). The app's own count
#   sees only misses behind Varnish (decision 0022).
# - Only the admin reaches the origin with its cookies (decision 0031). Every other request
#   is a reader's: it loses its cookies, whatever they are (a made-up `sessionid` included),
#   and its query keeps only the parameters some route reads, sorted, so neither cookies nor
#   invented parameters can make a miss. Editors preview drafts in the admin.
# - Misses and searches are limited per client here too (vsthrottle), as the app limits
#   them: a client past its budget gets a 429 that costs the origin nothing.
#
# `bench/stack.py` and the front-cache tests start Varnish with this file, replacing the
# backend's host and port.

vcl 4.1;

import std;
import xkey;
import vsthrottle;

backend origin {
    .host = "127.0.0.1";
    .port = "8000";
    .connect_timeout = 1s;
    .first_byte_timeout = 30s;
    .between_bytes_timeout = 10s;
    # robots.txt costs the app no query; three failures in five checks mark it sick.
    .probe = {
        .url = "/robots.txt";
        .interval = 1s;
        .timeout = 1s;
        .window = 5;
        .threshold = 3;
        .initial = 3;
    }
}

# Who may purge: the app servers.
acl purgers {
    "127.0.0.1";
    "::1";
}

# Search engines' crawlers, by the networks their operators publish: the same list as
# NEWSDESK_CRAWLER_NETWORKS in the app (decision 0060). Each address of them may miss 1,200
# pages a minute instead of a reader's 120. Empty, every client has a reader's budget.
acl crawlers {
}

sub vcl_recv {
    if (req.method == "PURGE") {
        if (client.ip !~ purgers) {
            return (synth(403, "Forbidden"));
        }
        if (!req.http.xkey-purge) {
            return (synth(400, "The xkey-purge header names the keys to purge"));
        }
        set req.http.x-purged = xkey.purge(req.http.xkey-purge);
        return (synth(200, "Purged " + req.http.x-purged));
    }
    # 300 a minute, as the app's NEWSDESK_API_RATE default; a preflight costs nothing.
    if (req.url ~ "^/api/" && req.method != "OPTIONS"
        && vsthrottle.is_denied("api:" + client.identity, 300, 60s)) {
        return (synth(429, "Too Many Requests"));
    }
    if (req.method != "GET" && req.method != "HEAD") {
        return (pass);
    }
    if (req.url ~ "^/admin(/|$)") {
        return (pass);
    }
    if (req.http.Authorization) {
        return (pass);
    }
    unset req.http.Cookie;
    call known_parameters;
    # Compression: Varnish asks the origin for gzip (http_gzip_support, on by default), keeps
    # one gzip copy per object and gunzips it for a client that does not accept gzip.
    if (std.healthy(req.backend_hint)) {
        set req.grace = 10s;
    }
    return (hash);
}

# The query parameters some route reads (newsdesk.http_policy.QUERY_PARAMETERS; a test
# keeps the two lists equal); every other one is dropped, and the rest sorted.
sub known_parameters {
    if (req.url ~ "\?") {
        set req.url = regsuball(req.url, "(?<=[?&])(?!(?:after|author|cursor|edition|fragment|from|label|limit|page|q|section|tag|to|updated_since)(?:=|&|$))[^&]*(?:&|$)", "");
        set req.url = regsub(req.url, "[?&]+$", "");
        set req.url = std.querysort(req.url);
    }
}

# What one client may cost the origin, as NEWSDESK_MISS_RATE and NEWSDESK_SEARCH_RATE in
# the app: 120 misses a minute, of which 30 searches (no cache holds a random search); a
# crawler's address (NEWSDESK_CRAWLER_MISS_RATE) 1,200.
sub limit_misses {
    if (req.url ~ "^/[a-z]{2}/search/") {
        if (vsthrottle.is_denied("search:" + client.identity, 30, 60s)) {
            set req.http.x-throttled = "page";
            return (synth(429, "Too Many Requests"));
        }
    }
    if (client.ip ~ crawlers) {
        if (vsthrottle.is_denied("crawler:" + client.identity, 1200, 60s)) {
            set req.http.x-throttled = "page";
            return (synth(429, "Too Many Requests"));
        }
    } elsif (vsthrottle.is_denied("miss:" + client.identity, 120, 60s)) {
        set req.http.x-throttled = "page";
        return (synth(429, "Too Many Requests"));
    }
}

sub vcl_miss {
    if (req.url !~ "^/api/") {
        call limit_misses;
    }
}

sub vcl_pass {
    if ((req.method == "GET" || req.method == "HEAD")
        && req.url !~ "^/(admin|api)(/|$)") {
        call limit_misses;
    }
}

sub vcl_backend_response {
    # Kept past the TTL for grace (serve stale when the origin fails: stale-if-error) and
    # for conditional revalidation with the ETag and Last-Modified the app sends.
    set beresp.grace = 24h;
    set beresp.keep = 1h;
    # A failed background refresh keeps the stale copy instead of replacing it.
    if (beresp.status >= 500 && bereq.is_bgfetch) {
        return (abandon);
    }
    # Where one client stood when the copy was made is not where the next one stands.
    unset beresp.http.RateLimit;
    unset beresp.http.RateLimit-Policy;
    # A reader's text response is stored gzip-compressed (usually the app compressed it;
    # then this is a no-op). Never the editors' responses, nor one that sets a cookie or is
    # private: compressing a secret beside reflected input leaks it (BREACH).
    if (!bereq.uncacheable && !beresp.http.Set-Cookie
        && beresp.http.Cache-Control !~ "private"
        && beresp.http.Content-Type ~ "^(text/|application/([a-z.+-]*\+)?(xml|json)\b|image/svg\+xml)") {
        set beresp.do_gzip = true;
        # One stored copy serves every client (gunzipped on delivery where needed), so the
        # object must not be split by the clients' Accept-Encoding; vcl_deliver tells
        # downstream caches that the body does vary.
        if (beresp.http.Vary) {
            set beresp.http.Vary = regsub(beresp.http.Vary, "(?i)(^|,)\s*Accept-Encoding\s*(,|$)", "\1");
            set beresp.http.Vary = regsuball(beresp.http.Vary, "^[,\s]+|[,\s]+$", "");
            if (beresp.http.Vary == "") {
                unset beresp.http.Vary;
            }
        }
        set beresp.http.x-compressible = "1";
    }
    # Falls through to the built-in rules: Set-Cookie, private or no-store responses are
    # not cached (hit-for-miss).
}

sub vcl_backend_error {
    # The origin is unreachable: a background refresh leaves the stale copy in place.
    if (bereq.is_bgfetch) {
        return (abandon);
    }
}

sub vcl_deliver {
    # The keys are for Varnish; readers need not see them.
    unset resp.http.xkey;
    if (req.url ~ "^/api/" && req.method != "OPTIONS") {
        call api_quota;
    }
    if (resp.http.x-compressible) {
        unset resp.http.x-compressible;
        # Varnish names Accept-Encoding itself on what it compressed, not on what came so.
        if (!resp.http.Vary) {
            set resp.http.Vary = "Accept-Encoding";
        } elsif (resp.http.Vary !~ "(?i)accept-encoding") {
            set resp.http.Vary = resp.http.Vary + ", Accept-Encoding";
        }
    }
    if (obj.hits > 0) {
        set resp.http.X-Cache = "hit";
    } else {
        set resp.http.X-Cache = "miss";
    }
}

# The bucket refills a request every 0.2 s: `t` is when it is full again.
sub api_quota {
    set resp.http.RateLimit-Policy = {""api";q=300;w=60"};
    set resp.http.RateLimit = {""api";r="}
        + vsthrottle.remaining("api:" + client.identity, 300, 60s)
        + ";t="
        + ((300 - vsthrottle.remaining("api:" + client.identity, 300, 60s) + 4) / 5);
}

sub vcl_synth {
    if (resp.status == 429 && req.http.x-throttled == "page") {
        set resp.http.Content-Type = "text/html; charset=utf-8";
        set resp.http.Cache-Control = "no-store";
        set resp.http.Retry-After = "60";
        set resp.http.Content-Security-Policy = "default-src 'none'; style-src 'self'; frame-ancestors 'none'";
        synthetic({"<!doctype html>
<html lang="uk"><meta charset="utf-8"><meta name="viewport" content="width=device-width">
<link rel="stylesheet" href="/static/site/site.css">
<title>Забагато запитів · Too many requests</title>
<main class="error-page">
<h1 class="page-title">Забагато запитів</h1>
<p>З вашої адреси запитали забагато сторінок за короткий час. Спробуйте ще раз за хвилину.</p>
<h1 class="page-title" lang="en">Too many requests</h1>
<p lang="en">Too many pages were asked for from your address in a short time. Please try again in a minute.</p>
<p><a class="button" href="/">Newsdesk</a></p>
</main></html>
"});
        return (deliver);
    }
    if (resp.status == 429) {
        set resp.http.Content-Type = "application/json";
        set resp.http.Cache-Control = "no-store";
        set resp.http.Retry-After = "1";
        set resp.http.Access-Control-Allow-Origin = "*";
        set resp.http.Access-Control-Expose-Headers = "ETag, Retry-After, RateLimit, RateLimit-Policy";
        call api_quota;
        synthetic({"{"detail": "Too many requests from this address: try again in 1 seconds." }"});
        return (deliver);
    }
}
