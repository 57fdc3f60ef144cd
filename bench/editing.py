#!/usr/bin/env python3
"""Saves stories through the newsroom's own form at an editor's pace, for a while, and times each save.

    python3 bench/editing.py http://127.0.0.1:7301 admin 'password' SECONDS PAUSE_MS /articles/a /articles/b ...

Signs in, then over and over: opens the editor of one of the given stories (taken in turn), adds a sentence to its
body and saves it, as an editor does; sleeps PAUSE_MS between saves. Prints one line: saves, failures (any answer
but the editor's redirect), then the save's p50 / p99 / max in ms, counted from sending the form to the redirect.
Standard library only; loopback only; bounded by SECONDS.
"""
import http.cookiejar
import re
import sys
import time
import urllib.error
import urllib.parse
import urllib.request

sys.path.insert(0, __file__.rsplit("/", 1)[0])
from freshness import Form  # noqa: E402  the editor form's fields, as a browser submits them


class NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


def main(base, user, password, seconds, pause_ms, *articles):
    jar = http.cookiejar.CookieJar()
    opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(jar), NoRedirect())

    def post(path, data):
        request = urllib.request.Request(
            base + path, data=urllib.parse.urlencode(data).encode(), headers={"Origin": base})
        try:
            with opener.open(request) as answer:
                return answer.status
        except urllib.error.HTTPError as answer:
            return answer.code

    post("/admin/login", {"username": user, "password": password, "next": "/admin"})
    ids = []
    for article in articles:
        listing = opener.open(base + "/admin/stories?q=" + urllib.parse.quote(article)).read().decode()
        found = re.findall(r'href="/admin/stories/(\d+)">', listing)
        if found:
            ids.append(found[0])
    if not ids:
        sys.exit("editing: no story found in the newsroom list")
    times, failures, n = [], 0, 0
    until = time.monotonic() + float(seconds)
    while time.monotonic() < until:
        story = ids[n % len(ids)]
        form = Form()
        form.feed(opener.open(base + "/admin/stories/" + story).read().decode())
        fields = form.fields
        fields["body"] = fields.get("body", "") + "\n\nA sentence added by an editor, save " + str(n) + "."
        fields["action"] = "save"
        fields["checklist"] = "override"
        sent = time.monotonic()
        status = post("/admin/stories/" + story, fields)
        times.append((time.monotonic() - sent) * 1000)
        failures += 0 if status == 303 else 1
        n += 1
        time.sleep(float(pause_ms) / 1000)
    times.sort()
    pick = lambda q: times[min(len(times) - 1, int(q * len(times)))]
    print(f"{n} {failures} {pick(0.5):.0f} {pick(0.99):.0f} {times[-1]:.0f}")


if __name__ == "__main__":
    main(*sys.argv[1:])
