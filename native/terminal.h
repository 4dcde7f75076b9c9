/*
 * Pseudo-terminals. The container's own (terminal.c): allocated by the container in its own
 * /dev/pts, so `tty` says /dev/pts/0 as in docker, and its master handed to the parent (the
 * monitor, or exec's CLI). The user's (rawmode.c): raw while attached, restored on every way out.
 */
#ifndef MC_TERMINAL_H
#define MC_TERMINAL_H

#include "plan.h"

#include <stddef.h>
#include <sys/ioctl.h>

/* Before the container (or exec's process) is forked: its terminal starts with the CLI's size. */
void terminal_note_size(void);

/* A socket pair for the master when the plan has OP_TERMINAL, else both -1; -1 with errno on failure. */
int terminal_channel(const struct plan *plan, int pair[2]);

/* In the child: where the OP_TERMINAL step sends the master. */
void terminal_set_channel(int fd);

/* OP_TERMINAL: a new pty; its master to the parent, its slave the controlling terminal and stdio. */
int terminal_step(const struct step *s);

/* In the parent, once the child exec'd: the master it sent (non-blocking, close-on-exec), or -1. */
int terminal_receive(int channel);

/* Input for the container: waits a little while it does not read, then drops the rest, so that a
 * program that never reads its terminal cannot stall the caller. fd is non-blocking. */
void write_input(int fd, const char *data, size_t len);

/* Raw mode for our stdin, when it is a terminal; restored by raw_mode_leave, at exit and by die_of_signal. */
void raw_mode_enter(void);
void raw_mode_leave(void);

/* The size of our terminal (stdin's, else stdout's); 0 when there is none. */
int user_window_size(struct winsize *ws);

/* Restores our terminal, then dies of sig (the shell sees 128+sig), as without a handler. */
_Noreturn void die_of_signal(int sig);

/* The detach sequence (--detach-keys), matched across reads. */
struct detach_keys {
    unsigned char keys[16];
    size_t len;     /* 0: no sequence, every byte passes */
    size_t matched; /* a prefix typed so far, held back */
};

/* "16,17" (decimal bytes, as the plan carries them). */
void detach_keys_parse(struct detach_keys *k, const char *spec);

/* Copies in to out but for what may begin the sequence, held back until it does not. Returns 1
 * once the whole sequence was typed (out holds what came before it). out: len + 16 bytes. */
int detach_keys_scan(struct detach_keys *k, const char *in, size_t len, char *out, size_t *out_len);

#endif
