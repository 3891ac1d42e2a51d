// Contract checks: a broken precondition is a bug, not an expected failure, so it aborts
// loudly with the function and condition instead of travelling as a value.
#pragma once

#include <cstdio>
#include <cstdlib>

#define TCS_REQUIRE(cond, what)                                                          \
  do {                                                                                   \
    if (!(cond)) {                                                                       \
      std::fprintf(stderr, "tcsprove: internal error in %s: %s (%s)\n", __func__, what, \
                   #cond);                                                               \
      std::abort();                                                                      \
    }                                                                                    \
  } while (0)
