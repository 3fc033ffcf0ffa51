/// The shell scripts the clean-room pod runs, one per container. Both are constant text:
/// the commit, the URLs and the steps reach them as environment variables, never pasted in.
///
/// - ``checkout`` runs in the init container (`JobManifest.checkoutContainerName`), the only
///   one that holds the git secret and the transport: it fetches the commit into the shared
///   checkout volume, prints `greenlight: checkout HEAD <sha> tree <sha>`, and refuses with
///   ``checkoutMismatch`` or ``transportFailure``. Kubernetes starts the step container only
///   once it has exited 0 (https://kubernetes.io/docs/concepts/workloads/pods/init-containers/).
/// - ``steps`` runs in the step container (`JobManifest.containerName`), which sees the
///   checkout and no credential, and prints `greenlight: step <name>: start` and
///   `greenlight: step <name>: exit <status> after <n>s` around each step.
///
/// `JobLogParser` reads these `greenlight: ` marker lines back.
enum JobScript {
    /// Exit status of the checkout container for "the checkout is not the commit that was asked for".
    static let checkoutMismatch: Int32 = 97
    /// Exit status of the checkout container for "the commit could not be fetched".
    static let transportFailure: Int32 = 98

    /// The init container's script. Its `HOME` is a volume only it mounts, so the credential
    /// helper it configures (and ssh's known_hosts) never reach the step container; it
    /// leaves no URL behind in the checkout (`FETCH_HEAD` and reflogs are removed).
    ///
    /// What reaches it from the workspace (the clone URL, the refs) is only ever an operand of
    /// git: every fetch ends its options with `--`, so a value starting with `-` cannot be an
    /// option (`--upload-pack=` runs a command), and every git command runs with hooks off
    /// (`core.hooksPath=/dev/null`) and the command-running transports refused (`ext::`, `fd::`).
    static let checkout = #"""
        set -u
        say() { printf 'greenlight: %s\n' "$*"; }
        g() { git -c core.hooksPath=/dev/null -c protocol.ext.allow=never -c protocol.fd.allow=never "$@"; }
        mkdir -p "$HOME" || { say "setup failed: cannot create HOME $HOME"; exit 98; }
        auth="${GREENLIGHT_GIT_AUTH:-}"
        if [ -n "$auth" ] && [ -f "$auth/.git-credentials" ]; then
            say "git credentials: .git-credentials from the git secret"
            g config --global credential.helper "store --file=$auth/.git-credentials" \
                || { say "setup failed: cannot configure the credential helper"; exit 98; }
        fi
        if [ -n "$auth" ] && [ -f "$auth/ssh-privatekey" ]; then
            say "git credentials: ssh-privatekey from the git secret"
            mkdir -p "$HOME/.ssh"
            export GIT_SSH_COMMAND="ssh -i $auth/ssh-privatekey -o StrictHostKeyChecking=accept-new -o UserKnownHostsFile=$HOME/.ssh/known_hosts"
        fi
        src="$GREENLIGHT_WORKSPACE/src"
        g init -q -- "$src" || { say "setup failed: git init"; exit 98; }
        cd "$src" || exit 98
        case "$GREENLIGHT_TRANSPORT" in
        bundle)
            if [ "${GREENLIGHT_BUNDLE_NEEDS_BASE:-0}" = 1 ]; then
                say "fetching the base from the clone URL"
                g fetch -q -- "$GREENLIGHT_CLONE_URL" '+refs/heads/*:refs/remotes/origin/*' \
                    || { say "setup failed: cannot fetch from the clone URL"; exit 98; }
            fi
            say "applying the bundle"
            g fetch -q -- "$GREENLIGHT_TRANSPORT_DIR/commit.bundle" "$GREENLIGHT_BUNDLE_REF:refs/greenlight/commit" \
                || { say "setup failed: cannot apply the bundle"; exit 98; }
            ;;
        ref)
            say "fetching $GREENLIGHT_FETCH_REF"
            g fetch -q -- "$GREENLIGHT_CLONE_URL" "+$GREENLIGHT_FETCH_REF:refs/greenlight/commit" \
                || { say "setup failed: cannot fetch $GREENLIGHT_FETCH_REF from the clone URL"; exit 98; }
            ;;
        *)
            say "setup failed: unknown transport $GREENLIGHT_TRANSPORT"; exit 98 ;;
        esac
        g -c advice.detachedHead=false checkout -q --detach "$GREENLIGHT_COMMIT" -- \
            || { say "setup failed: cannot check out the commit"; exit 98; }
        rm -rf .git/FETCH_HEAD .git/logs
        head="$(g rev-parse HEAD)"
        tree="$(g rev-parse 'HEAD^{tree}')"
        say "checkout HEAD $head tree $tree"
        if [ "$head" != "$GREENLIGHT_COMMIT" ] || [ "$tree" != "$GREENLIGHT_TREE" ]; then
            say "refusing to run: asked for commit $GREENLIGHT_COMMIT tree $GREENLIGHT_TREE"
            exit 97
        fi
        """#

    /// The step container's script: the checkout the init container made, a HOME of its
    /// own in the checkout volume (where the init container never wrote), the steps in order,
    /// each under its own `timeout` and `idle_timeout` (whole seconds, checked once a second),
    /// enforced here as the local backend does (and, as there, whatever a step leaves running is
    /// ended when it ends): with `on_timeout: diagnose` the test processes
    /// below the script (found through `/proc`) are asked for their state (`StateDump`'s
    /// signals); once they have exited, or after 5 seconds (those still running are then killed
    /// alone), and a second more for their parents to pass the output on, every process below
    /// the script gets SIGTERM and, 2 seconds later, SIGKILL. A step with an `idle_timeout` writes
    /// into a FIFO whose reader marks each line it passes on (idleness is measured in whole lines there).
    ///
    /// Markers: `step <name>: start`, `step <name>: timed out after <n>s (timeout|idle_timeout)`,
    /// `step <name>: asked for its state: …`, `step <name>: exit <status> after <n>s`, and for
    /// each fresh file matching the step's `reports`, `step <name>: report <path> begin`, its
    /// bytes in base64 (or as text without a base64 program), `step <name>: report end base64|text`.
    static let steps = #"""
        set -u
        say() { printf 'greenlight: %s\n' "$*"; }
        export HOME="$GREENLIGHT_WORKSPACE/home"
        mkdir -p "$HOME"
        cd "$GREENLIGHT_WORKSPACE/src" || { say "setup failed: no checkout in $GREENLIGHT_WORKSPACE/src"; exit 98; }
        work="$GREENLIGHT_WORKSPACE/.greenlight-steps"
        mkdir -p "$work" || { say "setup failed: cannot create $work"; exit 98; }
        below() {
            root=$1; pairs=""
            for stat in /proc/[0-9]*/stat; do
                read -r line 2>/dev/null < "$stat" || continue
                pid=${line%% *}; rest=${line##*) }
                set -- $rest
                [ "$1" = Z ] && continue
                pairs="$pairs $pid:$2"
            done
            found=" $root "; out=""; changed=1
            while [ "$changed" = 1 ]; do
                changed=0
                for pair in $pairs; do
                    pid=${pair%%:*}; parent=${pair#*:}
                    case "$found" in *" $parent "*) case "$found" in *" $pid "*) ;; *) found="$found$pid "; out="$out $pid"; changed=1 ;; esac ;; esac
                done
            done
            echo $out
        }
        program() {
            p=$(readlink "/proc/$1/exe" 2>/dev/null) || p=""
            [ -n "$p" ] || read -r p 2>/dev/null < "/proc/$1/comm" || p=""
            p=${p% (deleted)}; echo "${p##*/}"
        }
        kind() {
            case "$(program "$1")" in
            *.test)
                if tr '\0' '\n' 2>/dev/null < "/proc/$1/cmdline" | grep -q -e '^-ginkgo\.' -e '^--ginkgo\.'; then echo ginkgo; else echo go; fi ;;
            java) echo jvm ;;
            *.xctest|swiftpm-testing-helper)
                if tr '\0' '\n' 2>/dev/null < "/proc/$1/environ" | grep -q '^SWIFT_BACKTRACE=.*enable=yes'; then echo swift; fi ;;
            python|python[0-9]*)
                if tr '\0' '\n' 2>/dev/null < "/proc/$1/environ" | grep -q '^PYTHONFAULTHANDLER=.'; then echo python; fi ;;
            esac
        }
        ask_state() {
            : > "$work/asked"
            candidates=""
            for pid in $(below "$1"); do k=$(kind "$pid"); [ -n "$k" ] && candidates="$candidates $pid:$k"; done
            asked=""
            # Deepest first (below lists parents first), one at a time: dumps must not interleave.
            reversed=""
            for c in $candidates; do reversed="$c $reversed"; done
            for c in $reversed; do
                pid=${c%%:*}; k=${c#*:}
                case "$k" in go) sig=QUIT; what="go test binary" ;; ginkgo) sig=INT; what="Ginkgo suite" ;;
                    python) sig=ABRT; what=Python ;; jvm) sig=QUIT; what=JVM ;; swift) sig=ABRT; what="Swift tests" ;; esac
                prog=$(program "$pid")
                kill -s "$sig" "$pid" 2>/dev/null && asked="$asked; SIG$sig to $prog (pid $pid, $what)" && echo "$pid" >> "$work/asked"
                ! kill -0 "$pid" 2>/dev/null || sleep 1
            done
            echo "${asked#; }"
        }
        stop_all() {
            victims=""
            for p in $(below $$); do [ "$p" = "$1" ] || { kill -s TERM "$p" 2>/dev/null && victims="$victims $p"; }; done
            [ -n "$victims" ] || return 0
            sleep 2
            for p in $victims $(below $$); do [ "$p" = "$1" ] || kill -s KILL "$p" 2>/dev/null; done
        }
        send_reports() {
            [ -n "$2" ] || return 0
            old_ifs=$IFS; IFS='
        '
            sent='
        '
            for pattern in $2; do
                for f in $pattern; do
                    [ -f "$f" ] && ! [ "$work/start" -nt "$f" ] || continue
                    case "$sent" in *"
        $f
        "*) continue ;; esac
                    sent="$sent$f
        "
                    size=$(wc -c < "$f")
                    if [ "$size" -gt 8388608 ]; then say "step $1: report $f is $size bytes, over 8 MiB; not sent"; continue; fi
                    say "step $1: report $f begin"
                    if command -v base64 >/dev/null 2>&1; then base64 < "$f"; say "step $1: report end base64"
                    else cat "$f"; echo; say "step $1: report end text"; fi
                done
            done
            IFS=$old_ifs
        }
        launch() {
            # As the local backend does: with diagnose, a hung Python process answers SIGABRT with its tracebacks.
            if [ "$on_timeout" = diagnose ]; then
                [ -n "${PYTHONFAULTHANDLER:-}" ] || export PYTHONFAULTHANDLER=1
                [ -n "${SWIFT_BACKTRACE:-}" ] || export SWIFT_BACKTRACE=enable=yes,interactive=no,color=no,registers=none,images=none
            fi
            exec /bin/sh -c "$run"
        }
        i=0
        while [ "$i" -lt "$GREENLIGHT_STEP_COUNT" ]; do
            eval "name=\"\${GREENLIGHT_STEP_${i}_NAME}\""
            eval "run=\"\${GREENLIGHT_STEP_${i}_RUN}\""
            eval "limit=\"\${GREENLIGHT_STEP_${i}_TIMEOUT:-}\""
            eval "idle=\"\${GREENLIGHT_STEP_${i}_IDLE_TIMEOUT:-}\""
            eval "on_timeout=\"\${GREENLIGHT_STEP_${i}_ON_TIMEOUT:-diagnose}\""
            eval "reports=\"\${GREENLIGHT_STEP_${i}_REPORTS:-}\""
            say "step $name: start"
            : > "$work/start"
            rm -f "$work/line"
            start="$(date +%s)"
            reader=""
            if [ -n "$idle" ]; then
                # The step writes into a FIFO whose reader marks each line it passes on; the step
                # itself is what is waited for (a child it left behind may hold the FIFO open).
                # It stops at an end line the script writes once the step has exited, not at the
                # FIFO's end (a child left behind, reparented away from here, may hold it open);
                # a blank line just before the end line is the script's, and is dropped.
                rm -f "$work/fifo"
                mkfifo "$work/fifo" || { say "setup failed: cannot create a FIFO in $work"; exit 98; }
                # The script keeps a write end open itself (fd 9), so the reader never meets the
                # FIFO's end before the end line, however early the step exits.
                exec 9<>"$work/fifo"
                eos="greenlight: end of step output $$.$i.$start"
                {
                    blank=""
                    while IFS= read -r l; do
                        [ "$l" = "$eos" ] && exit 0
                        : > "$work/line"
                        [ -z "$blank" ] || printf '\n'
                        if [ -z "$l" ]; then blank=1; continue; fi
                        blank=""
                        printf '%s\n' "$l"
                    done
                    [ -z "$blank" ] || printf '\n'
                    [ -z "$l" ] || printf '%s\n' "$l"
                } < "$work/fifo" 9>&- &
                reader=$!
                (launch) > "$work/fifo" 2>&1 9>&- &
                pid=$!
            else
                (launch) &
                pid=$!
            fi
            fired=""; grace_until=""; last="$start"
            while kill -0 "$pid" 2>/dev/null; do
                sleep 1
                now="$(date +%s)"
                if [ -e "$work/line" ]; then rm -f "$work/line"; last="$now"; fi
                if [ -z "$fired" ]; then
                    if [ -n "$limit" ] && [ $((now - start)) -ge "$limit" ]; then fired=timeout; after=$limit
                    elif [ -n "$idle" ] && [ $((now - last)) -ge "$idle" ]; then fired=idle_timeout; after=$idle; fi
                    if [ -n "$fired" ]; then
                        say "step $name: timed out after ${after}s ($fired)"
                        asked=""
                        [ "$on_timeout" = diagnose ] && asked=$(ask_state $$)
                        if [ -n "$asked" ]; then say "step $name: asked for its state: $asked"; grace_until=$((now + 5))
                        else stop_all "$reader"; fi
                    fi
                elif [ -n "$grace_until" ]; then
                    # Those asked that go on after their dump are killed alone first, so that
                    # their parents (go test, swift test) still pass their output on.
                    alive=""
                    for p in $(cat "$work/asked" 2>/dev/null); do kill -0 "$p" 2>/dev/null && alive="$alive $p"; done
                    if [ -z "$alive" ] || [ "$now" -ge "$grace_until" ]; then
                        for p in $alive; do kill -s KILL "$p" 2>/dev/null; done
                        sleep 1; grace_until=""; stop_all "$reader"
                    fi
                fi
            done
            wait "$pid"
            status=$?
            if [ -n "$reader" ]; then
                printf '\n%s\n' "$eos" >&9
                wait "$reader"
                exec 9>&-
            fi
            # What the step left running does not outlive it (as on the local backend).
            stop_all ""
            if [ -n "$fired" ] && [ "$status" -eq 0 ]; then status=124; fi
            say "step $name: exit $status after $(( $(date +%s) - start ))s"
            send_reports "$name" "$reports"
            if [ "$status" -ne 0 ]; then exit "$status"; fi
            i=$((i + 1))
        done
        say "all steps passed"
        """#
}
