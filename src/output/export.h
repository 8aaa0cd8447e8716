// Export formats by name: jsonl (the spec's event record), csv (ACLED's column names where
// the field exists in ACLED, then veille's own columns), geojson (a FeatureCollection of
// located events), table (a terminal view).
#pragma once

#include <ostream>
#include <string>
#include <vector>

#include "veille/event.h"
#include "veille/status.h"

namespace veille::output {

// Writes the events in `format`; an unknown format name is an InvalidArgument.
Status WriteEvents(const std::vector<Event>& events, const std::string& format, std::ostream& out);

// Escapes one CSV field (RFC 4180).
std::string CsvField(const std::string& s);

}  // namespace veille::output
