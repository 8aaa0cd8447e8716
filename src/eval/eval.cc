#include "eval/eval.h"

#include <algorithm>
#include <cmath>
#include <fstream>
#include <set>

#include "output/json.h"
#include "places/key.h"

namespace veille::eval {

namespace {

using nlohmann::json;

constexpr size_t kMaxMisses = 500;

struct Located {
  uint32_t begin = 0, end = 0;
  bool found = false;
};

// Finds `needle` in `text` at or after `from`, else anywhere.
Located Locate(const std::string& text, const std::string& needle, size_t from) {
  if (needle.empty()) return {};
  size_t at = text.find(needle, from);
  if (at == std::string::npos) at = text.find(needle);
  if (at == std::string::npos) return {};
  return {static_cast<uint32_t>(at), static_cast<uint32_t>(at + needle.size()), true};
}

bool Overlaps(uint32_t b1, uint32_t e1, uint32_t b2, uint32_t e2) { return b1 < e2 && b2 < e1; }

double KmBetween(double lat1, double lon1, double lat2, double lon2) {
  auto rad = [](double d) { return d * M_PI / 180.0; };
  double a = std::pow(std::sin(rad(lat2 - lat1) / 2), 2) +
             std::cos(rad(lat1)) * std::cos(rad(lat2)) * std::pow(std::sin(rad(lon2 - lon1) / 2), 2);
  return 2 * 6371.0088 * std::asin(std::min(1.0, std::sqrt(a)));
}

std::string Lower(std::string s) {
  for (char& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return s;
}

// Scores one field: `gold` empty means the gold set does not say, so it is not scored.
void Field(Report& r, const std::string& name, const std::string& gold, const std::string& predicted) {
  if (gold.empty()) return;
  Counts& c = r.metrics[name];
  if (predicted == gold) {
    ++c.tp;
  } else {
    ++c.fn;
    if (!predicted.empty()) ++c.fp;
  }
}

std::string DateString(const DateValue& d) { return d.value ? FormatIsoDate(*d.value) : std::string(); }

int Similarity(const std::string& text, const Event& g, const Event& p) {
  int score = 0;
  if (!g.plover.empty() && g.plover == p.plover) score += 3;
  if (!g.sub_event_type.empty() && g.sub_event_type == p.sub_event_type) score += 3;
  if (!g.event_type.empty() && g.event_type == p.event_type) score += 1;
  for (const Evidence& ge : g.evidence) {
    Located at = Locate(text, ge.text, 0);
    for (const Evidence& pe : p.evidence) {
      if (at.found && Overlaps(at.begin, at.end, pe.start, pe.end)) {
        score += 4;
        goto evidence_done;
      }
    }
  }
evidence_done:
  if (g.location && p.location && !g.location->country.empty() && g.location->country == p.location->country) {
    score += 1;
  }
  if (g.date.value && g.date.value == p.date.value) score += 1;
  for (const Figure& gf : g.figures) {
    for (const Figure& pf : p.figures) {
      if (gf.kind == pf.kind && gf.value == pf.value) score += 2;
    }
  }
  return score;
}

constexpr int kMinSimilarity = 3;

void ScorePair(const std::string& text, const Event& g, const Event& p, Report& r) {
  (void)text;
  Field(r, "plover", g.plover, p.plover);
  Field(r, "event_type", g.event_type, p.event_type);
  Field(r, "sub_event_type", g.sub_event_type, p.sub_event_type);
  Field(r, "date", DateString(g.date), DateString(p.date));
  if (g.location) {
    const Location& gl = *g.location;
    const Location* pl = p.location ? &*p.location : nullptr;
    Field(r, "location.country", gl.country, pl ? pl->country : "");
    // A division's name with or without its type word ("Cauca Department", "Cauca") and in
    // any case or accents names the same division.
    auto admin1_key = [](const std::string& name) {
      return name.empty() ? std::string() : places::NameKey(places::Admin1Label(name));
    };
    Field(r, "location.admin1", admin1_key(gl.admin1), pl ? admin1_key(pl->admin1) : "");
    if (gl.lat != 0 || gl.lon != 0) {
      bool near = pl && KmBetween(gl.lat, gl.lon, pl->lat, pl->lon) <= 25.0;
      Field(r, "location.within_25km", "yes", near ? "yes" : (pl ? "no" : ""));
    }
  }
  if (g.actor1) Field(r, "actor1.type", g.actor1->type, p.actor1 ? p.actor1->type : "");
  if (g.actor2) Field(r, "actor2.type", g.actor2->type, p.actor2 ? p.actor2->type : "");
  // Figures: each gold figure is found when a predicted figure of the same kind has its value.
  std::vector<bool> used(p.figures.size(), false);
  for (const Figure& gf : g.figures) {
    Counts& c = r.metrics["figures." + gf.kind];
    bool found = false;
    for (size_t k = 0; k < p.figures.size(); ++k) {
      if (!used[k] && p.figures[k].kind == gf.kind && p.figures[k].value == gf.value) {
        used[k] = found = true;
        break;
      }
    }
    found ? ++c.tp : ++c.fn;
  }
  if (!g.figures.empty()) {
    for (size_t k = 0; k < p.figures.size(); ++k) {
      if (!used[k]) ++r.metrics["figures." + p.figures[k].kind].fp;
    }
  }
}

}  // namespace

Counts Report::Total() const {
  static const std::set<std::string> kDetectionRows = {"events", "figure", "number", "date",
                                                       "place", "actor", "trigger"};
  Counts t;
  for (const auto& [name, c] : metrics) {
    if (kDetectionRows.count(name) || name.ends_with(".exact")) continue;
    t.tp += c.tp;
    t.fp += c.fp;
    t.fn += c.fn;
  }
  return t;
}

json Report::ToJson() const {
  json j;
  j["documents"] = documents;
  auto row = [](const Counts& c) {
    return json{{"precision", c.Precision()}, {"recall", c.Recall()}, {"f1", c.F1()},
                {"tp", c.tp},               {"fp", c.fp},           {"fn", c.fn}};
  };
  for (const auto& [name, c] : metrics) j["metrics"][name] = row(c);
  j["total"] = row(Total());
  j["problems"] = problems;
  return j;
}

void ScoreEvents(const std::string& text, const std::vector<Event>& gold, const std::vector<Event>& predicted,
                 Report& report) {
  struct Pair {
    int score;
    size_t g, p;
  };
  std::vector<Pair> pairs;
  for (size_t g = 0; g < gold.size(); ++g) {
    for (size_t p = 0; p < predicted.size(); ++p) {
      int s = Similarity(text, gold[g], predicted[p]);
      if (s >= kMinSimilarity) pairs.push_back({s, g, p});
    }
  }
  std::stable_sort(pairs.begin(), pairs.end(), [](const Pair& a, const Pair& b) { return a.score > b.score; });
  std::vector<bool> gold_used(gold.size()), pred_used(predicted.size());
  Counts& detection = report.metrics["events"];
  for (const Pair& pr : pairs) {
    if (gold_used[pr.g] || pred_used[pr.p]) continue;
    gold_used[pr.g] = pred_used[pr.p] = true;
    ++detection.tp;
    ScorePair(text, gold[pr.g], predicted[pr.p], report);
  }
  for (size_t g = 0; g < gold.size(); ++g) {
    if (gold_used[g]) continue;
    ++detection.fn;
    if (report.misses.size() < kMaxMisses) {
      report.misses.push_back({{"missed_event", output::ToJson(gold[g])}});
    }
    // The fields of a missed event are missed too.
    Event empty;
    ScorePair(text, gold[g], empty, report);
  }
  for (size_t p = 0; p < predicted.size(); ++p) {
    if (pred_used[p]) continue;
    ++detection.fp;
    if (report.misses.size() < kMaxMisses) {
      report.misses.push_back({{"spurious_event", output::ToJson(predicted[p])}});
    }
  }
}

namespace {

// The fields compared for each span kind; a gold span's field that is absent is not scored.
const std::vector<std::string>& FieldsOf(const std::string& kind) {
  static const std::map<std::string, std::vector<std::string>> kFields = {
      {"figure", {"figure_kind", "value", "min", "max", "approx", "group"}},
      {"number", {"value", "min", "max", "approx"}},
      {"date", {"value", "precision"}},
      {"place", {"geonames_id", "country"}},
      {"actor", {"type", "country"}},
      {"trigger", {"plover", "event_type", "sub_event_type", "negated", "hypothetical"}},
  };
  static const std::vector<std::string> kNone;
  auto it = kFields.find(kind);
  return it == kFields.end() ? kNone : it->second;
}

std::string NormalizeSource(std::string s) {
  s = Lower(s);
  for (const char* prefix : {"according to ", "selon ", "según ", "d'après "}) {
    if (s.starts_with(prefix)) s = s.substr(std::string(prefix).size());
  }
  while (!s.empty() && (s.back() == '.' || s.back() == ',' || s.back() == ' ')) s.pop_back();
  return s;
}

}  // namespace

void ScoreSpans(const std::string& doc_id, const std::string& text, const json& gold_spans,
                const std::vector<std::string>& kinds, const std::vector<pipeline::AnnotatedSpan>& predicted,
                Report& report) {
  std::vector<json> pred_fields;
  for (const auto& p : predicted) {
    json f = json::parse(p.fields_json, nullptr, false);
    pred_fields.push_back(f.is_object() ? f : json::object());
  }
  std::vector<bool> used(predicted.size(), false);
  size_t cursor = 0;
  for (const json& g : gold_spans) {
    std::string kind = g.value("kind", "");
    if (std::find(kinds.begin(), kinds.end(), kind) == kinds.end()) continue;
    Located at = Locate(text, g.value("text", ""), cursor);
    // A name said twice ("Atyrau region ... the regional capital, Atyrau") is two gold spans
    // with the same text: when the occurrence found is already taken by an earlier gold span
    // of the same kind, the later one is the next occurrence.
    for (int tries = 0; at.found && tries < 8; ++tries) {
      bool taken = false;
      for (size_t k = 0; k < predicted.size(); ++k) {
        if (used[k] && predicted[k].kind == kind && Overlaps(at.begin, at.end, predicted[k].start, predicted[k].end)) {
          taken = true;
          break;
        }
      }
      if (!taken) break;
      size_t next = text.find(g.value("text", ""), at.begin + 1);
      if (next == std::string::npos) break;
      at = {static_cast<uint32_t>(next), static_cast<uint32_t>(next + (at.end - at.begin)), true};
    }
    if (at.found) cursor = at.begin;
    int best = -1;
    for (size_t k = 0; k < predicted.size(); ++k) {
      if (used[k] || predicted[k].kind != kind) continue;
      if (at.found && Overlaps(at.begin, at.end, predicted[k].start, predicted[k].end)) {
        best = static_cast<int>(k);
        break;
      }
    }
    Counts& detection = report.metrics[kind];
    Counts& exact = report.metrics[kind + ".exact"];
    if (best < 0) {
      ++detection.fn;
      ++exact.fn;
      for (const std::string& f : FieldsOf(kind)) {
        if (g.contains(f)) ++report.metrics[kind + "." + f].fn;
      }
      if (report.misses.size() < kMaxMisses) report.misses.push_back({{"doc_id", doc_id}, {"missed", g}});
      continue;
    }
    used[best] = true;
    ++detection.tp;
    const json& p = pred_fields[best];
    bool all = true;
    for (const std::string& f : FieldsOf(kind)) {
      if (!g.contains(f)) continue;
      Counts& c = report.metrics[kind + "." + f];
      json pv = p.contains(f) ? p[f] : json(nullptr);
      if (pv == g[f]) {
        ++c.tp;
      } else {
        ++c.fn;
        ++c.fp;
        all = false;
      }
    }
    if (kind == "figure" && g.contains("source")) {
      std::string gs = g["source"].is_string() ? NormalizeSource(g["source"].get<std::string>()) : "";
      std::string ps = p.contains("source") && p["source"].is_string() ? NormalizeSource(p["source"].get<std::string>()) : "";
      Counts& c = report.metrics["figure.source"];
      if (gs == ps) ++c.tp;
      else {
        ++c.fn;
        ++c.fp;
      }
    }
    if (all) {
      ++exact.tp;
    } else {
      ++exact.fn;
      ++exact.fp;
      if (report.misses.size() < kMaxMisses) {
        json got = p;
        got["text"] = text.substr(predicted[best].start, predicted[best].end - predicted[best].start);
        report.misses.push_back({{"doc_id", doc_id}, {"expected", g}, {"got", got}});
      }
    }
  }
  for (size_t k = 0; k < predicted.size(); ++k) {
    if (used[k] || std::find(kinds.begin(), kinds.end(), predicted[k].kind) == kinds.end()) continue;
    ++report.metrics[predicted[k].kind].fp;
    ++report.metrics[predicted[k].kind + ".exact"].fp;
    if (report.misses.size() < kMaxMisses) {
      json got = pred_fields[k];
      got["kind"] = predicted[k].kind;
      got["text"] = text.substr(predicted[k].start, predicted[k].end - predicted[k].start);
      report.misses.push_back({{"doc_id", doc_id}, {"spurious", got}});
    }
  }
}

Result<Report> EvaluateFile(const std::string& path, const pipeline::Pipeline& pipeline) {
  std::ifstream in(path);
  if (!in) return Err(Status::NotFound("cannot open gold set " + path));
  struct GoldDoc {
    json j;
    int64_t line;
  };
  std::vector<GoldDoc> docs;
  std::set<std::string> kinds;
  Report report;
  std::string line;
  int64_t line_no = 0;
  while (std::getline(in, line)) {
    ++line_no;
    if (line.find_first_not_of(" \t\r") == std::string::npos) continue;
    json j = json::parse(line, nullptr, false);
    if (!j.is_object() || !j.contains("text") || !j["text"].is_string()) {
      report.problems.push_back(path + ":" + std::to_string(line_no) + ": not a gold record (an object with \"text\")");
      continue;
    }
    if (j.contains("spans") && j["spans"].is_array()) {
      for (const json& s : j["spans"]) kinds.insert(s.value("kind", ""));
    }
    docs.push_back({std::move(j), line_no});
  }
  std::vector<std::string> kind_list(kinds.begin(), kinds.end());
  for (const GoldDoc& gd : docs) {
    const json& j = gd.j;
    Document doc;
    doc.text = j["text"].get<std::string>();
    doc.id = j.value("id", path + ":" + std::to_string(gd.line));
    doc.lang = j.contains("lang") && j["lang"].is_string() ? j["lang"].get<std::string>() : "";
    if (j.contains("published") && j["published"].is_string()) doc.published = ParseIsoDate(j["published"].get<std::string>());
    if (j.contains("source") && j["source"].is_string()) doc.source = j["source"].get<std::string>();
    doc.origin = {path, gd.line};
    pipeline::Analysis a = pipeline.Analyze(std::move(doc));
    ++report.documents;
    if (j.contains("events") && j["events"].is_array()) {
      std::vector<Event> gold;
      for (const json& ej : j["events"]) {
        auto e = output::EventFromJson(ej);
        if (!e) {
          report.problems.push_back(path + ":" + std::to_string(gd.line) + ": " + e.error().message());
          continue;
        }
        if (ej.contains("evidence") && ej["evidence"].is_array()) {
          for (const json& ev : ej["evidence"]) e->evidence.push_back({0, 0, ev.value("text", "")});
        }
        gold.push_back(std::move(*e));
      }
      ScoreEvents(a.doc.text, gold, a.events, report);
    }
    if (j.contains("spans") && j["spans"].is_array()) {
      ScoreSpans(a.doc.id, a.doc.text, j["spans"], kind_list, a.spans, report);
    }
  }
  return report;
}

}  // namespace veille::eval
