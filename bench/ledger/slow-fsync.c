/*
 * Loaded with LD_PRELOAD into a ledger server by slow-fsync.ts: every fsync and fdatasync waits
 * MACARON_BENCH_FSYNC_US microseconds before the real call, as on a disk whose flush is slower.
 */
#define _GNU_SOURCE
#include <dlfcn.h>
#include <stdlib.h>
#include <time.h>

static void wait_as_a_slower_disk(void) {
  const char *setting = getenv("MACARON_BENCH_FSYNC_US");
  long micros = setting ? atol(setting) : 0;
  struct timespec pause = {micros / 1000000, (micros % 1000000) * 1000};
  if (micros > 0) nanosleep(&pause, NULL);
}

int fsync(int fd) {
  static int (*real_fsync)(int);
  if (!real_fsync) real_fsync = (int (*)(int))dlsym(RTLD_NEXT, "fsync");
  wait_as_a_slower_disk();
  return real_fsync(fd);
}

int fdatasync(int fd) {
  static int (*real_fdatasync)(int);
  if (!real_fdatasync) real_fdatasync = (int (*)(int))dlsym(RTLD_NEXT, "fdatasync");
  wait_as_a_slower_disk();
  return real_fdatasync(fd);
}
