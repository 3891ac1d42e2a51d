// tcsprove version: the build's version and the database schema it writes.
#include <iostream>

#include "harness/cli/command.hpp"
#include "harness/store/store.hpp"

namespace tcs::cli {

void add_version(CLI::App& app, Context& ctx) {
  auto* cmd = app.add_subcommand("version", "Print the version, schema version and families");
  cmd->callback([&ctx] {
    ctx.action = [&ctx] {
      std::cout << "tcsprove " << git_describe() << "\nstore schema " << store::kSchemaVersion
                << "\nfamilies:";
      for (const auto& name : ctx.families.names()) std::cout << ' ' << name;
      std::cout << '\n';
      return int{kOk};
    };
  });
}

}  // namespace tcs::cli
