// Actor mentions that the actor lexicon does not list as phrases (docs/events.md, step 4):
// found from the shape of the words around a lexicon entry, with language knowledge in
// data/<lang>/events.txt ([demonym], [armed-noun], [org:<type>], [name-link], [capital],
// [in-place]). Internal to event assembly.
#pragma once

#include <bitset>
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "assemble/assemble.h"

namespace veille::assemble {

using TokenRange = std::pair<uint32_t, uint32_t>;  // first and last token of a mention

// By word: the sections of the lexicon whose entries may start there (null: none), looked up
// once per document, so that scans of every word ask the lexicon only where it may answer.
using SectionsAt = std::vector<const std::bitset<recognize::kMaxSections>*>;
inline bool MayStartAt(const SectionsAt& at, size_t i, recognize::SectionId section) {
  return i < at.size() && at[i] && (*at[i])[section];
}

// The capitalised name that starts at token `first` (before `end`, and before any token marked in
// `taken`) and holds an organisation word ([org:<type>]): its last token and that word's actor
// type. Lower-case words may lead to the organisation word ("Front populaire de libération")
// or link to the rest of the name ([name-link]: "of", "de").
struct OrganisationName {
  uint32_t last;
  std::string type;
};
std::optional<OrganisationName> OrganisationAt(const Input& in, const recognize::Lexicon& lex,
                                              const recognize::Words& w, const SectionsAt& at, uint32_t first,
                                              uint32_t end, const std::vector<uint8_t>* taken);

// Adds to `actors` (and `actor_tokens`, kept parallel and in text order):
// - a state's military named by a demonym beside an armed noun ("Russian artillery", "les
//   frappes russes", "drones ucranianos"); `postposed` is set at the demonym when it follows
//   its noun, where it names the agent of the noun;
// - organisations named by a capitalised name holding an organisation word ([org:<type>]:
//   "the Kivu Popular Liberation Front", "Front populaire de libération du Kivu");
// - persons named after a title ("opposition leader Ousmane Sonko", "le président kényan
//   William Ruto"): the surname alone later in the document is the same person.
void AddUnlistedActors(const Input& in, const recognize::Lexicon& lex, const recognize::Words& w, const SectionsAt& at,
                       std::vector<ActorMention>& actors, std::vector<TokenRange>& actor_tokens,
                       std::vector<bool>& postposed);

// The two sides of a reciprocal act (a clash, an agreement) named after its trigger when no
// subject stands before it: "des combats ont opposé l'armée aux rebelles", "se registraron
// enfrentamientos entre militares y disidencias de las FARC", "fighting between soldiers and
// Fano militiamen". Candidates are the actors `candidates` (indexes into `actor_tokens`, in
// text order); the first must follow the trigger within six words of its clause, the second
// must follow the first with only conjunctions, articles, demonyms and `[side-join]` words
// ("à", "aux", "contra", "against") between. Returns their indexes.
std::optional<std::pair<size_t, size_t>> SidesAfterTrigger(const recognize::Lexicon& lex, const recognize::Words& w,
                                                           uint32_t trigger_last, uint32_t sentence_end,
                                                           const std::vector<TokenRange>& actor_tokens,
                                                           const std::vector<size_t>& candidates);

// The subject named right after its verb in a sentence that opens with it (Spanish verb-subject
// order: "Atacaron hombres armados el martes un puesto de policía"): the first of `candidates`
// (indexes into `actor_tokens`, in text order) within four words after the trigger, with no
// comma or `[object-marker]` ("a", "contra": an object) before it. Words of a date may open the
// sentence ("El martes atacaron ..."). Returns its index in `candidates`.
std::optional<size_t> PostverbalSubject(const Input& in, const recognize::Lexicon& lex, const recognize::Words& w,
                                        const Sentence& s, uint32_t trigger_first, uint32_t trigger_last,
                                        const std::vector<TokenRange>& actor_tokens,
                                        const std::vector<size_t>& candidates);

// Capitals that can stand for their government in a statement ("Moscow accused Kyiv",
// "Washington a appelé Pékin"): every [capital] not after an [in-place] word ("in Moscow"),
// with its first token.
std::vector<std::pair<ActorMention, uint32_t>> CapitalActors(const Input& in, const recognize::Lexicon& lex,
                                                             const recognize::Words& w, const SectionsAt& at);

// The armed group that claims the story's violence: the first actor of the sentence before a
// [claim] phrase ("JNIM a revendiqué"), or the one right after it ("revendiqué par l'État
// islamique"), when it is a non-state armed group, no teller, and the claim is not negated.
std::optional<Actor> ClaimantOf(const Input& in, const recognize::Lexicon& lex, const recognize::Words& w,
                                const SectionsAt& at, const std::vector<ActorMention>& actors, const std::vector<TokenRange>& actor_tokens,
                                const std::vector<bool>& is_source,
                                const std::function<bool(uint32_t, const Sentence&)>& negated);

}  // namespace veille::assemble
