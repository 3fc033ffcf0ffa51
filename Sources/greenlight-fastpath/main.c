// greenlight-fastpath: the pre-push hook's answer when there is nothing to do.
//
// The hook shim runs this first. It reads git's pre-push input and answers "pass"
// at once when every gated commit has a pass recorded for every configured tier
// under the current gate definition, and the verdict notes need no push. It knows
// this from files the full greenlight binary writes (a cache of what the notes say):
//   <git dir>/greenlight-fastpath      the gate definition: .greenlight.yml's stat,
//                                      ref patterns, notes sync, tier digests
//   <common dir>/greenlight/fastpath/<sha>   "<tier> <digest>" per recorded pass
// Anything it cannot vouch for, it hands to the full binary unchanged (input
// replayed on stdin): it can only say "pass" for what greenlight already decided.
// No Swift runtime, Foundation, libgit2 or TLS library is loaded on this path.
#define _GNU_SOURCE
#include <ctype.h>
#include <errno.h>
#include <fnmatch.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#define INPUT_LIMIT (4 * 1024 * 1024)
#define MAX_LIST 64

static char *input;
static size_t input_length;

/// Hands everything to the full binary: `greenlight pre-push <remote> [url]` with the input on stdin.
static int fall_back(char *greenlight, int argc, char **argv) {
    int fd = memfd_create("greenlight-pre-push", 0);
    if (fd >= 0) {
        size_t written = 0;
        while (written < input_length) {
            ssize_t n = write(fd, input + written, input_length - written);
            if (n < 0) { if (errno == EINTR) continue; break; }
            written += (size_t)n;
        }
        lseek(fd, 0, SEEK_SET);
        dup2(fd, 0);
        close(fd);
    }
    char *args[8];
    int count = 0;
    args[count++] = greenlight;
    args[count++] = "pre-push";
    for (int i = 2; i < argc && count < 7; i++) args[count++] = argv[i];
    args[count] = NULL;
    execv(greenlight, args);
    fprintf(stderr, "greenlight: cannot run %s: %s\n", greenlight, strerror(errno));
    return 1;
}

static char *read_file(const char *path, size_t limit) {
    FILE *file = fopen(path, "re");
    if (!file) return NULL;
    char *buffer = malloc(limit + 1);
    size_t length = buffer ? fread(buffer, 1, limit, file) : 0;
    fclose(file);
    if (!buffer) return NULL;
    buffer[length] = 0;
    return buffer;
}

static void chomp(char *text) {
    size_t length = strlen(text);
    while (length > 0 && (text[length - 1] == '\n' || text[length - 1] == '\r' || text[length - 1] == ' ')) text[--length] = 0;
}

/// Finds the git directory and the common directory the way git does for a hook:
/// GIT_DIR when set, else `.git` (a directory, or a file `gitdir: <path>`) above the working directory.
static int locate(char *git_dir, char *common_dir, char *work_tree) {
    const char *env = getenv("GIT_DIR");
    if (!getcwd(work_tree, PATH_MAX)) return -1;
    if (env && *env) {
        if (env[0] == '/') snprintf(git_dir, PATH_MAX, "%s", env);
        else snprintf(git_dir, PATH_MAX, "%s/%s", work_tree, env);
        const char *tree = getenv("GIT_WORK_TREE");
        if (tree && *tree) snprintf(work_tree, PATH_MAX, "%s", tree);
    } else {
        char candidate[PATH_MAX];
        struct stat info;
        for (;;) {
            snprintf(candidate, sizeof candidate, "%s/.git", work_tree);
            if (stat(candidate, &info) == 0) break;
            char *slash = strrchr(work_tree, '/');
            if (!slash || slash == work_tree) return -1;
            *slash = 0;
        }
        if (S_ISDIR(info.st_mode)) {
            snprintf(git_dir, PATH_MAX, "%s", candidate);
        } else {
            char *text = read_file(candidate, PATH_MAX);
            if (!text || strncmp(text, "gitdir: ", 8) != 0) { free(text); return -1; }
            chomp(text);
            if (text[8] == '/') snprintf(git_dir, PATH_MAX, "%s", text + 8);
            else snprintf(git_dir, PATH_MAX, "%s/%s", work_tree, text + 8);
            free(text);
        }
    }
    char path[PATH_MAX + 16];
    snprintf(path, sizeof path, "%s/commondir", git_dir);
    char *common = read_file(path, PATH_MAX);
    if (common) {
        chomp(common);
        if (common[0] == '/') snprintf(common_dir, PATH_MAX, "%s", common);
        else snprintf(common_dir, PATH_MAX, "%s/%s", git_dir, common);
        free(common);
    } else {
        snprintf(common_dir, PATH_MAX, "%s", git_dir);
    }
    return 0;
}

/// The commit a ref points at (loose, else packed-refs), in `out` (41 bytes); -1 when absent.
static int read_ref(const char *common_dir, const char *ref, char *out) {
    char path[PATH_MAX * 2];
    snprintf(path, sizeof path, "%s/%s", common_dir, ref);
    char *loose = read_file(path, 128);
    if (loose) {
        chomp(loose);
        int ok = strlen(loose) == 40;
        if (ok) memcpy(out, loose, 41);
        free(loose);
        return ok ? 0 : -1;
    }
    snprintf(path, sizeof path, "%s/packed-refs", common_dir);
    FILE *packed = fopen(path, "re");
    if (!packed) return -1;
    char line[PATH_MAX];
    int found = -1;
    while (fgets(line, sizeof line, packed)) {
        chomp(line);
        if (strlen(line) > 41 && line[40] == ' ' && strcmp(line + 41, ref) == 0) {
            memcpy(out, line, 40);
            out[40] = 0;
            found = 0;
            break;
        }
    }
    fclose(packed);
    return found;
}

static int is_hex40(const char *text) {
    for (int i = 0; i < 40; i++) if (!isxdigit((unsigned char)text[i]) || isupper((unsigned char)text[i])) return 0;
    return text[40] == 0;
}

int main(int argc, char **argv) {
    if (argc < 3) {
        fprintf(stderr, "usage: greenlight-fastpath <greenlight binary> <remote> [<url>] < pre-push input\n");
        return 2;
    }
    char *greenlight = argv[1];
    input = malloc(INPUT_LIMIT + 1);
    if (!input) return fall_back(greenlight, argc, argv);
    for (;;) {
        ssize_t n = read(0, input + input_length, INPUT_LIMIT - input_length);
        if (n < 0) { if (errno == EINTR) continue; break; }
        if (n == 0 || input_length + (size_t)n >= INPUT_LIMIT) { if (n > 0) input_length += (size_t)n; break; }
        input_length += (size_t)n;
    }
    input[input_length] = 0;
    if (getenv("GREENLIGHT_NO_FASTPATH")) return fall_back(greenlight, argc, argv);

    static char git_dir[PATH_MAX], common_dir[PATH_MAX], work_tree[PATH_MAX];
    if (locate(git_dir, common_dir, work_tree) != 0) return fall_back(greenlight, argc, argv);

    // The gate definition the full binary last loaded, valid only while .greenlight.yml is unchanged.
    char path[PATH_MAX * 2];
    snprintf(path, sizeof path, "%s/greenlight-fastpath", git_dir);
    char *config = read_file(path, 64 * 1024);
    if (!config) return fall_back(greenlight, argc, argv);
    snprintf(path, sizeof path, "%s/.greenlight.yml", work_tree);
    struct stat info;
    if (stat(path, &info) != 0) return fall_back(greenlight, argc, argv);
    char expected_stat[256];
    snprintf(expected_stat, sizeof expected_stat, "stat %lu %lu %lld %lld %ld", (unsigned long)info.st_dev,
             (unsigned long)info.st_ino, (long long)info.st_size, (long long)info.st_mtim.tv_sec, info.st_mtim.tv_nsec);
    char *patterns[MAX_LIST], *tiers[MAX_LIST];
    int pattern_count = 0, tier_count = 0, sync = 1, version_ok = 0, stat_ok = 0, tree_ok = 0;
    for (char *line = strtok(config, "\n"); line; line = strtok(NULL, "\n")) {
        if (strcmp(line, "greenlight-fastpath 1") == 0) version_ok = 1;
        else if (strcmp(line, expected_stat) == 0) stat_ok = 1;
        else if (strncmp(line, "worktree ", 9) == 0) tree_ok = strcmp(line + 9, work_tree) == 0;
        else if (strcmp(line, "sync 0") == 0) sync = 0;
        else if (strncmp(line, "ref ", 4) == 0 && pattern_count < MAX_LIST) patterns[pattern_count++] = line + 4;
        else if (strncmp(line, "tier ", 5) == 0 && tier_count < MAX_LIST) tiers[tier_count++] = line + 5;
    }
    if (!version_ok || !stat_ok || !tree_ok || tier_count == 0) return fall_back(greenlight, argc, argv);

    // Every gated commit must have a recorded pass for every tier ("<tier> <digest>").
    char summary[4096] = "";
    int gated = 0;
    char *copy = strdup(input);
    for (char *line = strtok(copy, "\n"); line; line = strtok(NULL, "\n")) {
        char local_ref[PATH_MAX], local_sha[64], remote_ref[PATH_MAX], remote_sha[64];
        if (strspn(line, " \t\r") == strlen(line)) continue;
        if (sscanf(line, "%4095s %63s %4095s %63s", local_ref, local_sha, remote_ref, remote_sha) != 4 || !is_hex40(local_sha))
            return fall_back(greenlight, argc, argv);
        if (strspn(local_sha, "0") == 40 || strncmp(remote_ref, "refs/notes/", 11) == 0) continue;
        int matched = 0;
        for (int i = 0; i < pattern_count && !matched; i++) matched = fnmatch(patterns[i], remote_ref, 0) == 0;
        if (!matched) continue;
        snprintf(path, sizeof path, "%s/greenlight/fastpath/%s", common_dir, local_sha);
        char *recorded = read_file(path, 64 * 1024);
        if (!recorded) return fall_back(greenlight, argc, argv);
        for (int i = 0; i < tier_count; i++) {
            char wanted[256];
            snprintf(wanted, sizeof wanted, "%s\n", tiers[i]);
            int found = strncmp(recorded, wanted, strlen(wanted)) == 0;
            char needle[260];
            snprintf(needle, sizeof needle, "\n%s", wanted);
            if (!found && !strstr(recorded, needle)) { free(recorded); return fall_back(greenlight, argc, argv); }
        }
        free(recorded);
        gated++;
        size_t used = strlen(summary);
        snprintf(summary + used, sizeof summary - used, "%s%.12s %s", used ? "; " : "", local_sha, remote_ref);
    }
    free(copy);

    // Verdict notes that were never pushed to this remote: the full binary pushes them.
    if (sync && gated > 0) {
        char notes[64], synced[64], component[96];
        size_t length = 0;
        for (const char *c = argv[2]; *c && length < 80; c++)
            component[length++] = (isalnum((unsigned char)*c) || *c == '-' || *c == '_') && (unsigned char)*c < 128 ? *c : '_';
        component[length] = 0;
        char synced_ref[256];
        snprintf(synced_ref, sizeof synced_ref, "refs/greenlight/synced-notes/%s", component);
        if (read_ref(common_dir, "refs/notes/greenlight", notes) != 0 || read_ref(common_dir, synced_ref, synced) != 0 ||
            strcmp(notes, synced) != 0)
            return fall_back(greenlight, argc, argv);
    }
    if (gated == 0) fprintf(stderr, "greenlight: nothing to gate in this push\n");
    else fprintf(stderr, "greenlight: pass (cached, fast path): %s\n", summary);
    return 0;
}
