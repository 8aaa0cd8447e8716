#include "recognize/lexicon.h"

#include <algorithm>

#include "base/data.h"
#include "normalize/fold.h"
#include "segment/segment.h"

namespace veille::recognize {

Words::Words(std::string_view text, const std::vector<Token>& tokens) {
  buffer_.reserve(text.size() + tokens.size());
  ranges_.reserve(tokens.size());
  for (const Token& t : tokens) {
    std::string_view raw = text.substr(t.span.begin, t.span.size());
    bool ascii = std::all_of(raw.begin(), raw.end(), [](char c) { return static_cast<unsigned char>(c) < 0x80; });
    uint32_t start = static_cast<uint32_t>(buffer_.size());
    if (ascii) {
      for (char c : raw) buffer_.push_back(c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c);
    } else {
      buffer_ += normalize::FoldForMatch(raw);
    }
    ranges_.push_back({start, static_cast<uint32_t>(buffer_.size()) - start});
  }
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

Result<Lexicon> Lexicon::Parse(std::string_view content, const std::string& name) {
  Lexicon lex;
  std::string section;
  size_t line_no = 0;
  while (!content.empty()) {
    ++line_no;
    size_t eol = content.find('\n');
    std::string_view line = content.substr(0, eol);
    content = eol == std::string_view::npos ? std::string_view() : content.substr(eol + 1);
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
    // People and figure nouns in data files are written once; their other grammatical number
    // is derived ("enseignants" -> "enseignant", "civil" -> "civiles") so that a lexicon
    // lists each noun in one form.
    bool inflect = e.section.starts_with("person:") || e.section.starts_with("noun:");
    std::vector<std::string> last_forms;
    if (inflect && !e.words.empty()) {
      const std::string& last = e.words.back();
      if (last.size() > 3 && last.back() == 's') {
        last_forms.push_back(last.substr(0, last.size() - 1));
        if (last.ends_with("es")) last_forms.push_back(last.substr(0, last.size() - 2));
      } else if (last.size() > 2 && last.back() != 's' && last.back() != 'x' && last.back() != 'z') {
        last_forms.push_back(last + "s");
        last_forms.push_back(last + "es");
      }
    }
    LexiconEntry base = e;
    lex.entries_.push_back(std::move(e));
    lex.Index(lex.entries_.size() - 1);
    for (const std::string& form : last_forms) {
      LexiconEntry variant = base;
      variant.words.back() = form;
      variant.id = static_cast<int>(lex.entries_.size());
      variant.args.push_back("derived");
      lex.entries_.push_back(std::move(variant));
      lex.Index(lex.entries_.size() - 1);
    }
  }
  return lex;
}

void Lexicon::Index(size_t entry) {
  auto& list = by_first_[entries_[entry].words[0]];
  list.push_back(static_cast<uint32_t>(entry));
  std::stable_sort(list.begin(), list.end(), [&](uint32_t a, uint32_t b) {
    return entries_[a].words.size() > entries_[b].words.size();
  });
}

void Lexicon::Merge(const Lexicon& other) {
  for (const LexiconEntry& e : other.entries_) {
    LexiconEntry copy = e;
    copy.id = static_cast<int>(entries_.size());
    entries_.push_back(std::move(copy));
    Index(entries_.size() - 1);
  }
}

namespace {

bool SectionMatches(const std::string& section, std::string_view wanted) {
  if (!wanted.empty() && wanted.back() == '*') {
    return std::string_view(section).starts_with(wanted.substr(0, wanted.size() - 1));
  }
  return section == wanted;
}

}  // namespace

const LexiconEntry* Lexicon::Match(const Words& w, size_t i, std::string_view section) const {
  if (i >= w.size()) return nullptr;
  auto it = by_first_.find(w[i]);
  if (it == by_first_.end()) return nullptr;
  for (uint32_t id : it->second) {
    const LexiconEntry& e = entries_[id];
    if (!section.empty() && !SectionMatches(e.section, section)) continue;
    if (i + e.words.size() > w.size()) continue;
    bool all = true;
    for (size_t k = 1; k < e.words.size() && all; ++k) all = w[i + k] == e.words[k];
    if (all) return &e;
  }
  return nullptr;
}

const LexiconEntry* Lexicon::MatchAny(const Words& w, size_t i) const { return Match(w, i, ""); }

Result<Lexicon> LoadLexicon(std::string_view lang, std::string_view kind) {
  std::string path = std::string(lang) + "/" + std::string(kind) + ".txt";
  std::string_view content = EmbeddedFile(path);
  if (!content.empty()) return Lexicon::Parse(content, path);
  // Unknown language: the union of all languages' lexicons of this kind.
  Lexicon all;
  bool any = false;
  for (std::string_view p : EmbeddedPaths()) {
    if (!p.ends_with("/" + std::string(kind) + ".txt")) continue;
    auto lex = Lexicon::Parse(EmbeddedFile(p), std::string(p));
    if (!lex) return Err(lex.error());
    all.Merge(*lex);
    any = true;
  }
  if (!any) return Err(Status::NotFound("no data/<lang>/" + std::string(kind) + ".txt embedded"));
  return all;
}

}  // namespace veille::recognize
