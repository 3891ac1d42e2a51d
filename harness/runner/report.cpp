#include "harness/runner/report.hpp"

#include <cmath>
#include <cstdio>
#include <map>
#include <sstream>

#include "harness/runner/run_config.hpp"
#include "harness/search/sample.hpp"

namespace tcs::runner {

namespace {

using Key = std::tuple<std::string, std::string, std::string, std::string>;

// Attempts of one problem, as read back from the store.
struct ProblemAttempts {
  const core::Problem* problem = nullptr;
  std::vector<core::VerdictKind> verdicts;
  std::vector<core::Json> details;
};

// Mean over problems of the unbiased pass@k, for the k's a row can support.
void add_pass_at_k(const std::vector<const ProblemAttempts*>& group, core::OrderedJson& metrics) {
  int64_t n_min = INT64_MAX;
  for (const auto* pa : group) n_min = std::min<int64_t>(n_min, pa->verdicts.size());
  if (group.empty() || n_min == 0) return;
  for (int64_t k : {int64_t{1}, n_min}) {
    double sum = 0;
    for (const auto* pa : group) {
      int64_t n = pa->verdicts.size(), c = 0;
      for (auto v : pa->verdicts) c += v == core::VerdictKind::verified;
      sum += search::pass_at_k(n, c, k);
    }
    metrics["pass@" + std::to_string(k)] = sum / group.size();
    if (n_min == 1) break;
  }
}

ReportRow make_row(const Key& key, const std::vector<const ProblemAttempts*>& group,
                   const core::FamilyRegistry& families) {
  ReportRow row{std::get<0>(key), std::get<1>(key), std::get<2>(key), std::get<3>(key)};
  row.difficulty_score = INFINITY;
  const core::Family* family = families.find(row.family);
  auto metrics = family ? family->metrics() : nullptr;
  for (const auto* pa : group) {
    row.problems += 1;
    row.attempts += pa->verdicts.size();
    row.difficulty_score = std::min(row.difficulty_score, pa->problem->difficulty.score);
    bool solved = false;
    std::vector<core::AttemptOutcome> outcomes;
    for (size_t i = 0; i < pa->verdicts.size(); ++i) {
      solved |= pa->verdicts[i] == core::VerdictKind::verified;
      outcomes.push_back({pa->verdicts[i], &pa->details[i]});
    }
    row.solved += solved;
    if (metrics) metrics->add(*pa->problem, outcomes);
  }
  if (metrics) row.metrics = metrics->result();
  add_pass_at_k(group, row.metrics);
  return row;
}

}  // namespace

core::Expected<Report> build_report(const store::Store& store, int64_t run_id,
                                    const core::FamilyRegistry& families) {
  Report report;
  auto run = store.run(run_id);
  if (!run) return run.error();
  report.run = *run;
  auto problems = store.run_problems(run_id);
  if (!problems) return problems.error();

  std::map<std::string, ProblemAttempts> by_id;
  for (const auto& p : *problems) by_id[p.id].problem = &p;
  for (const auto& a : store.attempts(run_id)) {
    auto& pa = by_id[a.problem_id];
    pa.verdicts.push_back(a.verdict);
    pa.details.push_back(a.detail_json.empty() ? core::Json()
                                               : core::Json::parse(a.detail_json, nullptr, false));
    report.verdicts[std::string(core::to_string(a.verdict))] += 1;
  }
  // A suite whose [[problems]] groups name their own search gets one row per strategy; a
  // tree search's attempt says its strategy in its detail.
  core::Json config = core::Json::parse(run->config_json, nullptr, false);
  bool grouped = false;
  if (config.is_object() && config.contains("problems") && config["problems"].is_array())
    for (const auto& s : config["problems"]) grouped |= s.is_object() && (s.contains("search") || s.contains("budget"));
  const std::string run_strategy = config.is_object() && config.contains("search")
                                       ? config["search"].value("strategy", "") : "";
  std::map<Key, std::vector<const ProblemAttempts*>> groups;
  for (const auto& p : *problems) {
    const ProblemAttempts& pa = by_id[p.id];
    std::string search;
    if (grouped) {
      // Tree attempts name their strategy; attempts that do not were sampled. Only a problem
      // with no attempt yet falls back to the suite's [search].
      search = pa.details.empty() ? run_strategy : "sample";
      for (const auto& d : pa.details)
        if (d.is_object() && d.contains("strategy") && d["strategy"].is_string()) search = d["strategy"];
    }
    groups[{p.family, p.kind, p.difficulty.level, search}].push_back(&pa);
  }
  for (const auto& [key, group] : groups) {
    report.rows.push_back(make_row(key, group, families));
    report.total.problems += report.rows.back().problems;
    report.total.attempts += report.rows.back().attempts;
    report.total.solved += report.rows.back().solved;
  }
  std::stable_sort(report.rows.begin(), report.rows.end(), [](const auto& a, const auto& b) {
    return std::tie(a.family, a.kind, a.search, a.difficulty_score) <
           std::tie(b.family, b.kind, b.search, b.difficulty_score);
  });

  report.run_json = {{"id", run->id},         {"name", run->name},
                     {"status", run->status}, {"seed", run->seed},
                     {"git_describe", run->git_describe},
                     {"created_at", run->created_at}, {"finished_at", run->finished_at}};
  if (config.is_object()) {
    report.run_json["policy"] = config.value("policy", "");
    report.run_json["strategy"] = config["search"].value("strategy", "");
    report.run_json["samples"] = config["search"].value("samples", 0);
    if (report.run_json["strategy"] != "sample")
      report.run_json["budget"] = config["search"].value("budget", "");
  }
  return report;
}

core::OrderedJson report_json(const Report& report) {
  core::OrderedJson rows = core::OrderedJson::array();
  for (const auto& r : report.rows)
    rows.push_back({{"family", r.family},     {"kind", r.kind},         {"difficulty", r.difficulty},
                    {"problems", r.problems}, {"attempts", r.attempts}, {"solved", r.solved},
                    {"metrics", r.metrics}});
  for (size_t i = 0; i < report.rows.size(); ++i)
    if (!report.rows[i].search.empty()) rows[i]["search"] = report.rows[i].search;
  core::OrderedJson verdicts = core::OrderedJson::object();
  for (const auto& [name, count] : report.verdicts) verdicts[name] = count;
  return {{"run", report.run_json},
          {"rows", std::move(rows)},
          {"total",
           {{"problems", report.total.problems},
            {"attempts", report.total.attempts},
            {"solved", report.total.solved},
            {"verdicts", std::move(verdicts)}}}};
}

namespace {

std::string format_metric(const core::OrderedJson& value) {
  if (!value.is_number()) return {};
  char buf[32];
  double v = value.get<double>();
  if (value.is_number_integer()) std::snprintf(buf, sizeof buf, "%lld", value.get<long long>());
  else std::snprintf(buf, sizeof buf, "%.3f", v);
  return buf;
}

std::string percent(int64_t part, int64_t whole) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.1f%%", whole ? 100.0 * part / whole : 0.0);
  return buf;
}

}  // namespace

std::string report_markdown(const Report& report) {
  std::ostringstream out;
  const auto& r = report.run_json;
  out << "# tcsprove report: run " << report.run.id << " (" << report.run.name << ")\n\n";
  out << "- status: " << report.run.status << "\n- policy: " << r.value("policy", "")
      << ", strategy: " << r.value("strategy", "")
      << (r.contains("budget") ? ", budget: " + r.value("budget", "")
                               : ", samples per problem: " + std::to_string(r.value("samples", 0)))
      << "\n- seed: " << report.run.seed
      << ", tcsprove " << report.run.git_describe << "\n\n";
  // Columns: the fixed ones, then every numeric metric any row has, in first-seen order.
  std::vector<std::string> metric_names;
  for (const auto& row : report.rows)
    for (const auto& [name, value] : row.metrics.items())
      if (value.is_number() &&
          std::find(metric_names.begin(), metric_names.end(), name) == metric_names.end())
        metric_names.push_back(name);
  bool searches = false;  // a search column only when groups search differently
  for (const auto& row : report.rows) searches |= !row.search.empty();
  out << "| family | kind | difficulty |" << (searches ? " search |" : "") << " problems | attempts | solved |";
  for (const auto& m : metric_names) out << ' ' << m << " |";
  out << "\n|---|---|---|" << (searches ? "---|" : "") << "--:|--:|--:|";
  for (size_t i = 0; i < metric_names.size(); ++i) out << "--:|";
  out << '\n';
  for (const auto& row : report.rows) {
    out << "| " << row.family << " | " << row.kind << " | " << row.difficulty << " | "
        << (searches ? row.search + " | " : "") << row.problems << " | " << row.attempts << " | " << row.solved << " ("
        << percent(row.solved, row.problems) << ") |";
    for (const auto& m : metric_names)
      out << ' ' << (row.metrics.contains(m) ? format_metric(row.metrics[m]) : "") << " |";
    out << '\n';
  }
  const auto& t = report.total;
  out << "| **total** | | | " << (searches ? "| " : "") << t.problems << " | " << t.attempts << " | " << t.solved << " ("
      << percent(t.solved, t.problems) << ") |";
  for (size_t i = 0; i < metric_names.size(); ++i) out << " |";
  out << "\n\nVerdicts:";
  for (const auto& [name, count] : report.verdicts) out << ' ' << name << ' ' << count << ';';
  out << '\n';
  return out.str();
}

}  // namespace tcs::runner
