/*
 * Starting a container: clone into new namespaces, let the child run the plan's steps, and learn
 * whether it reached exec. The child reports a failing step as (index, errno) on a pipe that exec
 * closes (O_CLOEXEC), so EOF on that pipe means the workload runs. `exec` (join.c) reuses both
 * halves for a process started inside a running container.
 */
#define _GNU_SOURCE
#include "helper.h"
#include "inroot.h"
#include "steps.h"
#include "terminal.h"
#include "userns.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <unistd.h>

struct failure {
    uint32_t step;
    int32_t err;
};

static void use_stdio(const int stdio[3])
{
    for (int fd = 0; fd < 3; fd++)
        if (stdio[fd] >= 0 && stdio[fd] != fd)
            dup2(stdio[fd], fd);
}

_Noreturn void run_steps(const struct plan *plan, int error_fd)
{
    for (uint32_t i = 0; i < plan->count; i++) {
        const struct step *s = &plan->steps[i];
        if (s->op < OP_MOUNT || s->op >= OP_NETNS_ON_EXIT)
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

static _Noreturn void container_main(const struct plan *plan, const int stdio[3], int sync_fd, int error_fd)
{
    char go;
    if (read(sync_fd, &go, 1) != 1) /* the monitor died before setup finished */
        _exit(EXIT_ENGINE);
    use_stdio(stdio);
    const struct step *pivot = find_step(plan, OP_PIVOT_ROOT);
    if (pivot)
        inroot_set(pivot->args[1]);
    close(sync_fd);
    run_steps(plan, error_fd);
}

static int describe_failure(const struct plan *plan, struct failure f, char *text, size_t len)
{
    const struct step *s = &plan->steps[f.step < plan->count ? f.step : 0];
    const char *reason = strerror(f.err);
    if (s->op != OP_EXEC) {
        snprintf(text, len, "minicontainer: %s: %s\n", s->args[0], reason);
        return EXIT_ENGINE;
    }
    const char *command = s->args[2 + step_num(s, 1)];
    if (f.err == ENOENT && !strchr(command, '/'))
        reason = "executable file not found in $PATH";
    snprintf(text, len, "minicontainer: %s: %s\n", s->args[0], reason);
    return f.err == ENOENT ? EXIT_NOT_FOUND : EXIT_CANNOT_EXEC;
}

int await_exec(const struct plan *plan, pid_t child, int error_fd, char *text, size_t len)
{
    struct failure f;
    ssize_t n = read(error_fd, &f, sizeof f);
    close(error_fd);
    if (n == sizeof f) {
        waitpid(child, NULL, 0);
        return describe_failure(plan, f, text, len);
    }
    return 0;
}

/* With OP_TERMINAL: the master the container sent before it exec'd, or it is killed. */
static int receive_terminal(pid_t child, int channel, int *terminal, char *text, size_t len)
{
    *terminal = terminal_receive(channel);
    if (*terminal >= 0)
        return 0;
    snprintf(text, len, "minicontainer: receive the container's terminal: %s\n", strerror(errno));
    kill(child, SIGKILL);
    waitpid(child, NULL, 0);
    return EXIT_ENGINE;
}

int start_container(const struct plan *plan, const int stdio[3], pid_t *child, int *terminal, char *text,
                    size_t len)
{
    const struct step *clone_step = find_step(plan, OP_CLONE);
    int sync_pipe[2], error_pipe[2], channel[2];

    *terminal = -1;
    if (!clone_step || pipe2(sync_pipe, O_CLOEXEC) < 0 || pipe2(error_pipe, O_CLOEXEC) < 0
        || terminal_channel(plan, channel) < 0) {
        snprintf(text, len, "minicontainer: prepare container: %s\n", strerror(errno ? errno : EINVAL));
        return EXIT_ENGINE;
    }
    if (userns_prepare(plan, text, len) < 0) {
        userns_after_clone(plan, 0, text + strlen(text), len - strlen(text));
        return EXIT_ENGINE;
    }
    *child = syscall(SYS_clone, step_num(clone_step, 1) | SIGCHLD, NULL, NULL, NULL, NULL);
    if (*child < 0) {
        int err = errno;
        userns_after_clone(plan, 0, text, len);
        snprintf(text, len, "minicontainer: %s: %s\n", clone_step->args[0], strerror(err));
        return EXIT_ENGINE;
    }
    if (*child == 0) {
        close(sync_pipe[1]);
        close(error_pipe[0]);
        close(channel[0]);
        terminal_set_channel(channel[1]);
        container_main(plan, stdio, sync_pipe[0], error_pipe[1]);
    }
    close(sync_pipe[0]);
    close(error_pipe[1]);
    close(channel[1]);
    if (userns_after_clone(plan, *child, text, len) < 0 || cgroup_enter(plan, *child, text, len) < 0) {
        kill(*child, SIGKILL); /* it has run nothing of its own yet */
        close(sync_pipe[1]);
        close(error_pipe[0]);
        close(channel[0]);
        waitpid(*child, NULL, 0);
        return EXIT_ENGINE;
    }
    if (write(sync_pipe[1], "g", 1) != 1) /* host-side setup is done: let the container start */
        kill(*child, SIGKILL);
    close(sync_pipe[1]);

    int code = await_exec(plan, *child, error_pipe[0], text, len);
    if (code == 0 && channel[0] >= 0)
        code = receive_terminal(*child, channel[0], terminal, text, len);
    if (channel[0] >= 0)
        close(channel[0]);
    return code;
}
