// The Coq form of Busy Beaver claims (see statements.hpp).
#include "generators/busy_beaver/statements.hpp"

namespace tcs::busy_beaver {

namespace {

std::string coq_state(int s) { return std::string("q") + static_cast<char>('A' + s); }

std::string coq_delta(const Machine& m) {
  std::string out =
      "(* None: undefined (---), halts; Some (w, d, None): writes, moves, halts. *)\n"
      "Definition delta (s : state) (r : nat) : option (nat * dir * option state) :=\n"
      "  match s, r with\n";
  for (int s = 0; s < m.states; ++s)
    for (int r = 0; r < m.symbols; ++r) {
      const Transition& t = m.at(s, r);
      std::string rhs = "None";
      if (t.defined)
        rhs = "Some (" + std::to_string(t.write) + ", " + (t.right ? "DR" : "DL") + ", " +
              (m.halts_into(t.next) ? std::string("None") : "Some " + coq_state(t.next - 'A')) + ")";
      out += "  | " + coq_state(s) + ", " + (r + 1 == m.symbols ? std::string("_") : std::to_string(r)) +
             " => " + rhs + "\n";
    }
  return out + "  end.\n\n";
}

const char* kCoqMachinery = R"((* A configuration: the state, the cells left of the head (nearest first), the cell
   under the head, the cells right of it (nearest first). Cells beyond the lists are 0. *)
Record conf : Type := mk_conf { cst : state; cleft : list nat; ccur : nat; cright : list nat }.

Definition head_or_blank (l : list nat) : nat := match l with [] => 0 | x :: _ => x end.

Definition move (d : dir) (w : nat) (c : conf) (s : state) : conf :=
  match d with
  | DL => mk_conf s (tl (cleft c)) (head_or_blank (cleft c)) (w :: cright c)
  | DR => mk_conf s (w :: cleft c) (head_or_blank (cright c)) (tl (cright c))
  end.

(* One step: Some c' for a non-halting transition, None for a halting one. The halting
   transition counts as a step: "halts after exactly n steps" means n - 1 non-halting steps
   followed by a halting one. *)
Definition step (c : conf) : option conf :=
  match delta (cst c) (ccur c) with
  | None => None
  | Some (w, d, None) => None
  | Some (w, d, Some s) => Some (move d w c s)
  end.

(* The configuration after n non-halting steps, None if some step among them halts. *)
Definition run (n : N) (c : conf) : option conf :=
  N.iter n (fun o => match o with Some c' => step c' | None => None end) (Some c).

Definition start : conf := mk_conf qA [] 0 [].

Definition halts_in (n : N) : bool :=
  match run (N.pred n) start with
  | Some c => match n, step c with N0, _ => false | _, None => true | _, Some _ => false end
  | None => false
  end.

Definition no_halt_within (n : N) : bool :=
  match run n start with Some _ => true | None => false end.

Definition nonblank (l : list nat) : nat :=
  fold_left (fun acc x => if Nat.eqb x 0 then acc else S acc) l 0.

(* The non-blank cells after the halting step n (it writes w when it is defined). *)
Definition ones_at_halt (n : N) : option nat :=
  if halts_in n then
    match run (N.pred n) start with
    | Some c =>
      let w := match delta (cst c) (ccur c) with Some (w, _, _) => w | None => ccur c end in
      Some (nonblank (cleft c) + nonblank (cright c) + (if Nat.eqb w 0 then 0 else 1))
    | None => None
    end
  else None.

)";

std::string theorem(const Claim& c) {
  const std::string n = std::to_string(c.n);
  if (c.kind == "halts_in")
    return "Theorem halts_after_" + n + " : halts_in " + n + " = true.\n";
  if (c.kind == "ones_on_halt")
    return "Theorem ones_after_" + n + " : ones_at_halt " + n + " = Some " + std::to_string(c.ones) +
           "%nat.\n";
  if (c.kind == "no_halt_within")
    return "Theorem no_halt_within_" + n + " : no_halt_within " + n + " = true.\n";
  if (c.kind == "never_halts")
    return "Theorem never_halts : forall n : N, no_halt_within n = true.\n";
  return "(* S(" + std::to_string(c.machine.states) + ", " + std::to_string(c.machine.symbols) +
         ") >= " + n + ": this machine witnesses it. *)\nTheorem bb_lower_bound : exists k : N, (" +
         n + " <= k)%N /\\ halts_in k = true.\n";
}

}  // namespace

std::string claim_coq(const Claim& c) {
  const Machine& m = c.machine;
  std::string out = "(* Busy Beaver claim \"" + c.kind + "\" about the Turing machine " +
                    to_string(m) + "\n   (bbchallenge format; " + std::to_string(m.states) +
                    " states, " + std::to_string(m.symbols) +
                    " symbols, start in A on a blank tape). *)\n"
                    "Require Import Coq.Lists.List Coq.NArith.NArith.\nImport ListNotations.\n"
                    "\nInductive state : Set :=";
  for (int s = 0; s < m.states; ++s) out += (s ? " | " : " ") + coq_state(s);
  out += ".\nInductive dir : Set := DL | DR.\n\n" + coq_delta(m) + kCoqMachinery + theorem(c) +
         "Proof.\nAdmitted.\n";
  return out;
}

}  // namespace tcs::busy_beaver
