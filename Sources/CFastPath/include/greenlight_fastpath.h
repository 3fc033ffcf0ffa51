// The files greenlight-fastpath reads, defined once for both sides: the full greenlight
// binary (Swift, which imports this header as the CFastPath module) writes them, and
// greenlight-fastpath (C) only compares them. Change anything here and bump
// GL_FASTPATH_VERSION: a file with another version is never trusted, so an older or newer
// writer only costs a fall-back to the full binary, never a wrong answer.
//
// Layout (every file is lines ending in '\n'; the first line is GL_FASTPATH_HEADER):
//
//   <git dir>/greenlight-fastpath            the gate definition, per worktree:
//       greenlight-fastpath <version>
//       worktree <absolute working tree path>
//       remote <remote key>     (the remote the definition was decided for: its trusted ref depends on it)
//       config <dev> <ino> <size> <mtime s> <mtime ns> <ctime s> <ctime ns>  (.greenlight.yml's stat, or `config none`)
//       gitconfig <same fields>  (<common dir>/config's stat: greenlight.trustedRef lives there)
//       ref <full ref name> <state>  (every ref consulted to find the trusted ref: 40 hex,
//                                     `ref:<target>` for a symbolic ref, `none` when absent;
//                                     several lines for one name list states that all give
//                                     this same definition, e.g. the commit a push moves it to)
//       require <tier> <digest>                            (one per configured tier; at least one)
//
//   <common dir>/greenlight/fastpath/commits/<sha>   what the notes say about one commit:
//       greenlight-fastpath <version>
//       notes <notes tip>       (refs/notes/greenlight's commit when this was decided; 40 zeros: no notes)
//       pass <tier> <digest>    (one per tier whose counting verdict, by VerdictRule, is a pass)
//
//   <common dir>/greenlight/fastpath/remotes/<remote key>   the notes need no push to that remote:
//       greenlight-fastpath <version>
//       notes <notes tip>       (nothing to push while refs/notes/greenlight is at this commit)
//
// The fast path answers "pass" only when the definition matches this worktree and its
// .greenlight.yml, every gated line's commit file is stamped with the current notes tip
// and has a "pass" for every "require", and the remote's file is stamped with that tip.
// Every decision (which refs are gated, which verdict counts, whether notes must be
// pushed) was made by the full binary before it wrote these files.
#ifndef GREENLIGHT_FASTPATH_H
#define GREENLIGHT_FASTPATH_H

#include <stddef.h>

#define GL_FASTPATH_VERSION 3
#define GL_FASTPATH_HEADER "greenlight-fastpath 3"

/// File names, relative to the git directory (definition) or the common directory (the rest).
#define GL_FASTPATH_DEFINITION_FILE "greenlight-fastpath"
#define GL_FASTPATH_COMMITS_DIR "greenlight/fastpath/commits"
#define GL_FASTPATH_REMOTES_DIR "greenlight/fastpath/remotes"
/// The configuration file, relative to the working tree.
#define GL_FASTPATH_CONFIG_FILE ".greenlight.yml"
/// The notes ref whose tip stamps every commit and remote file.
#define GL_FASTPATH_NOTES_REF "refs/notes/greenlight"
/// The stamp written when the notes ref does not exist.
#define GL_FASTPATH_NO_NOTES "0000000000000000000000000000000000000000"

/// Line prefixes.
#define GL_FASTPATH_WORKTREE "worktree "
#define GL_FASTPATH_CONFIG "config "
#define GL_FASTPATH_GITCONFIG "gitconfig "
#define GL_FASTPATH_REMOTE "remote "
#define GL_FASTPATH_REF "ref "
#define GL_FASTPATH_REQUIRE "require "
#define GL_FASTPATH_NOTES "notes "
#define GL_FASTPATH_PASS "pass "

/// Writes `<prefix><stat fields>` (without newline) for the file at `path`, from stat(2)
/// (following a symbolic link, so an edit of its target counts), or `<prefix>none` when there
/// is no such file. Returns the line's length, or -1 when the file cannot be stat'ed for
/// another reason or is not a regular file, or `size` is too small.
int gl_fastpath_stat_line(const char *prefix, const char *path, char *out, size_t size);

/// Whether `text` is exactly 40 lowercase hex digits (`length` must be 40).
int gl_fastpath_is_hex40(const char *text, size_t length);

/// Writes the state of ref `name` as the files backend stores it under `common_dir`: the loose
/// file's 40 hex digits, `ref:<target>` for a symbolic ref, else packed-refs' value, else `none`.
/// Returns the length, or -1 when it cannot be told (a malformed file, an unreadable directory).
int gl_fastpath_ref_state(const char *common_dir, const char *name, char *out, size_t size);

/// Writes the file name under GL_FASTPATH_REMOTES_DIR for a remote as git names it to the
/// hook (its name, or its URL when pushing to a URL): the lowercase hex of its bytes, so any
/// byte sequence maps to one safe name. `out` must hold 2 * strlen(remote) + 1 bytes.
/// Returns the key's length, or -1 when `remote` is empty.
int gl_fastpath_remote_key(const char *remote, char *out, size_t size);

#endif
