#include "recognize/dates.h"

#include <unicode/uchar.h>

#include <algorithm>
#include <array>
#include <charconv>
#include <bitset>
#include <cstdio>
#include <cstdlib>

#include "base/utf8.h"

namespace veille::recognize {

// Howard Hinnant's days-from-civil algorithm, restated.
int64_t DaysFromCivil(const CivilDate& d) {
  int64_t y = d.year - (d.month <= 2 ? 1 : 0);
  int64_t era = (y >= 0 ? y : y - 399) / 400;
  int64_t yoe = y - era * 400;
  int64_t mp = d.month > 2 ? d.month - 3 : d.month + 9;
  int64_t doy = (153 * mp + 2) / 5 + d.day - 1;
  int64_t doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + doe - 719468;
}

CivilDate CivilFromDays(int64_t z) {
  z += 719468;
  int64_t era = (z >= 0 ? z : z - 146096) / 146097;
  int64_t doe = z - era * 146097;
  int64_t yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  int64_t y = yoe + era * 400;
  int64_t doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  int64_t mp = (5 * doy + 2) / 153;
  int d = static_cast<int>(doy - (153 * mp + 2) / 5 + 1);
  int m = static_cast<int>(mp < 10 ? mp + 3 : mp - 9);
  return {static_cast<int>(y + (m <= 2 ? 1 : 0)), m, d};
}

int Weekday(const CivilDate& d) {
  int64_t z = DaysFromCivil(d);
  int64_t w = (z + 3) % 7;  // 1970-01-01 was a Thursday
  if (w < 0) w += 7;
  return static_cast<int>(w) + 1;
}

namespace {

constexpr const char* kWeekdayNames[] = {"mon", "tue", "wed", "thu", "fri", "sat", "sun"};

int64_t Arg(const LexiconEntry& e, size_t k = 0) { return k < e.numbers.size() ? e.numbers[k] : 0; }

std::string SignedDays(int64_t n) { return n == 0 ? "publication" : (n > 0 ? "+" : "") + std::to_string(n) + "d"; }

bool ValidDay(int y, int m, int d) { return m >= 1 && m <= 12 && d >= 1 && d <= DaysInMonth(y, m); }

DateValue Unknown(std::string relative) {
  DateValue v;
  v.precision = "unknown";
  v.relative = std::move(relative);
  return v;
}

DateValue Day(CivilDate d, std::string relative = "") {
  DateValue v;
  v.value = d;
  v.precision = "day";
  v.relative = std::move(relative);
  return v;
}

DateValue ShiftDays(const std::optional<CivilDate>& pub, int64_t days) {
  if (!pub) return Unknown(SignedDays(days));
  return Day(CivilFromDays(DaysFromCivil(*pub) + days), SignedDays(days));
}

DateValue LastWeekday(const std::optional<CivilDate>& pub, int wd) {
  std::string rel = std::string("weekday:") + kWeekdayNames[wd - 1];
  if (!pub) return Unknown(rel);
  int back = (Weekday(*pub) - wd + 7) % 7;
  return Day(CivilFromDays(DaysFromCivil(*pub) - back), rel);
}

DateValue Period(const std::optional<CivilDate>& pub, const std::string& unit, int64_t offset) {
  std::string rel = unit + ":" + std::to_string(offset);
  if (!pub) return Unknown(rel);
  DateValue v;
  v.relative = rel;
  v.precision = unit;
  if (unit == "week") {
    int64_t monday = DaysFromCivil(*pub) - (Weekday(*pub) - 1);
    v.value = CivilFromDays(monday + 7 * offset);
  } else if (unit == "month") {
    int64_t months = pub->year * 12 + (pub->month - 1) + offset;
    v.value = CivilDate{static_cast<int>(months / 12), static_cast<int>(months % 12) + 1, 1};
  } else if (unit == "year") {
    v.value = CivilDate{pub->year + static_cast<int>(offset), 1, 1};
  } else {
    return ShiftDays(pub, offset);
  }
  return v;
}

// The most recent day `d` of month `m` on or before the publication date.
DateValue PastDayMonth(const std::optional<CivilDate>& pub, int m, int d) {
  if (!pub) return Unknown("");
  for (int y = pub->year; y >= pub->year - 4; --y) {
    if (!ValidDay(y, m, d)) continue;
    CivilDate c{y, m, d};
    if (DaysFromCivil(c) <= DaysFromCivil(*pub)) return Day(c);
  }
  return Unknown("");
}

DateValue PastDay(const std::optional<CivilDate>& pub, int d) {
  if (!pub) return Unknown("");
  int y = pub->year, m = pub->month;
  for (int k = 0; k < 13; ++k) {
    if (ValidDay(y, m, d) && DaysFromCivil({y, m, d}) <= DaysFromCivil(*pub)) return Day({y, m, d});
    if (--m == 0) {
      m = 12;
      --y;
    }
  }
  return Unknown("");
}

DateValue PastMonth(const std::optional<CivilDate>& pub, int m) {
  if (!pub) return Unknown("");
  DateValue v;
  v.precision = "month";
  v.value = CivilDate{m <= pub->month ? pub->year : pub->year - 1, m, 1};
  return v;
}

bool IsUpper(std::string_view raw) {
  if (raw.empty()) return false;
  size_t i = 0;
  char32_t c = DecodeUtf8(raw, i);
  return c < 0x80 ? (c >= 'A' && c <= 'Z') : u_isupper(static_cast<UChar32>(c));
}

}  // namespace

struct DateRecognizer::Context {
  std::string_view text;
  const std::vector<Token>& tokens;
  const Words& w;
  uint32_t begin, end;
  const std::optional<CivilDate>& published;
  bool month_first;

  std::string_view Raw(uint32_t i) const { return text.substr(tokens[i].span.begin, tokens[i].span.size()); }
  bool Is(uint32_t i, std::string_view word) const { return i < end && w[i] == word; }
  // Capitalised and not the first word of its sentence (after any opening punctuation).
  bool CapitalisedInside(uint32_t i) const {
    if (!IsUpper(Raw(i))) return false;
    for (uint32_t k = begin; k < i; ++k) {
      if (tokens[k].kind == TokenKind::kWord || tokens[k].kind == TokenKind::kNumber) return true;
    }
    return false;
  }
  // 1..31 written as digits, with an optional ordinal suffix glued on ("1er", "2nd", "1º").
  std::optional<int> DayNumber(uint32_t i, const std::vector<std::string>& ordinals) const {
    if (i >= end) return std::nullopt;
    std::string_view word = w[i];
    size_t k = 0;
    int d = 0;
    while (k < word.size() && word[k] >= '0' && word[k] <= '9') d = d * 10 + (word[k++] - '0');
    if (k == 0 || k > 2) return std::nullopt;
    if (k < word.size()) {
      std::string_view suffix = word.substr(k);
      if (std::find(ordinals.begin(), ordinals.end(), suffix) == ordinals.end()) return std::nullopt;
    } else if (tokens[i].kind != TokenKind::kNumber) {
      return std::nullopt;
    }
    if (d < 1 || d > 31) return std::nullopt;
    return d;
  }
  std::optional<int> Year(uint32_t i) const {
    if (i >= end || tokens[i].kind != TokenKind::kNumber || tokens[i].span.size() != 4) return std::nullopt;
    std::string_view raw = Raw(i);
    for (char c : raw) {
      if (c < '0' || c > '9') return std::nullopt;
    }
    int y = std::atoi(std::string(raw).c_str());
    if (y < 1900 || y > 2100) return std::nullopt;
    return y;
  }
};

Result<DateRecognizer> DateRecognizer::Create(std::string_view lang) {
  auto lex = LoadLexicon(lang, "dates");
  if (!lex) return Err(lex.error());
  auto numbers = NumberRecognizer::Create(lang);
  if (!numbers) return Err(numbers.error());
  DateRecognizer r;
  r.lex_ = std::move(*lex);
  r.numbers_ = std::move(*numbers);
  for (const LexiconEntry& e : r.lex_.entries()) {
    if (e.section == "day-ordinal" && e.words.size() == 1) r.day_ordinals_.push_back(e.words[0]);
  }
  r.lang_ = std::string(lang);
  return r;
}

std::optional<int> DateRecognizer::MonthAt(const Context& c, uint32_t i, uint32_t* last, bool after_day) const {
  if (i >= c.end) return std::nullopt;
  const LexiconEntry* e = lex_.Match(c.w, i, VEILLE_SECTION("month"));
  if (!e) return std::nullopt;
  uint32_t k = i + static_cast<uint32_t>(e->words.size()) - 1;
  bool upper = IsUpper(c.Raw(i));
  bool ambiguous = std::find(e->args.begin(), e->args.end(), "ambiguous") != e->args.end();
  if (lang_ == "en") {
    // "they march", "it may": an English month that is also a word must be capitalised.
    if (ambiguous && !upper) return std::nullopt;
  } else if (!after_day && c.CapitalisedInside(i)) {
    // French and Spanish months are lower case: a capitalised one inside a sentence, with no
    // day before it, is a name (Plaza de Mayo).
    return std::nullopt;
  }
  // An abbreviation takes its full stop: "Jan." "janv."
  if (k + 1 < c.end && c.Raw(k + 1) == "." && c.tokens[k].span.end == c.tokens[k + 1].span.begin &&
      e->words[0].size() <= 5) {
    ++k;
  }
  *last = k;
  return static_cast<int>(Arg(*e));
}

std::optional<int> DateRecognizer::WeekdayAt(const Context& c, uint32_t i) const {
  if (i >= c.end) return std::nullopt;
  const LexiconEntry* e = lex_.Match(c.w, i, VEILLE_SECTION("weekday"));
  if (!e) {
    // "Tuesday's vote"
    std::string_view word = c.w[i];
    if (!word.ends_with("'s")) return std::nullopt;
    for (const LexiconEntry& cand : lex_.entries()) {
      if (cand.section == "weekday" && cand.words.size() == 1 && cand.words[0] == word.substr(0, word.size() - 2)) {
        e = &cand;
      }
    }
    if (!e) return std::nullopt;
  }
  // A weekday followed by a capitalised word is a name: "Domingo Pérez", "Sunday Times". French
  // and Spanish write a weekday in lower case, so a lower-case one stays a date before a name
  // ("a appelé mardi Pékin", "atacaron el sábado Jamundí"); so does an English one after "on"
  // ("said on Sunday Russia had fired").
  if (i + 1 < c.end && c.tokens[i + 1].kind == TokenKind::kWord && IsUpper(c.Raw(i + 1)) &&
      !lex_.Match(c.w, i + 1, VEILLE_SECTION("month")) && (lang_ == "en" || IsUpper(c.Raw(i))) &&
      !(lang_ == "en" && i > c.begin && c.Is(i - 1, "on"))) {
    return std::nullopt;
  }
  // English capitalises weekdays; a lower-case one is accepted unless it is also a word.
  if (lang_ == "en" && !IsUpper(c.Raw(i)) && c.w[i].size() <= 3) return std::nullopt;
  if (lang_ != "en" && c.CapitalisedInside(i) && i > c.begin && c.tokens[i - 1].kind == TokenKind::kWord &&
      IsUpper(c.Raw(i - 1))) {
    return std::nullopt;
  }
  return static_cast<int>(Arg(*e));
}

// A day of the month at token k: digits ("7", "1er", "2nd", "1.º") or an ordinal word
// ("first", "premier", "primero"). Sets *last to its last token.
std::optional<int> DateRecognizer::DayAt(const Context& c, uint32_t k, uint32_t* last) const {
  if (k >= c.end) return std::nullopt;
  if (auto d = c.DayNumber(k, day_ordinals_)) {
    *last = k;
    // "1.º": the number, a full stop, then the ordinal sign.
    if (k + 2 < c.end && c.Raw(k + 1) == "." && lex_.Match(c.w, k + 2, VEILLE_SECTION("day-ordinal"))) *last = k + 2;
    return d;
  }
  if (const LexiconEntry* e = lex_.Match(c.w, k, VEILLE_SECTION("day-word"))) {
    *last = k + static_cast<uint32_t>(e->words.size()) - 1;
    return static_cast<int>(Arg(*e));
  }
  return std::nullopt;
}

// Day [range] [de|of] month [[,] [de|del] [año] year] starting at token k.
std::optional<DateMention> DateRecognizer::DayMonthAt(const Context& c, uint32_t first, uint32_t k) const {
  uint32_t day_last = 0;
  auto d = DayAt(c, k, &day_last);
  if (!d) return std::nullopt;
  uint32_t m_at = day_last + 1;
  // A range of days takes its first: "4-5 July", "6 and 7 September", "du 13 au 14 novembre".
  if (const LexiconEntry* join = lex_.Match(c.w, m_at, VEILLE_SECTION("day-join"))) {
    uint32_t second_last = 0;
    if (DayAt(c, m_at + static_cast<uint32_t>(join->words.size()), &second_last)) m_at = second_last + 1;
  }
  if (c.Is(m_at, "de") || c.Is(m_at, "of") || c.Is(m_at, "del")) ++m_at;
  uint32_t m_last = 0;
  auto m = MonthAt(c, m_at, &m_last, /*after_day=*/true);
  if (!m) return std::nullopt;
  // "Avenida 9 de Julio", "rue du 4-Septembre": a capitalised month after a capitalised word.
  // "Avenida 9 de Julio", "el barrio 20 de Julio", "la plaza Primero de Mayo": in French and
  // Spanish a capitalised month after a day is a name unless an article or a weekday, or
  // nothing, stands before the day.
  if (lang_ != "en" && IsUpper(c.Raw(m_at)) && k > c.begin && c.tokens[k - 1].kind == TokenKind::kWord &&
      first == k && !lex_.Match(c.w, k - 1, VEILLE_SECTION("day-prep")) && !WeekdayAt(c, k - 1)) {
    return std::nullopt;
  }
  uint32_t y_at = m_last + 1;
  if (c.Is(y_at, ",")) ++y_at;
  if (c.Is(y_at, "de") || c.Is(y_at, "del") || c.Is(y_at, "of")) ++y_at;
  if (const LexiconEntry* year_word = lex_.Match(c.w, y_at, VEILLE_SECTION("year-word"))) y_at += static_cast<uint32_t>(year_word->words.size());
  if (auto y = c.Year(y_at)) {
    if (!ValidDay(*y, *m, *d)) return std::nullopt;
    return DateMention{first, y_at, Day({*y, *m, *d})};
  }
  return DateMention{first, m_last, PastDayMonth(c.published, *m, *d)};
}

// Month day[,] [year] starting at token k: "January 7, 2022", "Jan. 2", "noviembre 25".
std::optional<DateMention> DateRecognizer::MonthDayAt(const Context& c, uint32_t first, uint32_t k) const {
  uint32_t m_last = 0;
  auto m = MonthAt(c, k, &m_last);
  if (!m) return std::nullopt;
  uint32_t d_last = 0;
  auto d = DayAt(c, m_last + 1, &d_last);
  if (!d || c.w[m_last + 1].find_first_not_of("0123456789") == 0) return std::nullopt;
  uint32_t y_at = d_last + 1;
  if (c.Is(y_at, ",")) ++y_at;
  if (auto y = c.Year(y_at)) {
    if (!ValidDay(*y, *m, *d)) return std::nullopt;
    return DateMention{first, y_at, Day({*y, *m, *d})};
  }
  // "The April 6 Youth Movement": a name, not a date.
  if (d_last + 1 < c.end && c.tokens[d_last + 1].kind == TokenKind::kWord && IsUpper(c.Raw(d_last + 1))) {
    return std::nullopt;
  }
  return DateMention{first, d_last, PastDayMonth(c.published, *m, *d)};
}

std::optional<DateMention> DateRecognizer::MatchAbsolute(Context& c, uint32_t i) const {
  const auto& t = c.tokens;
  // ISO 2023-12-31.
  if (i + 4 < c.end && c.Year(i) && c.Raw(i + 1) == "-" && c.Raw(i + 3) == "-" &&
      t[i + 2].kind == TokenKind::kNumber && t[i + 4].kind == TokenKind::kNumber &&
      t[i].span.end == t[i + 1].span.begin && t[i + 3].span.end == t[i + 4].span.begin) {
    int y = *c.Year(i), m = std::atoi(std::string(c.Raw(i + 2)).c_str()), d = std::atoi(std::string(c.Raw(i + 4)).c_str());
    if (ValidDay(y, m, d)) return DateMention{i, i + 4, Day({y, m, d})};
  }
  // 02/01/2022, 6/11/21, 2.1.2022: day first unless the source is US-styled.
  if (t[i].kind == TokenKind::kNumber) {
    std::string_view raw = c.Raw(i);
    char sep = raw.find('/') != std::string_view::npos ? '/' : '.';
    int a = 0, b = 0, y = 0;
    const char* p = raw.data();
    const char* stop = raw.data() + raw.size();
    auto field = [&](int& v) {
      auto [next, ec] = std::from_chars(p, stop, v);
      bool ok = ec == std::errc() && next != p;
      p = next;
      return ok;
    };
    auto separator = [&] { return p < stop && *p++ == sep; };
    if (field(a) && separator() && field(b) && separator() && field(y) && p == stop && raw.size() >= 6) {
      if (y < 100) y += 2000;
      int d = a, m = b;
      if (c.month_first && a <= 12) std::swap(d, m);
      if (m > 12 && d <= 12) std::swap(d, m);
      if (y >= 1900 && y <= 2100 && ValidDay(y, m, d)) return DateMention{i, i, Day({y, m, d})};
    }
  }
  // An optional weekday before a full date: "on Tuesday, 7 January 2020", "el pasado sábado
  // 26 de junio", "vendredi 7 janvier".
  uint32_t j = i;
  bool weekday_first = false;
  {
    uint32_t k = i;
    if (const LexiconEntry* p = lex_.Match(c.w, k, VEILLE_SECTION("last-before")); p && WeekdayAt(c, k + static_cast<uint32_t>(p->words.size()))) {
      k += static_cast<uint32_t>(p->words.size());
    } else if (const LexiconEntry* dp = lex_.Match(c.w, k, VEILLE_SECTION("day-prep")); dp && WeekdayAt(c, k + static_cast<uint32_t>(dp->words.size()))) {
      k += static_cast<uint32_t>(dp->words.size());
    }
    if (WeekdayAt(c, k)) {
      j = k + 1;
      if (c.Is(j, ",")) ++j;
      weekday_first = true;
    }
  }
  {
    uint32_t k = j;
    const LexiconEntry* prep = weekday_first ? nullptr : lex_.Match(c.w, k, VEILLE_SECTION("day-prep"));
    if (prep) k += static_cast<uint32_t>(prep->words.size());
    if (auto dm = DayMonthAt(c, i, k)) return dm;
    if (auto md = MonthDayAt(c, i, k)) return md;
    if (!prep && weekday_first) {
      if (auto md = MonthDayAt(c, i, j)) return md;
    }
    // A day alone after an article ("le 2", "el 30", "on the 2nd") at the end of a clause.
    uint32_t d_last = 0;
    if (prep && !weekday_first && c.DayNumber(k, day_ordinals_) && DayAt(c, k, &d_last)) {
      uint32_t after = d_last + 1;
      bool clause_end = after >= c.end || c.Raw(after) == "," || c.Raw(after) == "." || c.Raw(after) == ";";
      std::string_view p0 = prep->words[0];
      if (clause_end && (p0 == "le" || p0 == "el" || p0 == "the" || p0 == "on")) {
        return DateMention{i, d_last, PastDay(c.published, *c.DayNumber(k, day_ordinals_))};
      }
    }
  }
  if (weekday_first) return std::nullopt;  // a weekday alone is relative
  // Month precision: "in March 2021", "en mars", "mid-January", "a mediados de enero",
  // "early April 2022", "March 2021", "Diciembre pasado".
  {
    uint32_t k = i;
    bool cue = false;
    std::optional<int> month;
    uint32_t m_last = 0;
    std::string_view word = c.w[k];
    size_t dash = word.find('-');
    if (dash != std::string_view::npos && (word.substr(0, dash) == "mid" || word.substr(0, dash) == "mi")) {
      for (const LexiconEntry& e : lex_.entries()) {
        if (e.section == "month" && e.words.size() == 1 && e.words[0] == word.substr(dash + 1)) month = static_cast<int>(Arg(e));
      }
      if (month) {
        m_last = k;
        cue = true;
      }
    }
    bool part = false;
    if (!month) {
      if (const LexiconEntry* mp = lex_.Match(c.w, k, VEILLE_SECTION("month-part"))) {
        k += static_cast<uint32_t>(mp->words.size());
        if (c.Is(k, "-") || c.Is(k, "de") || c.Is(k, "of") || c.Is(k, "del")) ++k;
        cue = part = true;
      } else if (const LexiconEntry* prep = lex_.Match(c.w, k, VEILLE_SECTION("month-prep"))) {
        k += static_cast<uint32_t>(prep->words.size());
        cue = true;
      }
      // "in May 14, 2023", "en noviembre 25": a full date after the preposition.
      if (cue && !part) {
        if (auto md = MonthDayAt(c, i, k)) return md;
        if (auto dm = DayMonthAt(c, i, k)) return dm;
      }
      month = MonthAt(c, k, &m_last, /*after_day=*/false);
      // A capitalised month before "last": "En Diciembre pasado".
      if (!month && lang_ != "en" && lex_.Match(c.w, k, VEILLE_SECTION("month")) && lex_.Match(c.w, k + 1, VEILLE_SECTION("last-after"))) {
        month = MonthAt(c, k, &m_last, /*after_day=*/true);
      }
    }
    if (month) {
      uint32_t y_at = m_last + 1;
      if (c.Is(y_at, "de") || c.Is(y_at, "del") || c.Is(y_at, ",")) ++y_at;
      if (auto y = c.Year(y_at)) {
        DateValue v;
        v.value = CivilDate{*y, *month, 1};
        v.precision = "month";
        return DateMention{i, y_at, v};
      }
      if (const LexiconEntry* last = lex_.Match(c.w, m_last + 1, VEILLE_SECTION("last-after"))) {
        return DateMention{i, m_last + static_cast<uint32_t>(last->words.size()), PastMonth(c.published, *month)};
      }
      if (cue) return DateMention{i, m_last, PastMonth(c.published, *month)};
    }
    // A year after a part of the year: "late 2020", "a principios de 2023", "début 2019".
    if (part) {
      if (auto y = c.Year(k)) {
        DateValue v;
        v.value = CivilDate{*y, 1, 1};
        v.precision = "year";
        return DateMention{i, k, v};
      }
    }
  }
  // A year alone after a preposition: "in 2019", "en 2019", "since 2019", "between 2019".
  {
    const LexiconEntry* prep = lex_.Match(c.w, i, VEILLE_SECTION("year-prep"));
    if (!prep) prep = lex_.Match(c.w, i, VEILLE_SECTION("since"));
    if (prep) {
      uint32_t y_at = i + static_cast<uint32_t>(prep->words.size());
      if (auto y = c.Year(y_at)) {
        // "de 2000 personnes": after "de"/"of", a year must end its phrase.
        bool weak_prep = std::find(prep->args.begin(), prep->args.end(), "weak") != prep->args.end();
        bool ends = y_at + 1 >= c.end || c.tokens[y_at + 1].kind == TokenKind::kPunct;
        if (!weak_prep || ends) {
          DateValue v;
          v.value = CivilDate{*y, 1, 1};
          v.precision = "year";
          return DateMention{i, y_at, v};
        }
      }
    }
  }
  return std::nullopt;
}

std::optional<DateMention> DateRecognizer::MatchRelative(Context& c, uint32_t i) const {
  // "dans la nuit de samedi à dimanche", "la madrugada del sábado", "dans la nuit du 13 au
  // 14 novembre 2015": the first night's day.
  if (const LexiconEntry* night = lex_.Match(c.w, i, VEILLE_SECTION("night-of"))) {
    uint32_t k = i + static_cast<uint32_t>(night->words.size());
    if (auto wd = WeekdayAt(c, k)) {
      uint32_t last = k;
      if ((c.Is(k + 1, "a") || c.Is(k + 1, "à") || c.Is(k + 1, "au") || c.Is(k + 1, "al") || c.Is(k + 1, "to")) &&
          WeekdayAt(c, k + 2)) {
        last = k + 2;
      }
      return DateMention{i, last, LastWeekday(c.published, *wd)};
    }
    if (auto dm = DayMonthAt(c, i, k)) return dm;
  }
  // "overnight into Wednesday", "in the night to Sunday": the night ends on the weekday named,
  // so its first day is the day before.
  if (const LexiconEntry* into = lex_.Match(c.w, i, VEILLE_SECTION("night-into"))) {
    uint32_t k = i + static_cast<uint32_t>(into->words.size());
    if (auto wd = WeekdayAt(c, k)) {
      DateValue v = LastWeekday(c.published, *wd);
      if (v.value) v.value = CivilFromDays(DaysFromCivil(*v.value) - 1);
      v.relative += "-1d";
      return DateMention{i, k, v};
    }
  }
  // Relative words are not names: "USA Today", "el diario Hoy".
  auto named = [&](uint32_t k) { return c.CapitalisedInside(k); };
  if (const LexiconEntry* rel = lex_.Match(c.w, i, VEILLE_SECTION("relative")); rel && !named(i)) {
    uint32_t last = i + static_cast<uint32_t>(rel->words.size()) - 1;
    // "Ayer domingo", "yesterday, Sunday": the weekday restates the day.
    if (WeekdayAt(c, last + 1)) ++last;
    return DateMention{i, last, ShiftDays(c.published, Arg(*rel))};
  }
  if (const LexiconEntry* per = lex_.Match(c.w, i, VEILLE_SECTION("period")); per && !named(i)) {
    std::string unit = per->args.empty() ? "week" : per->args[0];
    return DateMention{i, i + static_cast<uint32_t>(per->words.size()) - 1, Period(c.published, unit, Arg(*per, 1))};
  }
  // "il y a trois jours", "hace 10 días".
  if (const LexiconEntry* ago = lex_.Match(c.w, i, VEILLE_SECTION("ago-before"))) {
    uint32_t k = i + static_cast<uint32_t>(ago->words.size());
    auto nums = numbers_.Recognize(c.text, c.tokens, c.w, k, std::min(c.end, k + 4));
    if (!nums.empty() && nums[0].first == k) {
      if (const LexiconEntry* unit = lex_.Match(c.w, nums[0].last + 1, VEILLE_SECTION("unit"))) {
        int64_t n = nums[0].value;
        std::string u = unit->args.empty() ? "day" : unit->args[0];
        uint32_t last = nums[0].last + static_cast<uint32_t>(unit->words.size());
        DateValue v = u == "day" ? ShiftDays(c.published, -n) : Period(c.published, u, -n);
        return DateMention{i, last, v};
      }
    }
  }
  // "two days ago", "deux jours auparavant", "dos días atrás".
  bool unit_follows = false;
  for (uint32_t k = i + 1; k < std::min(c.end, i + 4) && !unit_follows; ++k) {
    unit_follows = lex_.MayStart(c.w, k, VEILLE_SECTION("unit"));
  }
  if (unit_follows && (c.tokens[i].kind == TokenKind::kNumber || numbers_.lexicon().StartsAt(c.w, i))) {
    auto nums = numbers_.Recognize(c.text, c.tokens, c.w, i, std::min(c.end, i + 4));
    if (!nums.empty() && nums[0].first == i) {
      if (const LexiconEntry* unit = lex_.Match(c.w, nums[0].last + 1, VEILLE_SECTION("unit"))) {
        uint32_t k = nums[0].last + static_cast<uint32_t>(unit->words.size()) + 1;
        if (const LexiconEntry* ago = lex_.Match(c.w, k, VEILLE_SECTION("ago-after"))) {
          int64_t n = nums[0].value;
          std::string u = unit->args.empty() ? "day" : unit->args[0];
          DateValue v = u == "day" ? ShiftDays(c.published, -n) : Period(c.published, u, -n);
          return DateMention{i, k + static_cast<uint32_t>(ago->words.size()) - 1, v};
        }
      }
    }
  }
  // Weekdays: "on Monday", "last Tuesday", "mardi dernier", "el pasado martes", "Saturday night".
  {
    uint32_t k = i;
    const LexiconEntry* before = lex_.Match(c.w, k, VEILLE_SECTION("last-before"));
    if (before && WeekdayAt(c, k + static_cast<uint32_t>(before->words.size()))) {
      k += static_cast<uint32_t>(before->words.size());
    } else {
      before = nullptr;
    }
    if (auto wd = WeekdayAt(c, k)) {
      // Names and habits are not dates: "Black Friday", "Good Friday Agreement", "todos los
      // lunes", "every Friday". A lower-case French or Spanish weekday after a name is a date:
      // "à Bangui mardi soir".
      if (!before && k > c.begin && c.CapitalisedInside(k - 1) && c.tokens[k - 1].kind == TokenKind::kWord &&
          (lang_ == "en" || IsUpper(c.Raw(k)))) {
        return std::nullopt;
      }
      for (uint32_t back = 1; back <= 2 && k >= c.begin + back; ++back) {
        const LexiconEntry* h = lex_.Match(c.w, k - back, VEILLE_SECTION("habitual"));
        if (h && h->words.size() == back) return std::nullopt;
      }
      uint32_t last = k;
      if (const LexiconEntry* after = lex_.Match(c.w, last + 1, VEILLE_SECTION("last-after"))) {
        last += static_cast<uint32_t>(after->words.size());
      }
      if (const LexiconEntry* part = lex_.Match(c.w, last + 1, VEILLE_SECTION("day-part"))) {
        last += static_cast<uint32_t>(part->words.size());
      }
      return DateMention{i, last, LastWeekday(c.published, *wd)};
    }
  }
  return std::nullopt;
}

std::optional<DateMention> DateRecognizer::MatchAt(Context& c, uint32_t i) const {
  if (const LexiconEntry* since = lex_.Match(c.w, i, VEILLE_SECTION("since"))) {
    uint32_t k = i + static_cast<uint32_t>(since->words.size());
    if (k < c.end) {
      std::optional<DateMention> inner = MatchAbsolute(c, k);
      if (!inner) inner = MatchRelative(c, k);
      if (inner) {
        inner->first = i;
        if (!inner->date.relative.empty()) inner->date.relative = "since:" + inner->date.relative;
        return inner;
      }
    }
  }
  if (auto m = MatchAbsolute(c, i)) return m;
  return MatchRelative(c, i);
}

std::vector<DateMention> DateRecognizer::Recognize(std::string_view text, const std::vector<Token>& tokens,
                                                   const Words& words, uint32_t begin, uint32_t end,
                                                   const std::optional<CivilDate>& published, bool month_first) const {
  Context c{text, tokens, words, begin, end, published, month_first};
  std::vector<DateMention> out;
  // A date holds a core word (a number, a month, a weekday, a relative word); prepositions
  // and articles start one only when a core word follows closely. Marking the core words
  // once saves asking every section about every "the", "de" and "en".
  constexpr uint32_t kReach = 5;
  const uint32_t n = end - begin;
  // Strong words make a date by themselves: months, weekdays, relative words, units of
  // "ago" phrases, years, numeric dates.
  // Per-token marks, held inline for the sentences of usual length (a heap allocation per
  // sentence costs more than the marking).
  constexpr uint32_t kInline = 256;
  std::array<uint8_t, kInline> strong_inline{}, core_inline{};
  std::vector<uint8_t> strong_heap, core_heap;
  uint8_t* strong = strong_inline.data();
  uint8_t* core = core_inline.data();
  if (n + kReach > kInline) {
    strong_heap.assign(n + kReach, 0);
    core_heap.assign(n + kReach, 0);
    strong = strong_heap.data();
    core = core_heap.data();
  }
  static const SectionId kStrong[] = {VEILLE_SECTION("month"),      VEILLE_SECTION("weekday"),
                                      VEILLE_SECTION("relative"),   VEILLE_SECTION("period"),
                                      VEILLE_SECTION("ago-before"), VEILLE_SECTION("ago-after"),
                                      VEILLE_SECTION("day-word"),   VEILLE_SECTION("night-of"),
                                      VEILLE_SECTION("night-into"), VEILLE_SECTION("unit")};
  static const std::bitset<kMaxSections> kStrongMask = [] {
    std::bitset<kMaxSections> mask;
    for (SectionId id : kStrong) mask.set(id);
    return mask;
  }();
  for (uint32_t i = begin; i < end; ++i) {
    bool is_strong = false;
    if (tokens[i].kind == TokenKind::kNumber) {
      std::string_view word = words[i];
      is_strong = c.Year(i).has_value() || word.find('/') != std::string_view::npos ||
                  std::count(word.begin(), word.end(), '.') == 2;
    } else if (words.Has(i, Words::kHyphen | Words::kPossessive) && words[i].size() > 1) {
      // "mid-January", "Monday's" (a dash standing alone is punctuation, not a date's word).
      is_strong = true;
    } else {
      is_strong = lex_.MatchAny(words, i, kStrongMask) != nullptr;
    }
    strong[i - begin] = is_strong;
  }
  auto strong_near = [&](uint32_t i, uint32_t before, uint32_t after) {
    uint32_t from = i - begin >= before ? i - before : begin;
    for (uint32_t k = from; k < std::min(end, i + after + 1); ++k) {
      if (strong[k - begin]) return true;
    }
    return false;
  };
  // A small number is a day only next to a month or weekday, or alone at a clause end ("le
  // 2."); a number word only before the unit of an "ago" phrase.
  for (uint32_t i = begin; i < end; ++i) {
    bool is_core = strong[i - begin];
    if (!is_core && (tokens[i].kind == TokenKind::kNumber || words.Has(i, Words::kDigitStart))) {
      bool clause_end = i + 1 >= end || tokens[i + 1].kind == TokenKind::kPunct;
      is_core = strong_near(i, 3, 3) || clause_end;
    } else if (!is_core && numbers_.lexicon().MayStart(words, i, VEILLE_SECTION("value"))) {
      is_core = strong_near(i, 0, 3);
    }
    core[i - begin] = is_core;
  }
  // A word before the core opens a date only through a chain of opening phrases that lands
  // on the core or a number ("desde" "el pasado" "sábado", "in the early hours of" "Monday"):
  // "en los comicios de ayer" is tried at "de", not at "en" and "los".
  static const std::bitset<kMaxSections> kOpeners = [] {
    std::bitset<kMaxSections> mask;
    for (SectionId id : {VEILLE_SECTION("since"), VEILLE_SECTION("last-before"), VEILLE_SECTION("day-prep"),
                         VEILLE_SECTION("month-part"), VEILLE_SECTION("month-prep"), VEILLE_SECTION("year-prep"),
                         VEILLE_SECTION("night-of"), VEILLE_SECTION("night-into"), VEILLE_SECTION("ago-before"),
                         VEILLE_SECTION("relative"),
                         VEILLE_SECTION("period"), VEILLE_SECTION("day-word")}) {
      mask.set(id);
    }
    return mask;
  }();
  auto opens_to_core = [&](uint32_t i) {
    uint32_t reached = i + 1;  // words before `reached` are inside or right after an opening phrase
    for (uint32_t p = i; p < reached && p < end; ++p) {
      // A day number far from its month is not core ("del 1 al 15 de diciembre").
      if (p > i && (core[p - begin] || tokens[p].kind == TokenKind::kNumber || words.Has(p, Words::kDigitStart))) {
        return true;
      }
      if (const LexiconEntry* e = lex_.MatchAny(words, p, kOpeners)) {
        reached = std::max(reached, p + static_cast<uint32_t>(e->words.size()) + 1);
      }
    }
    return false;
  };
  for (uint32_t i = begin; i < end;) {
    bool candidate = false;
    if (core[i - begin] || lex_.StartsAt(words, i)) {
      for (uint32_t k = i; k < std::min(end, i + kReach) && !candidate; ++k) candidate = core[k - begin];
      if (candidate && !core[i - begin]) candidate = opens_to_core(i);
    }
    if (!candidate && (out.empty() || out.back().last + 1 != i)) {
      ++i;
      continue;
    }
    std::optional<DateMention> m;
    if (candidate) m = MatchAt(c, i);
    // "between 2019 and 2021", "entre 2019 y 2021": the second year of a span.
    if (!m && !out.empty() && out.back().last + 1 == i && out.back().date.precision == "year" &&
        lex_.Match(c.w, i, VEILLE_SECTION("day-join")) && c.Year(i + 1)) {
      DateValue v;
      v.value = CivilDate{*c.Year(i + 1), 1, 1};
      v.precision = "year";
      m = DateMention{i + 1, i + 1, v};
    }
    if (m) {
      i = m->last + 1;
      out.push_back(std::move(*m));
    } else {
      ++i;
    }
  }
  return out;
}

}  // namespace veille::recognize
