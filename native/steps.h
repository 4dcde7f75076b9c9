#ifndef MC_STEPS_H
#define MC_STEPS_H

#include "plan.h"

/* Runs one container-side step (not OP_EXEC); returns 0 or the errno of the failed call. */
int step_run(const struct step *step);

/* Replaces the process as the OP_EXEC step says; returns the errno when that is impossible. */
int exec_run(const struct step *step);

#endif
