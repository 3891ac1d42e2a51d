#include "generators/regex/regex.hpp"

#include <algorithm>

namespace tcs::regex {

int Alphabet::index(char c) const {
  const size_t at = letters.find(c);
  return at == std::string::npos ? -1 : static_cast<int>(at);
}

core::Expected<Alphabet> make_alphabet(std::string_view letters) {
  if (letters.empty() || letters.size() > 16)
    return core::bad_input("the alphabet needs 1 to 16 letters, got " + std::to_string(letters.size()));
  for (size_t i = 0; i < letters.size(); ++i) {
    const char c = letters[i];
    if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')))
      return core::bad_input(std::string("alphabet letter '") + c + "' is not in [a-z0-9]");
    if (letters.find(c) != i) return core::bad_input(std::string("alphabet letter '") + c + "' is repeated");
  }
  return Alphabet{std::string(letters)};
}

int depth(const Regex& r) {
  std::vector<int> d(r.nodes.size(), 0);
  for (size_t i = 0; i < r.nodes.size(); ++i) {
    const Node& n = r.nodes[i];
    if (n.op == Op::letter) continue;
    d[i] = 1 + std::max(d[n.a], n.b >= 0 ? d[n.b] : 0);
  }
  return d.empty() ? 0 : d.back();
}

int letter_count(const Regex& r) {
  return static_cast<int>(std::count_if(r.nodes.begin(), r.nodes.end(),
                                        [](const Node& n) { return n.op == Op::letter; }));
}

namespace {

// Appends `r` to `out`, returning the index of its root.
int32_t append(std::vector<Node>& out, const Regex& r) {
  const int32_t offset = static_cast<int32_t>(out.size());
  for (Node n : r.nodes) {
    if (n.a >= 0) n.a += offset;
    if (n.b >= 0) n.b += offset;
    out.push_back(n);
  }
  return static_cast<int32_t>(out.size()) - 1;
}

bool is_chain(Op op) { return op == Op::concat || op == Op::choice; }

// Collects the operands of a maximal `op` chain below node i, left to right.
void chain_operands(const Regex& r, int32_t i, Op op, std::vector<int32_t>& out) {
  const Node& n = r.nodes[i];
  if (n.op != op) {
    out.push_back(i);
    return;
  }
  chain_operands(r, n.a, op, out);
  chain_operands(r, n.b, op, out);
}

int32_t rebuild_left(const Regex& r, int32_t i, std::vector<Node>& out) {
  const Node& n = r.nodes[i];
  if (n.op == Op::letter) {
    out.push_back(n);
    return static_cast<int32_t>(out.size()) - 1;
  }
  if (!is_chain(n.op)) {
    const int32_t a = rebuild_left(r, n.a, out);
    out.push_back({n.op, 0, a, -1});
    return static_cast<int32_t>(out.size()) - 1;
  }
  std::vector<int32_t> operands;
  chain_operands(r, i, n.op, operands);
  int32_t acc = rebuild_left(r, operands[0], out);
  for (size_t k = 1; k < operands.size(); ++k) {
    const int32_t next = rebuild_left(r, operands[k], out);
    out.push_back({n.op, 0, acc, next});
    acc = static_cast<int32_t>(out.size()) - 1;
  }
  return acc;
}

// Binding strength: 3 postfix/letter, 2 concatenation, 1 union.
int strength(Op op) { return op == Op::choice ? 1 : op == Op::concat ? 2 : 3; }

void print_node(const Regex& r, int32_t i, const Alphabet& alphabet, std::string& out);

void print_child(const Regex& r, int32_t child, int need, const Alphabet& alphabet, std::string& out) {
  const bool parens = strength(r.nodes[child].op) < need;
  if (parens) out += '(';
  print_node(r, child, alphabet, out);
  if (parens) out += ')';
}

void print_node(const Regex& r, int32_t i, const Alphabet& alphabet, std::string& out) {
  const Node& n = r.nodes[i];
  switch (n.op) {
    case Op::letter: out += alphabet.letters[n.letter]; return;
    case Op::star:
    case Op::option:
      print_child(r, n.a, 3, alphabet, out);
      out += n.op == Op::star ? '*' : '?';
      return;
    case Op::concat:
    case Op::choice: {
      const int s = strength(n.op);
      print_child(r, n.a, s, alphabet, out);
      if (n.op == Op::choice) out += '+';
      // A right operand of the same kind needs parentheses to keep the tree's shape.
      print_child(r, n.b, s + 1, alphabet, out);
      return;
    }
  }
}

}  // namespace

Regex letter(int index) { return Regex{{Node{Op::letter, static_cast<uint8_t>(index), -1, -1}}}; }

Regex unary(Op op, const Regex& r) {
  Regex out = r;
  out.nodes.push_back({op, 0, r.root(), -1});
  return out;
}

Regex binary(Op op, const Regex& left, const Regex& right) {
  Regex out;
  out.nodes.reserve(left.nodes.size() + right.nodes.size() + 1);
  const int32_t a = append(out.nodes, left);
  const int32_t b = append(out.nodes, right);
  out.nodes.push_back({op, 0, a, b});
  return out;
}

Regex left_associated(const Regex& r) {
  Regex out;
  out.nodes.reserve(r.nodes.size());
  rebuild_left(r, r.root(), out.nodes);
  return out;
}

std::string print(const Regex& r, const Alphabet& alphabet) {
  std::string out;
  if (!r.nodes.empty()) print_node(r, r.root(), alphabet, out);
  return out;
}

std::string smt_regex(const Regex& r, const Alphabet& alphabet) {
  std::vector<std::string> text(r.nodes.size());
  for (size_t i = 0; i < r.nodes.size(); ++i) {
    const Node& n = r.nodes[i];
    switch (n.op) {
      case Op::letter: text[i] = std::string("(str.to_re \"") + alphabet.letters[n.letter] + "\")"; break;
      case Op::star: text[i] = "(re.* " + text[n.a] + ")"; break;
      case Op::option: text[i] = "(re.opt " + text[n.a] + ")"; break;
      case Op::concat: text[i] = "(re.++ " + text[n.a] + " " + text[n.b] + ")"; break;
      case Op::choice: text[i] = "(re.union " + text[n.a] + " " + text[n.b] + ")"; break;
    }
  }
  return text.empty() ? std::string() : text.back();
}

}  // namespace tcs::regex
