// Checker: the one question every back-end answers — is this candidate a correct answer or
// proof of this problem?
#pragma once

#include <functional>
#include <map>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "harness/core/candidate.hpp"
#include "harness/core/limits.hpp"
#include "harness/core/problem.hpp"
#include "harness/core/proof_env.hpp"
#include "harness/core/verdict.hpp"

namespace tcs::core {

class Checker {
 public:
  virtual ~Checker() = default;
  // The back-end name written in attempts ("native", "z3", "lean", "coq").
  virtual std::string_view backend() const = 0;
  // Checks from scratch: no state from earlier calls may influence the verdict, so the same
  // call on a fresh Checker gives the same verdict (this is what re-checking relies on).
  // Never throws for bad candidates: malformed text is a `rejected` verdict saying why.
  // May be called from several threads at once only if the implementation says so.
  virtual Verdict check(const Problem& problem, const Candidate& candidate,
                        const Limits& limits) = 0;
};

}  // namespace tcs::core

namespace tcs::core {

// Back-ends other than a family's native engine ("z3", "coq", "lean"), by name. The CLI
// registers what this build and machine have; the runner picks the checker a candidate names
// in Candidate::backend ("native" = the problem's family's own checker), and the step
// environment (ProofEnv) a tree search runs on.
class BackendRegistry {
 public:
  using Factory = std::function<std::unique_ptr<Checker>()>;
  using EnvFactory = std::function<std::unique_ptr<ProofEnv>()>;
  void add(std::string name, Factory factory) { factories_[std::move(name)] = std::move(factory); }
  void add_env(std::string name, EnvFactory factory) { envs_[std::move(name)] = std::move(factory); }
  // Null when no back-end has a step environment under that name.
  const EnvFactory* find_env(std::string_view name) const {
    auto it = envs_.find(std::string(name));
    return it == envs_.end() ? nullptr : &it->second;
  }
  // Null when no back-end has that name.
  const Factory* find(std::string_view name) const {
    auto it = factories_.find(std::string(name));
    return it == factories_.end() ? nullptr : &it->second;
  }
  std::vector<std::string> names() const {
    std::vector<std::string> out;
    for (const auto& [name, f] : factories_) out.push_back(name);
    return out;
  }
  // A back-end this build knows but this machine cannot run, and why (e.g. "coqc not found").
  void mark_unavailable(std::string name, std::string why) {
    unavailable_[std::move(name)] = std::move(why);
  }
  // What to tell a user who asked for NAME and got nothing.
  std::string why_missing(std::string_view name) const {
    auto it = unavailable_.find(std::string(name));
    if (it != unavailable_.end()) return std::string(name) + " back-end unavailable: " + it->second;
    std::string known;
    for (const auto& n : names()) known += (known.empty() ? "" : ", ") + n;
    return "no back-end named " + std::string(name) + " (this machine has: " + known + ")";
  }

 private:
  std::map<std::string, Factory> factories_;
  std::map<std::string, EnvFactory> envs_;
  std::map<std::string, std::string> unavailable_;
};

}  // namespace tcs::core
