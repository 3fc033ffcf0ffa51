/// The shell shims greenlight installs. The same text is kept in `hooks/` at the root of
/// greenlight's sources (a test holds them equal); `@GREENLIGHT@` becomes the absolute
/// path of the binary that installed them.
public enum HookScript {
    /// The line that tells greenlight a file is its own.
    public static let marker = "# greenlight-managed-hook"

    public static let prePushTemplate = #"""
        #!/bin/sh
        # greenlight-managed-hook: pre-push (written by `greenlight install`; `greenlight uninstall` removes it)
        # Refuses the push unless every pushed commit has a greenlight pass. Details: greenlight pre-push --help
        # The binary is the one `greenlight install` ran as, by absolute path: no environment
        # variable or PATH entry (which a step or a coder controls) can stand in for it.
        greenlight="@GREENLIGHT@"
        if [ ! -x "$greenlight" ]; then
            echo "greenlight: push refused: this repository's pre-push hook runs $greenlight, which is not there (moved or uninstalled)." >&2
            echo "greenlight: run \`greenlight install\` again with the greenlight you use now, or remove the hook: rm \"$0\"" >&2
            exit 1
        fi
        # greenlight-fastpath answers at once when every pushed commit already passed; else it runs greenlight.
        fast="$(dirname "$greenlight")/greenlight-fastpath"
        [ -x "$fast" ] || fast=""
        chained="$(dirname "$0")/pre-push.greenlight-chained"
        if [ -x "$chained" ]; then
            # The hook that was here before greenlight runs first, with the same arguments and input.
            input="$(mktemp "${TMPDIR:-/tmp}/greenlight-pre-push.XXXXXX")" || exit 1
            trap 'rm -f "$input"' EXIT
            cat > "$input"
            "$chained" "$@" < "$input" || {
                status=$?
                echo "greenlight: the pre-existing pre-push hook ($chained) refused the push (exit $status)" >&2
                exit $status
            }
            if [ -n "$fast" ]; then "$fast" "$greenlight" "$@" < "$input"; else "$greenlight" pre-push -- "$@" < "$input"; fi
            exit $?
        fi
        if [ -n "$fast" ]; then exec "$fast" "$greenlight" "$@"; fi
        exec "$greenlight" pre-push -- "$@"

        """#

    public static let ghTemplate = #"""
        #!/bin/sh
        # greenlight-managed-hook: gh (put this directory before the real gh on PATH)
        # `gh pr create` goes through `greenlight pr create`, which gates the commit first;
        # every other gh command goes straight to the real gh.
        self="$(cd "$(dirname "$0")" && pwd -P)/$(basename "$0")"
        real=""
        old_ifs="$IFS"; IFS=:
        for dir in $PATH; do
            [ -n "$dir" ] && [ -x "$dir/gh" ] || continue
            candidate="$(cd "$dir" && pwd -P)/gh"
            [ "$candidate" = "$self" ] && continue
            grep -q "greenlight-managed-hook: gh" "$candidate" 2>/dev/null && continue
            real="$candidate"; break
        done
        IFS="$old_ifs"
        if [ -z "$real" ]; then
            echo "greenlight: no real gh found on PATH besides this shim ($self)" >&2
            exit 127
        fi
        if [ "$1" = "pr" ] && [ "$2" = "create" ]; then
            shift 2
            greenlight="@GREENLIGHT@"
            if [ ! -x "$greenlight" ]; then
                echo "greenlight: the gh shim runs $greenlight, which is not there; run \`greenlight install --gh\` again" >&2
                exit 1
            fi
            GREENLIGHT_REAL_GH="$real" exec "$greenlight" pr create "$@"
        fi
        exec "$real" "$@"

        """#

    public static let postCommitTemplate = #"""
        #!/bin/sh
        # greenlight-managed-hook: post-commit (written by `greenlight install --rehearse`; `greenlight uninstall` removes it)
        # Starts the gate of the new commit in the background, so the verdict is usually there by the
        # time it is pushed; a newer commit's rehearsal cancels this one. Never blocks or fails the commit.
        greenlight="@GREENLIGHT@"
        chained="$(dirname "$0")/post-commit.greenlight-chained"
        status=0
        if [ -x "$chained" ]; then
            "$chained" "$@" || status=$?
        fi
        if [ -x "$greenlight" ]; then
            "$greenlight" rehearse --quiet >/dev/null 2>&1 || true
        fi
        exit $status

        """#

    /// The post-commit rehearsal hook for a given greenlight binary.
    public static func postCommit(binary: String) -> String {
        postCommitTemplate.replacingOccurrences(of: "@GREENLIGHT@", with: binary)
    }

    /// The pre-push hook for a given greenlight binary.
    public static func prePush(binary: String) -> String {
        prePushTemplate.replacingOccurrences(of: "@GREENLIGHT@", with: binary)
    }

    /// The gh shim for a given greenlight binary.
    public static func gh(binary: String) -> String {
        ghTemplate.replacingOccurrences(of: "@GREENLIGHT@", with: binary)
    }
}
