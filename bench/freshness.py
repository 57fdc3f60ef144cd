#!/usr/bin/env python3
"""Edits a story through the newsroom's own form and times how long until the public pages show it.

    python3 bench/freshness.py http://127.0.0.1:7301 admin 'password' /articles/some-slug [WATCH_BASE...]

Signs in, opens the story's editor, saves it with a changed headline (as an editor would), then polls the
article and the front page (both cached and warmed first) until each shows the new headline; prints
"article_ms front_ms" measured from the moment the save was sent, then the article's time on each WATCH_BASE
(another instance, a caching proxy in front). Standard library only; loopback only.
"""
import html.parser
import http.cookiejar
import re
import sys
import time
import urllib.parse
import urllib.request


class Form(html.parser.HTMLParser):
    """The fields of the editor form, with their current values, as a browser would submit them."""

    def __init__(self):
        super().__init__()
        self.fields, self.inside, self.textarea = {}, False, None

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "form" and a.get("id") == "story-form":
            self.inside = True
        if not self.inside:
            return
        if tag == "input" and a.get("name") and a.get("type") not in ("file", "submit"):
            if a.get("type") in ("radio", "checkbox") and "checked" not in a:
                return
            self.fields[a["name"]] = a.get("value") or ""
        if tag == "textarea":
            self.textarea = a.get("name")
            self.fields[self.textarea] = ""

    def handle_data(self, data):
        if self.textarea:
            self.fields[self.textarea] += data

    def handle_endtag(self, tag):
        if tag == "textarea":
            self.textarea = None
        if tag == "form":
            self.inside = False


def main(base, user, password, article, *watch):
    jar = http.cookiejar.CookieJar()
    opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(jar))
    post = lambda path, data: opener.open(urllib.request.Request(
        base + path, data=urllib.parse.urlencode(data).encode(), headers={"Origin": base}))
    post("/admin/login", {"username": user, "password": password, "next": "/admin"}).read()
    # The newsroom's search takes a story's address and finds that story by its key.
    listing = opener.open(base + "/admin/stories?q=" + urllib.parse.quote(article)).read().decode()
    ids = re.findall(r'href="/admin/stories/(\d+)">', listing)
    if not ids:
        sys.exit("freshness: story not found in the newsroom list")
    form = Form()
    form.feed(opener.open(base + "/admin/stories/" + ids[0]).read().decode())
    fields = form.fields
    headline = "Edited " + str(int(time.time() * 1000)) + ": " + fields["headline"]
    fields["headline"] = headline[:300]
    fields["action"] = "save"
    # The longer headline may draw a checklist warning (too long for search results): an editor goes ahead.
    fields["checklist"] = "override"
    pages = [base + article, base + "/"] + [other + article for other in watch]
    for url in pages:
        urllib.request.urlopen(url).read()
        urllib.request.urlopen(url).read()
    sent = time.monotonic()
    post("/admin/stories/" + ids[0], fields).read()
    shown = {}
    needle = headline[:60].replace("&", "&amp;")
    while len(shown) < len(pages) and time.monotonic() - sent < 10:
        for url in pages:
            if url not in shown and needle in urllib.request.urlopen(url).read().decode():
                shown[url] = (time.monotonic() - sent) * 1000
        time.sleep(0.005)
    print(" ".join("%.0f" % shown.get(url, -1) for url in pages))


if __name__ == "__main__":
    main(*sys.argv[1:])
