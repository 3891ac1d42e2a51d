#include "provers/z3/goal.hpp"

namespace tcs::z3b {

namespace {

core::Error at(const Sexpr& e, const std::string& what) {
  return core::bad_input(e.where() + ": " + what);
}

core::Status add_decl(const Sexpr& cmd, SmtGoal& goal) {
  const std::string& head = cmd.items[0].atom;
  const bool fun = head == "declare-fun";
  if (cmd.items.size() != (fun ? 4u : 3u) || cmd.items[1].is_list)
    return at(cmd, head + (fun ? " must be (declare-fun NAME () SORT)"
                               : " must be (declare-const NAME SORT)"));
  if (fun && !(cmd.items[2].is_list && cmd.items[2].items.empty()))
    return at(cmd.items[2], "only constants (declare-fun NAME () SORT) are accepted");
  const std::string& name = cmd.items[1].atom;
  if (!valid_symbol_name(name)) return at(cmd.items[1], "bad or reserved symbol name " + name);
  if (find_decl(goal.decls, name)) return at(cmd.items[1], name + " is declared twice");
  if (!goal.hyps.empty()) return at(cmd, "declarations must come before the asserts");
  auto w = parse_sort(cmd.items.back());
  if (!w) return w.error();
  goal.decls.push_back({name, *w});
  return {};
}

core::Status add_command(const Sexpr& cmd, SmtGoal& goal, bool& done) {
  if (!cmd.is_list || cmd.items.empty() || cmd.items[0].is_list)
    return at(cmd, "expected a command such as (declare-const ..) or (assert ..)");
  if (done) return at(cmd, "nothing may follow (check-sat)");
  const std::string& head = cmd.items[0].atom;
  if (head == "set-logic") {
    if (cmd.items.size() != 2 || !cmd.items[1].is_atom("QF_BV"))
      return at(cmd, "only (set-logic QF_BV) is accepted");
    return {};
  }
  if (head == "set-info") return {};
  if (head == "declare-const" || head == "declare-fun") return add_decl(cmd, goal);
  if (head == "check-sat") {
    done = true;
    return {};
  }
  if (head != "assert") return at(cmd, "command " + head + " is not accepted in a goal");
  if (cmd.items.size() != 2) return at(cmd, "assert takes one term");
  auto t = parse_term(cmd.items[1], goal.decls);
  if (!t) return t.error();
  if ((*t)->width != kBool) return at(cmd.items[1], "an assert must be Bool");
  goal.hyps.push_back(std::move(*t));
  return {};
}

}  // namespace

core::Expected<SmtGoal> parse_goal(std::string_view text) {
  auto cmds = parse_sexprs(text);
  if (!cmds) return cmds.error();
  SmtGoal goal;
  bool done = false;
  for (const Sexpr& cmd : *cmds)
    if (auto s = add_command(cmd, goal, done); !s.ok()) return s.error();
  if (goal.hyps.empty()) return core::bad_input("the goal has no assert");
  const TermPtr last = goal.hyps.back();
  if (last->op == Op::not_) {
    goal.target = last->args[0];
    goal.hyps.pop_back();
  } else {
    goal.target = make_bool(false);
  }
  return goal;
}

std::string goal_text(const SmtGoal& goal) {
  std::string out = "(set-logic QF_BV)\n";
  for (const auto& d : goal.decls)
    out += "(declare-const " + d.name + " " + sort_text(d.width) + ")\n";
  for (const auto& h : goal.hyps) out += "(assert " + to_smt(h) + ")\n";
  out += "(assert (not " + to_smt(goal.target) + "))\n(check-sat)\n";
  return out;
}

bool is_equation(const SmtGoal& goal) {
  return goal.target->op == Op::eq && goal.target->args.size() == 2 &&
         goal.target->args[0]->width != kBool;
}

}  // namespace tcs::z3b
