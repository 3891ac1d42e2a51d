// Dataset export: one JSON record per problem with its formal and informal statements, its
// ground-truth answer and every verified (re-checked) proof.
#pragma once

#include <iosfwd>

#include "harness/core/expected.hpp"
#include "harness/store/store.hpp"

namespace tcs::runner {

// run_id 0 = every problem of every run in the database. Returns the number of records.
core::Expected<int64_t> export_jsonl(const store::Store& store, int64_t run_id, std::ostream& out);

}  // namespace tcs::runner
