/*
 * The container's cgroup, as the plan names it (Java created it and set its limits): the monitor
 * writes the container's pid into every cgroup.procs file before saying "go", so no instruction
 * of the workload runs outside it; exec does the same for itself before joining. When the
 * container is gone the monitor reads the OOM count and removes the cgroup's directories.
 */
#define _GNU_SOURCE
#include "helper.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

int cgroup_enter(const struct plan *plan, pid_t pid, char *failure, size_t len)
{
    char text[32];
    int n = snprintf(text, sizeof text, "%d", (int)pid);
    for (uint32_t i = 0; i < plan->count; i++) {
        const struct step *s = &plan->steps[i];
        if (s->op != OP_CGROUP)
            continue;
        int fd = open(s->args[1], O_WRONLY | O_CLOEXEC);
        if (fd < 0 || write(fd, text, (size_t)n) != n) {
            snprintf(failure, len, "minicontainer: %s: %s\n", s->args[0], strerror(errno));
            if (fd >= 0)
                close(fd);
            return -1;
        }
        close(fd);
    }
    return 0;
}

int cgroup_oom_killed(const struct plan *plan)
{
    const struct step *events = find_step(plan, OP_OOM_EVENTS);
    char text[1024];
    int fd = events ? open(events->args[1], O_RDONLY | O_CLOEXEC) : -1;
    if (fd < 0)
        return 0;
    ssize_t n = read(fd, text, sizeof text - 1);
    close(fd);
    text[n > 0 ? n : 0] = '\0';
    char *line = strstr(text, "oom_kill ");
    return line && (line == text || line[-1] == '\n') && strtoull(line + 9, NULL, 10) > 0;
}

/* rmdir fails with EBUSY while the last processes of the pid namespace are being torn down. */
void cgroup_remove(const struct plan *plan)
{
    for (uint32_t i = 0; i < plan->count; i++) {
        const struct step *s = &plan->steps[i];
        if (s->op != OP_CGROUP)
            continue;
        char dir[4096];
        snprintf(dir, sizeof dir, "%s", s->args[1]);
        char *slash = strrchr(dir, '/');
        if (!slash)
            continue;
        *slash = '\0';
        for (int attempt = 0; attempt < 200 && rmdir(dir) < 0 && errno == EBUSY; attempt++)
            nanosleep(&(struct timespec){0, 10 * 1000 * 1000}, NULL);
    }
}
