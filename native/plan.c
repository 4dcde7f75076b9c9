/* Reading the launch plan: one read of the file, then pointers into that buffer. */
#include "plan.h"

#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

static const char MAGIC[8] = {'M', 'C', 'P', 'L', 'A', 'N', '0', '1'};

struct cursor {
    const char *at;
    const char *end;
};

static int take_u32(struct cursor *c, uint32_t *out)
{
    if (c->end - c->at < 4)
        return -1;
    memcpy(out, c->at, 4);
    c->at += 4;
    return 0;
}

static int take_string(struct cursor *c, const char **out)
{
    uint32_t len;
    if (take_u32(c, &len) < 0 || (size_t)(c->end - c->at) < (size_t)len + 1 || c->at[len] != '\0')
        return -1;
    *out = c->at;
    c->at += len + 1;
    return 0;
}

static char *read_all(const char *path, size_t *size)
{
    int fd = open(path, O_RDONLY | O_CLOEXEC);
    struct stat st;
    if (fd < 0 || fstat(fd, &st) < 0)
        return NULL;
    char *buf = malloc(st.st_size + 1);
    size_t done = 0;
    while (buf && done < (size_t)st.st_size) {
        ssize_t n = read(fd, buf + done, st.st_size - done);
        if (n <= 0) {
            free(buf);
            buf = NULL;
            errno = n == 0 ? EINVAL : errno;
            break;
        }
        done += n;
    }
    close(fd);
    *size = done;
    return buf;
}

static int parse_step(struct cursor *c, struct step *step)
{
    if (take_u32(c, &step->op) < 0 || take_u32(c, &step->argc) < 0 || step->argc == 0 ||
        step->argc > (uint32_t)(c->end - c->at) / 5)
        return -1;
    step->args = calloc(step->argc + 1, sizeof(char *)); /* NULL-terminated: exec uses it as argv */
    if (!step->args)
        return -1;
    for (uint32_t i = 0; i < step->argc; i++)
        if (take_string(c, &step->args[i]) < 0)
            return -1;
    return 0;
}

int plan_read(const char *path, struct plan *plan)
{
    size_t size;
    char *buf = read_all(path, &size);
    if (!buf)
        return -1;
    struct cursor c = {buf, buf + size};
    if (size < sizeof MAGIC || memcmp(buf, MAGIC, sizeof MAGIC) != 0)
        goto invalid;
    c.at += sizeof MAGIC;
    if (take_u32(&c, &plan->count) < 0 || plan->count > size / 8)
        goto invalid;
    plan->steps = calloc(plan->count, sizeof(struct step));
    if (!plan->steps)
        return -1;
    for (uint32_t i = 0; i < plan->count; i++)
        if (parse_step(&c, &plan->steps[i]) < 0)
            goto invalid;
    if (c.at == c.end)
        return 0;
invalid:
    errno = EINVAL;
    return -1;
}

unsigned long long step_num(const struct step *step, uint32_t i)
{
    return i < step->argc ? strtoull(step->args[i], NULL, 0) : 0;
}

const char *step_str_or_null(const struct step *step, uint32_t i)
{
    return i < step->argc && step->args[i][0] ? step->args[i] : NULL;
}
