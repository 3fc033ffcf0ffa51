#!/usr/bin/env python3
"""Helpers for bench/run.sh: fast-import streams, hyperfine medians, the results table.

Subcommands (all write to stdout unless said otherwise):

  history N CONFIG        fast-import stream: N commits on refs/heads/main, each changing
                          data.txt; the first also adds CONFIG as .greenlight.yml
  wide N CONFIG           fast-import stream: one commit on refs/heads/main with N small
                          files under src/ (500 per directory) plus CONFIG as .greenlight.yml
  notes TEMPLATE LOGDIR KEY
                          fast-import stream: one commit on refs/notes/greenlight holding a
                          note for every "<commit> <tree>" line on stdin; each note is the
                          records of TEMPLATE (a note written by greenlight itself) with
                          commit, tree and log rewritten for that commit, each followed by
                          its attestation re-signed with KEY (greenlight's signing key,
                          PKCS#8 PEM), as greenlight would (fast-import picks the fanout)
  median JSON NAME        median in seconds of the hyperfine result named NAME in JSON
  maxrss FILE             "Maximum resident set size" of a /usr/bin/time -v report, in KiB
  elapsed FILE            wall-clock seconds of a /usr/bin/time -v report
  table TSV               the markdown results table from run.sh's rows file
"""

import base64
import hashlib
import json
import re
import sys

AUTHOR = b"Bench <bench@example.invalid>"


def history(n, config_path):
    out = sys.stdout.buffer
    w = out.write
    config = open(config_path, "rb").read()
    w(b"blob\nmark :1\ndata %d\n" % len(config))
    w(config)
    w(b"\n")
    t0 = 1700000000
    for i in range(1, n + 1):
        msg = b"commit %d\n" % i
        content = b"%d\n" % i
        w(b"commit refs/heads/main\nmark :%d\n" % (i + 1))
        w(b"author %s %d +0000\ncommitter %s %d +0000\n" % (AUTHOR, t0 + i, AUTHOR, t0 + i))
        w(b"data %d\n" % len(msg))
        w(msg)
        if i == 1:
            w(b"M 100644 :1 .greenlight.yml\n")
        w(b"M 100644 inline data.txt\ndata %d\n" % len(content))
        w(content)
        w(b"\n")
    w(b"done\n")


def wide(n, config_path):
    w = sys.stdout.buffer.write
    config = open(config_path, "rb").read()
    msg = b"%d files\n" % n
    w(b"commit refs/heads/main\ncommitter %s 1700000000 +0000\ndata %d\n" % (AUTHOR, len(msg)))
    w(msg)
    w(b"M 100644 inline .greenlight.yml\ndata %d\n" % len(config))
    w(config)
    w(b"\n")
    per_dir = 500
    for i in range(n):
        d = i // per_dir
        path = b"src/m%02d/d%03d/f%06d.txt" % (d // 10, d, i)
        body = b"file %d\n" % i + b"lorem ipsum dolor sit amet, consectetur adipiscing elit %d\n" % (i * 7919) * 3
        w(b"M 100644 inline %s\ndata %d\n" % (path, len(body)))
        w(body)
        w(b"\n")
    w(b"done\n")


def compact(value):
    """JSON as greenlight writes note lines: sorted keys, no spaces, UTF-8."""
    return json.dumps(value, sort_keys=True, separators=(",", ":"), ensure_ascii=False)


def notes(template_path, logdir, key_path):
    # Imported here: only this subcommand needs it (bench/run.sh installs it into bench/.venv).
    from cryptography.hazmat.primitives.serialization import load_pem_private_key

    key = load_pem_private_key(open(key_path, "rb").read(), password=None)
    lines = [line.strip() for line in open(template_path) if line.strip()]
    records = [json.loads(line) for line in lines if '"payloadType":' not in line]
    envelopes = {}
    for line in lines:
        if '"payloadType":' in line:
            envelope = json.loads(line)
            statement = json.loads(base64.b64decode(envelope["payload"]))
            envelopes[statement["predicate"]["greenlight"]["recordSHA256"]] = (envelope, statement)
    if not records:
        sys.exit("helpers.py notes: the template note is empty")
    templates = []
    for record in records:
        found = envelopes.get(hashlib.sha256(compact(record).encode()).hexdigest())
        if found is None and record["verdict"] in ("pass", "fail"):
            sys.exit("helpers.py notes: a template record has no attestation (was the template made by this greenlight?)")
        templates.append((record, found))
    w = sys.stdout.buffer.write
    msg = b"Notes added by bench/run.sh\n"
    w(b"commit refs/notes/greenlight\ncommitter %s 1800000000 +0000\ndata %d\n" % (AUTHOR, len(msg)))
    w(msg)
    count = 0
    for line in sys.stdin:
        parts = line.split()
        if len(parts) != 2:
            continue
        commit, tree = parts
        lines = []
        for record, found in templates:
            record = dict(record)
            record["commit"] = commit
            record["tree"] = tree
            if record.get("log"):
                record["log"] = "%s/%s-%s.log" % (logdir, commit, record["digest"][:12])
            text = compact(record)
            lines.append(text)
            if found is None:
                continue
            envelope, statement = found
            statement = json.loads(json.dumps(statement))
            statement["subject"] = [{"digest": {"gitCommit": commit}}]
            statement["predicate"]["greenlight"]["tree"] = tree
            statement["predicate"]["greenlight"]["recordSHA256"] = hashlib.sha256(text.encode()).hexdigest()
            if record.get("log"):
                statement["predicate"]["url"] = "file://" + record["log"]
            payload = compact(statement).encode()
            payload_type = envelope["payloadType"].encode()
            # DSSE v1 pre-authentication encoding, signed with Ed25519.
            pae = b"DSSEv1 %d %s %d %s" % (len(payload_type), payload_type, len(payload), payload)
            signature = base64.b64encode(key.sign(pae)).decode()
            lines.append(compact({"payload": base64.b64encode(payload).decode(), "payloadType": envelope["payloadType"],
                                  "signatures": [{"keyid": envelope["signatures"][0]["keyid"], "sig": signature}]}))
        body = ("\n".join(lines) + "\n").encode()
        w(b"N inline %s\ndata %d\n" % (commit.encode(), len(body)))
        w(body)
        w(b"\n")
        count += 1
    w(b"done\n")
    print("notes: %d notes" % count, file=sys.stderr)


def median(path, name):
    data = json.load(open(path))
    for result in data["results"]:
        if result["command"] == name:
            print("%.6f" % result["median"])
            return
    sys.exit("helpers.py median: no result named %r in %s" % (name, path))


def maxrss(path):
    for line in open(path):
        if "Maximum resident set size" in line:
            print(line.rsplit(":", 1)[1].strip())
            return
    sys.exit("helpers.py maxrss: no 'Maximum resident set size' in %s" % path)


def elapsed(path):
    """Wall-clock seconds of a /usr/bin/time -v report ("h:mm:ss" or "m:ss.ss")."""
    for line in open(path):
        if "Elapsed (wall clock) time" in line:
            parts = line.rsplit(": ", 1)[1].strip().split(":")
            seconds = 0.0
            for part in parts:
                seconds = seconds * 60 + float(part)
            print("%.3f" % seconds)
            return
    sys.exit("helpers.py elapsed: no 'Elapsed (wall clock) time' in %s" % path)


def fmt(value, unit):
    if value in ("", "skipped"):
        return value or "—"
    v = float(value)
    if unit == "s":
        return "%.1f ms" % (v * 1000) if v < 1 else "%.3f s" % v
    return "%.1f %s" % (v, unit)


def check(rule, gl, ratio):
    """rule: '' (information only), 'ratio<=X', 'ratio<X', 'gl<=X', 'gl<X'."""
    if not rule:
        return None
    m = re.fullmatch(r"(ratio|gl)(<=|<)([0-9.]+)", rule)
    if not m:
        sys.exit("helpers.py table: bad rule %r" % rule)
    subject = ratio if m.group(1) == "ratio" else gl
    if subject is None:
        return False
    limit = float(m.group(3))
    return subject <= limit if m.group(2) == "<=" else subject < limit


def table(path):
    """run.sh's rows, tab-separated: comparison, greenlight value, peer, peer value, unit,
    rule, target text, problem (non-empty: the target is missed whatever the numbers)."""
    print("| comparison | greenlight median | peer | peer median | ratio | target | met? |")
    print("| --- | --- | --- | --- | --- | --- | --- |")
    for line in open(path):
        line = line.rstrip("\n")
        if not line:
            continue
        comparison, gl, peer, pv, unit, rule, target, problem = (line.split("\t") + [""] * 8)[:8]
        if gl == "skipped":
            print("| %s | skipped | %s | skipped | — | %s | skipped |" % (comparison, peer or "—", target or "—"))
            continue
        glv = float(gl) if gl else None
        pvv = float(pv) if pv else None
        ratio = glv / pvv if glv is not None and pvv else None
        ok = check(rule, glv, ratio)
        if ok is None:
            met = "info"
        elif problem:
            met = "**no** (%s)" % problem
        else:
            met = "yes" if ok else "**no**"
        print("| %s | %s | %s | %s | %s | %s | %s |" % (
            comparison, fmt(gl, unit), peer or "—", fmt(pv, unit),
            "%.3f×" % ratio if ratio is not None else "—", target or "—", met))


def main():
    if len(sys.argv) < 2:
        sys.exit(__doc__)
    command, args = sys.argv[1], sys.argv[2:]
    if command == "history":
        history(int(args[0]), args[1])
    elif command == "wide":
        wide(int(args[0]), args[1])
    elif command == "notes":
        notes(args[0], args[1], args[2])
    elif command == "median":
        median(args[0], args[1])
    elif command == "maxrss":
        maxrss(args[0])
    elif command == "elapsed":
        elapsed(args[0])
    elif command == "table":
        table(args[0])
    else:
        sys.exit(__doc__)


if __name__ == "__main__":
    main()
