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

/* monitor -> CLI over the control socket (SOCK_SEQPACKET: one message per send) */
enum message_kind { MSG_STARTED = 1, MSG_FAILED = 2, MSG_EXITED = 3 };

struct message {
    int32_t kind;
    int32_t code;      /* exit code: of the container, or 125-127 for a failed start */
    char text[480];    /* MSG_FAILED: the line to print */
};

/* The signals a CLI or a monitor passes on to the container instead of dying of them. */
void forwarded_signals(sigset_t *set);

const struct step *find_step(const struct plan *plan, uint32_t op);

/* Unmounts and deletes the OP_NETNS_ON_EXIT files: the namespace ends with its last process. */
void release_namespaces(const struct plan *plan);

/* Runs the OP_EXIT_COMMAND programs, one after the other. */
void run_exit_commands(const struct plan *plan);

/* rm -rf of every path the plan lists under op (OP_REMOVE_ON_EXIT / OP_REMOVE_ON_FAILURE). */
void remove_paths(const struct plan *plan, uint32_t op);

/* Clones the container with stdin/stdout/stderr as given (-1: inherit) and runs its steps.
 * Returns 0 once it runs (its pid in *child) or an exit code with the reason in failure. */
int start_container(const struct plan *plan, const int stdio[3], pid_t *child, char *failure, size_t len);

/* The container side of a start or an exec: the plan's steps from OP_MOUNT on, in order, exec last.
 * A failing step is written to error_fd as (step index, errno), which exec closes on success. */
_Noreturn void run_steps(const struct plan *plan, int error_fd);

/* Reads error_fd until the child has exec'd (EOF: returns 0) or reported a failing step: then the
 * child is reaped and the exit code returned, with the line to print in text. Closes error_fd. */
int await_exec(const struct plan *plan, pid_t child, int error_fd, char *text, size_t len);

/* `minicontainer-helper exec PLAN`: a process in a running container's namespaces (join.c). */
int exec_in_container(const struct plan *plan);

/* The monitor's life: never returns. ctl and the relays are -1 when nobody is attached. */
_Noreturn void monitor_main(const struct plan *plan, int ctl, int relay_out, int relay_err);

/* The attached CLI's life: returns its exit code. */
int client_main(const struct plan *plan, int ctl, int out, int err);

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
