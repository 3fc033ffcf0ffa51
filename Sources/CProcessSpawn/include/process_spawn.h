#ifndef GREENLIGHT_PROCESS_SPAWN_H
#define GREENLIGHT_PROCESS_SPAWN_H

#include <sys/types.h>

/// Starts `path` with `argv`/`envp` in `directory`, as the leader of a new process
/// group, signals reset to their defaults and unblocked, stdin from /dev/null and
/// stdout on `output_fd` and stderr on `error_fd` (on `output_fd` too when `error_fd` is -1),
/// every other descriptor closed (glibc's posix_spawn_file_actions_addclosefrom_np, glibc
/// 2.34+). Returns 0 and sets `*pid`, or an errno.
int greenlight_spawn(const char *path, char *const argv[], char *const envp[],
                     const char *directory, int output_fd, int error_fd, pid_t *pid);

/// Starts `path` as greenlight's one process outside every process group it stops: the leader
/// of a new session (POSIX_SPAWN_SETSID: no controlling terminal, so neither Ctrl-C nor a closed
/// terminal reaches it), signals reset and unblocked, stdin from /dev/null, stdout and stderr on
/// `output_fd`, every other descriptor closed. Returns 0 and sets `*pid`, or an errno.
int greenlight_spawn_session(const char *path, char *const argv[], char *const envp[],
                             const char *directory, int output_fd, pid_t *pid);

/// prctl(PR_SET_CHILD_SUBREAPER, 1): orphaned descendants (a step's `setsid sleep &`) are
/// re-parented to this process instead of init, so they can be found and killed
/// (https://man7.org/linux/man-pages/man2/prctl.2.html). Returns 0 or an errno.
int greenlight_become_child_subreaper(void);

/// Readies this process to be replaced by execve (`greenlight push` becoming `git push`):
/// every signal back to its default action and unblocked on this thread, and no longer a
/// child subreaper, so the new program starts as if run from the shell. Returns 0 or an errno.
int greenlight_prepare_exec(void);

/// pipe2(fds, O_CLOEXEC): neither end leaks into other children started meanwhile.
int greenlight_pipe_cloexec(int fds[2]);

#endif
