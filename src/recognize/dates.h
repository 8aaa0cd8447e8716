// Date expressions, placed on the calendar against the publication date.
//
// Absolute ("7 January 2022", "le 1er janvier", "el 2 de enero", "Jan. 2", "02/01/2022",
// "2023-12-31", "en mars 2021", "in 2019") and relative ("yesterday", "hier soir", "anoche",
// "on Monday", "mardi dernier", "el pasado martes", "two days ago", "il y a trois jours",
// "hace tres días", "this week", "since Sunday") expressions. News refers to the past: a
// bare weekday, a day or a month without its year is the most recent one on or before the
// publication date. Without a publication date, what depends on it has value null and
// precision "unknown", and keeps `relative`. The words are in data/<lang>/dates.txt.
#pragma once

#include <optional>
#include <vector>

#include "recognize/lexicon.h"
#include "recognize/numbers.h"
#include "veille/event.h"

namespace veille::recognize {

struct DateMention {
  uint32_t first = 0;  // first token
  uint32_t last = 0;   // last token (inclusive)
  DateValue date;      // `text` is left empty: the caller maps tokens to words
};

// Calendar arithmetic on civil dates (proleptic Gregorian).
int64_t DaysFromCivil(const CivilDate& d);
CivilDate CivilFromDays(int64_t days);
int Weekday(const CivilDate& d);  // 1 = Monday ... 7 = Sunday

class DateRecognizer {
 public:
  static Result<DateRecognizer> Create(std::string_view lang);
  void Bind(Vocabulary& vocabulary) {
    lex_.Bind(vocabulary);
    numbers_.Bind(vocabulary);
  }

  // Dates in tokens [begin, end) of one sentence. `month_first` reads 03/04/2022 as
  // 4 March (a US-styled source); otherwise day first.
  std::vector<DateMention> Recognize(std::string_view text, const std::vector<Token>& tokens, const Words& words,
                                     uint32_t begin, uint32_t end, const std::optional<CivilDate>& published,
                                     bool month_first = false) const;

 private:
  struct Context;
  std::optional<DateMention> MatchAt(Context& c, uint32_t i) const;
  std::optional<DateMention> MatchAbsolute(Context& c, uint32_t i) const;
  std::optional<DateMention> MatchRelative(Context& c, uint32_t i) const;
  std::optional<int> MonthAt(const Context& c, uint32_t i, uint32_t* last, bool after_day = false) const;
  std::optional<int> WeekdayAt(const Context& c, uint32_t i) const;
  std::optional<int> DayAt(const Context& c, uint32_t k, uint32_t* last) const;
  std::optional<DateMention> DayMonthAt(const Context& c, uint32_t first, uint32_t k) const;
  std::optional<DateMention> MonthDayAt(const Context& c, uint32_t first, uint32_t k) const;

  Lexicon lex_;
  NumberRecognizer numbers_;
  std::string lang_;
  std::vector<std::string> day_ordinals_;  // "er", "st", "º": suffixes a day may carry
};

}  // namespace veille::recognize
