#include "output/export.h"

#include <fmt/core.h>

#include "output/json.h"

namespace veille::output {

namespace {

// ACLED's time_precision: 1 day, 2 week, 3 month (and longer).
int AcledTimePrecision(const std::string& precision) {
  if (precision == "day") return 1;
  if (precision == "week") return 2;
  return 3;
}

int64_t SumFigures(const Event& e, const char* kind) {
  int64_t total = 0;
  for (const Figure& f : e.figures) {
    if (f.kind == kind) total += f.value;
  }
  return total;
}

std::string EvidenceText(const Event& e) {
  std::string notes;
  for (const Evidence& ev : e.evidence) notes += (notes.empty() ? "" : " ") + ev.text;
  return notes;
}

void WriteCsv(const std::vector<Event>& events, std::ostream& out, const CountryNamer& country_name) {
  out << "event_id_cnty,event_date,year,time_precision,event_type,sub_event_type,actor1,inter1,actor2,inter2,"
         "country,admin1,location,latitude,longitude,geo_precision,notes,fatalities,"
         "doc_id,plover,lang,injured,arrested,confidence,country_code\n";
  for (const Event& e : events) {
    std::string date = e.date.value ? FormatIsoDate(*e.date.value) : "";
    const Location* l = e.location ? &*e.location : nullptr;
    out << CsvField(e.event_id) << ',' << date << ',' << (e.date.value ? std::to_string(e.date.value->year) : "")
        << ',' << AcledTimePrecision(e.date.precision) << ',' << CsvField(e.event_type) << ','
        << CsvField(e.sub_event_type) << ',' << CsvField(e.actor1 ? e.actor1->name : "") << ','
        << CsvField(e.actor1 ? e.actor1->type : "") << ',' << CsvField(e.actor2 ? e.actor2->name : "") << ','
        << CsvField(e.actor2 ? e.actor2->type : "") << ','
        << CsvField(l ? (country_name && !l->country.empty() ? country_name(l->country) : l->country) : "") << ','
        << CsvField(l ? l->admin1 : "") << ',' << CsvField(l ? l->name : "") << ','
        << (l ? fmt::format("{:.5f}", l->lat) : "") << ',' << (l ? fmt::format("{:.5f}", l->lon) : "") << ','
        << (l ? std::to_string(l->geo_precision) : "") << ',' << CsvField(EvidenceText(e)) << ',' << e.fatalities
        << ',' << CsvField(e.doc_id) << ',' << e.plover << ',' << e.lang << ',' << SumFigures(e, "injured") << ','
        << SumFigures(e, "arrested") << ',' << fmt::format("{:.3f}", e.confidence) << ','
        << (l ? l->country : "") << '\n';
  }
}

void WriteGeoJson(const std::vector<Event>& events, std::ostream& out) {
  nlohmann::json fc = {{"type", "FeatureCollection"}, {"features", nlohmann::json::array()}};
  for (const Event& e : events) {
    if (!e.location) continue;  // a feature needs coordinates
    nlohmann::json props = ToJson(e);
    props.erase("evidence");
    props["notes"] = EvidenceText(e);
    fc["features"].push_back({{"type", "Feature"},
                              {"geometry", {{"type", "Point"}, {"coordinates", {e.location->lon, e.location->lat}}}},
                              {"properties", std::move(props)}});
  }
  out << Dump(fc) << '\n';
}

void WriteTable(const std::vector<Event>& events, std::ostream& out) {
  out << fmt::format("{:<10} {:<10} {:<34} {:<4} {:<20} {:>6}  {}\n", "date", "plover", "ACLED type", "cc", "place",
                     "deaths", "evidence");
  for (const Event& e : events) {
    std::string type = e.sub_event_type.empty() ? "-" : e.sub_event_type;
    std::string evidence = EvidenceText(e);
    if (evidence.size() > 70) {
      size_t cut = 67;
      while (cut > 0 && (static_cast<unsigned char>(evidence[cut]) & 0xC0) == 0x80) --cut;
      evidence = evidence.substr(0, cut) + "...";
    }
    out << fmt::format("{:<10} {:<10} {:<34} {:<4} {:<20} {:>6}  {}\n",
                       e.date.value ? FormatIsoDate(*e.date.value) : "?", e.plover, type,
                       e.location ? e.location->country : "", e.location ? e.location->name : "", e.fatalities,
                       evidence);
  }
  out << events.size() << " event(s)\n";
}

}  // namespace

std::string CsvField(const std::string& s) {
  if (s.find_first_of(",\"\n\r") == std::string::npos) return s;
  std::string out = "\"";
  for (char c : s) {
    if (c == '"') out += '"';
    out += c;
  }
  return out + "\"";
}

Status WriteEvents(const std::vector<Event>& events, const std::string& format, std::ostream& out,
                   const CountryNamer& country_name) {
  if (format == "jsonl") {
    std::string line;
    for (const Event& e : events) {
      line.clear();
      AppendJsonLine(line, e);
      out << line;
    }
  } else if (format == "csv") {
    WriteCsv(events, out, country_name);
  } else if (format == "geojson") {
    WriteGeoJson(events, out);
  } else if (format == "table") {
    WriteTable(events, out);
  } else {
    return Status::InvalidArgument("unknown format \"" + format + "\" (table, jsonl, csv, geojson)");
  }
  return Status::Ok();
}

}  // namespace veille::output
