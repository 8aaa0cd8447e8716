// The places stage: finds place names in normalised text and resolves each to one place of
// the gazetteer (places/gazetteer.h), with the evidence that chose it.
//
// Method (docs/places.md has the details and the measured figures):
//   1. Matching. The text of each sentence is cut into pieces (places/key.h). From every piece
//      that can start a name (capitalised, or a lower-case adjective such as "kazakhe"), a
//      window grows piece by piece while the gazetteer holds the folded window as a key or a
//      key prefix; the longest name wins ("Ciudad de México" over "Ciudad"). Names of
//      organisations that hold a place name ("Washington Post") are keys too, so they win the
//      same way and are then dropped.
//   2. Local evidence around each mention: a locative cue ("in", "à", "en"), a unit word
//      ("Atyrau region", "province of Cordoba"), a settlement word ("the town of Tera"), a
//      container named next to it ("Paris, Texas", "Kulsary, in the Atyrau region"), the
//      dateline ("ALMATY (AFP) -"), and signs that it is part of a person's or an
//      organisation's name ("Jordan Henderson", "Cordoba CF").
//   3. Document evidence: the countries and admin1 units named elsewhere (by name, by
//      demonym, or through the places already resolved), the dateline's country, and the
//      sense given to the same name where local evidence was strong (one sense per
//      discourse). Resolution runs three rounds, each using the previous round's answers for
//      every other mention.
//   4. Each candidate place is scored: prior (feature, population, capital or seat), how the
//      name points at it (primary, translated, curated, alternate), and the evidence above.
//      A mention is kept when its best score clears a threshold; ordinary words that are also
//      place names (Debian word lists, data/<lang>/places.txt) need evidence to be kept.
// A Recognizer is immutable after Create and may be shared by threads.
#pragma once

#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "places/gazetteer.h"
#include "veille/event.h"
#include "veille/status.h"
#include "veille/text.h"

namespace veille::places {

struct PlaceMention {
  Span span;               // into NormalizedText::text
  uint32_t sentence = 0;   // index into Segmented::sentences
  std::string text;        // the words, as in the normalised text
  uint32_t place = kNoPlace;  // gazetteer index
  std::optional<int64_t> geonames_id;
  std::string name;        // the gazetteer's display name
  std::string country;     // ISO alpha-2; empty for a region across several countries
  std::string admin1;      // name of the admin1 that holds it; empty for admin1 and above
  double lat = 0;
  double lon = 0;
  Feature feature = Feature::kCity;
  int geo_precision = 1;   // 1 town, 2 district or "near" a town, 3 admin1, region or country
  bool near = false;       // "near X", "outside X": X is a reference point
  bool dateline = false;
  double confidence = 0;   // 0..1, from the margin over the next best place
  std::string evidence;    // why this place: "container: Texas; country named: US; population"
};

struct DocumentPlaces {
  std::vector<PlaceMention> mentions;        // in text order
  std::optional<PlaceMention> main_country;  // the country the article is mostly about
};

class Recognizer {
 public:
  // Reads the language rules of the embedded data/<lang>/places.txt. `gazetteer` must
  // outlive the Recognizer.
  static Result<Recognizer> Create(const Gazetteer* gazetteer);

  DocumentPlaces Recognize(const NormalizedText& text, const Segmented& segmented, std::string_view lang) const;

  // The language rules of data/<lang>/places.txt: for each folded word, the kinds it has
  // (one lookup per word instead of one per kind).
  struct Rules {
    static constexpr uint32_t kCue = 1, kUnit = 2, kUnit2 = 4, kSettlement = 8, kSuffix = 16, kCalendar = 32,
                              kJoiner = 64, kTitle = 128, kArticle = 256, kLink = 512, kFeature = 1024,
                              kParticle = 2048, kIndefinite = 4096, kHonorific = 8192, kNearEnd = 16384,
                              kCountryWord = 32768, kLandmark = 65536;
    std::unordered_map<std::string, uint32_t> words;
    std::vector<std::vector<std::string>> near;       // folded pieces of each phrase
    std::unordered_set<std::string> lowercase_first;  // first pieces of lower-case names
    uint32_t WordKinds(const std::string& folded) const {
      auto it = words.find(folded);
      return it == words.end() ? 0 : it->second;
    }
    // A cheap pre-check before folding and looking up a lower-case word: its first two bytes
    // (for a word starting outside ASCII, the filter lets it through).
    std::vector<bool> lowercase_filter = std::vector<bool>(1 << 16, false);
    void AddLowercaseFilter(std::string_view word) {
      if (word.size() >= 2) lowercase_filter[FilterIndex(word)] = true;
    }
    bool MayStartLowercase(std::string_view word) const {
      if (static_cast<unsigned char>(word[0]) >= 0x80 || static_cast<unsigned char>(word[1]) >= 0x80) return true;
      return lowercase_filter[FilterIndex(word)];
    }
    static uint32_t FilterIndex(std::string_view w) {
      return static_cast<uint32_t>(static_cast<unsigned char>(w[0])) << 8 | static_cast<unsigned char>(w[1]);
    }
  };

 private:
  explicit Recognizer(const Gazetteer* g) : gazetteer_(g) {}
  const Rules& RulesFor(std::string_view lang) const;

  const Gazetteer* gazetteer_;
  std::unordered_map<std::string, Rules> rules_;
};

// The event location a mention stands for.
Location ToLocation(const PlaceMention& mention);

// The location of an event whose evidence is sentence `sentence`, by ACLED's rule: the most
// precise place that sentence names, else the nearest earlier sentence of the same paragraph
// that names one, else the dateline, else the article's main country. nullopt when the
// article names no place at all.
// Mentions inside `actor_spans` (a country named as the actor: "Russia launched strikes on
// Ukraine") are who acted, not where.
std::optional<Location> EventLocation(const DocumentPlaces& places, const Segmented& segmented, uint32_t sentence,
                                      std::span<const Span> actor_spans = {});

}  // namespace veille::places
