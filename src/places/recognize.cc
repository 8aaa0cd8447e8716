// Place recognition and resolution (the method is described in places.h and docs/places.md).
//
// The weights below were tuned by error analysis on the development gold sets
// (tests/gold/places); there is no held-out places set yet, so they may fit those passages
// better than news at large. Each says what it is for. Setting VEILLE_PLACES_DEBUG prints every
// candidate with its evidence flags and scores on standard error.
#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstdlib>

#include "base/data.h"
#include "places/key.h"
#include "places/places.h"

namespace veille::places {

namespace {

// ---- Scoring weights -------------------------------------------------------------------
// Prior of a place before any evidence. A country named in full is almost always the
// country; admin1 and region names are rarer in text than town names of the same spelling.
constexpr double kPriorCountry = 10.0;
constexpr double kPriorAdmin1 = 4.5;        // at least; more when the unit is populous
constexpr double kAdmin1PopulationOffset = -2.0;  // "California" the state, not the village
constexpr double kPriorRegion = 7.0;        // only well-known regions are listed
constexpr double kPriorAdmin2 = 0.5;  // below the town of the same name
constexpr double kPopulationWeight = 1.2;  // per power of ten of population
constexpr double kRankBonus[] = {-2.0, -1.5, 0.0, 0.0, 0.1, 0.3, 0.8, 1.5};  // by Rank
// How the name points at the place.
constexpr double kKindBonus[] = {0.0, 0.0, 0.5, -0.5, -3.0, 0.0, 0.0};  // by NameKind
// A translation for another language ("Mexico" is Mexico City in French) weighs like an
// untagged alternate name.
constexpr double kOtherLanguageName = -3.0;
// Local evidence.
constexpr double kContainer = 12.0;     // "Paris, Texas": the next place holds this one
constexpr double kContained = 6.0;      // ... and for the holder
constexpr double kListContainer = 3.0;  // the same inside a list ("Kulsary, Atyrau and Aktau")
constexpr double kUnitAdmin = 5.0;      // "Atyrau region": an admin unit, not the town
constexpr double kUnitOtherLevel = 2.0; // "Cusco region" is more likely admin1 than admin2
constexpr double kUnitCity = -3.0;
constexpr double kUnitMatchesName = 1.0;  // the unit word is the one the admin name dropped
constexpr double kSettlementCity = 3.0;   // "the town of Tera"
constexpr double kSettlementAdmin = -3.0;
constexpr double kSettlementAfter = 1.5;  // "Tillaberi town", but also "the Andalusia city"
constexpr double kCue = 1.5;              // "in X": a place is expected here
constexpr double kFeatureInName = -6.0;   // "the Red Sea" is the sea, not Sudan's Red Sea state
constexpr double kDatelineCity = 3.0;     // datelines name towns
constexpr double kDatelineCountry = -2.0;
// Document evidence.
constexpr double kCountryEvidence = 2.0;  // per unit of weight, at most 1.5 units
constexpr double kAdmin1Evidence = 3.0;   // the admin1 holding this town is named elsewhere
constexpr double kDatelineCountryEvidence = 1.5;
constexpr double kSameSense = 5.0;        // the same name, resolved with strong local evidence
// A mention is kept when its best score reaches this.
constexpr double kAccept = 6.0;
constexpr int kMaxPieces = 8;

// A piece of the document (places/key.h) with the sentence it belongs to.
struct DocPiece {
  uint32_t begin, end;
  uint32_t sentence;
  uint32_t index_in_sentence;
};

struct Option {
  Posting post;
  Place place;
  double base;  // prior and name kind: the part of the score fixed before any evidence
};

// Evidence behind a resolution, for the mention's "evidence" field.
constexpr uint32_t kEvContainer = 1, kEvHolds = 2, kEvUnit = 4, kEvDateline = 8, kEvCountry = 16, kEvAdmin1 = 32,
                   kEvSameSense = 64, kEvStrong = 128;

std::string EvidenceText(uint32_t flags) {
  std::string out;
  auto add = [&](uint32_t bit, const char* what) {
    if (!(flags & bit)) return;
    if (!out.empty()) out += "; ";
    out += what;
  };
  add(kEvDateline, "dateline");
  add(kEvContainer, "named with the place that holds it");
  add(kEvHolds, "holds the place named before it");
  add(kEvUnit, "unit word");
  add(kEvCountry, "country named in the article");
  add(kEvAdmin1, "admin1 named in the article");
  add(kEvSameSense, "same name resolved earlier in the article");
  return out.empty() ? "prior (population, feature)" : out;
}

struct Candidate {
  uint32_t sentence = 0;
  uint32_t first = 0, last = 0;  // piece indices (document-wide)
  Span span;
  std::string key;
  std::vector<Posting> postings;  // usable postings
  bool notplace = false, demonym_only = false;
  bool sentence_initial = false, dateline = false, all_upper = false;
  bool cue = false, near = false, unit_after = false, unit_before = false, settlement = false;
  bool settlement_after = false, feature_after = false, indefinite = false, cue_direct = false;
  bool prev_article = false, country_word = false;
  int unit_level = 1;  // 1: region, province, state; 2: district, county
  bool feature_in_name = false;
  bool has_admin_option = false;
  bool has_country_option = false;
  bool org_next = false, person_prev = false;
  bool common_weak = false, common_strong = false;
  int container = -1;       // candidate that holds this one ("Texas" for "Paris")
  bool container_list = false;
  std::vector<int> contained;  // candidates this one holds
  // Resolution state.
  std::vector<Option> options;  // the candidate places
  int best = -1;                // index into options
  double best_score = -1e9, second_score = -1e9;
  bool strong = false;  // resolved with strong local evidence
  bool doc_support = false, same_sense = false, has_container = false, holds = false, calendar = false;
  uint32_t evidence_flags = 0;
};

bool ContainsPlace(const Place& outer, const Place& inner) {
  if (outer.index == inner.index) return false;
  switch (outer.feature) {
    case Feature::kCountry: return inner.feature != Feature::kCountry && inner.country == outer.country;
    case Feature::kAdmin1: return inner.admin1 == outer.index;
    case Feature::kAdmin2: return inner.admin2 == outer.index;
    case Feature::kRegion: {
      // A region within one country holds that country's places only loosely; use it only
      // for places of that country.
      return outer.country != kNoCountry && inner.country == outer.country && inner.feature != Feature::kCountry;
    }
    case Feature::kCity: return false;
  }
  return false;
}

double Prior(const Place& p) {
  switch (p.feature) {
    case Feature::kCountry: return kPriorCountry;
    case Feature::kAdmin1:
      return std::max(kPriorAdmin1, kPopulationWeight * std::log10(static_cast<double>(p.population) + 10.0) +
                                        kAdmin1PopulationOffset);
    case Feature::kRegion: return kPriorRegion;
    case Feature::kAdmin2: return kPriorAdmin2;
    case Feature::kCity: break;
  }
  return kPopulationWeight * std::log10(static_cast<double>(p.population) + 10.0) +
         kRankBonus[static_cast<int>(p.rank)];
}

}  // namespace

Result<Recognizer> Recognizer::Create(const Gazetteer* gazetteer) {
  if (gazetteer == nullptr) return Err(Status::InvalidArgument("places::Recognizer needs a gazetteer"));
  Recognizer r(gazetteer);
  for (const std::string& lang : EmbeddedLanguages("places")) {
    Rules& rules = r.rules_[lang];
    for (std::string_view line : DataLines(EmbeddedFile(lang + "/places.txt"))) {
      size_t tab = line.find('\t');
      if (tab == std::string_view::npos) continue;
      std::string_view kind = line.substr(0, tab);
      std::string_view rest = line.substr(tab + 1);
      if (kind == "demonym" || kind == "name") {
        size_t t2 = rest.find('\t');
        if (t2 == std::string_view::npos) continue;
        rest = rest.substr(t2 + 1);
      }
      static const std::unordered_map<std::string_view, uint32_t> kKinds = {
          {"cue", Rules::kCue},           {"unit", Rules::kUnit},         {"unit2", Rules::kUnit2},
          {"settlement", Rules::kSettlement}, {"suffix", Rules::kSuffix}, {"calendar", Rules::kCalendar},
          {"joiner", Rules::kJoiner},     {"title", Rules::kTitle},       {"article", Rules::kArticle},
          {"link", Rules::kLink},         {"feature", Rules::kFeature},   {"particle", Rules::kParticle},
          {"indefinite", Rules::kIndefinite}, {"honorific", Rules::kHonorific}, {"countryword", Rules::kCountryWord},
          {"landmark", Rules::kLandmark}};
      uint32_t bit = 0;
      if (auto it = kKinds.find(kind); it != kKinds.end()) {
        bit = it->second;
      } else if (kind != "near" && kind != "demonym" && kind != "name" && kind != "notplace") {
        continue;
      }
      size_t start = 0;
      while (start <= rest.size()) {
        size_t bar = rest.find('|', start);
        std::string_view item = rest.substr(start, bar == std::string_view::npos ? std::string_view::npos : bar - start);
        start = bar == std::string_view::npos ? rest.size() + 1 : bar + 1;
        std::string key = NameKey(item);
        if (key.empty()) continue;
        if (kind == "near") {
          std::vector<std::string> pieces;
          size_t s = 0;
          while (s <= key.size()) {
            size_t sp = key.find(' ', s);
            pieces.push_back(key.substr(s, sp == std::string::npos ? std::string::npos : sp - s));
            s = sp == std::string::npos ? key.size() + 1 : sp + 1;
          }
          rules.words[pieces.back()] |= Rules::kNearEnd;
          rules.near.push_back(std::move(pieces));
        } else if (kind == "demonym" || kind == "name" || kind == "notplace") {
          // Adjectives are written in lower case in French and Spanish ("kazakhe", "kazajo"),
          // and so are some names ("bande de Gaza", "cartel de Sinaloa"): those are the only
          // lower-case words worth looking up.
          if (!item.empty() && !StartsUpper(item)) {
            rules.lowercase_first.insert(key.substr(0, key.find(' ')));
            // The filter sees the word as written: index it by its first two bytes, which
            // folding does not change for the lower-case ASCII that starts almost every such word.
            std::string_view w = item.substr(0, item.find_first_of(" -'"));
            rules.AddLowercaseFilter(w);
          }
        } else {
          rules.words[key] |= bit;
        }
      }
    }
  }
  if (r.rules_.empty()) return Err(Status::NotFound("no data/<lang>/places.txt embedded"));
  return r;
}

const Recognizer::Rules& Recognizer::RulesFor(std::string_view lang) const {
  auto it = rules_.find(std::string(lang));
  if (it != rules_.end()) return it->second;
  it = rules_.find("en");
  if (it != rules_.end()) return it->second;
  return rules_.begin()->second;
}

DocumentPlaces Recognizer::Recognize(const NormalizedText& normalized, const Segmented& segmented,
                                     std::string_view lang) const {
  const std::string& text = normalized.text;
  const Gazetteer& g = *gazetteer_;
  const Rules& rules = RulesFor(lang);
  const uint8_t lang_bit = LangBit(lang);
  DocumentPlaces out;

  // ---- 1. Pieces and matching ----------------------------------------------------------
  std::vector<DocPiece> pieces;
  std::vector<uint32_t> sentence_first;  // first piece index of each sentence
  {
    std::vector<Piece> tmp;
    for (uint32_t s = 0; s < segmented.sentences.size(); ++s) {
      sentence_first.push_back(static_cast<uint32_t>(pieces.size()));
      tmp.clear();
      const Span& sp = segmented.sentences[s].span;
      SplitPieces(text, sp.begin, sp.end, tmp);
      for (uint32_t k = 0; k < tmp.size(); ++k) pieces.push_back({tmp[k].begin, tmp[k].end, s, k});
    }
    sentence_first.push_back(static_cast<uint32_t>(pieces.size()));
  }
  auto piece_text = [&](uint32_t i) {
    return std::string_view(text).substr(pieces[i].begin, pieces[i].end - pieces[i].begin);
  };
  auto gap = [&](uint32_t i) {  // the bytes between piece i and piece i + 1
    return std::string_view(text).substr(pieces[i].end, pieces[i + 1].begin - pieces[i].end);
  };
  auto same_sentence = [&](uint32_t i, uint32_t j) {
    return j < pieces.size() && pieces[i].sentence == pieces[j].sentence;
  };
  auto is_sentence_initial = [&](uint32_t i) {
    if (pieces[i].index_in_sentence == 0) return true;
    // After a dateline's dash, a colon or an opening quote, a capital says nothing.
    std::string_view g2 = gap(i - 1);
    return g2.find(" - ") != std::string_view::npos || g2.find(": ") != std::string_view::npos ||
           g2.find('"') != std::string_view::npos;
  };

  std::vector<Candidate> cands;
  std::string key;
  std::vector<Posting> usable;
  static const std::vector<std::vector<std::string>> kNoPhrases;
  for (uint32_t i = 0; i < pieces.size();) {
    std::string_view first = piece_text(i);
    bool upper = StartsUpper(first);
    if (!upper) {
      if (rules.lowercase_first.empty() || first.size() < 3) {
        ++i;
        continue;
      }
      // Most words are lower case: a filter on their first bytes and length skips nearly all
      // of them before any folding or hashing.
      if (!rules.MayStartLowercase(first)) {
        ++i;
        continue;
      }
      key.clear();
      AppendFolded(first, key);
      if (!rules.lowercase_first.count(key)) {
        ++i;
        continue;
      }
    }
    bool dateline_zone = pieces[i].sentence == 0 && segmented.sentences[0].paragraph == 0;
    if (upper) {  // a lower-case first word was folded into `key` above
      key.clear();
      AppendFolded(first, key);
    }
    bool all_upper = AllUpper(first);
    int best_last = -1;
    std::vector<Posting> best_postings;
    std::string best_key;
    uint8_t best_common = 0;
    for (uint32_t j = i;; ++j) {
      auto entry = g.Find(key);
      if (!entry) break;
      if (j > i) all_upper = all_upper && AllUpper(piece_text(j));
      if (entry->flags & kEntryName) {
        usable.clear();
        // A short all-capital word inside running text is an acronym (UN, AU, EU): only
        // postings marked as acronyms may match it.
        bool short_caps = all_upper && key.size() <= 3 && !dateline_zone;
        for (uint32_t k = 0; k < entry->posting_count; ++k) {
          Posting p = g.posting(entry->first_posting + k);
          bool lang_ok = (p.langs & lang_bit) != 0;
          if ((p.kind == NameKind::kNotPlace || p.kind == NameKind::kDemonym) && !lang_ok) continue;
          if (p.kind != NameKind::kNotPlace && p.place == kNoPlace) continue;
          if (!upper && p.kind != NameKind::kDemonym && !(p.flags & kPostingLowercase)) continue;
          if ((p.flags & kPostingAcronym) && !all_upper) continue;
          if (short_caps && !(p.flags & kPostingAcronym) && p.kind != NameKind::kNotPlace) continue;
          if (p.flags & kPostingAbbrev) {
            // "San Jose, Calif.": right after a place and a comma, with its full stop.
            bool after_place = i > 0 && !cands.empty() && cands.back().last == i - 1 && gap(i - 1) == ", ";
            bool dot = pieces[j].end < text.size() && text[pieces[j].end] == '.';
            if (!after_place || !dot) continue;
          }
          usable.push_back(p);
        }
        if (!usable.empty()) {
          best_last = static_cast<int>(j);
          best_postings = usable;
          best_key = key;
          best_common = entry->common;
        }
      }
      if (!(entry->flags & kEntryPrefix) || j + 1 - i >= kMaxPieces || !same_sentence(j, j + 1)) break;
      if (!Joinable(gap(j), piece_text(j))) break;
      key.push_back(' ');
      AppendFolded(piece_text(j + 1), key);
    }
    if (best_last < 0) {
      ++i;
      continue;
    }

    Candidate c;
    c.sentence = pieces[i].sentence;
    c.first = i;
    c.last = static_cast<uint32_t>(best_last);
    c.span = {pieces[i].begin, pieces[c.last].end};
    // Keep the full stop of an abbreviation ("Calif.", "U.S.") in the span.
    if (c.span.end < text.size() && text[c.span.end] == '.' &&
        std::any_of(best_postings.begin(), best_postings.end(),
                    [](const Posting& p) { return (p.flags & (kPostingAbbrev | kPostingAcronym)) != 0; })) {
      ++c.span.end;
    }
    c.key = best_key;
    // "May", "March", "Sunday" are dates, whatever towns bear their names.
    c.calendar = best_last == static_cast<int>(i) && (rules.WordKinds(best_key) & Rules::kCalendar) != 0;
    c.postings = std::move(best_postings);
    c.notplace = std::any_of(c.postings.begin(), c.postings.end(),
                             [](const Posting& p) { return p.kind == NameKind::kNotPlace; });
    // A demonym of this language wins over a place spelt the same way ("Kazakh" is also the
    // country's name in some language, "Chadian" a village in China), unless the place name
    // is curated or tagged with this language ("China" in Spanish is the adjective and the
    // country; capitalised, the country).
    bool has_demonym = std::any_of(c.postings.begin(), c.postings.end(),
                                   [](const Posting& p) { return p.kind == NameKind::kDemonym; });
    bool sure_place = std::any_of(c.postings.begin(), c.postings.end(), [&](const Posting& p) {
      return p.kind == NameKind::kCurated || (p.kind == NameKind::kLocalized && (p.langs & lang_bit) && upper);
    });
    c.demonym_only = has_demonym && !sure_place;
    if (sure_place && has_demonym) {
      std::erase_if(c.postings, [](const Posting& p) { return p.kind == NameKind::kDemonym; });
    }
    c.common_weak = (best_common & lang_bit) != 0;
    c.common_strong = ((best_common >> 3) & lang_bit) != 0;
    c.all_upper = true;
    for (uint32_t k = c.first; k <= c.last; ++k) c.all_upper = c.all_upper && AllUpper(piece_text(k));
    cands.push_back(std::move(c));
    i = static_cast<uint32_t>(best_last) + 1;
  }

  // ---- 2. Local evidence -----------------------------------------------------------------
  // Folded pieces, computed once each: the rules below look at the same neighbours often.
  std::vector<std::string> fold_cache(pieces.size());
  std::vector<bool> fold_done(pieces.size(), false);
  auto folded = [&](uint32_t i) -> const std::string& {
    if (!fold_done[i]) {
      AppendFolded(piece_text(i), fold_cache[i]);
      fold_done[i] = true;
    }
    return fold_cache[i];
  };
  std::vector<uint32_t> kinds_cache(pieces.size(), ~0u);
  auto word_kinds = [&](uint32_t i) {
    if (kinds_cache[i] == ~0u) kinds_cache[i] = rules.WordKinds(folded(i));
    return kinds_cache[i];
  };
  constexpr uint32_t kCue = Rules::kCue, kUnit = Rules::kUnit, kUnit2 = Rules::kUnit2,
                     kSettlement = Rules::kSettlement, kSuffix = Rules::kSuffix, kCalendar = Rules::kCalendar,
                     kJoiner = Rules::kJoiner, kTitle = Rules::kTitle, kArticle = Rules::kArticle,
                     kLink = Rules::kLink, kFeature = Rules::kFeature, kParticle = Rules::kParticle,
                     kIndefinite = Rules::kIndefinite, kHonorific = Rules::kHonorific, kNearEnd = Rules::kNearEnd,
                     kCountryWord = Rules::kCountryWord, kLandmark = Rules::kLandmark;
  // The piece before `i` in the same sentence joined by plain spacing, skipping one article.
  auto prev_word = [&](uint32_t i, bool skip_article, uint32_t& at) -> bool {
    if (pieces[i].index_in_sentence == 0) return false;
    at = i - 1;
    std::string_view g2 = gap(at);
    if (g2.find_first_not_of(" '") != std::string_view::npos) return false;
    if (skip_article && (word_kinds(at) & kArticle) && pieces[at].index_in_sentence > 0) {
      std::string_view g3 = gap(at - 1);
      if (g3.find_first_not_of(" '") == std::string_view::npos) at = at - 1;
    }
    return true;
  };
  for (size_t ci = 0; ci < cands.size(); ++ci) {
    Candidate& c = cands[ci];
    if (c.notplace || c.demonym_only) continue;
    c.sentence_initial = is_sentence_initial(c.first);
    // Dateline: the capitalised name that opens the article, followed by a comma, a bracket or
    // a dash ("ALMATY, Jan 7 (Veille Wire) -", "PARIS (AFP) -").
    if (c.first == 0 && c.all_upper && pieces[0].sentence == 0) {
      std::string_view after = std::string_view(text).substr(c.span.end, 3);
      if (after.starts_with(",") || after.starts_with(" (") || after.starts_with(" -")) c.dateline = true;
    }
    // A unit word ("state", "región") next to the name; a second-level unit sets its level.
    auto note_unit = [&](uint32_t piece, bool& unit) {
      const uint32_t kinds = word_kinds(piece);
      if (kinds & (kUnit | kUnit2)) unit = true;
      if (kinds & kUnit2) c.unit_level = 2;
    };
    uint32_t at = 0;
    // "Red Sea", "Lake Kivu": a name ending in a feature word is the feature, unless a
    // region of veille's own list ("Lake Chad") or followed by its unit ("Red Sea state").
    c.feature_in_name = c.last > c.first && (word_kinds(c.last) & kFeature) != 0;
    if (prev_word(c.first, false, at)) {
      // A locative cue right before the name, with no article between: enough for a name that
      // is also a common word ("à Orange", "de Quimper", but not "de la Mission").
      c.cue_direct = (word_kinds(at) & kCue) != 0;
      c.prev_article = (word_kinds(at) & kArticle) != 0;
      // "a Batman costume": a place takes no indefinite article.
      if ((word_kinds(at) & kIndefinite)) c.indefinite = true;
      // "la alcaldesa Valencia", "Mayor Paris": a title before a name makes it a person.
      if ((word_kinds(at) & kHonorific)) c.person_prev = true;
      // "el estado Mérida", "la región Ayacucho": a unit word right before the name.
      note_unit(at, c.unit_before);
      // "le fleuve Dniepr", "el río Cauca", "el hospital Viedma", "la plaza San Martín": the
      // feature or the landmark, not a town of that name.
      if ((word_kinds(at) & (kFeature | kLandmark))) c.feature_after = true;
      // "Mocimboa da Praia", "Universidad de Chile": a capitalised word and a particle before
      // the name make it the end of a longer name we do not know.
      if ((word_kinds(at) & kParticle) && pieces[at].index_in_sentence > 0 && gap(at - 1) == " ") {
        std::string_view before = piece_text(at - 1);
        if (StartsUpper(before) && !is_sentence_initial(at - 1) && !(word_kinds(at - 1) & (kUnit | kSettlement | kTitle | kCue))) {
          c.person_prev = true;
        }
      }
    }
    if (prev_word(c.first, true, at)) {
      c.cue = (word_kinds(at) & kCue);
      // "province of Cordoba", "région de Mopti", "departamento del Cauca", "town of Tera".
      if ((word_kinds(at) & kLink) && pieces[at].index_in_sentence > 0) {
        uint32_t at2 = 0;
        if (prev_word(at, true, at2)) {
          // One adjective may sit between: "la région voisine du Sud-Ouest", "the
          // neighbouring province of".
          constexpr uint32_t kHead = kUnit | kUnit2 | kSettlement | kCountryWord;
          uint32_t at3 = 0;
          if (!(word_kinds(at2) & kHead) && !StartsUpper(piece_text(at2)) && prev_word(at2, false, at3) &&
              (word_kinds(at3) & kHead)) {
            at2 = at3;
          }
          note_unit(at2, c.unit_before);
          if ((word_kinds(at2) & kSettlement)) c.settlement = true;
          if ((word_kinds(at2) & kCountryWord)) c.country_word = true;
        }
      }
      // "near X", "à proximité de X", "cerca de X": compare the phrases ending with the word
      // before the name.
      for (const auto& phrase : (word_kinds(c.first - 1) & kNearEnd) ? rules.near : kNoPhrases) {
        // Compare the phrase with the pieces that end right before the name.
        if (phrase.empty() || phrase.size() > c.first) continue;
        bool match = true;
        uint32_t p = c.first;
        for (size_t k = phrase.size(); k-- > 0;) {
          if (pieces[p].index_in_sentence == 0) {
            match = false;
            break;
          }
          --p;
          if (folded(p) != phrase[k]) {
            match = false;
            break;
          }
        }
        if (match) {
          c.near = true;
          break;
        }
      }
      // A capitalised word before, inside the sentence, makes this the end of a longer
      // proper name ("Rodrigo Lima", "Real Madrid"), unless it is a direction or unit word.
      uint32_t prev = c.first - 1;
      std::string_view pt = piece_text(prev);
      if (!is_sentence_initial(prev) && gap(prev) == " " && StartsUpper(pt) && !AllUpper(pt)) {
        if (!(word_kinds(prev) & (kJoiner | kUnit | kSettlement | kCalendar | kTitle))) {
          c.person_prev = true;
        }
      }
    }
    if (same_sentence(c.last, c.last + 1)) {
      uint32_t next = c.last + 1;
      std::string_view g2 = gap(c.last);
      if (g2 == " " || g2 == "-") {
        note_unit(next, c.unit_after);
        if ((word_kinds(next) & kSettlement)) c.settlement_after = true;
        // "the Dnipro river", "the Kakhovka dam": a natural or built feature, not the town.
        if ((word_kinds(next) & kFeature)) c.feature_after = true;
      }
      std::string_view nt = piece_text(next);
      if (g2 == " " && StartsUpper(nt) && !c.unit_after && !(word_kinds(next) & (kCalendar | kTitle))) {
        // "Washington Post", "Jordan Henderson", "Cordoba CF": the name goes on.
        c.org_next = true;
      }
      if ((g2 == " " || g2 == "'") && (word_kinds(next) & kSuffix) && StartsUpper(nt)) c.org_next = true;
      // "Riad el-Solh", "Santiago de Compostela" when the whole is unknown: a particle and a
      // capitalised word after the name continue it.
      if (g2 == " " && (word_kinds(next) & kParticle) && same_sentence(next, next + 1) &&
          Joinable(gap(next), piece_text(next)) && StartsUpper(piece_text(next + 1))) {
        c.org_next = true;
      }
    }
  }
  // "las regiones de Cusco, Ayacucho y Junín", "in London, Bristol and Bath": a unit word or
  // a locative cue before a list covers the whole list.
  for (size_t ci = 1; ci < cands.size(); ++ci) {
    Candidate& prev = cands[ci - 1];
    Candidate& c = cands[ci];
    if (prev.sentence != c.sentence || prev.notplace || prev.demonym_only) continue;
    std::string_view g2 = std::string_view(text).substr(prev.span.end, c.span.begin - prev.span.end);
    if (!(g2 == ", " || g2 == " y " || g2 == " and " || g2 == " et " || g2 == ", and " || g2 == " e " ||
          g2 == " o " || g2 == " ou " || g2 == " or ")) {
      continue;
    }
    if (prev.unit_before && !c.unit_before) {
      c.unit_before = true;
      c.unit_level = prev.unit_level;
    }
    if (prev.cue) c.cue = true;
    if (prev.cue_direct) c.cue_direct = true;
  }
  // Containers: "Paris, Texas", "Paris in northeast Texas", "Kulsary, in the Atyrau region",
  // "Bunia, the capital of Ituri province". The words between must all be joiners.
  for (size_t ci = 0; ci + 1 < cands.size(); ++ci) {
    Candidate& a = cands[ci];
    Candidate& b = cands[ci + 1];
    if (a.notplace || b.notplace || a.demonym_only || b.demonym_only || a.sentence != b.sentence) continue;
    std::string_view between = std::string_view(text).substr(a.span.end, b.span.begin - a.span.end);
    bool ok = between.size() <= 60 && between.find_first_of(";.:!?") == std::string_view::npos;
    bool has_comma = between.find(',') != std::string_view::npos || between.find('(') != std::string_view::npos;
    uint32_t words = 0;
    bool has_in = false;
    for (uint32_t p = a.last + 1; ok && p < b.first; ++p) {
      if (!(word_kinds(p) & kJoiner)) ok = false;
      if ((word_kinds(p) & kCue)) has_in = true;
      ++words;
    }
    if (!ok || words > 6 || (!has_comma && !has_in)) continue;
    // A list ("Aktau, Atyrau and Taraz") is not containment; it only weighs a little.
    auto is_list_gap = [](std::string_view g2) {
      return g2 == ", " || g2 == " and " || g2 == " et " || g2 == " y " || g2 == " or " || g2 == " ou " ||
             g2 == " o " || g2 == ", and ";
    };
    auto placeish = [&](const Candidate& x) { return !x.notplace && !x.demonym_only && !x.common_strong; };
    bool list = false;
    if (ci + 2 < cands.size() && cands[ci + 2].sentence == b.sentence && placeish(cands[ci + 2])) {
      list = is_list_gap(std::string_view(text).substr(b.span.end, cands[ci + 2].span.begin - b.span.end));
    }
    // "PARIS, Texas, May 3": the dateline's second name is where the first one lies.
    if (a.dateline) list = false;
    if (words == 0 && between == ", " && ci > 0 && cands[ci - 1].sentence == a.sentence && placeish(cands[ci - 1])) {
      // "Almaty, Aktau, Atyrau": a comma-separated run of places is a list too.
      if (is_list_gap(std::string_view(text).substr(cands[ci - 1].span.end, a.span.begin - cands[ci - 1].span.end))) {
        list = true;
      }
    }
    a.container = static_cast<int>(ci + 1);
    a.container_list = list;
    b.contained.push_back(static_cast<int>(ci));
  }

  // ---- 3. Resolution, three rounds -----------------------------------------------------
  // Each candidate place with the parts of its score that do not change between rounds.
  for (Candidate& c : cands) {
    if (c.notplace || c.demonym_only) continue;
    c.options.reserve(c.postings.size());
    for (const Posting& post : c.postings) {
      if (post.place == kNoPlace) continue;
      Option o{post, g.place(post.place), 0.0};
      o.base = Prior(o.place) + kKindBonus[static_cast<int>(post.kind)];
      if ((post.kind == NameKind::kLocalized || post.kind == NameKind::kCurated) && (post.langs & lang_bit) == 0) {
        o.base += kOtherLanguageName;
      }
      if (o.place.feature != Feature::kCity && o.place.feature != Feature::kCountry) c.has_admin_option = true;
      if (o.place.feature == Feature::kCountry) c.has_country_option = true;
      c.options.push_back(o);
    }
  }
  // Country weights, indexed by the two letters of the code.
  auto cc_index = [](std::string_view cc) -> int {
    if (cc.size() != 2 || cc[0] < 'A' || cc[0] > 'Z' || cc[1] < 'A' || cc[1] > 'Z') return -1;
    return (cc[0] - 'A') * 26 + (cc[1] - 'A');
  };
  std::vector<double> demonym_weight(26 * 26, 0.0);
  for (const Candidate& c : cands) {
    if (!c.demonym_only) continue;
    for (const Posting& p : c.postings) {
      if (int k = cc_index(g.place(p.place).country); k >= 0) demonym_weight[k] += 0.5;
    }
  }
  // Whether a resolved candidate is a place mention at all (section 4 keeps these).
  auto is_place = [&](const Candidate& c) {
    if (c.notplace || c.demonym_only || c.best < 0) return false;
    const Place& p = c.options[c.best].place;
    bool local_support =
        c.has_container || c.holds || c.unit_after || c.unit_before || c.dateline || c.settlement;
    bool strong_container = c.strong || (c.container >= 0 && !c.container_list && c.has_container);
    if ((c.org_next || c.person_prev || c.feature_after || c.indefinite) && !strong_container) return false;
    // "May 3" is a date unless "the town of March" says otherwise.
    if (c.calendar && !c.settlement && !strong_container) return false;
    bool exempt = p.feature == Feature::kCountry || p.rank == Rank::kPplc ||
                  (p.feature == Feature::kCity && p.population >= 1000000) ||
                  (p.feature == Feature::kAdmin1 && c.unit_after);
    if (c.common_strong && !local_support && !c.same_sense) return false;
    if (c.common_weak && !exempt) {
      // At the start of a sentence a capital says nothing: "Mobile phone networks" needs more
      // than the city named in the dateline. Inside a sentence, a locative cue will do ("à
      // Orange").
      // Named elsewhere in the article, its country will do too, unless an article comes
      // right before ("de la Mission", "the Union").
      bool ok = c.sentence_initial ? local_support
                                   : (local_support || c.cue_direct || (c.doc_support && !c.prev_article));
      if (!ok) return false;
    }
    bool any_support = local_support || c.cue || c.doc_support || c.same_sense;
    // A name known only as an untagged alternate or another language's translation ("Rima"
    // for Lima) is kept only with some evidence.
    NameKind kind = c.options[c.best].post.kind;
    bool foreign = kind == NameKind::kAlternate ||
                   ((kind == NameKind::kLocalized || kind == NameKind::kCurated) && !(c.options[c.best].post.langs & lang_bit));
    if (foreign && !any_support) return false;
    // The first word of a sentence that matches a town with nothing else for it ("¿Habrá una
    // sexta noche?") is more likely a word than a town abroad.
    if (c.sentence_initial && !any_support && c.first == c.last && p.feature == Feature::kCity &&
        p.rank != Rank::kPplc && p.population < 1000000) {
      return false;
    }
    return c.best_score >= kAccept;
  };
  struct Resolved {
    const Place* place = nullptr;
    double weight = 0;
  };
  std::vector<Resolved> previous(cands.size());
  struct Sense {
    uint32_t place;
    size_t candidate;
  };
  std::unordered_map<std::string, Sense> strong_sense;  // key -> place and the mention that fixed it
  std::string dateline_country;
  std::vector<double> country_weight(26 * 26);
  std::unordered_map<uint32_t, double> admin1_weight;
  // Another mention of the same name that is placed by its holder, and that holder, say
  // nothing about this one: "San José, California" is evidence against the other San José,
  // not for it. Their contributions are left out of this one's evidence.
  std::unordered_map<std::string, std::vector<size_t>> by_key;
  for (size_t ci = 0; ci < cands.size(); ++ci) {
    if (!cands[ci].notplace && !cands[ci].demonym_only) by_key[cands[ci].key].push_back(ci);
  }
  std::vector<std::vector<size_t>> excluded(cands.size());
  for (size_t ci = 0; ci < cands.size(); ++ci) {
    const auto& same = by_key[cands[ci].key];
    if (same.size() < 2) continue;
    for (size_t j : same) {
      if (excluded[ci].size() >= 32) break;  // bounds the work on a long document
      if (j == ci || cands[j].container < 0) continue;
      excluded[ci].push_back(j);
      // The chain of holders: "La Paz, en Baja California Sur, México".
      for (int h = cands[j].container, depth = 0; h >= 0 && depth < 3; h = cands[h].container, ++depth) {
        excluded[ci].push_back(static_cast<size_t>(h));
      }
    }
  }
  for (int round = 0; round < 3; ++round) {
    // Evidence from every mention kept as a place by the previous round.
    country_weight = demonym_weight;
    admin1_weight.clear();
    for (const Resolved& r : previous) {
      if (r.place == nullptr || r.weight <= 0) continue;
      if (int k = cc_index(r.place->country); k >= 0) country_weight[k] += r.weight;
      if (r.place->feature == Feature::kAdmin1) admin1_weight[r.place->index] += r.weight;
      if (r.place->admin1 != kNoPlace) admin1_weight[r.place->admin1] += 0.3 * r.weight;
    }
    std::vector<Resolved> current(cands.size());
    for (size_t ci = 0; ci < cands.size(); ++ci) {
      Candidate& c = cands[ci];
      if (c.notplace || c.demonym_only) continue;
      // This mention's own previous answer is left out of its evidence, and so are the other
      // mentions of the same name with their holders.
      const Place* own = previous[ci].place;
      double own_w = previous[ci].weight;
      std::vector<std::pair<int, double>> minus_country;
      std::vector<std::pair<uint32_t, double>> minus_admin1;
      for (size_t j : excluded[ci]) {
        const Resolved& r = previous[j];
        if (r.place == nullptr || r.weight <= 0) continue;
        if (int k = cc_index(r.place->country); k >= 0) minus_country.emplace_back(k, r.weight);
        if (r.place->feature == Feature::kAdmin1) minus_admin1.emplace_back(r.place->index, r.weight);
        if (r.place->admin1 != kNoPlace) minus_admin1.emplace_back(r.place->admin1, 0.3 * r.weight);
      }
      double best = -1e9, second = -1e9;
      int best_option = -1;
      uint32_t best_flags = 0;
      for (size_t oi = 0; oi < c.options.size(); ++oi) {
        const Option& o = c.options[oi];
        const Place& p = o.place;
        double s = o.base;
        uint32_t ev = 0;
        if (c.container >= 0) {
          for (const Option& ho : cands[c.container].options) {
            if (ContainsPlace(ho.place, p)) {
              s += c.container_list ? kListContainer : kContainer;
              ev |= kEvContainer | (c.container_list ? 0 : kEvStrong);
              break;
            }
          }
        }
        for (int inner : c.contained) {
          const Candidate& in = cands[inner];
          bool holds = std::any_of(in.options.begin(), in.options.end(),
                                   [&](const Option& io) { return ContainsPlace(p, io.place); });
          if (holds) {
            s += in.container_list ? kListContainer : kContained;
            ev |= kEvHolds | (in.container_list ? 0 : kEvStrong);
            break;
          }
        }
        bool admin = p.feature == Feature::kAdmin1 || p.feature == Feature::kAdmin2;
        if (c.unit_after || c.unit_before) {
          if (admin || p.feature == Feature::kRegion) {
            int level = p.feature == Feature::kAdmin2 ? 2 : 1;
            s += level == c.unit_level ? kUnitAdmin : kUnitOtherLevel;
            if (o.post.kind == NameKind::kShortened) s += kUnitMatchesName;
            ev |= kEvUnit;
          } else if (p.feature == Feature::kCity && c.has_admin_option) {
            // Only when an admin unit of that name exists: "la région de Zouérat" is the area
            // around the town.
            s += kUnitCity;
          }
        }
        // "la ville de Tera" names a town; "la plus grande ville du Kazakhstan" names the country
        // that holds it, which the settlement word says nothing against.
        if (c.settlement && p.feature != Feature::kCountry) {
          s += p.feature == Feature::kCity ? kSettlementCity : kSettlementAdmin;
        }
        if (c.settlement_after && !c.settlement) {
          s += p.feature == Feature::kCity ? kSettlementAfter : -kSettlementAfter;
        }
        // "in Greece" is said of the country as readily as of a town: the cue favours a town
        // only over other towns and units, never over a country of the same name.
        if (c.cue && p.feature != Feature::kCountry && !c.has_country_option) s += kCue;
        // "el vecino país de Níger": the country, not Niger State.
        if (c.country_word) s += p.feature == Feature::kCountry ? kUnitAdmin : kUnitCity;
        if (c.feature_in_name && p.feature != Feature::kRegion && !c.unit_after) s += kFeatureInName;
        if (c.dateline) {
          s += p.feature == Feature::kCity ? kDatelineCity : (p.feature == Feature::kCountry ? kDatelineCountry : 0);
          ev |= kEvDateline;
        }
        // Document evidence.
        if (int k = cc_index(p.country); k >= 0) {
          double w = country_weight[k];
          if (own != nullptr && own->country == p.country) w -= own_w;
          for (const auto& [mk, mw] : minus_country) {
            if (mk == k) w -= mw;
          }
          if (p.feature == Feature::kCountry) w = std::min(w, 1.0);  // a country needs little help
          if (w > 0.05) {
            s += kCountryEvidence * std::min(w, 1.5);
            ev |= kEvCountry;
          }
        }
        if (p.admin1 != kNoPlace) {
          double w = 0;
          if (auto it = admin1_weight.find(p.admin1); it != admin1_weight.end()) w = it->second;
          if (own != nullptr && own->index == p.admin1) w -= own_w;
          if (own != nullptr && own->admin1 == p.admin1) w -= 0.3 * own_w;
          for (const auto& [ma, mw] : minus_admin1) {
            if (ma == p.admin1) w -= mw;
          }
          if (w > 0.5) {
            s += kAdmin1Evidence;
            ev |= kEvAdmin1;
          }
        }
        if (!c.dateline && !dateline_country.empty() && p.country == dateline_country) {
          s += kDatelineCountryEvidence;
        }
        bool hinted = c.unit_after || c.unit_before || c.settlement || c.settlement_after;
        if (!(ev & kEvStrong) && !hinted && !strong_sense.empty()) {
          if (auto it = strong_sense.find(c.key);
              it != strong_sense.end() && it->second.place == p.index && it->second.candidate < ci) {
            s += kSameSense;
            ev |= kEvSameSense;
          }
        }
        if (s > best) {
          second = best;
          best = s;
          best_option = static_cast<int>(oi);
          best_flags = ev;
        } else if (s > second) {
          second = s;
        }
      }
      c.best = best_option;
      c.best_score = best;
      c.second_score = second;
      c.strong = (best_flags & kEvStrong) || c.dateline;
      c.doc_support = best_flags & (kEvCountry | kEvAdmin1);
      c.same_sense = best_flags & kEvSameSense;
      c.has_container = best_flags & kEvContainer;
      c.holds = best_flags & kEvHolds;
      c.evidence_flags = best_flags;
      if (best_option >= 0) current[ci] = {&c.options[best_option].place, is_place(c) ? 1.0 : 0.0};
    }
    // Names resolved with strong local evidence lend their sense to their later repetitions.
    strong_sense.clear();
    for (size_t ci = 0; ci < cands.size(); ++ci) {
      const Candidate& c = cands[ci];
      // A sense fixed by a unit word ("the Atyrau region") does not carry to the bare name.
      bool hinted = c.unit_after || c.unit_before || c.settlement || c.settlement_after || c.country_word;
      if (c.best >= 0 && c.strong && !hinted && is_place(c) && !strong_sense.count(c.key)) {
        strong_sense.emplace(c.key, Sense{c.options[c.best].place.index, ci});
      }
      if (c.dateline && c.best >= 0) dateline_country = std::string(c.options[c.best].place.country);
    }
    // Stop early once a round changes nothing: the next would give the same answers.
    bool same_answers = round > 0 && std::equal(current.begin(), current.end(), previous.begin(),
                                                [](const Resolved& a, const Resolved& b) {
                                                  return a.place == b.place && a.weight == b.weight;
                                                });
    previous = std::move(current);
    if (same_answers) break;
  }

  if (std::getenv("VEILLE_PLACES_DEBUG") != nullptr) {
    for (const Candidate& c : cands) {
      std::fprintf(stderr, "%s: best %s %.2f (2nd %.2f) place=%d init=%d cue=%d unit=%d/%d settl=%d/%d org=%d person=%d feat=%d indef=%d common=%d/%d cont=%d list=%d strong=%d doc=%d same=%d cal=%d dl=%d | %s\n",
                   text.substr(c.span.begin, c.span.size()).c_str(),
                   c.best < 0 ? "-" : std::string(c.options[c.best].place.name).c_str(), c.best_score, c.second_score,
                   is_place(c), c.sentence_initial, c.cue, c.unit_before, c.unit_after, c.settlement, c.settlement_after,
                   c.org_next, c.person_prev, c.feature_after, c.indefinite, c.common_weak, c.common_strong, c.container,
                   c.container_list, c.strong, c.doc_support, c.same_sense, c.calendar, c.dateline,
                   EvidenceText(c.evidence_flags).c_str());
    }
  }
  // ---- 4. The mentions that are places ---------------------------------------------------
  std::unordered_map<std::string, double> main_weight;
  std::unordered_map<std::string, size_t> first_seen;
  for (size_t ci = 0; ci < cands.size(); ++ci) {
    Candidate& c = cands[ci];
    if (!is_place(c)) continue;
    const Place& p = c.options[c.best].place;
    PlaceMention m;
    m.span = c.span;
    m.sentence = c.sentence;
    m.text = text.substr(c.span.begin, c.span.size());
    m.place = p.index;
    if (p.geonames_id != 0) m.geonames_id = p.geonames_id;
    m.name = std::string(p.name);
    if (p.country != kNoCountry) m.country = std::string(p.country);
    if (p.admin1 != kNoPlace && (p.feature == Feature::kCity || p.feature == Feature::kAdmin2)) {
      m.admin1 = std::string(g.place(p.admin1).name);
    }
    m.lat = p.lat;
    m.lon = p.lon;
    m.feature = p.feature;
    m.near = c.near;
    m.dateline = c.dateline;
    switch (p.feature) {
      case Feature::kCity: m.geo_precision = c.near ? 2 : 1; break;
      case Feature::kAdmin2: m.geo_precision = 2; break;
      default: m.geo_precision = 3; break;
    }
    // Confidence from how far the best place clears the threshold and the runner-up.
    double margin = c.second_score < -1e8 ? 6.0 : c.best_score - c.second_score;
    m.confidence = std::round(100.0 / (1.0 + std::exp(-(std::min(margin, c.best_score - kAccept + 2.0)) / 2.0))) / 100.0;
    m.evidence = EvidenceText(c.evidence_flags);
    if (!m.country.empty()) {
      main_weight[m.country] += p.feature == Feature::kCountry ? 1.5 : 1.0;
      first_seen.emplace(m.country, out.mentions.size());
    }
    out.mentions.push_back(std::move(m));
  }
  // The main country: the most named, the first named on a tie.
  std::string main;
  double main_w = 0;
  for (const auto& [cc, w] : main_weight) {
    if (w > main_w || (w == main_w && first_seen[cc] < first_seen[main])) {
      main = cc;
      main_w = w;
    }
  }
  if (!main.empty()) {
    if (auto idx = g.CountryPlace(main)) {
      Place p = g.place(*idx);
      PlaceMention m;
      m.place = p.index;
      if (p.geonames_id != 0) m.geonames_id = p.geonames_id;
      m.name = std::string(p.name);
      m.country = main;
      m.lat = p.lat;
      m.lon = p.lon;
      m.feature = Feature::kCountry;
      m.geo_precision = 3;
      m.evidence = "the country most named in the article";
      out.main_country = std::move(m);
    }
  }
  return out;
}

Location ToLocation(const PlaceMention& m) {
  Location l;
  l.name = m.name;
  l.country = m.country;
  l.admin1 = std::string(Admin1Label(m.feature == Feature::kAdmin1 ? m.name : m.admin1));
  l.lat = m.lat;
  l.lon = m.lon;
  l.geo_precision = m.geo_precision;
  l.geonames_id = m.geonames_id;
  l.text = m.text;
  return l;
}

std::optional<Location> EventLocation(const DocumentPlaces& places, const Segmented& segmented, uint32_t sentence,
                                      std::span<const Span> actor_spans) {
  auto is_actor = [&](const PlaceMention& m) {
    for (const Span& a : actor_spans) {
      if (m.span.begin < a.end && a.begin < m.span.end) return true;
    }
    return false;
  };
  // The most precise place of one sentence; the first of equals. Mentions are in text
  // order, so a sentence's are found by binary search (long documents have thousands).
  auto best_in = [&](uint32_t s) -> const PlaceMention* {
    const PlaceMention* best = nullptr;
    auto from = std::lower_bound(places.mentions.begin(), places.mentions.end(), s,
                                 [](const PlaceMention& m, uint32_t sentence) { return m.sentence < sentence; });
    for (auto it = from; it != places.mentions.end() && it->sentence == s; ++it) {
      const PlaceMention& m = *it;
      if (m.dateline || is_actor(m)) continue;
      if (best == nullptr || m.geo_precision < best->geo_precision) best = &m;
    }
    return best;
  };
  if (sentence < segmented.sentences.size()) {
    if (const PlaceMention* m = best_in(sentence)) return ToLocation(*m);
    uint32_t paragraph = segmented.sentences[sentence].paragraph;
    for (uint32_t s = sentence; s-- > 0;) {
      if (segmented.sentences[s].paragraph != paragraph) break;
      if (const PlaceMention* m = best_in(s)) return ToLocation(*m);
    }
  }
  for (const PlaceMention& m : places.mentions) {
    if (m.dateline) return ToLocation(m);
  }
  if (places.main_country) return ToLocation(*places.main_country);
  return std::nullopt;
}

}  // namespace veille::places
