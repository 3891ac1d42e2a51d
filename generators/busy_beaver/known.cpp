#include "generators/busy_beaver/known.hpp"

namespace tcs::busy_beaver {

const std::vector<KnownValue>& known_values() {
  static const std::vector<KnownValue> values = {
      {"BB(2)", "1RB1LB_1LA1RZ", 6, 4, true},
      {"S(3)", "1RB1RZ_1LB0RC_1LC1LA", 21, 5, true},
      {"Σ(3)", "1RB1RZ_0RC1RB_1LC1LA", 14, 6, true},
      {"BB(4)", "1RB1LB_1LA0LC_1RZ1LD_1RD0RA", 107, 13, true},
      {"BB(2,3)", "1RB2LB1RZ_2LA2RB1LB", 38, 9, true},
      {"BB(2,4) champion", "1RB2LA1RA1RA_1LB1LA3RB1RZ", 3932964, 2050, false},
      {"BB(5)", "1RB1LC_1RC1RB_1RD0LE_1LA1LD_1RZ0LA", 47176870, 4098, true},
  };
  return values;
}

}  // namespace tcs::busy_beaver
