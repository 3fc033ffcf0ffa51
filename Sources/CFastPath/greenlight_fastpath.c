#define _GNU_SOURCE
#include "greenlight_fastpath.h"

#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/types.h>

int gl_fastpath_stat_line(const char *prefix, const char *path, char *out, size_t size) {
    struct stat info;
    int length;
    if (stat(path, &info) != 0) {
        if (errno != ENOENT && errno != ENOTDIR) return -1;
        length = snprintf(out, size, "%snone", prefix);
    } else {
        if (!S_ISREG(info.st_mode)) return -1;
        length = snprintf(out, size, "%s%llu %llu %lld %lld %ld %lld %ld", prefix, (unsigned long long)info.st_dev,
                          (unsigned long long)info.st_ino, (long long)info.st_size, (long long)info.st_mtim.tv_sec,
                          (long)info.st_mtim.tv_nsec, (long long)info.st_ctim.tv_sec, (long)info.st_ctim.tv_nsec);
    }
    if (length < 0 || (size_t)length >= size) return -1;
    return length;
}

int gl_fastpath_is_hex40(const char *text, size_t length) {
    if (length != 40) return 0;
    for (size_t i = 0; i < 40; i++) {
        char c = text[i];
        if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) return 0;
    }
    return 1;
}

int gl_fastpath_ref_state(const char *common_dir, const char *name, char *out, size_t size) {
    char path[PATH_MAX];
    if (strstr(name, "..") || snprintf(path, sizeof path, "%s/%s", common_dir, name) >= (int)sizeof path) return -1;
    FILE *loose = fopen(path, "re");
    if (loose) {
        char line[PATH_MAX];
        int ok = fgets(line, sizeof line, loose) != NULL;
        fclose(loose);
        if (!ok) return -1;
        size_t length = strcspn(line, "\n");
        line[length] = 0;
        int written;
        if (strncmp(line, "ref: ", 5) == 0) written = snprintf(out, size, "ref:%s", line + 5);
        else if (gl_fastpath_is_hex40(line, length)) written = snprintf(out, size, "%s", line);
        else return -1;
        return written < 0 || (size_t)written >= size ? -1 : written;
    }
    if (errno != ENOENT && errno != ENOTDIR) return -1;
    if (snprintf(path, sizeof path, "%s/packed-refs", common_dir) >= (int)sizeof path) return -1;
    FILE *packed = fopen(path, "re");
    const char *state = "none";
    char found[41];
    if (packed) {
        char *line = NULL;
        size_t capacity = 0;
        ssize_t length;
        size_t name_length = strlen(name);
        while ((length = getline(&line, &capacity, packed)) >= 0) {
            if (length > 0 && line[length - 1] == '\n') line[--length] = 0;
            if ((size_t)length == 41 + name_length && line[40] == ' ' && strcmp(line + 41, name) == 0 && gl_fastpath_is_hex40(line, 40)) {
                memcpy(found, line, 40);
                found[40] = 0;
                state = found;
                break;
            }
        }
        int failed = ferror(packed);
        free(line);
        fclose(packed);
        if (failed) return -1;
    } else if (errno != ENOENT) {
        return -1;
    }
    int written = snprintf(out, size, "%s", state);
    return written < 0 || (size_t)written >= size ? -1 : written;
}

int gl_fastpath_remote_key(const char *remote, char *out, size_t size) {
    static const char digits[] = "0123456789abcdef";
    size_t length = strlen(remote);
    if (length == 0 || size < 2 * length + 1) return -1;
    for (size_t i = 0; i < length; i++) {
        unsigned char byte = (unsigned char)remote[i];
        out[2 * i] = digits[byte >> 4];
        out[2 * i + 1] = digits[byte & 0xF];
    }
    out[2 * length] = 0;
    return (int)(2 * length);
}
