#include "recognize/numbers.h"

#include <algorithm>
#include <array>
#include <charconv>
#include <cmath>
#include <cstdlib>

namespace veille::recognize {

namespace {

bool AllDigits(std::string_view s) {
  if (s.empty()) return false;
  for (char c : s) {
    if (c < '0' || c > '9') return false;
  }
  return true;
}

int64_t ArgValue(const LexiconEntry& e) { return e.numbers.empty() ? 0 : e.numbers[0]; }

bool HasFlag(const LexiconEntry& e, std::string_view flag, size_t from) {
  for (size_t k = from; k < e.args.size(); ++k) {
    size_t pos = 0;
    std::string_view a = e.args[k];
    while (pos <= a.size()) {
      size_t sp = a.find(' ', pos);
      if (a.substr(pos, sp == std::string_view::npos ? std::string_view::npos : sp - pos) == flag) return true;
      if (sp == std::string_view::npos) break;
      pos = sp + 1;
    }
  }
  return false;
}

// A folded word split on hyphens: "soixante-dix-huit" -> soixante, dix, huit. Held inline:
// it is asked of nearly every word, and number words have few parts; a word of more parts
// than that is no number.
struct Parts {
  static constexpr size_t kMax = 8;
  std::array<std::string_view, kMax> part;
  size_t count = 0;
  explicit Parts(std::string_view word) {
    size_t start = 0;
    while (start <= word.size()) {
      size_t dash = word.find('-', start);
      if (count == kMax) {
        count = 0;  // too many parts to be a number
        return;
      }
      part[count++] = word.substr(start, dash == std::string_view::npos ? std::string_view::npos : dash - start);
      if (dash == std::string_view::npos) break;
      start = dash + 1;
    }
  }
  size_t size() const { return count; }
  std::string_view operator[](size_t i) const { return part[i]; }
};

}  // namespace

std::optional<double> ParseDigits(std::string_view t, bool before_scale) {
  // Groups of digits between separators, held inline: this runs for every number token, and a
  // count has few groups (1.000.000.000 has four); more groups than kMax is no count.
  constexpr size_t kMax = 8;
  std::array<std::string_view, kMax> groups;
  std::array<char, kMax> seps{};
  size_t count = 0, start = 0;
  for (size_t k = 0; k <= t.size(); ++k) {
    if (k == t.size() || t[k] == ',' || t[k] == '.') {
      if (count == kMax || k == start) return std::nullopt;
      groups[count] = t.substr(start, k - start);
      if (k < t.size()) seps[count] = t[k];
      ++count;
      start = k + 1;
    } else if (t[k] < '0' || t[k] > '9') {
      return std::nullopt;
    }
  }
  // The digits of the chosen groups, with '.' before a decimal part, read as a double.
  auto read = [&](size_t whole_groups, bool decimal) -> double {
    std::string digits;
    digits.reserve(t.size());
    for (size_t g = 0; g < whole_groups; ++g) digits.append(groups[g]);
    if (decimal) digits.append(".").append(groups[1]);
    double value = 0;
    std::from_chars(digits.data(), digits.data() + digits.size(), value);
    return value;
  };
  const size_t separators = count - 1;
  if (separators == 0) return read(1, false);
  // One separator followed by one or two digits before a scale word: a decimal (1.2 million).
  if (separators == 1 && before_scale && groups[1].size() <= 2) return read(1, true);
  // Thousands grouping: 1-3 digits, then groups of exactly 3, all with the same separator.
  bool grouping = groups[0].size() <= 3;
  for (size_t k = 1; k < count && grouping; ++k) grouping = groups[k].size() == 3 && seps[k - 1] == seps[0];
  if (grouping) return read(count, false);
  // A decimal without a scale word (5.5 percent, 1,5): not a count.
  if (separators == 1) return read(1, true);
  return std::nullopt;
}

Result<NumberRecognizer> NumberRecognizer::Create(std::string_view lang) {
  auto lex = LoadLexicon(lang, "numbers");
  if (!lex) return Err(lex.error());
  NumberRecognizer r;
  r.lex_ = std::move(*lex);
  for (const LexiconEntry& e : r.lex_.entries()) {
    if (e.words.size() != 1) continue;
    WordInfo& info = r.words_[e.words[0]];
    if (e.section == "value") info.value = ArgValue(e);
    if (e.section == "multiplier") info.multiplier = ArgValue(e);
    if (e.section == "scale") {
      info.scale = ArgValue(e);
      info.bare_scale = std::find(e.args.begin(), e.args.end(), "bare") != e.args.end();
    }
    if (e.section == "connector") info.connector = true;
    if (e.section == "article") info.article = true;
  }
  return r;
}

void NumberRecognizer::Bind(Vocabulary& vocabulary) {
  lex_.Bind(vocabulary);
  vocabulary_ = &vocabulary;
  for (const auto& [word, info] : words_) {
    const uint32_t id = vocabulary.Intern(word);
    if (info_by_id_.size() <= id) info_by_id_.resize(id + 1, 0);
    bound_infos_.push_back(info);
    info_by_id_[id] = static_cast<uint32_t>(bound_infos_.size());
  }
}

const NumberRecognizer::WordInfo* NumberRecognizer::Info(std::string_view word) const {
  if (vocabulary_) {
    const uint32_t id = vocabulary_->Find(word);
    return id < info_by_id_.size() && info_by_id_[id] ? &bound_infos_[info_by_id_[id] - 1] : nullptr;
  }
  auto it = words_.find(word);
  return it == words_.end() ? nullptr : &it->second;
}

const NumberRecognizer::WordInfo* NumberRecognizer::InfoAt(const Words& w, uint32_t t) const {
  if (vocabulary_ && w.vocabulary() == vocabulary_) {
    const uint32_t id = w.id(t);
    return id < info_by_id_.size() && info_by_id_[id] ? &bound_infos_[info_by_id_[id] - 1] : nullptr;
  }
  return Info(w[t]);
}

std::optional<uint32_t> NumberRecognizer::ParseWords(const Words& w, uint32_t i, uint32_t end,
                                                     NumberMention& out) const {
  int64_t total = 0, group = 0;
  int64_t last_value = 0;       // value of the last part that added or multiplied
  bool last_was_value = false;  // the last part added a value (not a multiplier or scale)
  bool any = false;
  bool article_only = false;
  std::optional<uint32_t> last_token;
  for (uint32_t t = i; t < end; ++t) {
    const Parts parts(w[t]);
    // A token is taken whole or not at all: keep the state to roll back.
    int64_t s_total = total, s_group = group, s_last = last_value;
    bool s_last_was_value = last_was_value, s_any = any, s_article = article_only;
    bool token_ok = true;
    for (size_t k = 0; k < parts.size() && token_ok; ++k) {
      const WordInfo* info = parts.size() == 1 ? InfoAt(w, t) : Info(parts[k]);
      if (!info) {
        token_ok = false;
        break;
      }
      if (!any && parts.size() == 1 && info->article) {
        // "a hundred", "un millier", "un millón": one before a multiplier or scale; alone,
        // a weak one that only a figure can confirm ("un policier a été tué").
        const WordInfo* next = t + 1 < end ? InfoAt(w, t + 1) : nullptr;
        bool scales_next = next && (next->multiplier || (next->scale && w[t + 1].size() > 1));
        group = 1;
        last_value = 1;
        last_was_value = true;
        any = true;
        article_only = !scales_next;
        if (article_only) break;
        continue;
      }
      if (info->value) {
        int64_t value = *info->value;
        if (last_was_value && last_value > 0 && last_value < 10 && value == 20) {
          group = group - last_value + last_value * value;  // quatre-vingt(s)
          last_value = value;
        } else if (any && last_was_value && value >= last_value) {
          token_ok = false;  // "two three" is not one number
          break;
        } else {
          group += value;
          last_value = value;
        }
        last_was_value = true;
        any = true;
        article_only = false;
        continue;
      }
      if (info->multiplier) {
        group = (group == 0 ? 1 : group) * *info->multiplier;
        last_value = *info->multiplier;
        last_was_value = false;
        any = true;
        article_only = false;
        continue;
      }
      if (info->scale && parts[k].size() > 1 && (any || info->bare_scale)) {
        total += (group == 0 ? 1 : group) * *info->scale;
        group = 0;
        last_value = *info->scale;
        last_was_value = false;
        article_only = false;
        any = true;
        continue;
      }
      if (info->connector && any && k + 1 < parts.size()) continue;  // "vingt-et-un"
      token_ok = false;
    }
    if (!token_ok) {
      total = s_total;
      group = s_group;
      last_value = s_last;
      last_was_value = s_last_was_value;
      any = s_any;
      article_only = s_article;
      break;
    }
    last_token = t;
    if (article_only) break;
    // A connector ("a hundred and twelve", "treinta y dos", "vingt et un") continues the
    // number only when a smaller number word follows it.
    if (t + 2 < end) {
      const WordInfo* c = InfoAt(w, t + 1);
      const Parts next_parts(w[t + 2]);
      const WordInfo* n = next_parts.size() == 1 ? InfoAt(w, t + 2) : next_parts.size() > 1 ? Info(next_parts[0]) : nullptr;
      if (c && c->connector && n && n->value && *n->value < (last_value == 0 ? 1 : last_value)) ++t;
    }
  }
  if (!any || !last_token) return std::nullopt;
  out.value = total + group;
  out.weak = article_only;
  return last_token;
}

std::optional<uint32_t> NumberRecognizer::ParseNumber(std::string_view text, const std::vector<Token>& tokens,
                                                       const Words& w, uint32_t i, uint32_t end,
                                                       NumberMention& out) const {
  const Token& tok = tokens[i];
  if (tok.kind == TokenKind::kNumber) {
    std::string digits(text.substr(tok.span.begin, tok.span.size()));
    // A leading zero is a code, not a count: "0134", "007".
    if (digits.size() > 1 && digits[0] == '0' && digits[1] >= '0' && digits[1] <= '9') return std::nullopt;
    uint32_t last = i;
    // "3 811" with a (no-break) space: groups of exactly three digits after 1-3 digits.
    if (AllDigits(digits) && digits.size() <= 3) {
      while (last + 1 < end && tokens[last + 1].kind == TokenKind::kNumber &&
             tokens[last + 1].span.begin == tokens[last].span.end + 1 &&
             text[tokens[last].span.end] == ' ' && tokens[last + 1].span.size() == 3 &&
             AllDigits(text.substr(tokens[last + 1].span.begin, 3))) {
        digits += text.substr(tokens[last + 1].span.begin, 3);
        ++last;
      }
    }
    bool scale_next = false;
    int64_t scale = 1;
    if (last + 1 < end) {
      if (const LexiconEntry* s = lex_.Match(w, last + 1, VEILLE_SECTION("scale"))) {
        scale_next = true;
        scale = ArgValue(*s);
      }
    }
    auto value = ParseDigits(digits, scale_next);
    if (!value) return std::nullopt;
    if (!scale_next && std::floor(*value) != *value) return std::nullopt;  // 5.5 percent: not a count
    out.digits = true;
    out.plain_digits = last == i && AllDigits(digits);
    if (scale_next) {
      out.plain_digits = false;
      ++last;
    }
    out.value = static_cast<int64_t>(std::llround(*value * static_cast<double>(scale)));
    return last;
  }
  if (tok.kind != TokenKind::kWord) return std::nullopt;
  return ParseWords(w, i, end, out);
}

std::vector<NumberMention> NumberRecognizer::Recognize(std::string_view text, const std::vector<Token>& tokens,
                                                       const Words& w, uint32_t begin, uint32_t end) const {
  std::vector<NumberMention> out;
  // A number holds a numeric word: digits, a number word or a vague amount. Qualifiers and
  // ranges ("more than", "between") are only worth reading when one follows within reach.
  constexpr uint32_t kReach = 5;
  uint32_t next_numeric = end;  // the first numeric word at or after i
  static const std::bitset<kMaxSections> kNumeric = [] {
    std::bitset<kMaxSections> mask;
    // A multiplier may open a number on its own: "cent morts".
    for (SectionId id : {VEILLE_SECTION("value"), VEILLE_SECTION("vague"), VEILLE_SECTION("article"),
                         VEILLE_SECTION("multiplier"), VEILLE_SECTION("scale"), VEILLE_SECTION("not-number")}) {
      mask.set(id);
    }
    return mask;
  }();
  auto numeric = [&](uint32_t k) {
    if (tokens[k].kind == TokenKind::kNumber || w.Has(k, Words::kHyphen)) return true;
    return lex_.MayStartAny(w, k, kNumeric);
  };
  std::vector<uint8_t> is_numeric(end - begin);
  for (uint32_t k = begin; k < end; ++k) is_numeric[k - begin] = numeric(k);
  uint32_t i = begin;
  while (i < end) {
    if (next_numeric < i || next_numeric == end) {
      next_numeric = i;
      while (next_numeric < end && !is_numeric[next_numeric - begin]) ++next_numeric;
    }
    if (next_numeric >= end) break;
    if (next_numeric > i + kReach) {
      i = next_numeric - kReach;
      continue;
    }
    // "por ciento", "pour cent": percentages, whose words are also numbers.
    if (const LexiconEntry* skip = lex_.Match(w, i, VEILLE_SECTION("not-number"))) {
      i += static_cast<uint32_t>(skip->words.size());
      continue;
    }
    NumberMention m;
    uint32_t j = i;
    const LexiconEntry* range_open = lex_.Match(w, j, VEILLE_SECTION("range-open"));
    const LexiconEntry* qualifier = range_open ? nullptr : lex_.Match(w, j, VEILLE_SECTION("qualifier"));
    // "unos cuantos" is a vague amount, not the qualifier "unos" before "cuantos".
    if (const LexiconEntry* v = lex_.Match(w, j, VEILLE_SECTION("vague")); v && qualifier && v->words.size() > qualifier->words.size()) {
      qualifier = nullptr;
    }
    if (range_open) j += static_cast<uint32_t>(range_open->words.size());
    if (qualifier) j += static_cast<uint32_t>(qualifier->words.size());
    std::optional<uint32_t> last;
    if (j < end) {
      if (const LexiconEntry* v = lex_.Match(w, j, VEILLE_SECTION("vague"))) {
        m.vague = true;
        m.value = ArgValue(*v);
        m.approx = HasFlag(*v, "approx", 1);
        if (HasFlag(*v, "min", 1)) m.min = m.value;
        if (HasFlag(*v, "max", 1)) m.max = m.value;
        if (HasFlag(*v, "exact", 1)) m.min = m.max = m.value;
        last = j + static_cast<uint32_t>(v->words.size()) - 1;
      } else if ((last = ParseNumber(text, tokens, w, j, end, m))) {
        if (!m.weak) m.min = m.max = m.value;
      }
    }
    if (!last) {
      ++i;
      continue;
    }
    m.first = (range_open || qualifier) ? i : j;
    m.number_first = j;
    m.last = *last;
    // A range: "between 30 and 40", "30 to 40", "30-40", "entre 30 et 40", "de 30 a 40".
    if (!m.vague && !m.weak && m.last + 1 < end) {
      const LexiconEntry* join = lex_.Match(w, m.last + 1, VEILLE_SECTION("range-join"));
      // "and", "et", "y" make a range only after "between"/"entre": "two and three people".
      bool needs_open = join && std::find(join->args.begin(), join->args.end(), "open") != join->args.end();
      if (join && (!needs_open || range_open)) {
        uint32_t k = m.last + 1 + static_cast<uint32_t>(join->words.size());
        NumberMention upper;
        std::optional<uint32_t> upper_last = k < end ? ParseNumber(text, tokens, w, k, end, upper) : std::nullopt;
        if (upper_last && !upper.weak && upper.value > m.value) {
          m.min = m.value;
          m.max = upper.value;
          m.last = *upper_last;
          m.plain_digits = false;
          qualifier = nullptr;
          if (!range_open) m.first = j;
        }
      }
    }
    if (range_open && !(m.min && m.max && *m.min != *m.max)) {
      m.first = j;  // "between" without a range is not part of the number
    }
    if (qualifier) {
      bool q_min = HasFlag(*qualifier, "min", 0), q_max = HasFlag(*qualifier, "max", 0);
      if (HasFlag(*qualifier, "approx", 0)) m.approx = true;
      if (q_min) {
        // "more than a hundred", "más de un centenar": a bound, no longer an estimate.
        if (m.vague && !m.min) m.approx = false;
        m.min = m.value;
        m.max.reset();
      } else if (q_max) {
        m.max = m.value;
        m.min.reset();
      } else if (!(m.vague && m.min && !m.max)) {
        // "some hundreds", "quelques centaines": an estimate of an open vague amount keeps
        // its lower bound; "about a dozen" is an estimate like any other.
        m.min.reset();
        m.max.reset();
      }
      m.plain_digits = false;
    }
    out.push_back(m);
    i = m.last + 1;
  }
  return out;
}

}  // namespace veille::recognize
