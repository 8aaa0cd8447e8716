// Step 6 of an assembly: the same physical happening told of a list of places or of days is
// one event per place and per day (docs/ontology.md rule 10).
#include "assemble/assembly.h"

#include <optional>

namespace veille::assemble {

namespace {

// Physical happenings, which take place somewhere on some day: told of a list of places or
// days, they are one event each.
bool SplitsPerPlaceAndDay(const Event& e) {
  return e.event_type == "Protests"sv || e.event_type == "Riots"sv || e.event_type == "Battles"sv ||
         e.event_type == "Violence against civilians"sv || e.event_type == "Explosions/Remote violence"sv ||
         (e.plover == "MOBILIZE"sv && e.sub_event_type == "Change to group/activity"sv);
}

}  // namespace

// A copy of event k for another place or day of a list; the list's figures stay with k.
void Assembly::CopyEvent(size_t k, std::optional<Location> at) {
  Event copy = events[k];
  copy.figures.clear();
  events.push_back(std::move(copy));
  event_sentence.push_back(event_sentence[k]);
  event_trigger.push_back(event_trigger[k]);
  subsets.emplace_back();
  listed_at.push_back(std::move(at));
}

// The same physical happening in each place of a list ("protests were also reported in
// Mombasa, Kisumu and Nyeri") is one event per place (docs/ontology.md rule 10); a
// statement or a decree that covers several places stays one event at the first.
void Assembly::SplitByPlaceLists() {
  listed_at.resize(events.size());
  if (in.places) {
    const SectionId kListJoin = VEILLE_SECTION("list-join");
    const auto& mentions = in.places->mentions;
    auto first_token_at = [&](uint32_t byte) { return TokenAt(tokens, byte); };
    // Whether only commas and list words lie between two mentions of one sentence: 0 no,
    // 1 commas only, 2 with a list word.
    auto joined = [&](const places::PlaceMention& a, const places::PlaceMention& b) {
      uint32_t i = first_token_at(a.span.end), end = first_token_at(b.span.begin);
      if (i >= end || end - i > 4) return 0;
      int kind = 1;
      while (i < end) {
        if (w[i] == ","sv) {
          ++i;
          continue;
        }
        const LexiconEntry* j = Match(i, kListJoin);
        if (!j || i + j->words.size() > end) return 0;
        i += static_cast<uint32_t>(j->words.size());
        kind = 2;
      }
      return kind;
    };
    const size_t before_split = events.size();
    for (size_t k = 0; k < before_split; ++k) {
      if (events[k].plover.empty() || !SplitsPerPlaceAndDay(events[k])) continue;
      const uint32_t si = event_sentence[k];
      std::optional<Location> at = places::EventLocation(*in.places, in.segmented, si);
      if (!at) continue;
      size_t anchor = mentions.size();
      for (size_t m = 0; m < mentions.size() && anchor == mentions.size(); ++m) {
        if (mentions[m].sentence == si && !mentions[m].dateline && mentions[m].name == at->name) anchor = m;
      }
      if (anchor == mentions.size() || mentions[anchor].feature == places::Feature::kCountry) continue;
      // The list says where this trigger happened: it follows the trigger closely ("marchas
      // en Córdoba, Rosario y La Plata"), not in another clause of the sentence. A list that
      // opens the sentence says where too: "In Kisumu and Mombasa, police fired tear gas".
      const Found& t = triggers[event_trigger[k]];
      const uint32_t anchor_token = first_token_at(mentions[anchor].span.begin);
      const bool fronted = anchor_token < t.first && anchor_token <= in.segmented.sentences[si].first_token + 2;
      if (!fronted && (anchor_token <= t.last || anchor_token - t.last > 16)) continue;
      bool other_clause = false;
      for (uint32_t i = t.last + 1; i < anchor_token && !other_clause; ++i) {
        other_clause = w[i] == ";"sv || Is(i, kClauseEnd);
      }
      if (other_clause) continue;
      // Places of the list are alike (all towns, or all provinces), and none holds another
      // ("Datu Hoffer, Maguindanao" is one place).
      auto alike = [&](const places::PlaceMention& m) {
        return m.sentence == si && !m.dateline && !m.near && m.geo_precision == mentions[anchor].geo_precision &&
               m.feature != places::Feature::kCountry && m.name != mentions[anchor].admin1 &&
               m.admin1 != mentions[anchor].name && m.name != mentions[anchor].name;
      };
      // A list ends with a list word ("A, B and C"); commas alone are an apposition
      // ("the suburb of Port-au-Prince, Carrefour").
      std::vector<size_t> members;
      size_t listed = 0;
      for (size_t m = anchor + 1; m < mentions.size() && alike(mentions[m]); ++m) {
        int join = joined(mentions[members.empty() ? anchor : members.back()], mentions[m]);
        if (join == 0) break;
        members.push_back(m);
        if (join == 2) listed = members.size();
      }
      for (size_t i = 0; i < listed; ++i) CopyEvent(k, places::ToLocation(mentions[members[i]]));
    }
  }
}

// The same happening on each day of a list ("clashed on Monday and Tuesday", "samedi et
// dimanche", "el lunes y el martes") is one event per day, as ACLED codes one per day and
// place (docs/ontology.md rule 10). Only days joined by a list word make a list: "on
// Monday, and the governor imposed a curfew on Tuesday" dates two acts.
void Assembly::SplitByDayLists() {
  listed_on.assign(events.size(), nullptr);
  const SectionId kListJoin = VEILLE_SECTION("list-join");
  const auto& dates = in.recognized.dates;
  auto days_joined = [&](const recognize::Date& a, const recognize::Date& b) {
    if (a.sentence != b.sentence || a.date.precision != "day"sv || b.date.precision != "day"sv ||
        a.date.value == b.date.value) {
      return false;
    }
    uint32_t i = TokenAt(tokens, a.span.end), end = TokenAt(tokens, b.span.begin);
    if (i >= end || end - i > 3) return false;
    bool list_word = false;
    while (i < end) {
      if (w[i] == ","sv) {
        ++i;
        continue;
      }
      const LexiconEntry* j = Match(i, kListJoin);
      if (!j || i + j->words.size() > end) return false;
      i += static_cast<uint32_t>(j->words.size());
      list_word = true;
    }
    return list_word;
  };
  const size_t before_split = events.size();
  for (size_t k = 0; k < before_split; ++k) {
    if (events[k].plover.empty() || !SplitsPerPlaceAndDay(events[k])) continue;
    const uint32_t si = event_sentence[k];
    const uint32_t tb = tokens[triggers[event_trigger[k]].first].span.begin;
    // The day the event would take: its sentence's date nearest the trigger.
    size_t nearest = dates.size();
    uint32_t best = UINT32_MAX;
    for (size_t d = 0; d < dates.size(); ++d) {
      if (dates[d].sentence != si || dates[d].span.end <= dateline_end) continue;
      const uint32_t distance = tb > dates[d].span.begin ? tb - dates[d].span.begin : dates[d].span.begin - tb;
      if (distance < best) {
        best = distance;
        nearest = d;
      }
    }
    if (nearest == dates.size()) continue;
    size_t first = nearest, last = nearest;
    while (first > 0 && days_joined(dates[first - 1], dates[first])) --first;
    while (last + 1 < dates.size() && days_joined(dates[last], dates[last + 1])) ++last;
    // The event keeps the day it would take anyway (and so merges as it would have); the
    // other days of the list are copies.
    for (size_t d = first; d <= last; ++d) {
      if (d == nearest) continue;
      CopyEvent(k, listed_at[k]);
      listed_on.push_back(&dates[d]);
    }
  }
}

}  // namespace veille::assemble
