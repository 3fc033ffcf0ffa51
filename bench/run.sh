#!/usr/bin/env bash
# bench/run.sh — greenlight's benchmark suite (not run by CI). See bench/README.md.
#
#   bench/run.sh                      # every comparison, full run counts; writes bench/results.md
#   bench/run.sh --quick              # fewer runs (a few minutes); writes bench/work/results.md
#   bench/run.sh cached-push          # one comparison (several names may be given)
#   bench/run.sh --runs 5 notes-at-scale
#   bench/run.sh --list               # the comparisons
#   bench/run.sh --output FILE        # write the results there instead
#
# It builds greenlight from the checkout it sits in (swift build -c release), installs
# the peers (pre-commit, prek, lefthook from PyPI into bench/.venv; hyperfine and time
# from Debian when missing), makes its scratch repositories under bench/work/, times
# every comparison with hyperfine (medians from --export-json) or /usr/bin/time -v,
# and prints a markdown table of greenlight's median, the peer's median and their ratio.
# Absolute times on a shared machine are noise; the ratios of one run are the result.
#
# Environment (for developing the suite; a real run needs none of them):
#   GREENLIGHT_BIN=/path   use this greenlight binary instead of building the checkout
#                          (the results then say so)
#   BENCH_COMMITS=N        commits in the notes-at-scale repository (default 100000)
#   BENCH_FILES=N          files in the clean-room-checkout repository (default 50000)
#   BENCH_FLOOD_BYTES=N    output of the memory-flood step (default 1 GiB)
#   BENCH_CHECKOUT_DIR=DIR where clean-room-checkout's contenders check out (default: a
#                          tmpfs, /dev/shm/greenlight-bench, when there is one; see README)
#
# No network is used except pip (PyPI) and apt-get (Debian) for the installs (clean-room-warm's
# Go modules come from a file-based module proxy the script generates).

set -euo pipefail

BENCH_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
REPO_ROOT="$(cd "$BENCH_DIR/.." && pwd)"
WORK="$BENCH_DIR/work"
# greenlight signs every verdict with the user's key: the bench has its own, outside this
# checkout (greenlight refuses a signing key inside a repository).
export XDG_CONFIG_HOME="${XDG_CACHE_HOME:-$HOME/.cache}/greenlight-bench/config"
SIGNING_KEY="$XDG_CONFIG_HOME/greenlight/signing-key"
VENV="$BENCH_DIR/.venv"
HELPERS="$BENCH_DIR/helpers.py"
ALL_COMPARISONS=(cached-push fast-parallel notes-at-scale clean-room-checkout memory-flood job-done-latency
                 clean-room-warm clean-room-parallel)
ZERO_SHA=0000000000000000000000000000000000000000

COMMITS="${BENCH_COMMITS:-100000}"
FILES="${BENCH_FILES:-50000}"
FLOOD_BYTES="${BENCH_FLOOD_BYTES:-1073741824}"
MEMORY_TARGET_MIB=64

# Nothing outside the scratch repositories may leak in (a caller's hook environment, say).
unset GIT_DIR GIT_WORK_TREE GIT_INDEX_FILE GIT_OBJECT_DIRECTORY GIT_ALTERNATE_OBJECT_DIRECTORIES GIT_NAMESPACE
unset GREENLIGHT LEFTHOOK LEFTHOOK_VERBOSE LEFTHOOK_BIN PRE_COMMIT PREK_HOME PRE_COMMIT_HOME SKIP
export GIT_AUTHOR_NAME="greenlight bench" GIT_AUTHOR_EMAIL="bench@example.invalid"
export GIT_COMMITTER_NAME="greenlight bench" GIT_COMMITTER_EMAIL="bench@example.invalid"
export GIT_TERMINAL_PROMPT=0 LC_ALL=C.UTF-8

# ---------------------------------------------------------------------------- messages

say() { printf '\033[1m==> %s\033[0m\n' "$*" >&2; }
note() { printf '    %s\n' "$*" >&2; }
warn() { printf 'bench: warning: %s\n' "$*" >&2; }
die() { printf 'bench: error: %s\n' "$*" >&2; exit 1; }

usage() {
    sed -n '2,/^$/p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//'
    printf 'comparisons: %s\n' "${ALL_COMPARISONS[*]}"
}

# ---------------------------------------------------------------------------- arguments

QUICK=0
RUNS_OVERRIDE=""
OUTPUT=""
SELECTED=()
while (($#)); do
    case "$1" in
        --quick) QUICK=1 ;;
        --runs) [[ $# -ge 2 && $2 =~ ^[1-9][0-9]*$ ]] || die "--runs needs a positive number"; RUNS_OVERRIDE=$2; shift ;;
        --runs=*) RUNS_OVERRIDE=${1#--runs=}; [[ $RUNS_OVERRIDE =~ ^[1-9][0-9]*$ ]] || die "--runs needs a positive number" ;;
        --output) [[ $# -ge 2 ]] || die "--output needs a file"; OUTPUT=$2; shift ;;
        --output=*) OUTPUT=${1#--output=} ;;
        --list) printf '%s\n' "${ALL_COMPARISONS[@]}"; exit 0 ;;
        -h|--help) usage; exit 0 ;;
        -*) die "unknown option $1 (bench/run.sh --help)" ;;
        *)
            found=0
            for c in "${ALL_COMPARISONS[@]}"; do [[ $c == "$1" ]] && found=1; done
            ((found)) || die "unknown comparison '$1'; one of: ${ALL_COMPARISONS[*]}"
            SELECTED+=("$1")
            ;;
    esac
    shift
done
FULL_SET=0
if ((${#SELECTED[@]} == 0)); then SELECTED=("${ALL_COMPARISONS[@]}"); FULL_SET=1; fi

# Run counts: hyperfine runs per command, and warmup runs.
if ((QUICK)); then
    HOOK_RUNS=10 PAR_RUNS=3 SCALE_RUNS=10 CHECKOUT_RUNS=2 FLOOD_RUNS=1 WARMUP=1 ROUNDS=2
    GO_RUNS=4 GO_COLD_RUNS=2 CR_PAR_RUNS=4
else
    HOOK_RUNS=40 PAR_RUNS=10 SCALE_RUNS=30 CHECKOUT_RUNS=8 FLOOD_RUNS=2 WARMUP=2 ROUNDS=4
    GO_RUNS=12 GO_COLD_RUNS=4 CR_PAR_RUNS=8
fi
if [[ -n $RUNS_OVERRIDE ]]; then
    HOOK_RUNS=$RUNS_OVERRIDE PAR_RUNS=$RUNS_OVERRIDE SCALE_RUNS=$RUNS_OVERRIDE CHECKOUT_RUNS=$RUNS_OVERRIDE
    GO_RUNS=$RUNS_OVERRIDE GO_COLD_RUNS=$RUNS_OVERRIDE CR_PAR_RUNS=$RUNS_OVERRIDE
fi

# A full run of every comparison is the one that lands in bench/results.md; quick or
# partial runs go to bench/work/ so they never overwrite it by accident.
if [[ -z $OUTPUT ]]; then
    if ((FULL_SET && !QUICK)) && [[ -z $RUNS_OVERRIDE && -z ${GREENLIGHT_BIN:-} ]]; then
        OUTPUT="$BENCH_DIR/results.md"
    else
        OUTPUT="$WORK/results.md"
    fi
fi

mkdir -p "$WORK"
ROWS="$WORK/rows.tsv"        # one line per table row (see helpers.py table)
MEDIANS="$WORK/medians.tsv"  # every timed command: comparison, name, median, min, max, runs, mean user+sys
: >"$ROWS"
: >"$MEDIANS"
LOAD_START="$(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null || echo '?')"

# ---------------------------------------------------------------------------- tools

have() { command -v "$1" >/dev/null 2>&1; }

# apt_install PACKAGE WHAT: installs a Debian package when we may, or explains what is missing.
apt_install() {
    local package=$1 what=$2
    if [[ $(id -u) -ne 0 ]] || ! have apt-get; then
        die "$what is missing: install Debian's '$package' package (apt-get install -y $package) and run again"
    fi
    say "installing $package from Debian (needed for $what)"
    if ! apt-get install -y -qq "$package" >"$WORK/apt.log" 2>&1; then
        apt-get update -qq >>"$WORK/apt.log" 2>&1 || true
        apt-get install -y -qq "$package" >>"$WORK/apt.log" 2>&1 \
            || die "cannot install $package with apt-get (see $WORK/apt.log)"
    fi
}

ensure_tools() {
    have git || die "git is missing (apt-get install -y git)"
    have python3 || die "python3 is missing (apt-get install -y python3 python3-venv)"
    have swift || [[ -n ${GREENLIGHT_BIN:-} ]] \
        || die "swift is missing: greenlight is built from this checkout with 'swift build -c release' (Swift 6 toolchain needed)"
    have hyperfine || apt_install hyperfine "hyperfine (the timing harness)"
    [[ -x /usr/bin/time ]] || apt_install time "/usr/bin/time -v (peak memory)"
    have timeout || die "timeout (coreutils) is missing"
    local report
    report="$(/usr/bin/time -v true 2>&1 || true)"
    [[ $report == *"Maximum resident set size"* ]] \
        || die "/usr/bin/time is not GNU time (no -v report); install Debian's 'time' package"
}

ensure_venv() {
    if [[ ! -x $VENV/bin/python3 ]]; then
        say "creating the peers' virtualenv in bench/.venv"
        python3 -m venv "$VENV" \
            || die "python3 -m venv failed: install Debian's python3-venv (apt-get install -y python3-venv)"
    fi
    if [[ ! -x $VENV/bin/pre-commit || ! -x $VENV/bin/prek || ! -x $VENV/bin/lefthook ]] \
        || ! "$VENV/bin/python3" -c 'import cryptography' 2>/dev/null; then
        # cryptography: helpers.py signs the generated notes' attestations with the bench's key.
        say "installing pre-commit, prek, lefthook and cryptography from PyPI into bench/.venv"
        "$VENV/bin/python3" -m pip install -q --disable-pip-version-check pre-commit prek lefthook cryptography \
            || die "pip install pre-commit prek lefthook cryptography failed (PyPI must be reachable)"
    fi
    PREK="$VENV/bin/prek"
    PRE_COMMIT="$VENV/bin/pre-commit"
    # lefthook's PyPI package is a Python launcher around its Go binary: the hooks call the
    # binary itself (LEFTHOOK_BIN), so lefthook is not charged for a Python start.
    local candidates=("$VENV"/lib/python*/site-packages/lefthook/bin/lefthook-*/lefthook)
    LEFTHOOK="${candidates[0]}"
    [[ -x $LEFTHOOK ]] || die "the lefthook package in bench/.venv has no binary (looked for $LEFTHOOK)"
    for tool in "$PREK" "$PRE_COMMIT"; do [[ -x $tool ]] || die "$tool is missing after pip install"; done
    export PRE_COMMIT_HOME="$WORK/cache/pre-commit" PREK_HOME="$WORK/cache/prek" LEFTHOOK_BIN="$LEFTHOOK"
    mkdir -p "$PRE_COMMIT_HOME" "$PREK_HOME"
}

GREENLIGHT_SOURCE=""
build_greenlight() {
    if [[ -n ${GREENLIGHT_BIN:-} ]]; then
        [[ -x $GREENLIGHT_BIN ]] || die "GREENLIGHT_BIN=$GREENLIGHT_BIN is not executable"
        GL="$(cd "$(dirname "$GREENLIGHT_BIN")" && pwd)/$(basename "$GREENLIGHT_BIN")"
        GREENLIGHT_SOURCE="the binary given in GREENLIGHT_BIN ($GL), NOT built from this checkout"
        warn "using $GL instead of building this checkout: the results do not measure the checkout"
        return
    fi
    say "building greenlight from $REPO_ROOT (swift build -c release; log: bench/work/swift-build.log)"
    if ! (cd "$REPO_ROOT" && swift build -c release) >"$WORK/swift-build.log" 2>&1; then
        tail -n 30 "$WORK/swift-build.log" >&2
        die "swift build -c release failed (full log: $WORK/swift-build.log)"
    fi
    GL="$(cd "$REPO_ROOT" && swift build -c release --show-bin-path)/greenlight"
    [[ -x $GL ]] || die "the build produced no $GL"
    local commit dirty=""
    commit="$(git -C "$REPO_ROOT" rev-parse --short=12 HEAD)"
    [[ -z $(git -C "$REPO_ROOT" status --porcelain -- Sources Package.swift) ]] || dirty=" plus uncommitted changes to Sources/"
    GREENLIGHT_SOURCE="built from commit $commit$dirty (swift build -c release)"
}

# ---------------------------------------------------------------------------- helpers

# scratch_repo DIR: a new empty repository at DIR on branch main (whatever was there is removed).
scratch_repo() {
    rm -rf "$1"
    git init -q -b main "$1"
    git -C "$1" config user.name "greenlight bench"
    git -C "$1" config user.email "bench@example.invalid"
    git -C "$1" config commit.gpgsign false
}

# commit_all DIR MESSAGE
commit_all() { git -C "$1" add -A && git -C "$1" commit -q -m "$2"; }

# hook_path DIR: where git runs DIR's pre-push hook from (honours core.hooksPath).
hook_path() { (cd "$1" && git rev-parse --path-format=absolute --git-path hooks/pre-push); }

# timed_hyperfine COMPARISON RUNS WARMUP [--prepare CMD] NAME CMD [NAME CMD ...]
# Times the commands with hyperfine in ROUNDS rounds (the order of the commands reversed
# every other round), so a change of load on the shared machine hits every contender
# alike; the rounds' times are pooled and the medians taken from the pooled times.
# hyperfine's own output: bench/work/<comparison>.hyperfine.log; JSON: <comparison>.round<k>.json.
timed_hyperfine() {
    local comparison=$1 runs=$2 warmup=$3
    shift 3
    local extra=()
    if [[ ${1:-} == --prepare ]]; then extra=(--prepare "$2"); shift 2; fi
    local names=() commands=()
    while (($#)); do names+=("$1"); commands+=("$2"); shift 2; done
    local rounds=$ROUNDS
    ((rounds > runs)) && rounds=$runs
    local per_round=$(((runs + rounds - 1) / rounds)) log="$WORK/$comparison.hyperfine.log" round i
    : >"$log"
    rm -f "$WORK/$comparison".round*.json
    for ((round = 1; round <= rounds; round++)); do
        local args=() order=()
        for ((i = 0; i < ${#names[@]}; i++)); do order+=("$i"); done
        if ((round % 2 == 0)); then
            local reversed=()
            for ((i = ${#order[@]} - 1; i >= 0; i--)); do reversed+=("${order[i]}"); done
            order=("${reversed[@]}")
        fi
        for i in "${order[@]}"; do args+=(-n "${names[i]}" "${commands[i]}"); done
        note "round $round/$rounds: $per_round runs of each of ${#names[@]} commands"
        if ! hyperfine --style basic --runs "$per_round" --warmup "$warmup" "${extra[@]}" \
            --export-json "$WORK/$comparison.round$round.json" "${args[@]}" >>"$log" 2>&1; then
            tail -n 25 "$log" >&2
            die "$comparison: hyperfine failed (a timed command exited non-zero?); full output: $log"
        fi
    done
    python3 - "$WORK/$comparison.json" "$comparison" "$WORK/$comparison".round*.json >>"$MEDIANS" <<'PY'
import json, statistics, sys
out, comparison, parts = sys.argv[1], sys.argv[2], sys.argv[3:]
pooled, cpu = {}, {}
for part in parts:
    for r in json.load(open(part))["results"]:
        pooled.setdefault(r["command"], []).extend(r["times"])
        # hyperfine gives the mean user and system time of a round; weight them by its runs.
        cpu.setdefault(r["command"], []).append(((r["user"] + r["system"]), len(r["times"])))
results = []
for name, times in pooled.items():
    cpu_mean = sum(c * n for c, n in cpu[name]) / sum(n for _, n in cpu[name])
    results.append({"command": name, "median": statistics.median(times), "mean": statistics.fmean(times),
                    "min": min(times), "max": max(times), "cpu_mean": cpu_mean, "times": times})
    print("\t".join([comparison, name, "%.6f" % statistics.median(times), "%.6f" % min(times), "%.6f" % max(times),
                     str(len(times)), "%.6f" % cpu_mean]))
json.dump({"results": results}, open(out, "w"), indent=1)
PY
    awk -F'\t' -v c="$comparison" '$1 == c && NF == 7 {
        printf "    %-48s median %9.1f ms  (min %.1f, max %.1f, %d runs; user+sys %.1f ms)\n", $2, $3 * 1000, $4 * 1000, $5 * 1000, $6, $7 * 1000 }' "$MEDIANS" >&2
}

# median COMPARISON NAME: the median in seconds of a command timed by timed_hyperfine.
median() { python3 "$HELPERS" median "$WORK/$1.json" "$2"; }

# row COMPARISON GREENLIGHT PEER PEER_VALUE UNIT RULE TARGET [PROBLEM]  (see helpers.py table)
row() { printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$1" "$2" "$3" "$4" "$5" "$6" "$7" "${8:-}" >>"$ROWS"; }

# must_pass WHAT COMMAND...: runs once (bounded), aborts with the output when it fails.
must_pass() {
    local what=$1
    shift
    local out="$WORK/last-output.txt"
    if ! timeout 600 "$@" >"$out" 2>&1; then
        tail -n 20 "$out" >&2
        die "$what failed (exit status above is from: $*)"
    fi
}

# ---------------------------------------------------------------------------- 1. cached-push

# The whole pre-push hook as git runs it — `<hook> origin <url>` with git's stdin line —
# for a commit whose verdicts are cached, against the same hook position running a no-op
# under prek, lefthook and pre-commit; the floor is reading the same note with git.
bench_cached_push() {
    say "cached-push: the pre-push hook for a commit with cached verdicts (runs: $HOOK_RUNS)"
    local base="$WORK/cached-push"
    rm -rf "$base"
    mkdir -p "$base"
    git init -q --bare "$base/remote.git"
    local url="$base/remote.git" tool dir
    for tool in greenlight prek lefthook pre-commit; do
        dir="$base/$tool"
        scratch_repo "$dir"
        printf 'hello\n' >"$dir/README"
        git -C "$dir" remote add origin "$url"
    done

    cat >"$base/greenlight/.greenlight.yml" <<'YAML'
fast:
  steps:
    - name: noop
      run: "true"
clean_room:
  steps:
    - name: noop
      run: "true"
notes:
  sync: false
YAML
    cat >"$base/prek/.pre-commit-config.yaml" <<'YAML'
repos:
  - repo: local
    hooks:
      - id: noop
        name: noop
        entry: "true"
        language: system
        always_run: true
        pass_filenames: false
        stages: [pre-push]
YAML
    cp "$base/prek/.pre-commit-config.yaml" "$base/pre-commit/"
    cat >"$base/lefthook/lefthook.yml" <<'YAML'
pre-push:
  commands:
    noop:
      run: "true"
YAML
    for tool in greenlight prek lefthook pre-commit; do commit_all "$base/$tool" "bench: $tool"; done

    must_pass "greenlight check (first run, records the verdicts)" bash -c "cd '$base/greenlight' && '$GL' check"
    must_pass "greenlight check (second run)" bash -c "cd '$base/greenlight' && '$GL' check"
    grep -q '(cached)' "$WORK/last-output.txt" || die "cached-push: the second greenlight check was not served from the notes"
    must_pass "greenlight install" bash -c "cd '$base/greenlight' && '$GL' install"
    must_pass "prek install -t pre-push" bash -c "cd '$base/prek' && '$PREK' install -t pre-push"
    must_pass "pre-commit install -t pre-push" bash -c "cd '$base/pre-commit' && '$PRE_COMMIT' install -t pre-push"
    must_pass "lefthook install" bash -c "cd '$base/lefthook' && '$LEFTHOOK' install"

    local names=() hook sha
    local -A cmd
    for tool in greenlight prek lefthook pre-commit; do
        dir="$base/$tool"
        hook="$(hook_path "$dir")"
        [[ -x $hook ]] || die "cached-push: $tool installed no executable pre-push hook at $hook"
        sha="$(git -C "$dir" rev-parse HEAD)"
        printf 'refs/heads/main %s refs/heads/main %s\n' "$sha" "$ZERO_SHA" >"$base/$tool.stdin"
        cmd[$tool]="cd '$dir' && '$hook' origin '$url' < '$base/$tool.stdin'"
        must_pass "the $tool pre-push hook" bash -c "${cmd[$tool]}"
        names+=("$tool pre-push hook" "${cmd[$tool]}")
    done
    grep -q 'greenlight' "$(hook_path "$base/greenlight")" || die "cached-push: the greenlight hook is not greenlight's"
    sha="$(git -C "$base/greenlight" rev-parse HEAD)"
    names+=("git notes show (floor)" "cd '$base/greenlight' && git notes --ref=greenlight show $sha")

    timed_hyperfine cached-push "$HOOK_RUNS" "$WARMUP" "${names[@]}"
    local gl
    gl="$(median cached-push "greenlight pre-push hook")"
    row cached-push "$gl" "prek pre-push hook (no-op)" "$(median cached-push "prek pre-push hook")" s "ratio<=1.0" "at or below prek (ratio ≤ 1.00)"
    row cached-push "$gl" "lefthook pre-push hook (no-op)" "$(median cached-push "lefthook pre-push hook")" s "" ""
    row cached-push "$gl" "pre-commit pre-push hook (no-op)" "$(median cached-push "pre-commit pre-push hook")" s "" ""
    row cached-push "$gl" "\`git notes show\` of the same note (floor)" "$(median cached-push "git notes show (floor)")" s "" ""
}

# ---------------------------------------------------------------------------- 2. fast-parallel

# Four fast-tier steps that each sleep 1 s: greenlight's fast tier (parallel by default)
# against lefthook with parallel: true; the ideal is the slowest step, 1 s.
bench_fast_parallel() {
    say "fast-parallel: four 'sleep 1' steps in parallel (runs: $PAR_RUNS)"
    local base="$WORK/fast-parallel"
    rm -rf "$base"
    mkdir -p "$base"
    scratch_repo "$base/greenlight"
    cat >"$base/greenlight/.greenlight.yml" <<'YAML'
fast:
  parallel: true
  steps:
    - name: s1
      run: sleep 1
    - name: s2
      run: sleep 1
    - name: s3
      run: sleep 1
    - name: s4
      run: sleep 1
notes:
  sync: false
YAML
    commit_all "$base/greenlight" "bench: fast-parallel"
    scratch_repo "$base/lefthook"
    cat >"$base/lefthook/lefthook.yml" <<'YAML'
pre-push:
  parallel: true
  commands:
    s1:
      run: sleep 1
    s2:
      run: sleep 1
    s3:
      run: sleep 1
    s4:
      run: sleep 1
YAML
    commit_all "$base/lefthook" "bench: fast-parallel"

    local gl_cmd="cd '$base/greenlight' && '$GL' check --tier fast --no-cache"
    local lh_cmd="cd '$base/lefthook' && '$LEFTHOOK' run pre-push"
    must_pass "greenlight check --tier fast --no-cache" bash -c "$gl_cmd"
    grep -q 'workspace' "$WORK/last-output.txt" || warn "fast-parallel: greenlight did not report running in the workspace"
    must_pass "lefthook run pre-push" bash -c "$lh_cmd"

    timed_hyperfine fast-parallel "$PAR_RUNS" 1 \
        "greenlight check --tier fast --no-cache" "$gl_cmd" \
        "lefthook run pre-push (parallel)" "$lh_cmd"
    local gl
    gl="$(median fast-parallel "greenlight check --tier fast --no-cache")"
    row fast-parallel "$gl" "ideal: the slowest step (sleep 1)" 1.0 s "ratio<=1.05" "within 5% of the slowest step (ratio ≤ 1.05)"
    row fast-parallel "$gl" "lefthook, parallel: true" "$(median fast-parallel "lefthook run pre-push (parallel)")" s "ratio<=1.0" "no slower than lefthook (ratio ≤ 1.00)"
}

# ---------------------------------------------------------------------------- 3. notes-at-scale

SCALE_CONFIG='fast:
  steps:
    - name: noop
      run: "true"
clean_room:
  steps:
    - name: noop
      run: "true"
notes:
  sync: false
'

# notes_template DIR: a note greenlight itself wrote, for a tiny repository with the same
# .greenlight.yml, so the generated notes carry real records and the current digests.
notes_template() {
    local dir=$1/template
    scratch_repo "$dir"
    printf '%s' "$SCALE_CONFIG" >"$dir/.greenlight.yml"
    printf 'template\n' >"$dir/data.txt"
    commit_all "$dir" "template"
    must_pass "greenlight check in the template repository" bash -c "cd '$dir' && '$GL' check"
    git -C "$dir" notes --ref=greenlight show HEAD >"$1/template.note"
    [[ $(grep -c '"verdict":"pass"' "$1/template.note") -ge 2 ]] || die "notes-at-scale: the template note has no two pass records: $(cat "$1/template.note")"
}

# scale_repo DIR COUNT: DIR holds the COUNT-commit history (kept between runs when COUNT matches).
scale_history() {
    local dir=$1 count=$2 stamp="$1/.git/bench-stamp" want
    want="history $count $(printf '%s' "$SCALE_CONFIG" | sha256sum | cut -c1-16)"
    if [[ -f $stamp && $(cat "$stamp") == "$want" ]]; then
        note "reusing the $count-commit history in ${dir#"$BENCH_DIR"/}"
        return
    fi
    scratch_repo "$dir"
    printf '%s' "$SCALE_CONFIG" >"$WORK/notes-at-scale/config.yml"
    note "fast-import: $count commits"
    local start=$SECONDS
    python3 "$HELPERS" history "$count" "$WORK/notes-at-scale/config.yml" | git -C "$dir" fast-import --quiet --done \
        || die "notes-at-scale: git fast-import of the history failed"
    git -C "$dir" checkout -q -f main
    note "history imported in $((SECONDS - start)) s"
    echo "$want" >"$stamp"
}

# scale_notes DIR SELECT: (re)writes refs/notes/greenlight with a note for each commit that
# SELECT (a shell filter over "<commit> <tree>" lines) lets through.
scale_notes() {
    local dir=$1 filter=$2 base="$WORK/notes-at-scale"
    local stamp="$dir/.git/bench-notes-stamp" want
    # What decides whether the notes are still a cache hit: each record's tier, digest,
    # verdict, greenlight version and fields (not its times, which change every run).
    want="$(python3 -c '
import json, sys
records = [json.loads(line) for line in open(sys.argv[1]) if line.strip()]
records = [r for r in records if "payloadType" not in r]
print(sorted((r["tier"], r["digest"], r["verdict"], r.get("greenlight_version"), sorted(r)) for r in records))
' "$base/template.note" | cat - "$SIGNING_KEY" | sha256sum | cut -c1-16) $filter"
    if [[ -f $stamp && $(cat "$stamp") == "$want" ]] && git -C "$dir" rev-parse -q --verify refs/notes/greenlight >/dev/null; then
        note "reusing the notes in ${dir#"$BENCH_DIR"/}"
        return
    fi
    git -C "$dir" update-ref -d refs/notes/greenlight 2>/dev/null || true
    rm -rf "$dir/.git/greenlight"
    local start=$SECONDS
    git -C "$dir" log --format='%H %T' main | bash -c "$filter" \
        | "$VENV/bin/python3" "$HELPERS" notes "$base/template.note" "$dir/.git/greenlight/logs" "$SIGNING_KEY" \
        | git -C "$dir" fast-import --quiet --done \
        || die "notes-at-scale: git fast-import of the notes failed"
    note "notes imported in $((SECONDS - start)) s"
    echo "$want" >"$stamp"
}

bench_notes_at_scale() {
    say "notes-at-scale: a cached check with $COMMITS notes vs 10 notes (runs: $SCALE_RUNS)"
    local base="$WORK/notes-at-scale"
    mkdir -p "$base"
    local start=$SECONDS
    notes_template "$base"
    scale_history "$base/many" "$COMMITS"
    # The same history, another repository: a local clone shares the pack (hard links).
    if [[ ! -f $base/few/.git/bench-stamp || $(cat "$base/few/.git/bench-stamp") != "$(cat "$base/many/.git/bench-stamp")" ]]; then
        rm -rf "$base/few"
        git clone -q --local "$base/many" "$base/few"
        git -C "$base/few" remote remove origin
        cp "$base/many/.git/bench-stamp" "$base/few/.git/bench-stamp"
        rm -f "$base/few/.git/bench-notes-stamp"
    fi
    # The commit that is checked: the middle of the history; it has a note in both.
    local half=$((COMMITS / 2))
    local target
    target="$(git -C "$base/many" rev-parse "main~$half")"
    scale_notes "$base/many" "cat"
    # 10 notes: the target and 9 others spread over the history.
    scale_notes "$base/few" "awk -v t=$target -v step=$((COMMITS / 9 > 0 ? COMMITS / 9 : 1)) '\$1 == t { print; next } NR % step == 1 && kept < 9 { kept++; print }'"
    note "repositories ready in $((SECONDS - start)) s"

    local count
    count="$(git -C "$base/many" notes --ref=greenlight list | wc -l)"
    [[ $count -eq $COMMITS ]] || die "notes-at-scale: expected $COMMITS notes in the big repository, found $count"
    count="$(git -C "$base/few" notes --ref=greenlight list | wc -l)"
    [[ $count -eq 10 ]] || die "notes-at-scale: expected 10 notes in the small repository, found $count"

    local repo
    for repo in many few; do
        must_pass "greenlight check $target in the $repo-notes repository" bash -c "cd '$base/$repo' && '$GL' check $target"
        grep -q '(cached)' "$WORK/last-output.txt" \
            || die "notes-at-scale: 'greenlight check $target' in $repo was not a cache hit (no '(cached)' on stdout): $(head -n 5 "$WORK/last-output.txt")"
    done

    timed_hyperfine notes-at-scale "$SCALE_RUNS" "$WARMUP" \
        "greenlight check, $COMMITS notes" "cd '$base/many' && '$GL' check $target" \
        "greenlight check, 10 notes" "cd '$base/few' && '$GL' check $target" \
        "git notes show, $COMMITS notes" "cd '$base/many' && git notes --ref=greenlight show $target" \
        "git notes show, 10 notes" "cd '$base/few' && git notes --ref=greenlight show $target"
    local gl
    gl="$(median notes-at-scale "greenlight check, $COMMITS notes")"
    row "notes-at-scale ($COMMITS notes)" "$gl" "greenlight, same history with 10 notes" \
        "$(median notes-at-scale "greenlight check, 10 notes")" s "ratio<1.5" "ratio < 1.5"
    row "notes-at-scale ($COMMITS notes)" "$gl" "\`git notes show\`, $COMMITS notes (floor)" \
        "$(median notes-at-scale "git notes show, $COMMITS notes")" s "" ""
}

# ---------------------------------------------------------------------------- 4. clean-room-checkout

# checkout_dir: where the contenders make their 50,000-file checkouts. A tmpfs (/dev/shm)
# when there is one with room, because on an ext4 without a journal (this machine's disk)
# creating files soon after deleting many is quadratic: the inode allocator skips inodes
# deleted in the last minute(s) and reads the inode table to find that out (recently_deleted
# in fs/ext4/ialloc.c), so each contender would pay for the previous one's rm -rf, and more
# the earlier it runs after it. BENCH_CHECKOUT_DIR=DIR chooses another place.
CHECKOUT_FS=""
checkout_dir() {
    local dir
    if [[ -n ${BENCH_CHECKOUT_DIR:-} ]]; then
        dir=$BENCH_CHECKOUT_DIR
    elif [[ -d /dev/shm && -w /dev/shm && $(stat -f -c %T /dev/shm 2>/dev/null) == tmpfs ]] \
        && (($(df -Pk /dev/shm | awk 'NR == 2 { print $4 }') > 2 * 1048576)); then
        dir=/dev/shm/greenlight-bench
    else
        dir=$WORK/tmp
    fi
    mkdir -p "$dir" || die "cannot create the checkout directory $dir"
    (cd "$dir" && pwd)
}

WIDE_CONFIG='clean_room:
  steps:
    - name: noop
      run: "true"
notes:
  sync: false
'

bench_clean_room_checkout() {
    say "clean-room-checkout: a ready checkout of $FILES files (runs: $CHECKOUT_RUNS)"
    local base="$WORK/clean-room-checkout" repo="$WORK/clean-room-checkout/repo"
    mkdir -p "$base"
    local stamp="$repo/.git/bench-stamp" want
    want="wide $FILES $(printf '%s' "$WIDE_CONFIG" | sha256sum | cut -c1-16)"
    if [[ -f $stamp && $(cat "$stamp") == "$want" ]] && [[ -z $(git -C "$repo" status --porcelain) ]]; then
        note "reusing the $FILES-file repository"
    else
        scratch_repo "$repo"
        printf '%s' "$WIDE_CONFIG" >"$base/config.yml"
        local start=$SECONDS
        python3 "$HELPERS" wide "$FILES" "$base/config.yml" | git -C "$repo" fast-import --quiet --done \
            || die "clean-room-checkout: git fast-import failed"
        git -C "$repo" checkout -q -f main
        note "$FILES files imported and checked out in $((SECONDS - start)) s"
        echo "$want" >"$stamp"
    fi
    local files
    files="$(git -C "$repo" ls-files | wc -l)"
    [[ $files -ge $FILES ]] || die "clean-room-checkout: the repository has $files files, expected $FILES"

    local tmp
    tmp="$(checkout_dir)"
    note "checkouts go to $tmp ($(stat -f -c %T "$tmp"))"
    CHECKOUT_FS="$tmp ($(stat -f -c %T "$tmp"))"
    # Every contender checks out into the same directory (TMPDIR is where greenlight's
    # clean room goes); leftovers of an interrupted run are removed before each run, untimed.
    local prepare="rm -rf '$tmp/wt' '$tmp/clone-shared' '$tmp/clone-copy' && git -C '$repo' worktree prune"
    local gl_cmd="cd '$repo' && TMPDIR='$tmp' '$GL' check --tier clean-room --no-cache"
    must_pass "greenlight check --tier clean-room --no-cache" bash -c "$gl_cmd"
    grep -q 'clean-room: pass' "$WORK/last-output.txt" || die "clean-room-checkout: greenlight's clean room did not pass: $(head -n 5 "$WORK/last-output.txt")"
    [[ -z $(ls -A "$tmp") ]] || warn "clean-room-checkout: greenlight left files in $tmp: $(ls -A "$tmp" | head -n 3)"

    timed_hyperfine clean-room-checkout "$CHECKOUT_RUNS" 1 --prepare "$prepare" \
        "greenlight check --tier clean-room --no-cache" "$gl_cmd" \
        "git worktree add --detach + remove" "cd '$repo' && git worktree add -q --detach '$tmp/wt' HEAD && git worktree remove --force '$tmp/wt'" \
        "git clone --shared + rm -rf" "git clone -q --shared '$repo' '$tmp/clone-shared' && rm -rf '$tmp/clone-shared'" \
        "git clone --local --no-hardlinks + rm -rf" "git clone -q --local --no-hardlinks '$repo' '$tmp/clone-copy' && rm -rf '$tmp/clone-copy'"
    eval "$prepare"
    [[ $tmp == "$WORK/tmp" ]] || rm -rf "$tmp"
    local gl
    gl="$(median clean-room-checkout "greenlight check --tier clean-room --no-cache")"
    row "clean-room-checkout ($FILES files)" "$gl" "\`git worktree add --detach\` + remove" \
        "$(median clean-room-checkout "git worktree add --detach + remove")" s "ratio<=1.0" "no slower than git worktree add (ratio ≤ 1.00)"
    row "clean-room-checkout ($FILES files)" "$gl" "\`git clone --shared\` + rm -rf" \
        "$(median clean-room-checkout "git clone --shared + rm -rf")" s "" ""
    row "clean-room-checkout ($FILES files)" "$gl" "\`git clone --local --no-hardlinks\` + rm -rf" \
        "$(median clean-room-checkout "git clone --local --no-hardlinks + rm -rf")" s "" ""
}

# ---------------------------------------------------------------------------- 5. memory-flood

# peak_rss_mib DIR LABEL: runs greenlight's clean room once under /usr/bin/time -v; prints the peak in MiB.
peak_rss_mib() {
    local dir=$1 label=$2 report="$WORK/memory-flood/$2.time"
    rm -rf "$dir/.git/greenlight/logs"
    if ! (cd "$dir" && timeout 1800 /usr/bin/time -v -o "$report" "$GL" check --tier clean-room --no-cache) \
        >"$WORK/memory-flood/$label.out" 2>"$WORK/memory-flood/$label.err"; then
        tail -n 20 "$WORK/memory-flood/$label.out" "$WORK/memory-flood/$label.err" >&2
        die "memory-flood: greenlight check --tier clean-room --no-cache failed in $dir"
    fi
    local kib
    kib="$(python3 "$HELPERS" maxrss "$report")"
    python3 -c "print('%.1f' % ($kib / 1024))"
}

bench_memory_flood() {
    local gib
    gib="$(python3 -c "print('%.3g' % ($FLOOD_BYTES / 2**30))")"
    say "memory-flood: peak RSS while a clean-room step prints $gib GiB (runs: $FLOOD_RUNS)"
    local base="$WORK/memory-flood"
    rm -rf "$base"
    mkdir -p "$base"
    local avail_kib
    avail_kib="$(df -Pk "$WORK" | awk 'NR == 2 { print $4 }')"
    ((avail_kib > FLOOD_BYTES / 1024 + 1048576)) \
        || die "memory-flood: needs $((FLOOD_BYTES / 1048576 + 1024)) MiB free under $WORK for the log, has $((avail_kib / 1024)) MiB"

    scratch_repo "$base/flood"
    # 100-byte lines ('x' * 99 and a newline), cut at exactly FLOOD_BYTES bytes.
    cat >"$base/flood/.greenlight.yml" <<YAML
clean_room:
  timeout: 30m
  steps:
    - name: flood
      run: yes $(printf 'x%.0s' {1..99}) | head -c $FLOOD_BYTES
notes:
  sync: false
YAML
    commit_all "$base/flood" "bench: memory-flood"
    scratch_repo "$base/baseline"
    printf '%s' "$WIDE_CONFIG" >"$base/baseline/.greenlight.yml"
    commit_all "$base/baseline" "bench: memory baseline"

    local baseline peak=0 run mib log size problem="" sizes=() seconds=() bare
    # The step's command alone, for the time greenlight adds (log, capture, test-output analysis).
    /usr/bin/time -v -o "$base/bare.time" bash -c "yes $(printf 'x%.0s' {1..99}) | head -c $FLOOD_BYTES >/dev/null"
    bare="$(python3 "$HELPERS" elapsed "$base/bare.time")"
    baseline="$(peak_rss_mib "$base/baseline" baseline)"
    note "baseline (step 'true'): peak RSS $baseline MiB"
    for ((run = 1; run <= FLOOD_RUNS; run++)); do
        local start=$SECONDS
        mib="$(peak_rss_mib "$base/flood" "flood-$run")"
        log="$(ls -t "$base/flood/.git/greenlight/logs/"*.log 2>/dev/null | head -n 1 || true)"
        size=0
        [[ -n $log ]] && size="$(stat -c %s "$log")"
        sizes+=("$size")
        seconds+=("$(python3 "$HELPERS" elapsed "$WORK/memory-flood/flood-$run.time")")
        note "run $run: peak RSS $mib MiB, log $size bytes ($((SECONDS - start)) s)"
        ((size >= FLOOD_BYTES)) || problem="log incomplete: $size of $FLOOD_BYTES bytes"
        if [[ -n $log ]]; then rm -f "$log"; fi   # 1 GiB: not kept
        if python3 -c "import sys; sys.exit(0 if $mib > $peak else 1)"; then peak=$mib; fi
    done
    printf 'memory-flood\tpeak RSS, flood\t%s\t%s\t%s\t%s\n' "$peak" "$peak" "$peak" "$FLOOD_RUNS" >>"$MEDIANS"
    printf 'memory-flood\tpeak RSS, baseline\t%s\t%s\t%s\t1\n' "$baseline" "$baseline" "$baseline" >>"$MEDIANS"
    printf 'memory-flood\tlog size in bytes, each run\t%s\t\t\t%s\n' "${sizes[*]}" "$FLOOD_RUNS" >>"$MEDIANS"
    row "memory-flood ($gib GiB of output, peak RSS)" "$peak" "greenlight, a clean-room step \`true\` (baseline)" "$baseline" MiB \
        "gl<$MEMORY_TARGET_MIB" "< $MEMORY_TARGET_MIB MiB, log ≥ $gib GiB" "$problem"
    # Wall time of the whole check (a sealed checkout, the step, every byte logged and read by the
    # test-output analyzer) against the step's command alone: what reading the output costs.
    local fastest
    fastest="$(printf '%s\n' "${seconds[@]}" | sort -g | head -n 1)"
    printf 'memory-flood\twall time, flood\t%s\t%s\t%s\t%s\n' "$fastest" "$fastest" "$fastest" "$FLOOD_RUNS" >>"$MEDIANS"
    row "output-throughput ($gib GiB through a clean-room step, wall time)" "$fastest" "the step's command alone" "$bare" s "" \
        "information: the cost of logging and analysing every byte" ""
}

# ---------------------------------------------------------------------------- 6. job-done-latency

bench_job_done_latency() {
    local runs=$(( QUICK ? 3 : 7 ))
    say "job-done-latency: from the Job's Complete condition to the verdict (runs: $runs each)"
    local base="$WORK/job-done-latency" server="$(cd "$REPO_ROOT" && swift build -c release --show-bin-path)/fake-kube-apiserver"
    [[ -x $server ]] || die "job-done-latency: $server is missing (swift build -c release builds it)"
    rm -rf "$base"
    mkdir -p "$base/kubelet"
    "$server" --work-root "$base/kubelet" --url-file "$base/url" --complete-file "$base/complete" --lifetime 900 &
    local server_pid=$!
    for _ in $(seq 100); do [[ -s $base/url ]] && break; sleep 0.1; done
    [[ -s $base/url ]] || { kill "$server_pid" 2>/dev/null; die "job-done-latency: the fake API server did not start"; }
    local url
    url="$(cat "$base/url")"
    cat >"$base/kubeconfig" <<KUBE
current-context: bench
clusters: [{name: bench, cluster: {server: '$url'}}]
users: [{name: u, user: {token: bench-token}}]
contexts: [{name: bench, context: {cluster: bench, user: u, namespace: bench}}]
KUBE
    git init -q --bare "$base/remote.git"
    git init -q -b main "$base/repo"
    (
        cd "$base/repo"
        git remote add origin "$base/remote.git"
        cat >.greenlight.yml <<YAML
clean_room:
  backend: kubernetes
  timeout: 5m
  steps: [{name: work, run: 'sleep 1'}]
  kubernetes: {image: bench.example/ci:1, kubeconfig: $base/kubeconfig}
notes: {sync: false}
YAML
        git add -A && git commit -qm base
    )
    # greenlight: watches the Job; the latency is its exit time minus the Complete condition's time.
    local gl_samples=() poll_samples=() i sha end done_at
    for i in $(seq "$runs"); do
        (cd "$base/repo" && git commit -q --allow-empty -m "run $i")
        sha="$(git -C "$base/repo" rev-parse HEAD)"
        (cd "$base/repo" && timeout 300 "$GL" check --tier clean-room --no-cache >/dev/null 2>&1) || { kill "$server_pid"; die "job-done-latency: greenlight check failed"; }
        end="$(date +%s.%N)"
        done_at="$(grep "^greenlight-${sha:0:12}-" "$base/complete" | tail -1 | cut -d' ' -f2)"
        gl_samples+=("$(python3 -c "print(max(0.0, $end - $done_at))")")
    done
    # The typical gate script: create the Job, then poll its status every 5 seconds.
    for i in $(seq "$runs"); do
        end="$(python3 - "$url" "$i" <<'PY'
import json, sys, time, urllib.request
url, run = sys.argv[1], sys.argv[2]
name = "poll-%s-%d" % (run, int(time.time() * 1000) % 100000)
headers = {"Authorization": "Bearer bench-token", "Content-Type": "application/json"}
job = {"apiVersion": "batch/v1", "kind": "Job", "metadata": {"name": name},
       "spec": {"backoffLimit": 0, "template": {"spec": {"restartPolicy": "Never",
                "containers": [{"name": "c", "image": "bench.example/ci:1", "command": ["sh", "-c", "sleep 1"]}]}}}}
request = urllib.request.Request(url + "/apis/batch/v1/namespaces/bench/jobs", data=json.dumps(job).encode(), headers=headers)
urllib.request.urlopen(request, timeout=30).read()
for _ in range(120):
    time.sleep(5)
    status = json.load(urllib.request.urlopen(urllib.request.Request(
        url + "/apis/batch/v1/namespaces/bench/jobs/" + name, headers=headers), timeout=30)).get("status", {})
    if any(c.get("type") == "Complete" and c.get("status") == "True" for c in status.get("conditions", [])):
        print(name, time.time())
        break
PY
)"
        done_at="$(grep "^${end%% *} " "$base/complete" | tail -1 | cut -d' ' -f2)"
        poll_samples+=("$(python3 -c "print(max(0.0, ${end##* } - $done_at))")")
    done
    kill "$server_pid" 2>/dev/null || true
    wait "$server_pid" 2>/dev/null || true
    local gl_median poll_median
    gl_median="$(printf '%s\n' "${gl_samples[@]}" | python3 -c "import sys, statistics; print(statistics.median(float(x) for x in sys.stdin))")"
    poll_median="$(printf '%s\n' "${poll_samples[@]}" | python3 -c "import sys, statistics; print(statistics.median(float(x) for x in sys.stdin))")"
    printf 'job-done-latency\tgreenlight, each run (s)\t%s\t\t\t%s\n' "${gl_samples[*]}" "$runs" >>"$MEDIANS"
    printf 'job-done-latency\t5 s polling loop, each run (s)\t%s\t\t\t%s\n' "${poll_samples[*]}" "$runs" >>"$MEDIANS"
    row "job-done-latency (Complete condition → verdict)" "$gl_median" "a 5 s polling loop (typical gate script)" "$poll_median" s \
        "gl<0.1" "< 100 ms median" ""
}

# ---------------------------------------------------------------------------- 7. clean-room-warm

# ensure_go: the go command, from Debian when missing; GO_VERSION says which.
GO_VERSION="" GO_MODULE_LINES=""
ensure_go() {
    have go || apt_install golang-go "go (the clean-room-warm comparison)"
    have go || die "go is still missing after installing golang-go"
    GO_VERSION="$(go env GOVERSION)"
    # The generated modules use generics (go 1.18).
    [[ $GO_VERSION =~ ^go1\.([0-9]+) ]] && ((BASH_REMATCH[1] >= 18)) \
        || die "clean-room-warm needs Go 1.18 or later, found $GO_VERSION"
}

# writable_rm DIR...: rm -rf that also removes Go's module cache, whose directories are read-only.
writable_rm() {
    local dir
    for dir in "$@"; do
        [[ -e $dir ]] || continue
        chmod -R u+w "$dir" 2>/dev/null || true
        rm -rf "$dir"
    done
}

# last_run_log DIR: the last run in the newest log greenlight wrote in the repository DIR (a
# commit's log under one gate definition is one file; each run appends a section to it,
# starting with a "=== greenlight" line).
last_run_log() {
    local log
    log="$(ls -t "$1/.git/greenlight/logs/"*.log 2>/dev/null | head -n 1 || true)"
    [[ -n $log ]] || die "no greenlight log in $1/.git/greenlight/logs"
    awk '/^=== greenlight / { run = "" } { run = run $0 "\n" } END { printf "%s", run }' "$log"
}

# A real Go module (three dependency modules served by a file-based module proxy, no network)
# tested with `go test -count=1 ./...`: greenlight's clean room with its named cache `go`
# warm, against the same command in the workspace with warm caches of its own; and both
# cold (every cache emptied before each run), as information.
bench_clean_room_warm() {
    ensure_go
    say "clean-room-warm: go test -count=1 ./... in the clean room with warm caches vs in the workspace (runs: $GO_RUNS, cold: $GO_COLD_RUNS; $GO_VERSION)"
    local base="$WORK/clean-room-warm"
    writable_rm "$base"
    mkdir -p "$base"
    local repo="$base/repo" proxy="$base/proxy" direct_cache="$base/direct-cache"
    scratch_repo "$repo"
    python3 "$HELPERS" gomodules "$proxy" "$repo" 2>"$base/gomodules.log" \
        || die "clean-room-warm: generating the Go modules failed: $(cat "$base/gomodules.log")"
    GO_MODULE_LINES="$(grep -o '[0-9]* lines' "$base/gomodules.log" || true)"
    # What the clean room gets in clean_room.env, the direct run on its command line.
    local go_env=(GOPROXY="file://$proxy" GOSUMDB=off GOFLAGS=-mod=mod GOTOOLCHAIN=local GONOSUMDB= GOPRIVATE= GONOPROXY=)
    local direct_env="GOMODCACHE='$direct_cache/mod' GOCACHE='$direct_cache/build'" assignment
    for assignment in "${go_env[@]}"; do direct_env+=" ${assignment%%=*}='${assignment#*=}'"; done
    # go.sum, as a project commits it (from the proxy; this also checks the proxy answers).
    must_pass "go mod tidy against the file proxy" bash -c "cd '$repo' && env $direct_env go mod tidy"
    grep -q 'example.com/dep3 v1.0.0 h1:' "$repo/go.sum" || die "clean-room-warm: go mod tidy wrote no go.sum entry for example.com/dep3"
    writable_rm "$direct_cache"
    # Go outside /usr (a tarball in /opt, say) must be mounted to be seen in the clean room.
    local mounts="'$proxy'" goroot
    goroot="$(go env GOROOT)"
    [[ $goroot == /usr/* ]] || mounts+=", '$goroot'"
    cat >"$repo/.greenlight.yml" <<YAML
clean_room:
  network: false
  mounts: [$mounts]
  env:
    GOPROXY: 'file://$proxy'
    GOSUMDB: 'off'
    GOFLAGS: '-mod=mod'
    GOTOOLCHAIN: local
  caches:
    go:
      env: {GOMODCACHE: mod, GOCACHE: build}
  steps:
    - name: test
      run: go test -count=1 ./...
notes:
  sync: false
YAML
    commit_all "$repo" "bench: clean-room-warm"

    local gl_cmd="cd '$repo' && '$GL' check --tier clean-room --no-cache"
    local direct_cmd="cd '$repo' && env $direct_env go test -count=1 ./..."
    local storage="$repo/.git/greenlight/caches/go" log
    # The first run fills the cache: Go downloads the modules from the proxy (read-only mount,
    # no network) and compiles everything.
    must_pass "greenlight check --tier clean-room --no-cache (cold cache)" bash -c "$gl_cmd"
    grep -q 'clean-room: pass' "$WORK/last-output.txt" || die "clean-room-warm: greenlight's clean room did not pass: $(head -n 5 "$WORK/last-output.txt")"
    log="$(last_run_log "$repo")"
    grep -q 'go: downloading example.com/dep1' <<<"$log" \
        || die "clean-room-warm: the cold clean-room run did not download the modules; its log: $log"
    [[ -d $storage/mod/example.com/dep1@v1.0.0 && -n $(ls -A "$storage/build" 2>/dev/null) ]] \
        || die "clean-room-warm: after a clean-room run the cache $storage holds no mod/example.com/dep1@v1.0.0 or no build/ entries"
    # The second uses it: nothing is downloaded.
    must_pass "greenlight check --tier clean-room --no-cache (warm cache)" bash -c "$gl_cmd"
    log="$(last_run_log "$repo")"
    if grep -q 'go: downloading' <<<"$log"; then die "clean-room-warm: the warm clean-room run downloaded modules again; its log: $log"; fi
    must_pass "greenlight caches" bash -c "cd '$repo' && '$GL' caches"
    grep -qw 'go' "$WORK/last-output.txt" || die "clean-room-warm: 'greenlight caches' does not list the cache go: $(head -n 5 "$WORK/last-output.txt")"
    note "greenlight caches: $(tr -s ' \n' ' ' <"$WORK/last-output.txt" | cut -c1-150)"
    must_pass "go test -count=1 ./... in the workspace (fills its caches)" bash -c "$direct_cmd"
    [[ -z $(git -C "$repo" status --porcelain) ]] || die "clean-room-warm: go test changed the workspace: $(git -C "$repo" status --porcelain | head -n 3)"

    timed_hyperfine clean-room-warm "$GO_RUNS" 1 \
        "greenlight check --tier clean-room --no-cache, warm cache" "$gl_cmd" \
        "go test -count=1 ./... in the workspace, warm caches" "$direct_cmd"

    # Cold: before each run, greenlight's cache is pruned and the direct run's caches removed.
    local prepare="cd '$repo' && '$GL' caches prune go >/dev/null && chmod -R u+w '$direct_cache' 2>/dev/null; rm -rf '$direct_cache'"
    must_pass "greenlight caches prune go" bash -c "$prepare"
    [[ ! -e $storage/mod/example.com/dep1@v1.0.0 && -z $(ls -A "$storage/build" 2>/dev/null) ]] \
        || die "clean-room-warm: 'greenlight caches prune go' left the cache's contents in $storage: $(ls -A "$storage" "$storage/mod" 2>&1 | head -n 5 | tr '\n' ' ')"
    timed_hyperfine clean-room-cold "$GO_COLD_RUNS" 0 --prepare "$prepare" \
        "greenlight check --tier clean-room --no-cache, cold cache" "$gl_cmd" \
        "go test -count=1 ./... in the workspace, cold caches" "$direct_cmd"
    log="$(last_run_log "$repo")"
    grep -q 'go: downloading example.com/dep1' <<<"$log" \
        || die "clean-room-warm: a clean-room run after 'greenlight caches prune go' did not download the modules; its log: $log"

    local gl_warm gl_cold
    gl_warm="$(median clean-room-warm "greenlight check --tier clean-room --no-cache, warm cache")"
    gl_cold="$(median clean-room-cold "greenlight check --tier clean-room --no-cache, cold cache")"
    row "clean-room-warm (\`go test -count=1 ./...\`, 3 dependencies, warm cache)" "$gl_warm" \
        "the same \`go test\` in the workspace, warm GOMODCACHE/GOCACHE" \
        "$(median clean-room-warm "go test -count=1 ./... in the workspace, warm caches")" s "ratio<=1.2" "ratio ≤ 1.2"
    row "clean-room-warm, cold (caches emptied before each run)" "$gl_cold" \
        "the same \`go test\` in the workspace, caches emptied" \
        "$(median clean-room-cold "go test -count=1 ./... in the workspace, cold caches")" s "" "information: the first run"
    row "clean-room-warm, cold (caches emptied before each run)" "$gl_cold" "greenlight, warm cache" "$gl_warm" s "" \
        "information: what the cache saves"
    writable_rm "$direct_cache"
}

# ---------------------------------------------------------------------------- 8. clean-room-parallel

# Two clean-room steps of 3 s each with clean_room.parallel: true (each in its own sandbox and
# checkout) against greenlight running one of them alone; the same two steps in order
# (parallel: false, the default) as information.
bench_clean_room_parallel() {
    say "clean-room-parallel: two 'sleep 3' clean-room steps at once vs one alone (runs: $CR_PAR_RUNS)"
    local base="$WORK/clean-room-parallel" name
    rm -rf "$base"
    mkdir -p "$base"
    local -A config
    config[parallel]='clean_room:
  parallel: true
  steps:
    - name: a
      run: sleep 3
    - name: b
      run: sleep 3
notes:
  sync: false
'
    config[alone]='clean_room:
  steps:
    - name: a
      run: sleep 3
notes:
  sync: false
'
    config[sequential]='clean_room:
  parallel: false
  steps:
    - name: a
      run: sleep 3
    - name: b
      run: sleep 3
notes:
  sync: false
'
    for name in parallel alone sequential; do
        scratch_repo "$base/$name"
        printf '%s' "${config[$name]}" >"$base/$name/.greenlight.yml"
        commit_all "$base/$name" "bench: clean-room-parallel, $name"
        must_pass "greenlight check --tier clean-room --no-cache ($name)" bash -c "cd '$base/$name' && '$GL' check --tier clean-room --no-cache"
        grep -q 'clean-room: pass' "$WORK/last-output.txt" \
            || die "clean-room-parallel: greenlight's clean room did not pass ($name): $(head -n 5 "$WORK/last-output.txt")"
    done

    timed_hyperfine clean-room-parallel "$CR_PAR_RUNS" 1 \
        "greenlight, 2 steps, parallel: true" "cd '$base/parallel' && '$GL' check --tier clean-room --no-cache" \
        "greenlight, the slower step alone" "cd '$base/alone' && '$GL' check --tier clean-room --no-cache" \
        "greenlight, 2 steps, parallel: false" "cd '$base/sequential' && '$GL' check --tier clean-room --no-cache"
    local gl
    gl="$(median clean-room-parallel "greenlight, 2 steps, parallel: true")"
    row "clean-room-parallel (2 × \`sleep 3\`)" "$gl" "greenlight, the slower step alone" \
        "$(median clean-room-parallel "greenlight, the slower step alone")" s "ratio<=1.1" "ratio ≤ 1.1"
    row "clean-room-parallel (2 × \`sleep 3\`)" "$gl" "greenlight, the same steps with parallel: false" \
        "$(median clean-room-parallel "greenlight, 2 steps, parallel: false")" s "" "information"
}

# ---------------------------------------------------------------------------- main

ensure_tools
ensure_venv
build_greenlight
mkdir -p "$WORK/tmp"

for comparison in "${SELECTED[@]}"; do
    case "$comparison" in
        cached-push) bench_cached_push ;;
        fast-parallel) bench_fast_parallel ;;
        notes-at-scale) bench_notes_at_scale ;;
        clean-room-checkout) bench_clean_room_checkout ;;
        memory-flood) bench_memory_flood ;;
        job-done-latency) bench_job_done_latency ;;
        clean-room-warm) bench_clean_room_warm ;;
        clean-room-parallel) bench_clean_room_parallel ;;
    esac
done

TABLE="$(python3 "$HELPERS" table "$ROWS")"
LOAD_END="$(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null || echo '?')"
version_of() { "$@" 2>&1 | head -n 1; }
CPU="$(grep -m1 'model name' /proc/cpuinfo 2>/dev/null | cut -d: -f2- | sed 's/^ *//' || true)"
MEM="$(free -h | awk '/^Mem:/ { printf "%s total, %s available", $2, $7 }')"
if ((QUICK)); then MODE="quick (--quick)"; else MODE="full"; fi
[[ -n $RUNS_OVERRIDE ]] && MODE="$MODE, --runs $RUNS_OVERRIDE"

{
    printf '# greenlight benchmark results\n\n'
    printf 'Produced by `bench/run.sh%s` on %s. The ratio is greenlight / peer: below 1 greenlight is faster.\n' \
        "$( ((QUICK)) && printf ' --quick'; [[ -n $RUNS_OVERRIDE ]] && printf ' --runs %s' "$RUNS_OVERRIDE"; ((FULL_SET)) || printf ' %s' "${SELECTED[*]}")" \
        "$(date -u '+%Y-%m-%d %H:%M UTC')"
    printf 'Absolute times on this shared machine are noise; the ratios, measured in one run, are the result.\n\n'
    printf '%s\n\n' "$TABLE"
    printf '## Setup\n\n'
    printf -- '- mode: %s; runs per command: cached-push %s, fast-parallel %s, notes-at-scale %s, clean-room-checkout %s, clean-room-warm %s (cold %s), clean-room-parallel %s, in up to %s hyperfine rounds (order reversed every other round; warmup %s per round, 1 for fast-parallel, clean-room-checkout, clean-room-warm and clean-room-parallel, none for the cold runs); memory-flood runs %s\n' \
        "$MODE" "$HOOK_RUNS" "$PAR_RUNS" "$SCALE_RUNS" "$CHECKOUT_RUNS" "$GO_RUNS" "$GO_COLD_RUNS" "$CR_PAR_RUNS" "$ROUNDS" "$WARMUP" "$FLOOD_RUNS"
    printf -- '- greenlight: %s, %s\n' "$(version_of "$GL" --version)" "$GREENLIGHT_SOURCE"
    printf -- '- machine: %s cores (nproc), %s; memory %s; %s\n' "$(nproc)" "${CPU:-unknown CPU}" "$MEM" "$(uname -sr)"
    printf -- '- load average (1, 5, 15 min): %s at the start, %s at the end (shared machine)\n' "$LOAD_START" "$LOAD_END"
    printf -- '- peers: prek %s; lefthook %s (its Go binary, called directly); pre-commit %s\n' \
        "$(version_of "$PREK" --version | sed 's/^prek //')" "$(version_of "$LEFTHOOK" version)" \
        "$(version_of "$PRE_COMMIT" --version | sed 's/^pre-commit //')"
    printf -- '- tools: %s; hyperfine %s; %s; GNU time %s\n' "$(git --version)" \
        "$(version_of hyperfine --version | sed 's/^hyperfine //')" "$(python3 --version 2>&1)" \
        "$(dpkg-query -W -f='${Version}' time 2>/dev/null || echo '?')"
    printf -- '- sizes: notes-at-scale %s commits; clean-room-checkout %s files; memory-flood %s bytes\n' "$COMMITS" "$FILES" "$FLOOD_BYTES"
    [[ -n $CHECKOUT_FS ]] && printf -- '- clean-room-checkout: every checkout made in %s (see bench/README.md)\n' "$CHECKOUT_FS"
    [[ -n $GO_VERSION ]] && printf -- '- clean-room-warm: %s; `go test -count=1 ./...` of a module importing 3 generated modules (%s of Go) served by a file-based module proxy, no network; the cold runs empty the caches before each run (`greenlight caches prune go`, `rm -rf` of the direct run'"'"'s)\n' "$GO_VERSION" "${GO_MODULE_LINES:-?}"
    printf '\n' 
    printf '## Every timed command\n\n'
    printf 'Wall-clock medians, and the mean CPU time (user + system, the command and its children) as a\n'
    printf 'second opinion where the machine was busy: CPU time is less sensitive to other load.\n\n'
    printf '| comparison | command | median | min | max | runs | user+sys (mean) |\n| --- | --- | --- | --- | --- | --- | --- |\n'
    awk -F'\t' '{
        if ($1 == "memory-flood") { unit = ($2 ~ /RSS/) ? " MiB" : ""; printf "| %s | %s | %s%s | | | %s | |\n", $1, $2, $3, unit, $6; next }
        printf "| %s | %s | %.1f ms | %.1f ms | %.1f ms | %s | %.1f ms |\n", $1, $2, $3 * 1000, $4 * 1000, $5 * 1000, $6, $7 * 1000
    }' "$MEDIANS"
    printf '\nWhat each comparison includes and excludes: bench/README.md.\n'
} >"$OUTPUT"

printf '\n%s\n\n' "$TABLE"
say "results written to ${OUTPUT#"$REPO_ROOT"/}"
