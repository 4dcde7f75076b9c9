/* The last step: a clean process image for the workload, found through the container's PATH. */
#define _GNU_SOURCE
#include "steps.h"

#include <errno.h>
#include <limits.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/syscall.h>
#include <unistd.h>

#ifndef CLOSE_RANGE_CLOEXEC
#define CLOSE_RANGE_CLOEXEC (1U << 2)
#endif

static const char DEFAULT_PATH[] = "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin";

/* The workload inherits nothing of ours: default dispositions, empty mask, no stray descriptors. */
static void reset_process_state(void)
{
    sigset_t none;
    for (int sig = 1; sig < NSIG; sig++)
        signal(sig, SIG_DFL);
    sigemptyset(&none);
    sigprocmask(SIG_SETMASK, &none, NULL);
    syscall(SYS_close_range, 3, ~0U, CLOSE_RANGE_CLOEXEC);
}

static const char *env_path(char *const env[])
{
    for (; *env; env++)
        if (strncmp(*env, "PATH=", 5) == 0)
            return *env + 5;
    return DEFAULT_PATH;
}

/* Like execvpe, but never falls back to /bin/sh for a file without a #! line. */
static int exec_searching_path(const char *file, char *const argv[], char *const env[])
{
    if (strchr(file, '/')) {
        execve(file, argv, env);
        return errno;
    }
    int found_unusable = 0;
    const char *dir = env_path(env);
    for (;;) {
        const char *end = strchrnul(dir, ':');
        char candidate[PATH_MAX];
        int len = snprintf(candidate, sizeof candidate, "%.*s/%s", (int)(end - dir), dir, file);
        if (len > 0 && len < (int)sizeof candidate) {
            execve(candidate, argv, env);
            if (errno != ENOENT && errno != ENOTDIR)
                found_unusable = errno;
        }
        if (*end == '\0')
            return found_unusable ? found_unusable : ENOENT;
        dir = end + 1;
    }
}

int exec_run(const struct step *s)
{
    unsigned long envc = step_num(s, 1);
    if (envc + 3 > s->argc)
        return EINVAL;
    /* args: description, envc, env[envc], argv...; both lists are NULL-terminated in place */
    char **env = malloc((envc + 1) * sizeof(char *));
    if (!env)
        return ENOMEM;
    memcpy(env, &s->args[2], envc * sizeof(char *));
    env[envc] = NULL;
    char *const *argv = (char *const *)&s->args[2 + envc];
    reset_process_state();
    return exec_searching_path(argv[0], argv, env);
}
