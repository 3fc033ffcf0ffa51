#!/usr/bin/env bash
# One-command setup on a fresh Debian/Ubuntu machine, as root or as a user:
# installs libgit2-dev and bubblewrap when missing, builds greenlight in release mode and
# installs the binary into a bin directory on PATH.
#
#   ./install.sh                 # installs to /usr/local/bin as root, ~/.local/bin otherwise
#   PREFIX=/opt/greenlight ./install.sh   # installs to $PREFIX/bin
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
say() { printf 'install.sh: %s\n' "$*"; }
die() { printf 'install.sh: error: %s\n' "$*" >&2; exit 1; }

command -v swift >/dev/null 2>&1 || die "swift is not on PATH; install a Swift 6 toolchain first (https://www.swift.org/install/)"
command -v git >/dev/null 2>&1 || die "git is not on PATH; install git first"

# Debian packages greenlight needs: libgit2 (git through libgit2) and bubblewrap (the sealed
# local clean room; greenlight looks for bwrap in /usr/bin, /usr/local/bin and /bin only).
missing=""
pkg-config --exists libgit2 2>/dev/null || missing="$missing libgit2-dev pkg-config"
[ -x /usr/bin/bwrap ] || [ -x /usr/local/bin/bwrap ] || [ -x /bin/bwrap ] || missing="$missing bubblewrap"
# swift test checks signed verdicts against OpenSSL's Ed25519 (a third-party implementation).
command -v openssl >/dev/null 2>&1 || missing="$missing openssl"
if [ -n "$missing" ]; then
    say "installing missing packages with apt:$missing"
    sudo=""
    if [ "$(id -u)" -ne 0 ]; then
        command -v sudo >/dev/null 2>&1 || die "not root and no sudo: run 'apt-get install$missing' as root, then this script again"
        sudo="sudo"
    fi
    command -v apt-get >/dev/null 2>&1 || die "no apt-get: install$missing with your package manager, then run this script again"
    $sudo apt-get update -qq
    # shellcheck disable=SC2086
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq $missing >/dev/null
    pkg-config --exists libgit2 || die "libgit2-dev was installed but pkg-config still cannot find libgit2"
    [ -x /usr/bin/bwrap ] || [ -x /usr/local/bin/bwrap ] || [ -x /bin/bwrap ] || die "bubblewrap was installed but bwrap is not in /usr/bin"
fi
bwrap_bin="$(for candidate in /usr/bin/bwrap /usr/local/bin/bwrap /bin/bwrap; do [ -x "$candidate" ] && echo "$candidate" && break; done)"
if ! bwrap_check="$("$bwrap_bin" --unshare-user --unshare-pid --ro-bind / / --proc /proc -- /bin/true 2>&1)"; then
    say "warning: bubblewrap cannot create namespaces here (${bwrap_check%%$'\n'*}); the local clean room will refuse to run"
    say "         until unprivileged user namespaces are allowed, or a gate sets clean_room.isolation: best-effort"
fi
say "libgit2 $(pkg-config --modversion libgit2)"

say "building greenlight (swift build -c release; the first build fetches and compiles dependencies)"
(cd "$here" && swift build -c release --product greenlight && swift build -c release --product greenlight-fastpath)
bin_path="$(cd "$here" && swift build -c release --show-bin-path)"
binary="$bin_path/greenlight"
[ -x "$binary" ] || die "the build finished but $binary is missing"

# Test tooling, kept in an ignored virtualenv in this checkout (PyPI, pinned): `swift test`
# validates every manifest greenlight renders with kubernetes-validate --strict, and checks
# greenlight's signed verdicts with third-party DSSE and in-toto readers (securesystemslib,
# in-toto-attestation).
tools="$here/.build-tools/venv"
test_packages="kubernetes-validate==1.37.0 securesystemslib[crypto]==1.3.0 in-toto-attestation==0.9.3"
if [ ! -x "$tools/bin/kubernetes-validate" ] || ! "$tools/bin/python" -c "import securesystemslib.dsse, in_toto_attestation" >/dev/null 2>&1; then
    say "installing test tools ($test_packages) into $tools"
    if command -v python3 >/dev/null 2>&1 && python3 -m venv "$tools" >/dev/null 2>&1; then
        # shellcheck disable=SC2086 # the list is split on purpose
        "$tools/bin/pip" install -q --disable-pip-version-check $test_packages \
            || say "warning: could not install the test tools; the manifest and attestation interoperability tests will fail until they are installed"
    else
        say "warning: python3 with venv is missing (apt-get install python3-venv); the manifest and attestation tests need it"
    fi
fi

if [ -n "${PREFIX:-}" ]; then
    bindir="$PREFIX/bin"
elif [ "$(id -u)" -eq 0 ]; then
    bindir="/usr/local/bin"
else
    bindir="$HOME/.local/bin"
fi
mkdir -p "$bindir"
install -m 0755 "$binary" "$bindir/greenlight.new"
mv -f "$bindir/greenlight.new" "$bindir/greenlight"
# The pre-push hook's fast path lives next to greenlight (the hook looks for it there).
install -m 0755 "$bin_path/greenlight-fastpath" "$bindir/greenlight-fastpath.new"
mv -f "$bindir/greenlight-fastpath.new" "$bindir/greenlight-fastpath"
say "installed $bindir/greenlight ($("$bindir/greenlight" --version))"

case ":$PATH:" in
    *":$bindir:"*) ;;
    *) say "note: $bindir is not on your PATH; add it, e.g. echo 'export PATH=\"$bindir:\$PATH\"' >> ~/.profile" ;;
esac

cat <<'NEXT'

Next steps, in the repository you want to guard:
  greenlight init          # writes a starter .greenlight.yml for the project
  git add .greenlight.yml && git commit -m "Add greenlight gate"
  greenlight check         # fast tier, then the clean room; verdict in git notes
  greenlight status        # the recorded verdicts (also: git log --notes=greenlight)
  greenlight install       # gate every git push from this repository
  greenlight push          # gate, then push (recommended for coder agents)

Optional: gate `gh pr create` too, with the gh shim before the real gh on PATH:
  greenlight install --gh-shim "$HOME/.local/greenlight-shims"
  export PATH="$HOME/.local/greenlight-shims:$PATH"
NEXT
