#define _GNU_SOURCE
#include "process_spawn.h"

#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <spawn.h>
#include <unistd.h>
#include <sys/prctl.h>
#include <pthread.h>

/// posix_spawn with signals reset and unblocked, stdin from /dev/null, stdout and stderr on the
/// given descriptors, `directory` as the working directory and every other descriptor closed;
/// `flags` adds POSIX_SPAWN_SETPGROUP (a new process group) or POSIX_SPAWN_SETSID (a new session).
static int spawn_with(short flags, const char *path, char *const argv[], char *const envp[],
                      const char *directory, int output_fd, int error_fd, pid_t *pid) {
    posix_spawn_file_actions_t actions;
    posix_spawnattr_t attributes;
    int result = posix_spawn_file_actions_init(&actions);
    if (result != 0) return result;
    result = posix_spawnattr_init(&attributes);
    if (result != 0) {
        posix_spawn_file_actions_destroy(&actions);
        return result;
    }

    sigset_t all_signals, no_signals;
    sigfillset(&all_signals);
    sigemptyset(&no_signals);
    if ((result = posix_spawnattr_setflags(&attributes, flags | POSIX_SPAWN_SETSIGDEF | POSIX_SPAWN_SETSIGMASK)) != 0) goto done;
    if ((flags & POSIX_SPAWN_SETPGROUP) && (result = posix_spawnattr_setpgroup(&attributes, 0)) != 0) goto done;
    if ((result = posix_spawnattr_setsigdefault(&attributes, &all_signals)) != 0) goto done;
    if ((result = posix_spawnattr_setsigmask(&attributes, &no_signals)) != 0) goto done;

    if ((result = posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)) != 0) goto done;
    if ((result = posix_spawn_file_actions_adddup2(&actions, output_fd, 1)) != 0) goto done;
    if ((result = posix_spawn_file_actions_adddup2(&actions, error_fd < 0 ? output_fd : error_fd, 2)) != 0) goto done;
    if (directory != NULL && (result = posix_spawn_file_actions_addchdir_np(&actions, directory)) != 0) goto done;
    // Nothing of greenlight's beyond stdin, stdout and stderr reaches a child: no open log, lock or
    // note file (a step could write through it, and a script file held open cannot be executed).
    if ((result = posix_spawn_file_actions_addclosefrom_np(&actions, 3)) != 0) goto done;

    result = posix_spawn(pid, path, &actions, &attributes, argv, envp);

done:
    posix_spawnattr_destroy(&attributes);
    posix_spawn_file_actions_destroy(&actions);
    return result;
}

int greenlight_spawn(const char *path, char *const argv[], char *const envp[],
                     const char *directory, int output_fd, int error_fd, pid_t *pid) {
    return spawn_with(POSIX_SPAWN_SETPGROUP, path, argv, envp, directory, output_fd, error_fd, pid);
}

int greenlight_spawn_session(const char *path, char *const argv[], char *const envp[],
                             const char *directory, int output_fd, pid_t *pid) {
    return spawn_with(POSIX_SPAWN_SETSID, path, argv, envp, directory, output_fd, -1, pid);
}

int greenlight_pipe_cloexec(int fds[2]) {
    return pipe2(fds, O_CLOEXEC) == 0 ? 0 : errno;
}

int greenlight_become_child_subreaper(void) {
    return prctl(PR_SET_CHILD_SUBREAPER, 1, 0, 0, 0) == 0 ? 0 : errno;
}

int greenlight_prepare_exec(void) {
    // Handlers do not survive execve, but ignored signals and the blocked mask do: a program
    // started from a Swift concurrency thread would otherwise begin with Ctrl-C blocked.
    for (int number = 1; number < NSIG; number++) {
        if (number == SIGKILL || number == SIGSTOP) continue;
        signal(number, SIG_DFL);
    }
    sigset_t none;
    sigemptyset(&none);
    int result = pthread_sigmask(SIG_SETMASK, &none, NULL);
    if (result != 0) return result;
    return prctl(PR_SET_CHILD_SUBREAPER, 0, 0, 0, 0) == 0 ? 0 : errno;
}
