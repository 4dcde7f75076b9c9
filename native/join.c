/*
 * `minicontainer-helper exec PLAN`: a new process inside a running container, as docker exec.
 * The CLI's own process joins the container's namespaces and stays the new process's parent:
 *
 *   CLI (the JVM's pid, then this helper)                     the new process
 *   ---------------------------------------                   ---------------
 *   remove the plan file (it is in memory; after setns the host's paths are out of reach)
 *   pidfd_open(container pid), same start time? (pid reuse)
 *   setns(pidfd, its namespaces): one call, all or none
 *   fork: children are born in the container's pid namespace ---> setsid, stdin, user, chdir, caps
 *   [-t: receive the master] <------------------------------------ [a pty in the container's /dev/pts]
 *   read the error pipe <----------------------------------------- exec closes it: EOF means running
 *   -d: exit 0 (the process goes on in its own session)
 *   attached: forward signals, reap, exit with its code           its stdout/stderr are the CLI's
 *   -t: relay our terminal (raw with -i) and its size <---------> its terminal
 *
 * No parent death signal: when the container's pid 1 dies, the kernel kills the whole namespace.
 * With -t this process holds the master: when it goes, the process sees its terminal hang up (as
 * under ssh), so exec -t has no detach keys.
 */
#define _GNU_SOURCE
#include "helper.h"
#include "terminal.h"

#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <sched.h>
#include <stdio.h>
#include <string.h>
#include <sys/signalfd.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <unistd.h>

#ifndef SYS_pidfd_open
#define SYS_pidfd_open 434
#endif

/* A network namespace the engine made belongs to the host's user namespace: joined first, while
 * still root there; entering the container's user namespace (--userns=auto) first would forbid it. */
static int setns_all(int pidfd, int flags)
{
    if ((flags & CLONE_NEWUSER) && (flags & CLONE_NEWNET)) {
        if (setns(pidfd, CLONE_NEWNET) < 0)
            return -1;
        flags &= ~CLONE_NEWNET;
    }
    return setns(pidfd, flags);
}

/* pidfd first, then the start time: if the pid was reused before the open, the times differ. */
static int join_namespaces(const struct step *join)
{
    pid_t pid = (pid_t)step_num(join, 1);
    int pidfd = (int)syscall(SYS_pidfd_open, pid, 0);
    if (pidfd < 0)
        return -1;
    int rc = -1;
    if (process_start_ticks(pid) != step_num(join, 2))
        errno = ESRCH;
    else
        rc = setns_all(pidfd, (int)step_num(join, 3));
    int err = errno;
    close(pidfd);
    errno = err;
    return rc;
}

/* -d: nothing of the CLI's stays open in the process, so a caller reading our output sees EOF. */
static void use_dev_null(int null)
{
    for (int fd = 0; fd < 3; fd++)
        dup2(null, fd);
}

enum { DRAIN_AFTER_EXIT_MS = 2000 };

static int reaped(pid_t child)
{
    int status;
    if (waitpid(child, &status, WNOHANG) != child)
        return -1;
    return WIFSIGNALED(status) ? 128 + WTERMSIG(status) : WEXITSTATUS(status);
}

/* Until the process is reaped its pid cannot be reused, so kill() always reaches it. */
static int forward_until_exit(pid_t child, int sfd)
{
    for (;;) {
        struct signalfd_siginfo info;
        if (read(sfd, &info, sizeof info) != sizeof info)
            continue;
        if (info.ssi_signo != SIGCHLD && info.ssi_signo != SIGWINCH)
            kill(child, (int)info.ssi_signo);
        int code = reaped(child);
        if (code >= 0)
            return code;
    }
}

static void on_signal(int sfd, int master)
{
    struct signalfd_siginfo info;
    struct winsize ws;
    if (read(sfd, &info, sizeof info) != sizeof info || info.ssi_signo == SIGCHLD)
        return;
    if (info.ssi_signo != SIGWINCH)
        die_of_signal((int)info.ssi_signo); /* keys are what reaches the process; it sees the hangup */
    if (master >= 0 && user_window_size(&ws))
        ioctl(master, TIOCSWINSZ, &ws);
}

/* exec -t: our terminal (raw with -i) and the process's, until it is reaped and its output read. */
static int relay_terminal(pid_t child, int master, int sfd, int send_stdin)
{
    static char chunk[8192];
    int code = -1;
    if (send_stdin)
        raw_mode_enter();
    while (code < 0 || master >= 0) {
        struct pollfd fds[3] = {{sfd, POLLIN, 0}, {master, POLLIN, 0}, {send_stdin ? 0 : -1, POLLIN, 0}};
        if (poll(fds, 3, code < 0 ? -1 : DRAIN_AFTER_EXIT_MS) == 0)
            break; /* a background job of its own still holds the terminal */
        if (fds[0].revents)
            on_signal(sfd, master);
        if (code < 0)
            code = reaped(child);
        if (fds[1].revents) {
            ssize_t n = read(master, chunk, sizeof chunk);
            if (n > 0) {
                write_all(1, chunk, (size_t)n);
            } else if (n == 0 || errno != EAGAIN) { /* EIO: nobody has the slave open any more */
                close(master);
                master = -1;
            }
        }
        if (fds[2].revents) {
            ssize_t n = read(0, chunk, sizeof chunk);
            if (n > 0 && master >= 0)
                write_input(master, chunk, (size_t)n);
            else if (n <= 0)
                send_stdin = 0;
        }
    }
    raw_mode_leave();
    return code;
}

int exec_in_container(const struct plan *plan)
{
    remove_paths(plan, OP_REMOVE_ON_EXIT);
    const struct step *join = find_step(plan, OP_JOIN);
    int detached = find_step(plan, OP_DETACH) != NULL;
    sigset_t mask;
    forwarded_signals(&mask); /* already blocked by main: queued until read here */
    int sfd = signalfd(-1, &mask, SFD_CLOEXEC);
    int null = open("/dev/null", O_RDWR | O_CLOEXEC); /* the host's: the container may lack one */
    int error_pipe[2], channel[2];
    if (!join || sfd < 0 || null < 0 || pipe2(error_pipe, O_CLOEXEC) < 0 || terminal_channel(plan, channel) < 0) {
        fprintf(stderr, "minicontainer: prepare exec: %s\n", strerror(join ? errno : EINVAL));
        return EXIT_ENGINE;
    }
    char failure[512];
    if (cgroup_enter(plan, getpid(), failure, sizeof failure) < 0) { /* host paths: before setns */
        fputs(failure, stderr);
        return EXIT_ENGINE;
    }
    if (join_namespaces(join) < 0) {
        fprintf(stderr, "minicontainer: %s: %s\n", join->args[0], strerror(errno));
        return EXIT_ENGINE;
    }
    terminal_note_size();
    pid_t child = fork();
    if (child < 0) {
        fprintf(stderr, "minicontainer: fork: %s\n", strerror(errno));
        return EXIT_ENGINE;
    }
    if (child == 0) {
        close(error_pipe[0]);
        close(channel[0]);
        terminal_set_channel(channel[1]);
        if (detached)
            use_dev_null(null);
        run_steps(plan, error_pipe[1]);
    }
    close(error_pipe[1]);
    close(channel[1]);
    int code = await_exec(plan, child, error_pipe[0], failure, sizeof failure);
    if (code) {
        fputs(failure, stderr);
        return code;
    }
    if (detached)
        return 0;
    if (channel[0] < 0)
        return forward_until_exit(child, sfd);
    int master = terminal_receive(channel[0]);
    close(channel[0]);
    return relay_terminal(child, master, sfd, find_step(plan, OP_SEND_STDIN) != NULL);
}
