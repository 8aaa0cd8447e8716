#include "recognize/lexicon.h"

#include <algorithm>
#include <cstdlib>
#include <mutex>

#include "base/data.h"
#include "base/lines.h"
#include "normalize/fold.h"
#include "segment/segment.h"

namespace veille::recognize {

namespace {

// Words are short: a byte loop beats a call to memcmp, which the comparison operators make.
inline bool SameWord(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (size_t k = 0; k < a.size(); ++k) {
    if (a[k] != b[k]) return false;
  }
  return true;
}

}  // namespace

SectionId InternSection(std::string_view name) {
  static std::mutex mutex;
  static std::unordered_map<std::string, SectionId> ids;
  std::lock_guard<std::mutex> lock(mutex);
  auto it = ids.find(std::string(name));
  if (it != ids.end()) return it->second;
  SectionId id = static_cast<SectionId>(ids.size());
  // Overflow is a programming error in the data files' design, not a runtime condition.
  if (id >= kMaxSections) std::abort();
  ids.emplace(std::string(name), id);
  return id;
}

uint32_t Vocabulary::Find(std::string_view word, uint64_t hash) const {
  const size_t mask = slots_.size() - 1;
  for (size_t i = hash & mask;; i = (i + 1) & mask) {
    const Slot& slot = slots_[i];
    if (slot.id == kUnknown) return kUnknown;
    if (slot.hash == hash && SameWord(std::string_view(chars_.data() + slot.offset, slot.length), word)) return slot.id;
  }
}

uint32_t Vocabulary::Intern(std::string_view word) {
  const uint64_t hash = HashOf(word);
  if (uint32_t id = Find(word, hash); id != kUnknown) return id;
  if (2 * (size_ + 1) > slots_.size()) Grow();
  const size_t mask = slots_.size() - 1;
  size_t i = hash & mask;
  while (slots_[i].id != kUnknown) i = (i + 1) & mask;
  slots_[i] = Slot{hash, static_cast<uint32_t>(chars_.size()), static_cast<uint32_t>(word.size()), size_};
  chars_.append(word);
  return size_++;
}

void Vocabulary::Grow() {
  std::vector<Slot> old = std::move(slots_);
  slots_.assign(old.size() * 2, Slot{});
  const size_t mask = slots_.size() - 1;
  for (const Slot& slot : old) {
    if (slot.id == kUnknown) continue;
    size_t i = slot.hash & mask;
    while (slots_[i].id != kUnknown) i = (i + 1) & mask;
    slots_[i] = slot;
  }
}

Words::Words(std::string_view text, const std::vector<Token>& tokens, const Vocabulary* vocabulary)
    : vocabulary_(vocabulary) {
  // ASCII words (nearly all of them) are lower-cased, flagged and hashed in one pass; others
  // go through Unicode folding and are hashed afterwards.
  buffer_.resize(text.size() + tokens.size());
  words_.reserve(tokens.size());
  size_t used = 0;
  std::string folded;
  for (size_t t = 0; t < tokens.size(); ++t) {
    const Token& token = tokens[t];
    std::string_view raw = text.substr(token.span.begin, token.span.size());
    const uint32_t start = static_cast<uint32_t>(used);
    uint64_t hash = Vocabulary::kHashSeed;
    bool hyphen = false, ascii = true;
    char* out = buffer_.data() + used;
    for (size_t k = 0; k < raw.size(); ++k) {
      unsigned char c = static_cast<unsigned char>(raw[k]);
      if (c >= 0x80) {
        ascii = false;
        break;
      }
      c = c >= 'A' && c <= 'Z' ? static_cast<unsigned char>(c - 'A' + 'a') : c;
      hyphen = hyphen || c == '-';
      hash = Vocabulary::HashStep(hash, c);
      out[k] = static_cast<char>(c);
    }
    std::string_view word;
    if (ascii) {
      used += raw.size();
      word = std::string_view(buffer_.data() + start, raw.size());
    } else {
      folded.clear();
      normalize::AppendFoldedForMatch(folded, raw);
      // Folding may lengthen a word (ß -> ss): keep room for every later token too.
      const size_t needed = used + folded.size() + (text.size() - token.span.end) + (tokens.size() - t);
      if (needed > buffer_.size()) buffer_.resize(needed);
      std::copy(folded.begin(), folded.end(), buffer_.begin() + static_cast<ptrdiff_t>(used));
      used += folded.size();
      word = std::string_view(buffer_.data() + start, folded.size());
      hash = Vocabulary::HashOf(word);
      hyphen = word.find('-') != std::string_view::npos;
    }
    uint8_t flags = hyphen ? kHyphen : 0;
    if (!word.empty() && word[0] >= '0' && word[0] <= '9') flags |= kDigitStart;
    if (word.ends_with("'s")) flags |= kPossessive;
    // Digits never start a lexicon entry; skip looking them up.
    const uint32_t id = vocabulary_ && token.kind != TokenKind::kNumber ? vocabulary_->Find(word, hash) : Vocabulary::kUnknown;
    words_.push_back({start, static_cast<uint32_t>(word.size()), id, flags});
  }
  buffer_.resize(used);
}

Words::Words(const Words& from, std::span<const uint32_t> indices) : vocabulary_(from.vocabulary_) {
  words_.reserve(indices.size());
  for (uint32_t i : indices) {
    Word word = from.words_[i];
    word.start = static_cast<uint32_t>(buffer_.size());
    buffer_.append(from[i]);
    words_.push_back(word);
  }
}

Vocabulary& Vocabularies::For(std::string_view lang) {
  auto it = by_lang_.find(lang);
  if (it == by_lang_.end()) it = by_lang_.emplace(std::string(lang), std::make_unique<Vocabulary>()).first;
  return *it->second;
}

const Vocabulary* Vocabularies::Find(std::string_view lang) const {
  auto it = by_lang_.find(lang);
  if (it == by_lang_.end()) it = by_lang_.find("und");
  return it == by_lang_.end() ? nullptr : it->second.get();
}

std::vector<std::string> FoldPhrase(std::string_view phrase) {
  std::vector<Token> tokens;
  segment::Tokenize(phrase, 0, tokens);
  std::vector<std::string> out;
  for (size_t k = 0; k < tokens.size(); ++k) {
    const Token& t = tokens[k];
    std::string word = normalize::FoldForMatch(phrase.substr(t.span.begin, t.span.size()));
    // An elided word at the end of a phrase ("la mort d'", "jusqu'") is one token in text,
    // where a word follows the apostrophe.
    if (k + 1 < tokens.size() && phrase.substr(tokens[k + 1].span.begin, tokens[k + 1].span.size()) == "'" &&
        tokens[k + 1].span.begin == t.span.end && t.kind == TokenKind::kWord) {
      word += "'";
      ++k;
    }
    out.push_back(std::move(word));
  }
  return out;
}

namespace {

void SetSectionIds(LexiconEntry& e) {
  e.section_id = InternSection(e.section);
  size_t colon = e.section.find(':');
  e.family_id = colon == std::string::npos ? e.section_id : InternSection(e.section.substr(0, colon + 1) + "*");
}

}  // namespace

Result<Lexicon> Lexicon::Parse(std::string_view content, const std::string& name) {
  Lexicon lex;
  std::string section;
  LineReader lines(content);
  std::string_view line;
  while (lines.Next(line)) {
    const size_t line_no = lines.number();
    while (!line.empty() && (line.back() == '\r' || line.back() == ' ')) line.remove_suffix(1);
    while (!line.empty() && line.front() == ' ') line.remove_prefix(1);
    if (line.empty() || line.front() == '#') continue;
    if (line.front() == '[') {
      if (line.back() != ']') return Err(Status::Corruption(name + ":" + std::to_string(line_no) + ": unclosed section"));
      section.assign(line.substr(1, line.size() - 2));
      continue;
    }
    if (section.empty()) {
      return Err(Status::Corruption(name + ":" + std::to_string(line_no) + ": entry before any [section]"));
    }
    LexiconEntry e;
    e.section = section;
    SetSectionIds(e);
    size_t tab = line.find('\t');
    e.words = FoldPhrase(line.substr(0, tab));
    while (tab != std::string_view::npos) {
      size_t next = line.find('\t', tab + 1);
      std::string_view arg = line.substr(tab + 1, next == std::string_view::npos ? std::string_view::npos : next - tab - 1);
      if (!arg.empty()) e.args.emplace_back(arg);
      tab = next;
    }
    if (e.words.empty()) return Err(Status::Corruption(name + ":" + std::to_string(line_no) + ": empty phrase"));
    e.id = static_cast<int>(lex.entries_.size());
    // People and figure nouns are written once; their other grammatical number is derived
    // ("enseignants" -> "enseignant", "civil" -> "civiles"), so a lexicon lists each noun in
    // one form.
    bool inflect = e.section.starts_with("person:") || e.section.starts_with("noun:");
    std::vector<std::string> forms;
    if (inflect) {
      const std::string& last = e.words.back();
      if (last.size() > 3 && last.back() == 's') {
        forms.push_back(last.substr(0, last.size() - 1));
        if (last.ends_with("es")) forms.push_back(last.substr(0, last.size() - 2));
      } else if (last.size() > 2 && last.back() != 's' && last.back() != 'x' && last.back() != 'z') {
        forms.push_back(last + "s");
        forms.push_back(last + "es");
      }
    }
    // A phrase written with a final "que", "de", "le" or "la" also matches its elided form
    // before a vowel ("prévenu qu'une", "accusé d'avoir"), which text gives as one token.
    static const std::pair<std::string_view, std::string_view> kElided[] = {
        {"que", "qu'"}, {"de", "d'"}, {"le", "l'"}, {"la", "l'"}};
    if (e.words.size() > 1) {
      for (const auto& [full, elided] : kElided) {
        if (e.words.back() == full) forms.emplace_back(elided);
      }
    }
    LexiconEntry base = e;
    lex.entries_.push_back(std::move(e));
    lex.Index(lex.entries_.size() - 1);
    for (const std::string& form : forms) {
      LexiconEntry variant = base;
      variant.words.back() = form;
      variant.id = static_cast<int>(lex.entries_.size());
      variant.args.push_back("derived");
      lex.entries_.push_back(std::move(variant));
      lex.Index(lex.entries_.size() - 1);
    }
  }
  lex.Finalize();
  return lex;
}

void Lexicon::Index(size_t entry) { by_first_[entries_[entry].words[0]].ids.push_back(static_cast<uint32_t>(entry)); }

void Lexicon::Finalize() {
  for (LexiconEntry& e : entries_) {
    e.numbers.resize(e.args.size());
    for (size_t k = 0; k < e.args.size(); ++k) e.numbers[k] = std::strtoll(e.args[k].c_str(), nullptr, 10);
  }
  for (auto& [word, starts] : by_first_) {
    std::stable_sort(starts.ids.begin(), starts.ids.end(), [&](uint32_t a, uint32_t b) {
      const LexiconEntry &x = entries_[a], &y = entries_[b];
      if (x.section_id != y.section_id) return x.section_id < y.section_id;
      return x.words.size() > y.words.size();
    });
    starts.sections.reset();
    starts.groups.clear();
    for (uint32_t k = 0; k < starts.ids.size(); ++k) {
      const LexiconEntry& e = entries_[starts.ids[k]];
      starts.sections.set(e.section_id);
      starts.sections.set(e.family_id);
      if (starts.groups.empty() || starts.groups.back().section != e.section_id) {
        starts.groups.push_back({e.section_id, e.family_id, k, k});
      }
      starts.groups.back().end = k + 1;
    }
  }
}

void Lexicon::Merge(const Lexicon& other) {
  for (const LexiconEntry& e : other.entries_) {
    LexiconEntry copy = e;
    copy.id = static_cast<int>(entries_.size());
    entries_.push_back(std::move(copy));
    Index(entries_.size() - 1);
  }
  Finalize();
}

void Lexicon::Bind(Vocabulary& vocabulary) {
  bound_ = &vocabulary;
  for (auto& [word, starts] : by_first_) {
    uint32_t id = vocabulary.Intern(word);
    if (by_id_.size() <= id) by_id_.resize(id + 1, nullptr);
    by_id_[id] = &starts;
    for (Starts::Group& g : starts.groups) {
      g.by_second.clear();
      g.single = UINT32_MAX;
      for (uint32_t k = g.begin; k < g.end; ++k) {
        const LexiconEntry& e = entries_[starts.ids[k]];
        if (e.words.size() == 1) {
          if (g.single == UINT32_MAX) g.single = k;
        } else {
          g.by_second.push_back({vocabulary.Intern(e.words[1]), k});
        }
      }
      // Stable: within one second word, the group's longest-first order stays.
      std::stable_sort(g.by_second.begin(), g.by_second.end(),
                       [](const auto& a, const auto& b) { return a.first < b.first; });
    }
  }
}

const Lexicon::Starts* Lexicon::StartingSlow(const Words& w, size_t i) const {
  Words::Memo* memo = nullptr;
  for (Words::Memo& m : w.memo_) {
    if (m.lexicon == this) memo = &m;
  }
  if (!memo) {
    w.memo_.push_back({this, std::vector<const void*>(w.size(), nullptr), std::vector<bool>(w.size())});
    memo = &w.memo_.back();
  }
  if (!memo->known[i]) {
    auto it = by_first_.find(w[i]);
    memo->starts[i] = it == by_first_.end() ? nullptr : &it->second;
    memo->known[i] = true;
  }
  return static_cast<const Starts*>(memo->starts[i]);
}

template <typename Wanted>
const LexiconEntry* Lexicon::MatchInGroups(const Starts& starting, const Words& w, size_t i, Wanted wanted) const {
  const LexiconEntry* best = nullptr;
  // Digits are not looked up in the vocabulary, so a digit after the first word is matched
  // by reading the phrases one by one.
  const bool indexed = bound_ && bound_ == w.vocabulary_ && !(i + 1 < w.size() && w.Has(i + 1, Words::kDigitStart));
  for (const Starts::Group& g : starting.groups) {
    if (!wanted(g)) continue;
    if (indexed) {
      const LexiconEntry* found = nullptr;
      const uint32_t second = i + 1 < w.size() ? w.words_[i + 1].id : Vocabulary::kUnknown;
      if (second != Vocabulary::kUnknown) {
        auto it = std::lower_bound(g.by_second.begin(), g.by_second.end(), second,
                                   [](const auto& entry, uint32_t id) { return entry.first < id; });
        for (; it != g.by_second.end() && it->first == second && !found; ++it) {
          const LexiconEntry& e = entries_[starting.ids[it->second]];
          if (best && e.words.size() <= best->words.size()) break;
          if (i + e.words.size() > w.size()) continue;
          bool all = true;
          for (size_t x = 2; x < e.words.size() && all; ++x) all = SameWord(w[i + x], e.words[x]);
          if (all) found = &e;
        }
      }
      if (!found && !best && g.single != UINT32_MAX) found = &entries_[starting.ids[g.single]];
      if (found && (!best || found->words.size() > best->words.size())) best = found;
      continue;
    }
    for (uint32_t k = g.begin; k < g.end; ++k) {  // longest first
      const LexiconEntry& e = entries_[starting.ids[k]];
      if (best && e.words.size() <= best->words.size()) break;
      if (i + e.words.size() > w.size()) continue;
      bool all = true;
      for (size_t x = 1; x < e.words.size() && all; ++x) all = SameWord(w[i + x], e.words[x]);
      if (all) {
        best = &e;
        break;
      }
    }
  }
  return best;
}

void Lexicon::AllSectionsAt(const Words& w, std::vector<const std::bitset<kMaxSections>*>& out) const {
  out.resize(w.size());
  if (!bound_ || bound_ != w.vocabulary_) {
    for (size_t i = 0; i < w.size(); ++i) out[i] = SectionsAt(w, i);
    return;
  }
  const size_t known = by_id_.size();
  for (size_t i = 0; i < w.size(); ++i) {
    const uint32_t id = w.words_[i].id;
    const Starts* s = id < known ? by_id_[id] : nullptr;
    out[i] = s ? &s->sections : nullptr;
  }
}

const LexiconEntry* Lexicon::MatchIn(const Starts& starting, const Words& w, size_t i, SectionId section) const {
  return MatchInGroups(starting, w, i, [section](const Starts::Group& g) { return g.section == section || g.family == section; });
}

const LexiconEntry* Lexicon::MatchInAny(const Starts& starting, const Words& w, size_t i,
                                        const std::bitset<kMaxSections>& mask) const {
  return MatchInGroups(starting, w, i, [&mask](const Starts::Group& g) { return mask[g.section] || mask[g.family]; });
}

Result<Lexicon> LoadLexicon(std::string_view lang, std::string_view kind) {
  std::string path(lang);
  path.append("/").append(kind).append(".txt");
  std::string_view content = EmbeddedFile(path);
  if (!content.empty()) return Lexicon::Parse(content, path);
  // Unknown language: the union of all languages' lexicons of this kind.
  Lexicon all;
  bool any = false;
  for (const std::string& other : EmbeddedLanguages(kind)) {
    std::string p = other;
    p.append("/").append(kind).append(".txt");
    auto lex = Lexicon::Parse(EmbeddedFile(p), p);
    if (!lex) return Err(lex.error());
    all.Merge(*lex);
    any = true;
  }
  if (!any) return Err(Status::NotFound("no data/<lang>/" + std::string(kind) + ".txt embedded"));
  return all;
}

}  // namespace veille::recognize
