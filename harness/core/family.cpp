#include "harness/core/family.hpp"

#include "harness/core/contract.hpp"

namespace tcs::core {

void FamilyRegistry::add(std::unique_ptr<Family> family) {
  TCS_REQUIRE(family != nullptr, "null family");
  TCS_REQUIRE(find(family->name()) == nullptr, "family registered twice");
  families_.push_back(std::move(family));
}

const Family* FamilyRegistry::find(std::string_view name) const {
  for (const auto& f : families_)
    if (f->name() == name) return f.get();
  return nullptr;
}

std::vector<std::string> FamilyRegistry::names() const {
  std::vector<std::string> out;
  for (const auto& f : families_) out.emplace_back(f->name());
  return out;
}

}  // namespace tcs::core
