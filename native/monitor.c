/*
 * The monitor: the container's parent for its whole life, in a session of its own so that neither
 * the CLI's death nor the loss of its terminal reaches it. It copies the container's output (or its
 * terminal's) into the log and to every attached client, passes their signals, keys and window
 * sizes on, reaps it, and records the outcome in DIR/status, which Java reads
 * (io.minicontainer.state.RuntimeStatus). Clients beyond the CLI that started it connect to
 * DIR/attach.sock (`attach`, `start -a` of a running container).
 */
#define _GNU_SOURCE
#include "helper.h"
#include "logfile.h"
#include "terminal.h"

#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/signalfd.h>
#include <sys/ioctl.h>
#include <sys/socket.h>
#include <sys/un.h>
#include <sys/wait.h>
#include <unistd.h>

enum { DRAIN_AFTER_EXIT_MS = 2000, MAX_CLIENTS = 16 };

struct monitor {
    const struct plan *plan;
    const char *dir;      /* NULL: no status, no log (a plan run without a container directory) */
    struct logfile log;
    int clients[MAX_CLIENTS]; /* sockets of attached CLIs: the one that started us, `attach`es; -1: free */
    int listener;         /* DIR/attach.sock, while the container runs; -1 without a directory */
    int output[2];        /* the container's stdout and stderr; with a terminal: its master, and -1 */
    int input;            /* where clients' input goes: the terminal's master, the pipe of -di, or -1 */
    int terminal;         /* the master of the container's terminal, or -1 */
    pid_t child;
    int reaped;           /* from then on its pid may be reused: no more kill() */
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

static void drop_client(struct monitor *m, int i)
{
    close(m->clients[i]);
    m->clients[i] = -1;
}

static void tell_clients(struct monitor *m, int kind, int code, const char *data, size_t len)
{
    for (int i = 0; i < MAX_CLIENTS; i++)
        if (m->clients[i] >= 0 && send_packet(m->clients[i], kind, code, data, len) < 0)
            drop_client(m, i); /* that CLI is gone: the log alone goes on */
}

static void tell_failure(struct monitor *m, int code, const char *text)
{
    tell_clients(m, MSG_FAILED, code, text, strlen(text));
}

/* Nothing of the CLI may stay open here: not its terminal, not the pipe a caller reads to EOF. */
static void detach_stdio(void)
{
    int null = open("/dev/null", O_RDWR | O_CLOEXEC);
    for (int fd = 0; fd < 3; fd++)
        dup3(null, fd, 0);
    close(null);
}

/* The container's stdin without a terminal: the CLI's own with -i; with -i and detached, a pipe
 * whose other end stays here for good (no EOF, as docker -di), where `attach` writes. */
static int container_stdin(struct monitor *m)
{
    if (find_step(m->plan, OP_TERMINAL) || find_step(m->plan, OP_OPEN_STDIN))
        return -1;
    if (find_step(m->plan, OP_DETACH)) {
        int held[2];
        if (pipe2(held, O_CLOEXEC) < 0)
            return -1;
        fcntl(held[1], F_SETFL, O_NONBLOCK);
        m->input = held[1];
        return held[0];
    }
    return fcntl(0, F_DUPFD_CLOEXEC, 3);
}

static void copy_output(struct monitor *m, int stream)
{
    static char chunk[PACKET_DATA];
    ssize_t n = read(m->output[stream], chunk, sizeof chunk);
    if (n < 0 && errno == EAGAIN)
        return;
    if (n <= 0) { /* a terminal says EIO once nobody has its slave open */
        if (m->output[stream] == m->terminal)
            m->terminal = m->input = -1;
        close(m->output[stream]);
        m->output[stream] = -1;
        return;
    }
    log_write(&m->log, stream ? "stderr" : "stdout", chunk, (size_t)n);
    tell_clients(m, MSG_OUTPUT, stream + 1, chunk, (size_t)n);
}

static void serve_client(struct monitor *m, int i)
{
    struct packet p;
    ssize_t len = packet_data_len(recv(m->clients[i], &p, sizeof p, 0));
    if (len < 0) {
        drop_client(m, i);
    } else if (p.kind == MSG_SIGNAL && !m->reaped) {
        kill(m->child, p.code);
    } else if (p.kind == MSG_INPUT && m->input >= 0) {
        write_input(m->input, p.data, (size_t)len);
    } else if (p.kind == MSG_RESIZE && m->terminal >= 0 && len == sizeof(struct winsize)) {
        ioctl(m->terminal, TIOCSWINSZ, p.data); /* the kernel sends SIGWINCH to its foreground */
    }
}

static void accept_client(struct monitor *m)
{
    int fd = accept4(m->listener, NULL, NULL, SOCK_CLOEXEC);
    for (int i = 0; fd >= 0 && i < MAX_CLIENTS; i++)
        if (m->clients[i] < 0) {
            m->clients[i] = fd;
            return;
        }
    if (fd >= 0)
        close(fd); /* too many: it sees EOF */
}

static int status_to_exit_code(int status)
{
    return WIFSIGNALED(status) ? 128 + WTERMSIG(status) : WEXITSTATUS(status);
}

enum { FD_SIGNALS, FD_LISTENER, FD_STDOUT, FD_STDERR, FD_CLIENTS };

/* Until the container is reaped its pid cannot be reused, so kill() always hits the container. */
static int supervise(struct monitor *m, int sfd)
{
    int code = -1;
    while (code < 0 || m->output[0] >= 0 || m->output[1] >= 0) {
        struct pollfd fds[FD_CLIENTS + MAX_CLIENTS] = {
            [FD_SIGNALS] = {sfd, POLLIN, 0}, [FD_LISTENER] = {m->listener, POLLIN, 0},
            [FD_STDOUT] = {m->output[0], POLLIN, 0}, [FD_STDERR] = {m->output[1], POLLIN, 0}};
        for (int i = 0; i < MAX_CLIENTS; i++)
            fds[FD_CLIENTS + i] = (struct pollfd){m->clients[i], POLLIN, 0};
        /* once it is dead its output ends soon (its pid namespace dies with it); never wait forever */
        if (poll(fds, FD_CLIENTS + MAX_CLIENTS, code < 0 ? -1 : DRAIN_AFTER_EXIT_MS) == 0)
            break;
        if (fds[FD_SIGNALS].revents) {
            struct signalfd_siginfo info;
            int status;
            /* a TERM for the monitor (a shutdown) is passed on; HUP and the rest never end a detached container */
            if (read(sfd, &info, sizeof info) == sizeof info && info.ssi_signo == SIGTERM && code < 0)
                kill(m->child, SIGTERM);
            if (code < 0 && waitpid(m->child, &status, WNOHANG) == m->child) {
                code = status_to_exit_code(status);
                m->reaped = 1;
            }
        }
        if (fds[FD_LISTENER].revents)
            accept_client(m);
        for (int i = 0; i < MAX_CLIENTS; i++)
            if (fds[FD_CLIENTS + i].revents)
                serve_client(m, i);
        for (int stream = 0; stream < 2; stream++)
            if (fds[FD_STDOUT + stream].revents)
                copy_output(m, stream);
    }
    return code < 0 ? EXIT_ENGINE : code;
}

/* DIR/attach.sock, made before the status says running, so `attach` never finds it missing. */
static void listen_for_attach(struct monitor *m)
{
    char path[4200];
    struct sockaddr_un addr;
    if (!m->dir)
        return;
    snprintf(path, sizeof path, "%s/attach.sock", m->dir);
    unlink(path); /* a previous run's */
    int dir = unix_address(path, &addr);
    int fd = dir < 0 ? -1 : socket(AF_UNIX, SOCK_SEQPACKET | SOCK_CLOEXEC, 0);
    if (fd >= 0 && bind(fd, (struct sockaddr *)&addr, sizeof addr) == 0 && listen(fd, 8) == 0) {
        m->listener = fd;
    } else if (fd >= 0) {
        close(fd);
    }
    if (dir >= 0)
        close(dir);
}

/* The container is gone: an `attach` from now on finds nothing rather than waits. */
static void stop_listening(struct monitor *m)
{
    char path[4200];
    if (m->listener < 0)
        return;
    close(m->listener);
    m->listener = -1;
    snprintf(path, sizeof path, "%s/attach.sock", m->dir);
    unlink(path);
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

static _Noreturn void fail_to_start(struct monitor *m, int code, const char *text)
{
    cgroup_remove(m->plan);
    release_namespaces(m->plan);
    run_exit_commands(m->plan);
    remove_paths(m->plan, OP_REMOVE_ON_FAILURE);
    remove_paths(m->plan, OP_REMOVE_ON_EXIT);
    tell_failure(m, code, text);
    _exit(code);
}

_Noreturn void monitor_main(const struct plan *plan, int ctl)
{
    struct monitor m = {.plan = plan, .listener = -1, .output = {-1, -1}, .input = -1, .terminal = -1};
    int out[2] = {-1, -1}, err[2] = {-1, -1};
    int terminal = find_step(plan, OP_TERMINAL) != NULL;
    for (int i = 0; i < MAX_CLIENTS; i++)
        m.clients[i] = i == 0 ? ctl : -1;
    sigset_t mask;
    forwarded_signals(&mask);
    int sfd = signalfd(-1, &mask, SFD_CLOEXEC);
    signal(SIGPIPE, SIG_IGN);
    int stdin_fd = container_stdin(&m);
    detach_stdio();
    if (chdir("/") < 0 || sfd < 0 || (!terminal && (pipe2(out, O_CLOEXEC) < 0 || pipe2(err, O_CLOEXEC) < 0))) {
        tell_failure(&m, EXIT_ENGINE, "minicontainer: start the monitor: out of resources\n");
        cgroup_remove(plan);
        release_namespaces(plan);
        run_exit_commands(plan);
        remove_paths(plan, OP_REMOVE_ON_FAILURE);
        _exit(EXIT_ENGINE);
    }
    open_log(&m);
    char failure[512];
    int code = start_container(plan, (int[3]){stdin_fd, out[1], err[1]}, &m.child, &m.terminal, failure,
                               sizeof failure);
    close(out[1]);
    close(err[1]);
    if (stdin_fd >= 0)
        close(stdin_fd);
    if (code)
        fail_to_start(&m, code, failure);
    m.output[0] = terminal ? m.terminal : out[0];
    m.output[1] = err[0];
    if (terminal)
        m.input = m.terminal;
    listen_for_attach(&m);
    record_running(&m);
    tell_clients(&m, MSG_STARTED, 0, NULL, 0);
    code = supervise(&m, sfd);
    stop_listening(&m);
    int oom_killed = cgroup_oom_killed(plan);
    cgroup_remove(plan);
    release_namespaces(plan);
    run_exit_commands(plan);
    record_exit(&m, code, oom_killed);
    remove_paths(plan, OP_REMOVE_ON_EXIT);
    tell_clients(&m, MSG_EXITED, code, NULL, 0);
    _exit(0);
}
