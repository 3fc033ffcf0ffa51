#include "greenlight_fastpath.h"

#include <stdio.h>
#include <string.h>
#include <sys/stat.h>

int gl_fastpath_config_line(const char *path, char *out, size_t size) {
    struct stat info;
    if (stat(path, &info) != 0 || !S_ISREG(info.st_mode)) return -1;
    int length = snprintf(out, size, GL_FASTPATH_CONFIG "%llu %llu %lld %lld %ld %lld %ld", (unsigned long long)info.st_dev,
                          (unsigned long long)info.st_ino, (long long)info.st_size, (long long)info.st_mtim.tv_sec,
                          (long)info.st_mtim.tv_nsec, (long long)info.st_ctim.tv_sec, (long)info.st_ctim.tv_nsec);
    if (length < 0 || (size_t)length >= size) return -1;
    return length;
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
