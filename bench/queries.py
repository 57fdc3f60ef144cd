#!/usr/bin/env python3
"""Random one- and two-word search queries over words common in the generated archive, pages 1-3.

    python3 bench/queries.py COUNT SEED > paths.txt      # distinct /search?q=...&page=n paths
    python3 bench/queries.py --time BASE PATHS [MAX_SECONDS]  # each once, one at a time: "n p50_ms p99_ms codes"
"""
import random
import sys
import time
import urllib.error
import urllib.request

# Words of news.gazette.bench.GeneratedText's sentences that are not English stop words (the index drops those).
WORDS = ("market policy report data model company government official minister researchers analysts industry "
         "growth risk access agreement decision statement spokesperson week month year budget energy network "
         "platform service customers public private investment security research evidence trial court ruling vote "
         "council region city country national global local critics supporters plan proposal change impact cost "
         "price rate demand supply workers jobs schools").split()


def paths(count, seed):
    rng, seen = random.Random(seed), set()
    # 59 words: 59 one-word and 59 x 58 ordered two-word queries, times three pages, 10,443 distinct in all.
    count = min(count, 3 * (len(WORDS) + len(WORDS) * (len(WORDS) - 1)))
    while len(seen) < count:
        words = rng.sample(WORDS, rng.choice((1, 2)))
        seen.add("/search?q=" + "+".join(words) + "&page=" + str(rng.choice((1, 2, 3))))
    out = sorted(seen)
    rng.shuffle(out)
    return out


def timed(base, file, max_seconds):
    times, codes, deadline = [], {}, time.time() + max_seconds
    for path in open(file).read().split():
        if time.time() > deadline:
            break
        started = time.perf_counter()
        try:
            with urllib.request.urlopen(base + path, timeout=10) as reply:
                reply.read()
                code = reply.status
        except urllib.error.HTTPError as e:
            code = e.code
        times.append((time.perf_counter() - started) * 1000)
        codes[code] = codes.get(code, 0) + 1
    times.sort()
    pick = lambda q: times[min(len(times) - 1, int(q * len(times)))]
    print(len(times), "%.1f" % pick(0.5), "%.1f" % pick(0.99), ",".join("%s:%d" % kv for kv in sorted(codes.items())))


if __name__ == "__main__":
    if sys.argv[1] == "--time":
        timed(sys.argv[2], sys.argv[3], float(sys.argv[4]) if len(sys.argv) > 4 else 60)
    else:
        print("\n".join(paths(int(sys.argv[1]), int(sys.argv[2]))))
