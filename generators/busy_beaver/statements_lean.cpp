// The Lean 4 form of Busy Beaver claims (see statements.hpp). Self-contained: no Mathlib.
#include "generators/busy_beaver/statements.hpp"

namespace tcs::busy_beaver {

namespace {

std::string lean_delta(const Machine& m) {
  std::string out =
      "/-- `none`: undefined (`---`), halts; `some (w, d, none)`: writes, moves, halts. -/\n"
      "def delta : St → Nat → Option (Nat × Dir × Option St)\n";
  for (int s = 0; s < m.states; ++s)
    for (int r = 0; r < m.symbols; ++r) {
      const Transition& t = m.at(s, r);
      std::string rhs = "none";
      if (t.defined)
        rhs = "some (" + std::to_string(t.write) + ", " + (t.right ? "Dir.R" : "Dir.L") + ", " +
              (m.halts_into(t.next) ? std::string("none") : std::string("some St.") + t.next) + ")";
      out += "  | St." + std::string(1, static_cast<char>('A' + s)) + ", " +
             (r + 1 == m.symbols ? std::string("_") : std::to_string(r)) + " => " + rhs + "\n";
    }
  return out + "\n";
}

const char* kLeanMachinery = R"(/-- The state, the cells left of the head (nearest first), the cell under the head, the
cells right of it (nearest first). Cells beyond the lists are 0. -/
structure Conf where
  st : St
  left : List Nat
  cur : Nat
  right : List Nat

def headOr : List Nat → Nat
  | [] => 0
  | x :: _ => x

def move (d : Dir) (w : Nat) (c : Conf) (s : St) : Conf :=
  match d with
  | Dir.L => { st := s, left := c.left.tail, cur := headOr c.left, right := w :: c.right }
  | Dir.R => { st := s, left := w :: c.left, cur := headOr c.right, right := c.right.tail }

/-- One step: `some c'` for a non-halting transition, `none` for a halting one. The halting
transition counts as a step: "halts after exactly n steps" means n - 1 non-halting steps
followed by a halting one. -/
def step (c : Conf) : Option Conf :=
  match delta c.st c.cur with
  | none => none
  | some (_, _, none) => none
  | some (w, d, some s) => some (move d w c s)

/-- The configuration after n non-halting steps; `none` if one of them halts. -/
def run : Nat → Conf → Option Conf
  | 0, c => some c
  | n + 1, c =>
    match run n c with
    | some c' => step c'
    | none => none

def start : Conf := { st := St.A, left := [], cur := 0, right := [] }

def HaltsIn (n : Nat) : Prop :=
  1 ≤ n ∧ ∃ c, run (n - 1) start = some c ∧ step c = none

def NoHaltWithin (n : Nat) : Prop := ∃ c, run n start = some c

def nonblank (l : List Nat) : Nat := (l.filter (fun x => x != 0)).length

/-- The symbol the halting transition leaves under the head. -/
def written (c : Conf) : Nat :=
  match delta c.st c.cur with
  | some (w, _, _) => w
  | none => c.cur

def OnesAtHalt (n k : Nat) : Prop :=
  HaltsIn n ∧ ∃ c, run (n - 1) start = some c ∧
    nonblank c.left + nonblank c.right + (if written c = 0 then 0 else 1) = k

)";

std::string theorem(const Claim& c) {
  const std::string n = std::to_string(c.n);
  if (c.kind == "halts_in") return "theorem halts_after_" + n + " : HaltsIn " + n + " := by\n  sorry\n";
  if (c.kind == "ones_on_halt")
    return "theorem ones_after_" + n + " : OnesAtHalt " + n + " " + std::to_string(c.ones) +
           " := by\n  sorry\n";
  if (c.kind == "no_halt_within")
    return "theorem no_halt_within_" + n + " : NoHaltWithin " + n + " := by\n  sorry\n";
  if (c.kind == "never_halts") return "theorem never_halts : ∀ n, NoHaltWithin n := by\n  sorry\n";
  return "/-- S(" + std::to_string(c.machine.states) + ", " + std::to_string(c.machine.symbols) +
         ") ≥ " + n + ": this machine witnesses it. -/\ntheorem bb_lower_bound : ∃ k, " + n +
         " ≤ k ∧ HaltsIn k := by\n  sorry\n";
}

}  // namespace

std::string claim_lean(const Claim& c) {
  const Machine& m = c.machine;
  std::string out = "/- Busy Beaver claim \"" + c.kind + "\" about the Turing machine " +
                    to_string(m) + "\n   (bbchallenge format; " + std::to_string(m.states) +
                    " states, " + std::to_string(m.symbols) +
                    " symbols, start in A on a blank tape). -/\n\ninductive St where\n ";
  for (int s = 0; s < m.states; ++s) out += " | " + std::string(1, static_cast<char>('A' + s));
  out += "\n  deriving DecidableEq, Repr\n\ninductive Dir where\n  | L | R\n  deriving DecidableEq, "
         "Repr\n\n" + lean_delta(m) + kLeanMachinery + theorem(c);
  return out;
}

}  // namespace tcs::busy_beaver
