/// The shell script the clean-room container runs. It is constant text: the commit,
/// the URLs and the steps reach it as environment variables, never pasted into it.
///
/// It prints `greenlight: ` marker lines that `JobLogParser` reads back: the checkout
/// it made (HEAD and tree), and each step's start and exit status.
enum JobScript {
    /// Exit status for "the checkout is not the commit that was asked for".
    static let checkoutMismatch: Int32 = 97
    /// Exit status for "the commit could not be fetched".
    static let transportFailure: Int32 = 98

    static let text = #"""
        set -u
        say() { printf 'greenlight: %s\n' "$*"; }
        export HOME="$GREENLIGHT_WORKSPACE/home"
        mkdir -p "$HOME"
        auth="${GREENLIGHT_GIT_AUTH:-}"
        if [ -n "$auth" ] && [ -f "$auth/.git-credentials" ]; then
            git config --global credential.helper "store --file=$auth/.git-credentials"
        fi
        if [ -n "$auth" ] && [ -f "$auth/ssh-privatekey" ]; then
            export GIT_SSH_COMMAND="ssh -i $auth/ssh-privatekey -o StrictHostKeyChecking=accept-new"
        fi
        src="$GREENLIGHT_WORKSPACE/src"
        git init -q "$src" || { say "setup failed: git init"; exit 98; }
        cd "$src" || exit 98
        case "$GREENLIGHT_TRANSPORT" in
        bundle)
            if [ "${GREENLIGHT_BUNDLE_NEEDS_BASE:-0}" = 1 ]; then
                say "fetching the base from the clone URL"
                git fetch -q "$GREENLIGHT_CLONE_URL" '+refs/heads/*:refs/remotes/origin/*' \
                    || { say "setup failed: cannot fetch from the clone URL"; exit 98; }
            fi
            say "applying the bundle"
            git fetch -q "$GREENLIGHT_TRANSPORT_DIR/commit.bundle" "$GREENLIGHT_BUNDLE_REF:refs/greenlight/commit" \
                || { say "setup failed: cannot apply the bundle"; exit 98; }
            ;;
        ref)
            say "fetching $GREENLIGHT_FETCH_REF"
            git fetch -q "$GREENLIGHT_CLONE_URL" "+$GREENLIGHT_FETCH_REF:refs/greenlight/commit" \
                || { say "setup failed: cannot fetch $GREENLIGHT_FETCH_REF from the clone URL"; exit 98; }
            ;;
        *)
            say "setup failed: unknown transport $GREENLIGHT_TRANSPORT"; exit 98 ;;
        esac
        git -c advice.detachedHead=false checkout -q --detach "$GREENLIGHT_COMMIT" \
            || { say "setup failed: cannot check out the commit"; exit 98; }
        head="$(git rev-parse HEAD)"
        tree="$(git rev-parse 'HEAD^{tree}')"
        say "checkout HEAD $head tree $tree"
        if [ "$head" != "$GREENLIGHT_COMMIT" ] || [ "$tree" != "$GREENLIGHT_TREE" ]; then
            say "refusing to run: asked for commit $GREENLIGHT_COMMIT tree $GREENLIGHT_TREE"
            exit 97
        fi
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
