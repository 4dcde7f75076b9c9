/*
 * The monitor: the container's parent for its whole life, in a session of its own so that neither
 * the CLI's death nor the loss of its terminal reaches it. It copies the container's output into
 * the log (and to the attached CLI, if any), passes signals on, reaps it, and records the outcome
 * in DIR/status, which Java reads (io.minicontainer.state.RuntimeStatus).
 */
#define _GNU_SOURCE
#include "helper.h"
#include "logfile.h"

#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/signalfd.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

enum { DRAIN_AFTER_EXIT_MS = 2000 };

struct monitor {
    const struct plan *plan;
    const char *dir;      /* NULL: no status, no log (a plan run without a container directory) */
    struct logfile log;
    int ctl;              /* the attached CLI, -1 once gone */
    int relay[2];         /* the attached CLI's stdout and stderr, -1 once gone */
    int output[2];        /* read ends of the container's stdout and stderr */
    pid_t child;
    char started_at[40];
};

static void write_status(const struct monitor *m, const char *text)
{
    if (!m->dir)
        return;
    char path[4200], temp[4200];
    snprintf(path, sizeof path, "%s/status", m->dir);
    snprintf(temp, sizeof temp, "%s/status.tmp", m->dir);
    int fd = open(temp, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
    if (fd < 0)
        return;
    size_t len = strlen(text);
    int whole = write(fd, text, len) == (ssize_t)len;
    close(fd);
    if (whole)
        rename(temp, path); /* readers see the old status or the new one, never half */
}

static void read_boot_id(char *buf, size_t len)
{
    buf[0] = '\0';
    int fd = open("/proc/sys/kernel/random/boot_id", O_RDONLY | O_CLOEXEC);
    if (fd < 0)
        return;
    ssize_t n = read(fd, buf, len - 1);
    close(fd);
    buf[n > 0 ? n : 0] = '\0';
    buf[strcspn(buf, "\n")] = '\0';
}

static void record_running(struct monitor *m)
{
    char boot_id[64], text[512];
    read_boot_id(boot_id, sizeof boot_id);
    format_now(m->started_at, sizeof m->started_at);
    snprintf(text, sizeof text,
             "state=running\npid=%d\npid_start=%llu\nmonitor=%d\nmonitor_start=%llu\nboot_id=%s\nstarted_at=%s\n",
             (int)m->child, process_start_ticks(m->child), (int)getpid(), process_start_ticks(getpid()),
             boot_id, m->started_at);
    write_status(m, text);
}

static void record_exit(struct monitor *m, int code, int oom_killed)
{
    char finished[40], text[256];
    format_now(finished, sizeof finished);
    snprintf(text, sizeof text, "state=exited\nexit_code=%d\noom_killed=%d\nstarted_at=%s\nfinished_at=%s\n",
             code, oom_killed, m->started_at, finished);
    write_status(m, text);
}

static void tell_cli(struct monitor *m, int kind, int code, const char *text)
{
    if (m->ctl < 0)
        return;
    struct message msg = {.kind = kind, .code = code};
    if (text)
        snprintf(msg.text, sizeof msg.text, "%s", text);
    if (send(m->ctl, &msg, sizeof msg, MSG_NOSIGNAL) < 0) {
        close(m->ctl);
        m->ctl = -1;
    }
}

/* Nothing of the CLI may stay open here: not its terminal, not the pipe a caller reads to EOF. */
static void detach_stdio(void)
{
    int null = open("/dev/null", O_RDWR | O_CLOEXEC);
    for (int fd = 0; fd < 3; fd++)
        dup3(null, fd, 0);
    close(null);
}

/* The container's stdin: the CLI's own with -i; with -i and detached, a pipe held open here. */
static int container_stdin(const struct plan *plan)
{
    if (find_step(plan, OP_OPEN_STDIN))
        return -1;
    if (find_step(plan, OP_DETACH)) {
        int held[2];
        if (pipe2(held, O_CLOEXEC) < 0)
            return -1;
        return held[0]; /* held[1] stays open for the monitor's life: no EOF, as docker -di */
    }
    return fcntl(0, F_DUPFD_CLOEXEC, 3);
}

static void copy_output(struct monitor *m, int stream)
{
    static char chunk[8192];
    ssize_t n = read(m->output[stream], chunk, sizeof chunk);
    if (n <= 0) {
        close(m->output[stream]);
        m->output[stream] = -1;
        if (m->relay[stream] >= 0)
            close(m->relay[stream]);
        m->relay[stream] = -1;
        return;
    }
    log_write(&m->log, stream ? "stderr" : "stdout", chunk, (size_t)n);
    if (m->relay[stream] >= 0 && write(m->relay[stream], chunk, (size_t)n) < 0) {
        close(m->relay[stream]); /* the CLI is gone: the log alone goes on */
        m->relay[stream] = -1;
    }
}

static void pass_on_signal_request(struct monitor *m)
{
    int32_t signo;
    ssize_t n = recv(m->ctl, &signo, sizeof signo, 0);
    if (n == sizeof signo) {
        kill(m->child, signo);
    } else if (n <= 0) {
        close(m->ctl);
        m->ctl = -1;
    }
}

static int status_to_exit_code(int status)
{
    return WIFSIGNALED(status) ? 128 + WTERMSIG(status) : WEXITSTATUS(status);
}

/* Until the container is reaped its pid cannot be reused, so kill() always hits the container. */
static int supervise(struct monitor *m, int sfd)
{
    int code = -1;
    while (code < 0 || m->output[0] >= 0 || m->output[1] >= 0) {
        struct pollfd fds[4] = {{sfd, POLLIN, 0}, {m->ctl, POLLIN, 0},
                                {m->output[0], POLLIN, 0}, {m->output[1], POLLIN, 0}};
        /* once it is dead its output ends soon (its pid namespace dies with it); never wait forever */
        if (poll(fds, 4, code < 0 ? -1 : DRAIN_AFTER_EXIT_MS) == 0)
            break;
        if (fds[0].revents) {
            struct signalfd_siginfo info;
            int status;
            /* a TERM for the monitor (a shutdown) is passed on; HUP and the rest never end a detached container */
            if (read(sfd, &info, sizeof info) == sizeof info && info.ssi_signo == SIGTERM && code < 0)
                kill(m->child, SIGTERM);
            if (code < 0 && waitpid(m->child, &status, WNOHANG) == m->child)
                code = status_to_exit_code(status);
        }
        if (fds[1].revents)
            pass_on_signal_request(m);
        for (int stream = 0; stream < 2; stream++)
            if (fds[2 + stream].revents)
                copy_output(m, stream);
    }
    return code < 0 ? EXIT_ENGINE : code;
}

static void open_log(struct monitor *m)
{
    const struct step *dir = find_step(m->plan, OP_STATE_DIR);
    const struct step *log = find_step(m->plan, OP_LOG);
    m->dir = dir ? dir->args[1] : NULL;
    m->log.fd = -1;
    if (m->dir)
        log_open(&m->log, m->dir, log ? step_num(log, 1) : 0, log ? (unsigned)step_num(log, 2) : 1);
}

_Noreturn void monitor_main(const struct plan *plan, int ctl, int relay_out, int relay_err)
{
    struct monitor m = {.plan = plan, .ctl = ctl, .relay = {relay_out, relay_err}};
    int out[2], err[2];
    sigset_t mask;
    forwarded_signals(&mask);
    int sfd = signalfd(-1, &mask, SFD_CLOEXEC);
    signal(SIGPIPE, SIG_IGN);
    int stdin_fd = container_stdin(plan);
    detach_stdio();
    if (chdir("/") < 0 || sfd < 0 || pipe2(out, O_CLOEXEC) < 0 || pipe2(err, O_CLOEXEC) < 0) {
        tell_cli(&m, MSG_FAILED, EXIT_ENGINE, "minicontainer: start the monitor: out of resources\n");
        cgroup_remove(plan);
        release_namespaces(plan);
        run_exit_commands(plan);
        remove_paths(plan, OP_REMOVE_ON_FAILURE);
        _exit(EXIT_ENGINE);
    }
    open_log(&m);
    char failure[sizeof ((struct message *)0)->text];
    int code = start_container(plan, (int[3]){stdin_fd, out[1], err[1]}, &m.child, failure, sizeof failure);
    close(out[1]);
    close(err[1]);
    if (stdin_fd >= 0)
        close(stdin_fd);
    if (code) {
        cgroup_remove(plan);
        release_namespaces(plan);
        run_exit_commands(plan);
        remove_paths(plan, OP_REMOVE_ON_FAILURE);
        remove_paths(plan, OP_REMOVE_ON_EXIT);
        tell_cli(&m, MSG_FAILED, code, failure);
        _exit(code);
    }
    record_running(&m);
    tell_cli(&m, MSG_STARTED, 0, NULL);
    m.output[0] = out[0];
    m.output[1] = err[0];
    code = supervise(&m, sfd);
    int oom_killed = cgroup_oom_killed(plan);
    cgroup_remove(plan);
    release_namespaces(plan);
    run_exit_commands(plan);
    record_exit(&m, code, oom_killed);
    remove_paths(plan, OP_REMOVE_ON_EXIT);
    tell_cli(&m, MSG_EXITED, code, NULL);
    _exit(0);
}
