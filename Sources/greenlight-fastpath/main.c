// greenlight-fastpath: the pre-push hook's answer when there is nothing to do.
//
// The hook shim runs this first, as `greenlight-fastpath <greenlight> <remote> [<url>]`
// with git's pre-push input on stdin. It answers "pass" at once only when the full
// greenlight binary has already decided, in the files described in
// <greenlight_fastpath.h>, that every commit of this push passed under the current gate
// definition and that no verdict notes need pushing. It makes no decision of its own:
// it parses the four fields of each input line, lets deletions and refs/notes/* through
// (as the full binary does), and treats every other ref as gated (more conservative than
// hooks.pre_push.refs). Anything it cannot vouch for goes to `greenlight pre-push` with
// the whole input, byte for byte. When it cannot hand the input on intact (out of memory,
// no temporary file, exec failure), it refuses the push: it never passes on a partial input.
// No Swift runtime, Foundation, libgit2 or TLS library is loaded on this path.
#define _GNU_SOURCE
#include <errno.h>
#include <limits.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include "greenlight_fastpath.h"

static char *input;
static size_t input_length;

/// Refuses the push: the hook's non-zero exit stops git.
static int refuse(const char *why) {
    fprintf(stderr, "greenlight: push refused: %s (the fast path could not hand the push to greenlight intact; "
                    "retry, or run `GREENLIGHT_NO_FASTPATH=1 git push`)\n", why);
    return 1;
}

static int write_all(int fd, const char *data, size_t length) {
    size_t written = 0;
    while (written < length) {
        ssize_t n = write(fd, data + written, length - written);
        if (n < 0) {
            if (errno == EINTR) continue;
            return -1;
        }
        written += (size_t)n;
    }
    return 0;
}

/// Runs `greenlight pre-push <remote> [<url>]` in this process with the whole input on stdin.
static int hand_over(char *greenlight, int argc, char **argv) {
    int fd = memfd_create("greenlight-pre-push", MFD_CLOEXEC);
    if (fd < 0) {
        FILE *file = tmpfile();
        if (!file) return refuse("cannot create a temporary file for the push's refs");
        fd = dup(fileno(file));
        fclose(file);
        if (fd < 0) return refuse("cannot create a temporary file for the push's refs");
    }
    if (write_all(fd, input, input_length) != 0) return refuse("cannot write the push's refs to a temporary file");
    if (lseek(fd, 0, SEEK_SET) != 0 || dup2(fd, 0) != 0) return refuse("cannot replay the push's refs");
    close(fd);
    // "--": a remote may be named like an option (`git remote add -- -h URL`); it must stay an argument.
    char *args[] = {greenlight, "pre-push", "--", argv[2], argc > 3 ? argv[3] : NULL, NULL};
    execv(greenlight, args);
    fprintf(stderr, "greenlight: cannot run %s: %s\n", greenlight, strerror(errno));
    return 1;
}

/// The whole of stdin, however large; -1 when it cannot be held.
static int read_input(void) {
    size_t capacity = 64 * 1024;
    input = malloc(capacity + 1);
    if (!input) return -1;
    for (;;) {
        if (input_length == capacity) {
            if (capacity > SIZE_MAX / 2 - 1) return -1;
            char *grown = realloc(input, capacity * 2 + 1);
            if (!grown) return -1;
            input = grown;
            capacity *= 2;
        }
        ssize_t n = read(0, input + input_length, capacity - input_length);
        if (n < 0) {
            if (errno == EINTR) continue;
            return -1;
        }
        if (n == 0) break;
        input_length += (size_t)n;
    }
    input[input_length] = 0;
    return 0;
}

/// A whole small file as a NUL-terminated string; NULL when absent, unreadable, larger than
/// `limit`, or containing a NUL byte.
static char *read_file(const char *path, size_t limit) {
    FILE *file = fopen(path, "re");
    if (!file) return NULL;
    char *buffer = malloc(limit + 1);
    size_t length = buffer ? fread(buffer, 1, limit + 1, file) : 0;
    int failed = !buffer || ferror(file) || length > limit;
    fclose(file);
    if (failed) {
        free(buffer);
        return NULL;
    }
    buffer[length] = 0;
    if (strlen(buffer) != length) {
        free(buffer);
        return NULL;
    }
    return buffer;
}

/// The next line of `*cursor` (split on '\n' only, terminated in place); NULL at the end.
static char *next_line(char **cursor) {
    char *line = *cursor;
    if (!line || !*line) return NULL;
    char *newline = strchr(line, '\n');
    if (newline) {
        *newline = 0;
        *cursor = newline + 1;
    } else {
        *cursor = line + strlen(line);
    }
    return line;
}

/// Whether a file written per <greenlight_fastpath.h> holds exactly `line` as one of its lines.
static int has_line(const char *text, const char *line) {
    size_t length = strlen(line);
    for (const char *at = text; (at = strstr(at, line)) != NULL; at++) {
        if ((at == text || at[-1] == '\n') && at[length] == '\n') return 1;
    }
    return 0;
}


/// snprintf into a PATH_MAX buffer that fails (-1) instead of truncating: a truncated path
/// would name another directory.
#define PATH_FORMAT(out, ...) \
    do { \
        int written_ = snprintf(out, PATH_MAX, __VA_ARGS__); \
        if (written_ < 0 || written_ >= PATH_MAX) return -1; \
    } while (0)

static void strip_newline(char *text) {
    size_t length = strlen(text);
    if (length > 0 && text[length - 1] == '\n') text[length - 1] = 0;
}

/// Finds the git directory and the common directory the way git sets them up for a hook:
/// GIT_DIR when set, else `.git` (a directory, or a file `gitdir: <path>`) above the working directory.
static int locate(char *git_dir, char *common_dir, char *work_tree) {
    const char *env = getenv("GIT_DIR");
    if (!getcwd(work_tree, PATH_MAX)) return -1;
    if (env && *env) {
        if (env[0] == '/') PATH_FORMAT(git_dir, "%s", env);
        else PATH_FORMAT(git_dir, "%s/%s", work_tree, env);
        const char *tree = getenv("GIT_WORK_TREE");
        if (tree && *tree) PATH_FORMAT(work_tree, "%s", tree);
    } else {
        char candidate[PATH_MAX];
        struct stat info;
        for (;;) {
            PATH_FORMAT(candidate, "%s/.git", work_tree);
            if (stat(candidate, &info) == 0) break;
            char *slash = strrchr(work_tree, '/');
            if (!slash || slash == work_tree) return -1;
            *slash = 0;
        }
        if (S_ISDIR(info.st_mode)) {
            PATH_FORMAT(git_dir, "%s", candidate);
        } else {
            char *text = read_file(candidate, PATH_MAX);
            if (!text || strncmp(text, "gitdir: ", 8) != 0) {
                free(text);
                return -1;
            }
            strip_newline(text);
            char target[PATH_MAX];
            int written = text[8] == '/' ? snprintf(target, PATH_MAX, "%s", text + 8)
                                         : snprintf(target, PATH_MAX, "%s/%s", work_tree, text + 8);
            free(text);
            if (written < 0 || written >= PATH_MAX) return -1;
            memcpy(git_dir, target, (size_t)written + 1);
        }
    }
    char path[PATH_MAX];
    PATH_FORMAT(path, "%s/commondir", git_dir);
    char *common = read_file(path, PATH_MAX);
    if (common) {
        strip_newline(common);
        char target[PATH_MAX];
        int written = common[0] == '/' ? snprintf(target, PATH_MAX, "%s", common)
                                       : snprintf(target, PATH_MAX, "%s/%s", git_dir, common);
        free(common);
        if (written < 0 || written >= PATH_MAX) return -1;
        memcpy(common_dir, target, (size_t)written + 1);
    } else {
        PATH_FORMAT(common_dir, "%s", git_dir);
    }
    return 0;
}

/// The commit the notes ref points at (loose, else packed-refs) in `out` (41 bytes),
/// GL_FASTPATH_NO_NOTES when it does not exist; -1 when it cannot be told (a symbolic ref, a
/// malformed file): the caller then falls back.
static int read_notes_tip(const char *common_dir, char *out) {
    char state[PATH_MAX];
    if (gl_fastpath_ref_state(common_dir, GL_FASTPATH_NOTES_REF, state, sizeof state) < 0) return -1;
    if (strcmp(state, "none") == 0) {
        memcpy(out, GL_FASTPATH_NO_NOTES, 41);
        return 0;
    }
    if (!gl_fastpath_is_hex40(state, strlen(state))) return -1;
    memcpy(out, state, 41);
    return 0;
}

/// Whether every ref named in `ref <name> <state>` lines of the definition is in one of the
/// states listed for it (the trusted ref and the refs consulted to find it have not moved, or
/// moved to a commit the full binary already knew has the same definition): 1 yes, 0 no or
/// cannot tell.
static int refs_unchanged(const char *definition, const char *common_dir) {
    size_t prefix = strlen(GL_FASTPATH_REF);
    for (const char *line = definition; line && *line; line = strchr(line, '\n') ? strchr(line, '\n') + 1 : NULL) {
        if (strncmp(line, GL_FASTPATH_REF, prefix) != 0) continue;
        const char *name = line + prefix;
        const char *space = strchr(name, ' ');
        const char *end = strchr(name, '\n');
        if (!space || !end || space > end || (size_t)(space - name) >= PATH_MAX) return 0;
        char ref[PATH_MAX], state[PATH_MAX];
        size_t name_length = (size_t)(space - name);
        memcpy(ref, name, name_length);
        ref[name_length] = 0;
        if (gl_fastpath_ref_state(common_dir, ref, state, sizeof state) < 0) return 0;
        // Any `ref <name> <state>` line for this name with the current state will do.
        size_t state_length = strlen(state);
        int matched = 0;
        for (const char *other = definition; other && *other && !matched;
             other = strchr(other, '\n') ? strchr(other, '\n') + 1 : NULL) {
            if (strncmp(other, GL_FASTPATH_REF, prefix) == 0 && strncmp(other + prefix, ref, name_length) == 0 &&
                other[prefix + name_length] == ' ' && strncmp(other + prefix + name_length + 1, state, state_length) == 0 &&
                other[prefix + name_length + 1 + state_length] == '\n')
                matched = 1;
        }
        if (!matched) return 0;
    }
    return 1;
}

/// Whether a file starts with the header of this version and holds `notes <tip>`.
static int is_current(const char *text, const char *notes_line) {
    size_t header = strlen(GL_FASTPATH_HEADER);
    return strncmp(text, GL_FASTPATH_HEADER, header) == 0 && text[header] == '\n' && has_line(text, notes_line);
}

int main(int argc, char **argv) {
    if (argc < 3 || argc > 4) {
        fprintf(stderr, "usage: greenlight-fastpath <greenlight binary> <remote> [<url>] < pre-push input\n");
        return 2;
    }
    char *greenlight = argv[1];
    if (getenv("GREENLIGHT_NO_FASTPATH")) {
        // Nothing read yet: the full binary gets git's stdin itself.
        char *args[] = {greenlight, "pre-push", "--", argv[2], argc > 3 ? argv[3] : NULL, NULL};
        execv(greenlight, args);
        fprintf(stderr, "greenlight: cannot run %s: %s\n", greenlight, strerror(errno));
        return 1;
    }
    if (read_input() != 0) return refuse("cannot read all of the push's refs into memory");

    static char git_dir[PATH_MAX], common_dir[PATH_MAX], work_tree[PATH_MAX];
    if (locate(git_dir, common_dir, work_tree) != 0) return hand_over(greenlight, argc, argv);

    // The gate definition the full binary last decided, for this worktree and this .greenlight.yml.
    char path[PATH_MAX * 2 + 256];
    snprintf(path, sizeof path, "%s/%s", git_dir, GL_FASTPATH_DEFINITION_FILE);
    char *definition = read_file(path, 1024 * 1024);
    if (!definition) return hand_over(greenlight, argc, argv);
    char config_line[256], gitconfig_line[256];
    snprintf(path, sizeof path, "%s/%s", work_tree, GL_FASTPATH_CONFIG_FILE);
    if (gl_fastpath_stat_line(GL_FASTPATH_CONFIG, path, config_line, sizeof config_line) < 0) return hand_over(greenlight, argc, argv);
    snprintf(path, sizeof path, "%s/config", common_dir);
    if (gl_fastpath_stat_line(GL_FASTPATH_GITCONFIG, path, gitconfig_line, sizeof gitconfig_line) < 0)
        return hand_over(greenlight, argc, argv);
    char *worktree_line = malloc(strlen(GL_FASTPATH_WORKTREE) + strlen(work_tree) + 1);
    if (!worktree_line) return hand_over(greenlight, argc, argv);
    sprintf(worktree_line, "%s%s", GL_FASTPATH_WORKTREE, work_tree);
    // The definition was decided for pushes to this remote (its trusted ref depends on it).
    size_t remote_key_size = 2 * strlen(argv[2]) + 1;
    char *remote_line = malloc(strlen(GL_FASTPATH_REMOTE) + remote_key_size);
    if (!remote_line) return hand_over(greenlight, argc, argv);
    strcpy(remote_line, GL_FASTPATH_REMOTE);
    if (gl_fastpath_remote_key(argv[2], remote_line + strlen(GL_FASTPATH_REMOTE), remote_key_size) < 0)
        return hand_over(greenlight, argc, argv);
    if (strncmp(definition, GL_FASTPATH_HEADER "\n", strlen(GL_FASTPATH_HEADER) + 1) != 0 ||
        !has_line(definition, worktree_line) || !has_line(definition, config_line) ||
        !has_line(definition, gitconfig_line) || !has_line(definition, remote_line) || !refs_unchanged(definition, common_dir))
        return hand_over(greenlight, argc, argv);

    // The required "pass <tier> <digest>" lines, one per "require <tier> <digest>".
    size_t require_count = 0, require_capacity = 4;
    char **required = malloc(require_capacity * sizeof *required);
    if (!required) return hand_over(greenlight, argc, argv);
    char *cursor = definition;
    for (char *line; (line = next_line(&cursor)) != NULL;) {
        if (strncmp(line, GL_FASTPATH_REQUIRE, strlen(GL_FASTPATH_REQUIRE)) != 0) continue;
        if (require_count == require_capacity) {
            require_capacity *= 2;
            char **grown = realloc(required, require_capacity * sizeof *required);
            if (!grown) return hand_over(greenlight, argc, argv);
            required = grown;
        }
        char *pass = malloc(strlen(GL_FASTPATH_PASS) + strlen(line) + 1);
        if (!pass) return hand_over(greenlight, argc, argv);
        sprintf(pass, "%s%s", GL_FASTPATH_PASS, line + strlen(GL_FASTPATH_REQUIRE));
        required[require_count++] = pass;
    }
    if (require_count == 0) return hand_over(greenlight, argc, argv);

    char tip[41];
    if (read_notes_tip(common_dir, tip) != 0) return hand_over(greenlight, argc, argv);
    char notes_line[64];
    snprintf(notes_line, sizeof notes_line, "%s%s", GL_FASTPATH_NOTES, tip);

    // Every line: deletions and notes pass; every other ref needs a current pass for every tier.
    char *lines = malloc(input_length + 1);
    if (!lines) return hand_over(greenlight, argc, argv);
    memcpy(lines, input, input_length + 1);
    if (strlen(lines) != input_length) return hand_over(greenlight, argc, argv);  // a NUL byte in the input
    size_t gated = 0;
    char last_vouched[41] = "";
    char summary[1024] = "";
    cursor = lines;
    for (char *line; (line = next_line(&cursor)) != NULL;) {
        if (*line == 0) continue;
        // Exactly "<local ref> SP <40 hex> SP <remote ref> SP <40 hex>", nothing else.
        char *fields[4];
        fields[0] = line;
        for (int i = 1; i < 4; i++) {
            char *space = strchr(fields[i - 1], ' ');
            if (!space) return hand_over(greenlight, argc, argv);
            *space = 0;
            fields[i] = space + 1;
        }
        for (int i = 0; i < 4; i++) {
            if (*fields[i] == 0 || strpbrk(fields[i], " \t\r\v\f")) return hand_over(greenlight, argc, argv);
        }
        if (!gl_fastpath_is_hex40(fields[1], strlen(fields[1])) || !gl_fastpath_is_hex40(fields[3], strlen(fields[3])))
            return hand_over(greenlight, argc, argv);
        if (strspn(fields[1], "0") == 40) continue;  // a deletion
        if (strncmp(fields[2], "refs/notes/", 11) == 0) continue;
        gated++;
        if (gated <= 3) {
            size_t used = strlen(summary);
            snprintf(summary + used, sizeof summary - used, "%s%.12s %.200s", used ? "; " : "", fields[1], fields[2]);
        }
        if (strcmp(fields[1], last_vouched) == 0) continue;
        snprintf(path, sizeof path, "%s/%s/%s", common_dir, GL_FASTPATH_COMMITS_DIR, fields[1]);
        char *recorded = read_file(path, 64 * 1024);
        if (!recorded || !is_current(recorded, notes_line)) return hand_over(greenlight, argc, argv);
        for (size_t i = 0; i < require_count; i++) {
            if (!has_line(recorded, required[i])) return hand_over(greenlight, argc, argv);
        }
        free(recorded);
        memcpy(last_vouched, fields[1], 41);
    }

    // Verdict notes this remote does not have yet: the full binary pushes them.
    if (gated > 0) {
        size_t key_size = 2 * strlen(argv[2]) + 1;
        char *key = malloc(key_size);
        if (!key || gl_fastpath_remote_key(argv[2], key, key_size) < 0) return hand_over(greenlight, argc, argv);
        char *remote_path = malloc(strlen(common_dir) + strlen(GL_FASTPATH_REMOTES_DIR) + key_size + 3);
        if (!remote_path) return hand_over(greenlight, argc, argv);
        sprintf(remote_path, "%s/%s/%s", common_dir, GL_FASTPATH_REMOTES_DIR, key);
        char *remote = read_file(remote_path, 4096);
        if (!remote || !is_current(remote, notes_line)) return hand_over(greenlight, argc, argv);
    }
    if (gated == 0) {
        fprintf(stderr, "greenlight: nothing to gate in this push\n");
    } else if (gated <= 3) {
        fprintf(stderr, "greenlight: pass (cached, fast path): %s\n", summary);
    } else {
        fprintf(stderr, "greenlight: pass (cached, fast path): %s; and %zu more\n", summary, gated - 3);
    }
    return 0;
}
