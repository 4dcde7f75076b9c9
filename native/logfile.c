/*
 * One record per line: "<RFC3339Nano UTC> <stdout|stderr> <F|P> <bytes>\n". F: the bytes were a
 * whole line in the stream; P: a piece without its newline, continued by the next record. This
 * is the CRI format that podman's k8s-file driver also writes, and it stays readable with less.
 */
#define _GNU_SOURCE
#include "logfile.h"
#include "helper.h"

#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

static char buffer[16384];
static size_t used;

static void log_reopen(struct logfile *log)
{
    log->fd = open(log->path, O_WRONLY | O_APPEND | O_CREAT | O_CLOEXEC, 0640);
    struct stat st;
    log->size = log->fd >= 0 && fstat(log->fd, &st) == 0 ? (unsigned long long)st.st_size : 0;
}

void log_open(struct logfile *log, const char *dir, unsigned long long max_size, unsigned max_files)
{
    snprintf(log->path, sizeof log->path, "%s/container.log", dir);
    log->max_size = max_size;
    log->max_files = max_files ? max_files : 1;
    log_reopen(log);
}

/* container.log.N-1 -> .N ... container.log -> .1, then a fresh container.log; with one file, truncate. */
static void rotate(struct logfile *log)
{
    if (log->max_files <= 1) {
        if (ftruncate(log->fd, 0) == 0)
            log->size = 0;
        return;
    }
    char from[4200], to[4200];
    for (unsigned i = log->max_files - 1; i >= 1; i--) {
        snprintf(to, sizeof to, "%s.%u", log->path, i);
        if (i == 1)
            snprintf(from, sizeof from, "%s", log->path);
        else
            snprintf(from, sizeof from, "%s.%u", log->path, i - 1);
        rename(from, to);
    }
    close(log->fd);
    log_reopen(log);
}

static void flush(struct logfile *log)
{
    if (log->fd >= 0 && used > 0 && write(log->fd, buffer, used) == (ssize_t)used)
        log->size += used;
    used = 0;
    if (log->fd >= 0 && log->max_size && log->size >= log->max_size)
        rotate(log);
}

static void append(struct logfile *log, const char *data, size_t len)
{
    while (len > 0) {
        if (used == sizeof buffer)
            flush(log);
        size_t n = len < sizeof buffer - used ? len : sizeof buffer - used;
        memcpy(buffer + used, data, n);
        used += n;
        data += n;
        len -= n;
    }
}

void log_write(struct logfile *log, const char *stream, const char *data, size_t len)
{
    char prefix[64];
    char now[40];
    format_now(now, sizeof now);
    while (len > 0) {
        const char *newline = memchr(data, '\n', len);
        size_t line = newline ? (size_t)(newline - data) : len;
        int n = snprintf(prefix, sizeof prefix, "%s %s %c ", now, stream, newline ? 'F' : 'P');
        append(log, prefix, (size_t)n);
        append(log, data, line);
        append(log, "\n", 1);
        size_t consumed = newline ? line + 1 : line;
        data += consumed;
        len -= consumed;
    }
    flush(log);
}
