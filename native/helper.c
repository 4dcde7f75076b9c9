/*
 * minicontainer-helper: executes a launch plan that Java compiled from an OCI config.json.
 *
 * The Java CLI writes the plan, then replaces itself with `minicontainer-helper run PLAN`. That
 * process forks the monitor into a session of its own, so the container outlives the CLI:
 *
 *   CLI (the JVM's pid)          monitor (setsid, reparented to init)    container (pid 1 inside)
 *   -------------------          ------------------------------------    ------------------------
 *   socketpair (packets)
 *   fork, fork ----------------> clone(namespace flags) ---------------> wait on the sync pipe
 *                                write "go" ---------------------------> steps: mounts, pivot_root...
 *                                [terminal: receive the master] <------- [OP_TERMINAL: a pty of its own]
 *                                read the error pipe <------------------ a failing step: (index, errno)
 *   <--------- started/failed -- EOF: running; write DIR/status          exec closes the pipe
 *   run -d: print id, exit 0     copy output to DIR/container.log
 *   attached: print output <---- ... and to every client (this one, `attach`es on DIR/attach.sock)
 *   signals, keys, sizes ------> kill(container), write/resize its terminal
 *   <--------- exited (code) --- reap, write DIR/status, remove what the plan says
 *   exit with the code           exit
 *
 * `minicontainer-helper exec PLAN` starts one more process in a running container: see join.c.
 * `minicontainer-helper attach PLAN` is one more client of a running container's monitor: client.c.
 */
#define _GNU_SOURCE
#include "helper.h"
#include "terminal.h"

#include <errno.h>
#include <fcntl.h>
#include <ftw.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mount.h>
#include <sys/socket.h>
#include <sys/syscall.h>
#include <sys/un.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

static const int FORWARDED[] = {SIGINT, SIGTERM, SIGHUP, SIGQUIT, SIGUSR1, SIGUSR2};

void forwarded_signals(sigset_t *set)
{
    sigemptyset(set);
    for (size_t i = 0; i < sizeof FORWARDED / sizeof FORWARDED[0]; i++)
        sigaddset(set, FORWARDED[i]);
    sigaddset(set, SIGCHLD);
    sigaddset(set, SIGWINCH);
}

int send_packet(int fd, int kind, int code, const void *data, size_t len)
{
    struct packet p = {.kind = kind, .code = code};
    if (len > sizeof p.data)
        len = sizeof p.data;
    if (len)
        memcpy(p.data, data, len);
    return send(fd, &p, PACKET_HEADER + len, MSG_NOSIGNAL) == (ssize_t)(PACKET_HEADER + len) ? 0 : -1;
}

ssize_t packet_data_len(ssize_t n)
{
    return n < (ssize_t)PACKET_HEADER ? -1 : n - (ssize_t)PACKET_HEADER;
}

void write_all(int fd, const char *data, size_t len)
{
    while (len > 0) {
        ssize_t n = write(fd, data, len);
        if (n <= 0)
            return; /* our own stdout is gone: drop, as a closed terminal would */
        data += n;
        len -= (size_t)n;
    }
}

int unix_address(const char *path, struct sockaddr_un *addr)
{
    char dir[4096];
    const char *slash = strrchr(path, '/');
    if (!slash || snprintf(dir, sizeof dir, "%.*s", (int)(slash - path), path) >= (int)sizeof dir) {
        errno = EINVAL;
        return -1;
    }
    int fd = open(dir[0] ? dir : "/", O_PATH | O_DIRECTORY | O_CLOEXEC);
    if (fd < 0)
        return -1;
    memset(addr, 0, sizeof *addr);
    addr->sun_family = AF_UNIX;
    snprintf(addr->sun_path, sizeof addr->sun_path, "/proc/self/fd/%d/%.60s", fd, slash + 1);
    return fd;
}

const struct step *find_step(const struct plan *plan, uint32_t op)
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

/* The engine's namespace files (bind mounts of /proc/.../ns/net): unmounted, then deleted. */
void release_namespaces(const struct plan *plan)
{
    for (uint32_t i = 0; i < plan->count; i++)
        if (plan->steps[i].op == OP_NETNS_ON_EXIT) {
            umount2(plan->steps[i].args[1], MNT_DETACH);
            unlink(plan->steps[i].args[1]);
        }
}

/* The engine's clean-ups that need a program (its firewall entries): run in turn, output discarded. */
void run_exit_commands(const struct plan *plan)
{
    for (uint32_t i = 0; i < plan->count; i++) {
        const struct step *s = &plan->steps[i];
        if (s->op != OP_EXIT_COMMAND || s->argc < 2)
            continue;
        pid_t child = fork();
        if (child == 0) {
            int null = open("/dev/null", O_RDWR);
            for (int fd = 0; fd < 3; fd++)
                dup2(null, fd);
            sigset_t none;
            sigemptyset(&none);
            sigprocmask(SIG_SETMASK, &none, NULL);
            execv(s->args[1], (char *const *)&s->args[1]);
            _exit(127);
        }
        if (child > 0)
            waitpid(child, NULL, 0);
    }
}

/* rm -rf that stays on one file system and never follows a symlink. */
void remove_paths(const struct plan *plan, uint32_t op)
{
    for (uint32_t i = 0; i < plan->count; i++)
        if (plan->steps[i].op == op)
            nftw(plan->steps[i].args[1], remove_entry, 16, FTW_DEPTH | FTW_PHYS | FTW_MOUNT);
}

void format_now(char *buf, size_t len)
{
    struct timespec now;
    struct tm utc;
    clock_gettime(CLOCK_REALTIME, &now);
    gmtime_r(&now.tv_sec, &utc);
    size_t n = strftime(buf, len, "%Y-%m-%dT%H:%M:%S", &utc);
    snprintf(buf + n, len - n, ".%09ldZ", now.tv_nsec);
}

unsigned long long process_start_ticks(pid_t pid)
{
    char path[64], stat[1024];
    snprintf(path, sizeof path, "/proc/%d/stat", (int)pid);
    int fd = open(path, O_RDONLY | O_CLOEXEC);
    if (fd < 0)
        return 0;
    ssize_t n = read(fd, stat, sizeof stat - 1);
    close(fd);
    stat[n > 0 ? n : 0] = '\0';
    char *field = strrchr(stat, ')'); /* the name may hold spaces: count from its closing paren */
    for (int i = 0; field && i < 20; i++)
        field = strchr(field + 1, ' ');
    return field ? strtoull(field + 1, NULL, 10) : 0;
}

/* Forks the monitor twice removed, in a new session: init (or a subreaper) becomes its parent. */
static int run(const struct plan *plan)
{
    int ctl[2];
    if (socketpair(AF_UNIX, SOCK_SEQPACKET | SOCK_CLOEXEC, 0, ctl) < 0) {
        fprintf(stderr, "minicontainer: start the monitor: %s\n", strerror(errno));
        return EXIT_ENGINE;
    }
    terminal_note_size();
    pid_t middle = fork();
    if (middle == 0) {
        close(ctl[0]);
        setsid();
        pid_t monitor = fork();
        if (monitor != 0)
            _exit(monitor < 0);
        monitor_main(plan, ctl[1]);
    }
    close(ctl[1]);
    int status;
    if (middle < 0 || waitpid(middle, &status, 0) != middle || status != 0) {
        fprintf(stderr, "minicontainer: start the monitor: %s\n", strerror(middle < 0 ? errno : EAGAIN));
        cgroup_remove(plan);
        release_namespaces(plan);
        remove_paths(plan, OP_REMOVE_ON_FAILURE);
        return EXIT_ENGINE;
    }
    return client_main(plan, ctl[0]);
}

int main(int argc, char **argv)
{
    /* First of all: a signal for the CLI that arrives from now on is queued, then forwarded to
     * the container, never the default action that would leave the container's files behind. */
    sigset_t mask;
    forwarded_signals(&mask);
    sigprocmask(SIG_SETMASK, &mask, NULL);
    struct plan plan;
    const char *mode = argc == 3 ? argv[1] : "";
    if (strcmp(mode, "run") != 0 && strcmp(mode, "exec") != 0 && strcmp(mode, "attach") != 0) {
        fprintf(stderr, "usage: minicontainer-helper run|exec|attach PLAN (started by minicontainer)\n");
        return EXIT_ENGINE;
    }
    if (plan_read(argv[2], &plan) < 0) {
        fprintf(stderr, "minicontainer: read launch plan %s: %s\n", argv[2], strerror(errno));
        return EXIT_ENGINE;
    }
    /* the JVM's descriptors (jar files, the plan's memfd) are of no use to the monitor */
    syscall(SYS_close_range, 3, ~0U, 0);
    if (strcmp(mode, "attach") == 0)
        return attach_main(&plan);
    return strcmp(mode, "run") == 0 ? run(&plan) : exec_in_container(&plan);
}
