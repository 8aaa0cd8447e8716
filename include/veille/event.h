// The event record of ../shared/spec/events.md (version 1) as C++ values. Field names follow
// the spec so that the JSON writer is a direct mapping.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "veille/document.h"

namespace veille {

struct DateValue {
  std::optional<CivilDate> value;
  std::string precision = "unknown";  // day, week, month, year, unknown
  std::string text;                   // the words it came from; empty = null
  std::string relative;               // "publication", "-1d", ...; empty = null
};

struct Location {
  std::string name;
  std::string country;  // ISO 3166-1 alpha-2
  std::string admin1;
  double lat = 0;
  double lon = 0;
  int geo_precision = 3;  // 1 town, 2 district or near a town, 3 province or country
  std::optional<int64_t> geonames_id;
  std::string text;
};

struct Actor {
  std::string name;
  std::string type;     // ACLED actor type
  std::string country;  // ISO alpha-2 or empty
};

struct Figure {
  std::string kind;  // killed, injured, arrested, missing, displaced, participants
  int64_t value = 0;
  std::optional<int64_t> min;
  std::optional<int64_t> max;
  bool approx = false;
  std::string group = "unknown";
  std::string source;  // empty = null
  std::string text;
  uint32_t start = 0;
  uint32_t end = 0;
};

struct Evidence {
  uint32_t start = 0;
  uint32_t end = 0;
  std::string text;
};

struct Event {
  std::string doc_id;
  std::string event_id;
  std::string lang;
  std::string plover;
  std::string event_type;      // empty = null (outside ACLED's scope)
  std::string sub_event_type;  // empty = null
  DateValue date;
  std::optional<Location> location;
  std::optional<Actor> actor1;
  std::optional<Actor> actor2;
  int64_t fatalities = 0;
  std::vector<Figure> figures;
  std::vector<Evidence> evidence;
  double confidence = 0;
};

}  // namespace veille
