// Export formats by name: jsonl (the spec's event record), csv (ACLED's column names where
// the field exists in ACLED, then veille's own columns), geojson (a FeatureCollection of
// located events), table (a terminal view).
#pragma once

#include <functional>
#include <ostream>
#include <string>
#include <vector>

#include "veille/event.h"
#include "veille/status.h"

namespace veille::output {

// The English name of a country from its ISO alpha-2 code (ACLED's `country` column).
using CountryNamer = std::function<std::string(std::string_view code)>;

// Writes the events in `format`; an unknown format name is an InvalidArgument. Without a
// namer, CSV's `country` column holds the ISO code.
Status WriteEvents(const std::vector<Event>& events, const std::string& format, std::ostream& out,
                   const CountryNamer& country_name = nullptr);

// Escapes one CSV field (RFC 4180).
std::string CsvField(const std::string& s);

}  // namespace veille::output
