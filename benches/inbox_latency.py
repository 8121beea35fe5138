#!/usr/bin/env python3
"""Seed-to-home-page latency of `sitrep serve --seeds INBOX` (stdlib only).

Starts `sitrep serve` on SITE with an inbox folder, waits until the home page is
served, then per trial writes one new seed (a report with
a unique word in its first sentence, which becomes its title) into the inbox and polls
the home page until that word is on it: latency = time from the end of the write to the
first home page holding it (file-watcher debounce, import, rebuild and serving: what an
editor waiting for the report sees). The seeds are dated the day after the site's newest
report, so that each is the newest. The imported reports are removed at the end.

  inbox_latency.py --bin target/release/sitrep --site SITE --trials 5

Prints one JSON line per trial and a summary line (median, min, max).
"""

import argparse
import datetime
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request


def get(url):
    try:
        with urllib.request.urlopen(url, timeout=5) as r:
            return r.status, r.read().decode("utf-8", "replace")
    except Exception:
        return None, ""


def wait_for(url, pred, timeout, interval):
    end = time.perf_counter() + timeout
    while time.perf_counter() < end:
        status, body = get(url)
        if status == 200 and pred(body):
            return time.perf_counter()
        time.sleep(interval)
    return None


def newest_date(reports):
    """The newest `date:` of the site's reports (their front matter's first lines)."""
    newest = datetime.date(1970, 1, 1)
    for name in os.listdir(reports):
        with open(os.path.join(reports, name), errors="replace") as f:
            for _, line in zip(range(12), f):
                if line.startswith("date:"):
                    value = line[5:].strip().strip("'\"")[:10]
                    try:
                        newest = max(newest, datetime.date.fromisoformat(value))
                    except ValueError:
                        pass
                    break
    return newest


def seed_text(word, day):
    """A seed in the first seed layout: the date glued to the outlet, paragraphs."""
    date = day.strftime("%B ") + str(day.day) + day.strftime(", %Y")
    return (
        f"{date}Bench Wire\n"
        f"{word.capitalize()} fighters seized the border crossing near Kherson on Monday, "
        "regional officials said, after two days of shelling in Ukraine.\n"
        "Residents reported heavy artillery fire overnight and said that several "
        "families had left the town for Zaporizhzhia.\n"
    )


def main():
    ap = argparse.ArgumentParser(description=__doc__,
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--bin", required=True)
    ap.add_argument("--site", required=True)
    ap.add_argument("--port", type=int, default=18124)
    ap.add_argument("--trials", type=int, default=5)
    ap.add_argument("--interval", type=float, default=0.005)
    ap.add_argument("--settle", type=float, default=3.0, help="pause between trials (s)")
    args = ap.parse_args()
    work = tempfile.mkdtemp(prefix="sitrep-inbox-")
    inbox = os.path.join(work, "inbox")
    os.mkdir(inbox)
    out = os.path.join(work, "public")
    log_path = os.path.join(work, "server.log")
    reports = os.path.join(args.site, "content", "reports")
    before = set(os.listdir(reports))
    day = newest_date(reports) + datetime.timedelta(days=1)
    record = os.path.join(args.site, "content", ".sitrep-imports.yaml")
    had_record = os.path.exists(record)
    url = "http://127.0.0.1:%d/" % args.port
    log = open(log_path, "w")
    proc = subprocess.Popen(
        [args.bin, "serve", "--root", args.site, "--bind", "127.0.0.1", "--port",
         str(args.port), "--output", out, "--seeds", inbox],
        stdout=log, stderr=subprocess.STDOUT)
    results = []
    try:
        if wait_for(url, lambda b: True, 900, 0.1) is None:
            print("server did not come up; see " + log_path, file=sys.stderr)
            return 1
        time.sleep(args.settle)
        for i in range(args.trials):
            word = "inboxtoken%04dx" % i
            path = os.path.join(inbox, "seed-%04d.txt" % i)
            with open(path + ".part", "w") as f:
                f.write(seed_text(word, day))
            os.rename(path + ".part", path)
            t_w = time.perf_counter()
            seen = wait_for(url, lambda b: word in b.lower(), 120, args.interval)
            results.append({"trial": i, "latency_s": None if seen is None else seen - t_w})
            print(json.dumps(results[-1]), flush=True)
            time.sleep(args.settle)
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=30)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()
        log.close()
        for name in set(os.listdir(reports)) - before:
            os.remove(os.path.join(reports, name))
        if not had_record and os.path.exists(record):
            os.remove(record)
        shutil.rmtree(out, ignore_errors=True)
    lats = [r["latency_s"] for r in results if r["latency_s"] is not None]
    print(json.dumps({
        "summary": True, "samples": len(lats), "of": len(results),
        "median_latency_s": round(statistics.median(lats), 3) if lats else None,
        "min_latency_s": round(min(lats), 3) if lats else None,
        "max_latency_s": round(max(lats), 3) if lats else None,
        "log": log_path,
    }), flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
