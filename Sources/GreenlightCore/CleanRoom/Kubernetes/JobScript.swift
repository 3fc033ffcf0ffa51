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
    /// own in the checkout volume (where the init container never wrote), the steps in order.
    static let steps = #"""
        set -u
        say() { printf 'greenlight: %s\n' "$*"; }
        export HOME="$GREENLIGHT_WORKSPACE/home"
        mkdir -p "$HOME"
        cd "$GREENLIGHT_WORKSPACE/src" || { say "setup failed: no checkout in $GREENLIGHT_WORKSPACE/src"; exit 98; }
        i=0
        while [ "$i" -lt "$GREENLIGHT_STEP_COUNT" ]; do
            eval "name=\"\${GREENLIGHT_STEP_${i}_NAME}\""
            eval "run=\"\${GREENLIGHT_STEP_${i}_RUN}\""
            say "step $name: start"
            start="$(date +%s)"
            /bin/sh -c "$run"
            status=$?
            say "step $name: exit $status after $(( $(date +%s) - start ))s"
            if [ "$status" -ne 0 ]; then exit "$status"; fi
            i=$((i + 1))
        done
        say "all steps passed"
        """#
}
