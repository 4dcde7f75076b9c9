/*
 * minicontainer-helper: executes a launch plan that Java compiled from an OCI config.json.
 *
 * The Java CLI writes the plan, then replaces itself with `minicontainer-helper run PLAN`, so the
 * CLI's process becomes the container's parent (the monitor): it receives the signals sent to the
 * CLI, forwards them, and exits with the container's status.
 *
 *   monitor (the CLI's pid)                    container (pid 1 in its namespaces)
 *   -----------------------                    -----------------------------------
 *   read plan, block forwarded signals
 *   clone(namespace flags) ------------------> wait on the sync pipe
 *   host-side setup (none yet)
 *   write "go" to the sync pipe -------------> steps in order: mounts, pivot_root, ...
 *                                               a failing step writes (index, errno) to the
 *   read the error pipe <--------------------- error pipe; exec closes it (O_CLOEXEC)
 *   EOF: running. forward signals, reap
 *   remove what the plan says, exit with 0-255 / 128+signal / 125-127 on a failed start
 */
#define _GNU_SOURCE
#include "plan.h"
#include "steps.h"
#include "inroot.h"

#include <errno.h>
#include <fcntl.h>
#include <ftw.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/signalfd.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <unistd.h>

enum { EXIT_ENGINE = 125, EXIT_CANNOT_EXEC = 126, EXIT_NOT_FOUND = 127 };

static const int FORWARDED[] = {SIGINT, SIGTERM, SIGHUP, SIGQUIT, SIGUSR1, SIGUSR2};

struct failure {
    uint32_t step;
    int32_t err;
};

static const struct step *find_step(const struct plan *plan, uint32_t op)
{
    for (uint32_t i = 0; i < plan->count; i++)
        if (plan->steps[i].op == op)
            return &plan->steps[i];
    return NULL;
}

static int remove_entry(const char *path, const struct stat *st, int type, struct FTW *ftw)
{
    (void)st, (void)type, (void)ftw;
    remove(path);
    return 0;
}

/* rm -rf that stays on one file system and never follows a symlink. */
static void remove_paths(const struct plan *plan, uint32_t op)
{
    for (uint32_t i = 0; i < plan->count; i++)
        if (plan->steps[i].op == op)
            nftw(plan->steps[i].args[1], remove_entry, 16, FTW_DEPTH | FTW_PHYS | FTW_MOUNT);
}

static _Noreturn void container_main(const struct plan *plan, int sync_fd, int error_fd)
{
    char go;
    if (read(sync_fd, &go, 1) != 1) /* the monitor died before setup finished */
        _exit(EXIT_ENGINE);
    const struct step *pivot = find_step(plan, OP_PIVOT_ROOT);
    if (pivot)
        inroot_set(pivot->args[1]);
    close(sync_fd);
    for (uint32_t i = 0; i < plan->count; i++) {
        const struct step *s = &plan->steps[i];
        if (s->op < OP_MOUNT)
            continue;
        int err = s->op == OP_EXEC ? exec_run(s) : step_run(s);
        if (err) {
            struct failure f = {i, err};
            if (write(error_fd, &f, sizeof f) != sizeof f)
                _exit(EXIT_ENGINE);
            _exit(EXIT_ENGINE);
        }
    }
    _exit(EXIT_ENGINE); /* a plan without an exec step */
}

static int report_failure(const struct plan *plan, struct failure f)
{
    const struct step *s = &plan->steps[f.step < plan->count ? f.step : 0];
    const char *reason = strerror(f.err);
    if (s->op != OP_EXEC) {
        fprintf(stderr, "minicontainer: %s: %s\n", s->args[0], reason);
        return EXIT_ENGINE;
    }
    const char *command = s->args[2 + step_num(s, 1)];
    if (f.err == ENOENT && !strchr(command, '/'))
        reason = "executable file not found in $PATH";
    fprintf(stderr, "minicontainer: %s: %s\n", s->args[0], reason);
    return f.err == ENOENT ? EXIT_NOT_FOUND : EXIT_CANNOT_EXEC;
}

static int status_to_exit_code(int status)
{
    return WIFSIGNALED(status) ? 128 + WTERMSIG(status) : WEXITSTATUS(status);
}

/* Until the container is reaped its pid cannot be reused, so kill() always hits the container. */
static int forward_signals_until_exit(pid_t child, const sigset_t *mask)
{
    int sfd = signalfd(-1, mask, SFD_CLOEXEC);
    for (;;) {
        struct signalfd_siginfo info;
        int status;
        if (waitpid(child, &status, WNOHANG) == child)
            return status_to_exit_code(status);
        if (sfd < 0 || read(sfd, &info, sizeof info) != sizeof info) {
            if (waitpid(child, &status, 0) == child) /* no signalfd: still reap */
                return status_to_exit_code(status);
            return EXIT_ENGINE;
        }
        if (info.ssi_signo != SIGCHLD)
            kill(child, info.ssi_signo);
    }
}

static int monitor(const struct plan *plan, const sigset_t *mask, int *started)
{
    const struct step *clone_step = find_step(plan, OP_CLONE);
    int sync_pipe[2], error_pipe[2];

    if (!clone_step || pipe2(sync_pipe, O_CLOEXEC) < 0 || pipe2(error_pipe, O_CLOEXEC) < 0) {
        fprintf(stderr, "minicontainer: prepare container: %s\n", strerror(errno ? errno : EINVAL));
        return EXIT_ENGINE;
    }
    pid_t child = syscall(SYS_clone, step_num(clone_step, 1) | SIGCHLD, NULL, NULL, NULL, NULL);
    if (child < 0) {
        fprintf(stderr, "minicontainer: %s: %s\n", clone_step->args[0], strerror(errno));
        return EXIT_ENGINE;
    }
    if (child == 0) {
        close(sync_pipe[1]);
        close(error_pipe[0]);
        container_main(plan, sync_pipe[0], error_pipe[1]);
    }
    close(sync_pipe[0]);
    close(error_pipe[1]);
    if (write(sync_pipe[1], "g", 1) != 1) /* host-side setup is done: let the container start */
        kill(child, SIGKILL);
    close(sync_pipe[1]);

    struct failure f;
    ssize_t n = read(error_pipe[0], &f, sizeof f);
    close(error_pipe[0]);
    if (n == sizeof f) {
        waitpid(child, NULL, 0);
        return report_failure(plan, f);
    }
    *started = 1;
    return forward_signals_until_exit(child, mask);
}

int main(int argc, char **argv)
{
    /* First of all: a signal for the CLI that arrives from now on is queued, then forwarded to
     * the container, never the default action that would leave the container's files behind. */
    sigset_t mask;
    sigemptyset(&mask);
    for (size_t i = 0; i < sizeof FORWARDED / sizeof FORWARDED[0]; i++)
        sigaddset(&mask, FORWARDED[i]);
    sigaddset(&mask, SIGCHLD);
    sigprocmask(SIG_SETMASK, &mask, NULL);
    struct plan plan;
    if (argc != 3 || strcmp(argv[1], "run") != 0) {
        fprintf(stderr, "usage: minicontainer-helper run PLAN (started by minicontainer)\n");
        return EXIT_ENGINE;
    }
    if (plan_read(argv[2], &plan) < 0) {
        fprintf(stderr, "minicontainer: read launch plan %s: %s\n", argv[2], strerror(errno));
        return EXIT_ENGINE;
    }
    /* the JVM's descriptors (jar files, the plan's memfd) are of no use to the monitor */
    syscall(SYS_close_range, 3, ~0U, 0);
    int started = 0;
    int code = monitor(&plan, &mask, &started);
    if (!started)
        remove_paths(&plan, OP_REMOVE_ON_FAILURE);
    remove_paths(&plan, OP_REMOVE_ON_EXIT);
    return code;
}
