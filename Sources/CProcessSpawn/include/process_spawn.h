#ifndef GREENLIGHT_PROCESS_SPAWN_H
#define GREENLIGHT_PROCESS_SPAWN_H

#include <sys/types.h>

/// Starts `path` with `argv`/`envp` in `directory`, as the leader of a new process
/// group, signals reset to their defaults and unblocked, stdin from /dev/null and
/// both stdout and stderr on `output_fd`, every other descriptor closed (glibc's
/// posix_spawn_file_actions_addclosefrom_np, glibc 2.34+). Returns 0 and sets `*pid`, or an errno.
int greenlight_spawn(const char *path, char *const argv[], char *const envp[],
                     const char *directory, int output_fd, pid_t *pid);

/// pipe2(fds, O_CLOEXEC): neither end leaks into other children started meanwhile.
int greenlight_pipe_cloexec(int fds[2]);

#endif
