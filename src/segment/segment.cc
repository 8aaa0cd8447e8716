#include "segment/segment.h"

#include <unicode/brkiter.h>
#include <unicode/uchar.h>
#include <unicode/utext.h>

#include <algorithm>
#include <memory>

#include "base/ascii.h"
#include "base/data.h"
#include "base/utf8.h"

namespace veille::segment {

namespace {

inline bool IsAsciiAlpha(unsigned char c) { return (c | 0x20) >= 'a' && (c | 0x20) <= 'z'; }
inline bool IsDigit(unsigned char c) { return c >= '0' && c <= '9'; }

// Code point at `i` without advancing; 0 at the end.
char32_t PeekCp(std::string_view s, size_t i) {
  if (i >= s.size()) return 0;
  return DecodeUtf8(s, i);
}

bool IsWordChar(char32_t c) {
  if (c < 0x80) return IsAsciiAlpha(static_cast<unsigned char>(c)) || IsDigit(static_cast<unsigned char>(c));
  return u_isalnum(static_cast<UChar32>(c)) || u_getCombiningClass(static_cast<UChar32>(c)) != 0 ||
         u_charType(static_cast<UChar32>(c)) == U_NON_SPACING_MARK ||
         u_charType(static_cast<UChar32>(c)) == U_COMBINING_SPACING_MARK;
}

bool IsLetter(char32_t c) {
  if (c < 0x80) return IsAsciiAlpha(static_cast<unsigned char>(c));
  return u_isalpha(static_cast<UChar32>(c));
}

bool IsSpace(char32_t c) {
  if (c < 0x80) return c == ' ' || c == '\n' || c == '\t' || c == '\r' || c == '\f' || c == '\v';
  return u_isUWhiteSpace(static_cast<UChar32>(c));
}

std::string Lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return out;
}

// Length of an elided prefix that ends a token at an apostrophe: "l'", "d'", "qu'", "jusqu'".
bool IsElision(std::string_view part) {
  if (part.size() == 1) return IsAsciiAlpha(static_cast<unsigned char>(part[0]));
  return part.size() >= 2 && (part.substr(part.size() - 2) == "qu" || part.substr(part.size() - 2) == "Qu");
}

}  // namespace

void Tokenize(std::string_view s, uint32_t base, std::vector<Token>& out) {
  const size_t n = s.size();
  size_t i = 0;
  while (i < n) {
    unsigned char b = static_cast<unsigned char>(s[i]);
    if (b == ' ' || b == '\n') {
      ++i;
      continue;
    }
    size_t start = i;
    char32_t c = b < 0x80 ? b : PeekCp(s, i);
    if (b >= 0x80 && IsSpace(c)) {
      DecodeUtf8(s, i);
      continue;
    }
    if (IsDigit(b)) {
      // Digits with inner separators: 3,811  3.811  1.2  10:30  02/01/2022.
      while (i < n) {
        if (IsDigit(static_cast<unsigned char>(s[i]))) {
          ++i;
        } else if ((s[i] == ',' || s[i] == '.' || s[i] == ':' || s[i] == '/') && i + 1 < n &&
                   IsDigit(static_cast<unsigned char>(s[i + 1]))) {
          ++i;
        } else {
          break;
        }
      }
      TokenKind kind = TokenKind::kNumber;
      // Letters glued to digits make a word: 1er, 10h30, M23 is handled below, 2nd.
      while (i < n && IsWordChar(PeekCp(s, i))) {
        kind = TokenKind::kWord;
        DecodeUtf8(s, i);
      }
      out.push_back({{base + static_cast<uint32_t>(start), base + static_cast<uint32_t>(i)}, kind});
      continue;
    }
    if (IsWordChar(c)) {
      size_t part_start = i;
      // Acronyms with dots (U.S., O.N.U.) are one token.
      if (IsLetter(c) && c < 0x80 && i + 3 < n && s[i + 1] == '.' && IsAsciiAlpha(static_cast<unsigned char>(s[i + 2])) &&
          s[i + 3] == '.') {
        i += 4;
        while (i + 1 < n && IsAsciiAlpha(static_cast<unsigned char>(s[i])) && s[i + 1] == '.') i += 2;
        out.push_back({{base + static_cast<uint32_t>(start), base + static_cast<uint32_t>(i)}, TokenKind::kWord});
        continue;
      }
      while (i < n) {
        // ASCII letters and digits, nearly every byte of a word, need no decoding.
        const auto ascii = static_cast<unsigned char>(s[i]);
        if (IsAsciiAlnum(ascii)) {
          ++i;
          continue;
        }
        size_t next = i;
        char32_t cp = DecodeUtf8(s, next);
        if (IsWordChar(cp)) {
          i = next;
          continue;
        }
        if ((cp == '-' || cp == '\'') && next < n && IsWordChar(PeekCp(s, next))) {
          if (cp == '\'' && IsElision(s.substr(part_start, i - part_start))) {
            i = next;  // keep the apostrophe with the elided word: "l'" + "OTAN"
            break;
          }
          i = next;
          part_start = i;
          continue;
        }
        break;
      }
      out.push_back({{base + static_cast<uint32_t>(start), base + static_cast<uint32_t>(i)}, TokenKind::kWord});
      continue;
    }
    // Punctuation or symbol: one code point, except "..." which is one token.
    if (b == '.' && i + 2 < n && s[i + 1] == '.' && s[i + 2] == '.') {
      i += 3;
    } else {
      DecodeUtf8(s, i);
    }
    TokenKind kind = (c < 0x80 ? std::ispunct(static_cast<int>(c)) != 0 : u_ispunct(static_cast<UChar32>(c)))
                         ? TokenKind::kPunct
                         : TokenKind::kSymbol;
    if (c == '$' || c == '+' || c == '<' || c == '=' || c == '>' || c == '^' || c == '`' || c == '|' || c == '~') {
      kind = TokenKind::kSymbol;
    }
    out.push_back({{base + static_cast<uint32_t>(start), base + static_cast<uint32_t>(i)}, kind});
  }
}

Result<Segmenter> Segmenter::Create() {
  Segmenter seg;
  for (const std::string& lang : EmbeddedLanguages("abbreviations")) {
    Abbreviations& abbr = seg.by_lang_[lang];
    for (std::string_view entry : DataLines(EmbeddedFile(lang + "/abbreviations.txt"))) {
      if (entry.front() == '*') {
        std::string folded = Lower(entry.substr(1));
        abbr.folded.insert(folded);
        seg.all_.folded.insert(folded);
      } else {
        abbr.exact.emplace(entry);
        seg.all_.exact.emplace(entry);
      }
    }
  }
  if (seg.by_lang_.empty()) return Err(Status::NotFound("no data/<lang>/abbreviations.txt embedded"));
  return seg;
}

const Segmenter::Abbreviations& Segmenter::For(std::string_view lang) const {
  auto it = by_lang_.find(std::string(lang));
  return it == by_lang_.end() ? all_ : it->second;
}

bool Segmenter::IsAbbreviation(std::string_view word, std::string_view lang) const {
  const Abbreviations& a = For(lang);
  std::string key(word);
  if (a.exact.count(key)) return true;
  return !a.folded.empty() && a.folded.count(Lower(word));
}

namespace {

bool IsTerminal(std::string_view tok) { return tok == "." || tok == "!" || tok == "?" || tok == "..."; }
bool IsCloser(std::string_view tok) { return tok == "\"" || tok == "'" || tok == ")" || tok == "]"; }

// Whether a sentence may start with this token.
bool CanStartSentence(std::string_view tok) {
  char32_t c = PeekCp(tok, 0);
  if (c < 0x80) {
    return (c >= 'A' && c <= 'Z') || IsDigit(static_cast<unsigned char>(c)) || c == '"' || c == '(' ||
           c == '-' || c == '\'' || c == '[';
  }
  return u_isupper(static_cast<UChar32>(c)) || u_istitle(static_cast<UChar32>(c)) || c == 0xBF /* ¿ */ ||
         c == 0xA1 /* ¡ */ || c == 0x2022 /* • */ || !u_hasBinaryProperty(static_cast<UChar32>(c), UCHAR_CASED);
}

struct Gap {
  bool blank_line = false;    // a paragraph break
  bool line_break = false;
};

Gap ScanGap(std::string_view text, uint32_t from, uint32_t to) {
  Gap g;
  int newlines = 0;
  for (uint32_t k = from; k < to; ++k) {
    if (text[k] == '\n') {
      g.line_break = true;
      if (++newlines >= 2) g.blank_line = true;
    }
  }
  return g;
}

// Fills out.sentences from out.tokens, given a predicate that says whether a sentence may
// end after token t (inclusive) independently of gaps.
template <typename EndsAfter>
void GroupSentences(std::string_view text, Segmented& out, EndsAfter ends_after) {
  const auto& toks = out.tokens;
  const uint32_t n = static_cast<uint32_t>(toks.size());
  uint32_t first = 0;
  uint32_t paragraph = 0;
  auto emit = [&](uint32_t last) {
    out.sentences.push_back({{toks[first].span.begin, toks[last].span.end}, first, last - first + 1, paragraph});
    first = last + 1;
  };
  for (uint32_t t = 0; t < n; ++t) {
    if (t + 1 == n) {
      emit(t);
      break;
    }
    Gap gap = ScanGap(text, toks[t].span.end, toks[t + 1].span.begin);
    bool ends = ends_after(t, gap);  // called for every token: the predicate may keep state
    if (gap.blank_line) {
      emit(t);
      ++paragraph;
    } else if (ends) {
      emit(t);
    }
  }
}

}  // namespace

Segmented Segmenter::Segment(std::string_view text, std::string_view lang, Method method) const {
  Segmented out;
  out.tokens.reserve(text.size() / 5);
  Tokenize(text, 0, out.tokens);
  if (out.tokens.empty()) return out;
  if (method == Method::kIcu) {
    SplitIcu(text, lang, out);
    return out;
  }
  const auto& toks = out.tokens;
  auto tok = [&](uint32_t k) {
    return text.substr(toks[k].span.begin, toks[k].span.size());
  };
  uint32_t line_start_token = 0;
  GroupSentences(text, out, [&](uint32_t t, const Gap& gap) {
    std::string_view cur = tok(t);
    uint32_t closer_end = t;
    bool terminal = IsTerminal(cur);
    if (!terminal && IsCloser(cur) && t > 0 && IsTerminal(tok(t - 1)) &&
        toks[t - 1].span.end == toks[t].span.begin) {
      terminal = true;
      closer_end = t - 1;  // the terminal mark sits before the closing quote
    }
    bool line_break = gap.line_break;
    uint32_t this_line_start = line_start_token;
    if (line_break) line_start_token = t + 1;
    if (!terminal) {
      // A short line without final punctuation (a headline, a dateline on its own line)
      // ends at its line break.
      if (line_break) {
        uint32_t line_bytes = toks[t].span.end - toks[this_line_start].span.begin;
        return line_bytes < 60 && CanStartSentence(tok(t + 1));
      }
      return false;
    }
    if (toks[t].span.end == toks[t + 1].span.begin) return false;  // no space after
    if (!line_break && !CanStartSentence(tok(t + 1))) return false;
    if (tok(closer_end) == "." && closer_end > 0 &&
        toks[closer_end - 1].span.end == toks[closer_end].span.begin &&
        toks[closer_end - 1].kind == TokenKind::kWord) {
      std::string_view before = tok(closer_end - 1);
      if (IsAbbreviation(before, lang)) return false;
      // An initial: a single upper-case letter ("J. Smith").
      size_t k = 0;
      char32_t c = DecodeUtf8(before, k);
      if (k == before.size() && IsLetter(c) && (c < 0x80 ? (c >= 'A' && c <= 'Z') : u_isupper(static_cast<UChar32>(c)))) {
        return false;
      }
    }
    return true;
  });
  return out;
}

void Segmenter::SplitIcu(std::string_view text, std::string_view lang, Segmented& out) const {
  UErrorCode status = U_ZERO_ERROR;
  std::string locale = std::string(lang.empty() ? "en" : lang) + "@ss=standard";
  std::unique_ptr<icu::BreakIterator> it(icu::BreakIterator::createSentenceInstance(icu::Locale(locale.c_str()), status));
  UText* ut = utext_openUTF8(nullptr, text.data(), static_cast<int64_t>(text.size()), &status);
  if (U_FAILURE(status)) {
    utext_close(ut);
    return;
  }
  it->setText(ut, status);
  std::vector<uint32_t> breaks;  // byte offsets where a new sentence starts
  for (int32_t p = it->next(); p != icu::BreakIterator::DONE; p = it->next()) {
    breaks.push_back(static_cast<uint32_t>(p));
  }
  utext_close(ut);
  const auto& toks = out.tokens;
  size_t b = 0;
  GroupSentences(text, out, [&](uint32_t t, const Gap&) {
    // A break falls between token t and t+1 when ICU placed one in that gap.
    while (b < breaks.size() && breaks[b] <= toks[t].span.begin) ++b;
    if (b >= breaks.size() || breaks[b] > toks[t + 1].span.begin) return false;
    std::string_view cur = text.substr(toks[t].span.begin, toks[t].span.size());
    if (cur == "." && t > 0 && toks[t - 1].span.end == toks[t].span.begin) {
      std::string_view before = text.substr(toks[t - 1].span.begin, toks[t - 1].span.size());
      if (IsAbbreviation(before, lang)) return false;
    }
    return true;
  });
}

}  // namespace veille::segment
