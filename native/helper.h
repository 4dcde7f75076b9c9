/* What the helper's halves share: the plan lookups, the start of a container, and the messages
 * the monitor sends to the CLI that started it. */
#ifndef MC_HELPER_H
#define MC_HELPER_H

#include "plan.h"

#include <signal.h>
#include <stddef.h>
#include <stdint.h>
#include <sys/types.h>

enum { EXIT_ENGINE = 125, EXIT_CANNOT_EXEC = 126, EXIT_NOT_FOUND = 127 };

/*
 * Between a monitor and its clients (the CLI that ran the container, and `attach`es), over
 * SOCK_SEQPACKET sockets: one packet per send, sent as header plus the bytes of data used.
 */
enum packet_kind {
    /* monitor -> client */
    MSG_STARTED = 1,
    MSG_FAILED = 2,  /* code: exit code (125-127); data: the line to print */
    MSG_EXITED = 3,  /* code: the container's exit code */
    MSG_OUTPUT = 4,  /* code: 1 stdout, 2 stderr; data: the bytes */
    /* client -> monitor */
    MSG_SIGNAL = 10, /* code: the signal to pass on */
    MSG_INPUT = 11,  /* data: bytes for the container's stdin (its terminal, or the pipe of -di) */
    MSG_RESIZE = 12, /* data: a struct winsize for the container's terminal */
};

enum { PACKET_DATA = 8192 };

struct packet {
    int32_t kind;
    int32_t code;
    char data[PACKET_DATA];
};

#define PACKET_HEADER offsetof(struct packet, data)

/* One packet of kind, code and len bytes of data; -1 when the peer is gone. */
int send_packet(int fd, int kind, int code, const void *data, size_t len);

/* The data length of a packet received whole (n bytes), or -1 for a short or failed receive. */
ssize_t packet_data_len(ssize_t n);

/* write(2) until done; a reader that is gone loses the rest. */
void write_all(int fd, const char *data, size_t len);

struct sockaddr_un;

/* The socket at path as "/proc/self/fd/DIRFD/NAME", which fits sun_path however deep path lies.
 * Returns DIRFD, to be closed after bind or connect, or -1 with errno. */
int unix_address(const char *path, struct sockaddr_un *addr);

/* The signals a CLI or a monitor takes through a signalfd instead of dying of them (SIGCHLD and
 * SIGWINCH included, which are never passed on). */
void forwarded_signals(sigset_t *set);

const struct step *find_step(const struct plan *plan, uint32_t op);

/* Unmounts and deletes the OP_NETNS_ON_EXIT files: the namespace ends with its last process. */
void release_namespaces(const struct plan *plan);

/* Runs the OP_EXIT_COMMAND programs, one after the other. */
void run_exit_commands(const struct plan *plan);

/* rm -rf of every path the plan lists under op (OP_REMOVE_ON_EXIT / OP_REMOVE_ON_FAILURE). */
void remove_paths(const struct plan *plan, uint32_t op);

/* Clones the container with stdin/stdout/stderr as given (-1: inherit) and runs its steps.
 * Returns 0 once it runs (its pid in *child, with OP_TERMINAL the master of its terminal in
 * *terminal, else -1) or an exit code with the reason in failure. */
int start_container(const struct plan *plan, const int stdio[3], pid_t *child, int *terminal, char *failure,
                    size_t len);

/* The container side of a start or an exec: the plan's steps from OP_MOUNT on, in order, exec last.
 * A failing step is written to error_fd as (step index, errno), which exec closes on success. */
_Noreturn void run_steps(const struct plan *plan, int error_fd);

/* Reads error_fd until the child has exec'd (EOF: returns 0) or reported a failing step: then the
 * child is reaped and the exit code returned, with the line to print in text. Closes error_fd. */
int await_exec(const struct plan *plan, pid_t child, int error_fd, char *text, size_t len);

/* `minicontainer-helper exec PLAN`: a process in a running container's namespaces (join.c). */
int exec_in_container(const struct plan *plan);

/* The monitor's life: never returns. ctl is the CLI that started it. */
_Noreturn void monitor_main(const struct plan *plan, int ctl);

/* The CLI's life once the monitor runs: returns its exit code. */
int client_main(const struct plan *plan, int ctl);

/* `minicontainer-helper attach PLAN`: a client of a running container's monitor (OP_ATTACH). */
int attach_main(const struct plan *plan);

/* Writes pid into every OP_CGROUP's cgroup.procs; -1 with the line to print in failure. */
int cgroup_enter(const struct plan *plan, pid_t pid, char *failure, size_t len);

/* Whether the OP_OOM_EVENTS file counts an OOM kill. */
int cgroup_oom_killed(const struct plan *plan);

/* Removes the directories of the OP_CGROUP steps, waiting briefly while they empty. */
void cgroup_remove(const struct plan *plan);

/* "2026-11-29T11:22:33.123456789Z" into buf (at least 32 bytes). */
void format_now(char *buf, size_t len);

/* Start time of a process in clock ticks since boot (field 22 of /proc/PID/stat), or 0. */
unsigned long long process_start_ticks(pid_t pid);

#endif
