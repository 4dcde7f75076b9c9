/* The container's log: CRI "k8s-file" records, rotated by size (see docs/lifecycle.md). */
#ifndef MC_LOGFILE_H
#define MC_LOGFILE_H

#include <stddef.h>

struct logfile {
    int fd;
    char path[4096];
    unsigned long long max_size; /* 0: unlimited */
    unsigned max_files;
    unsigned long long size;
};

/* Opens (appends to) DIR/container.log; fd is -1 when that fails, and then writes are dropped. */
void log_open(struct logfile *log, const char *dir, unsigned long long max_size, unsigned max_files);

/* Writes a chunk of one stream as records: whole lines tagged F, a trailing piece tagged P. */
void log_write(struct logfile *log, const char *stream, const char *data, size_t len);

#endif
