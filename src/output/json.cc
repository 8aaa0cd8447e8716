#include "output/json.h"

#include <charconv>
#include <cstdint>
#include <cstring>

#include "base/utf8.h"

namespace veille::output {

namespace {

using nlohmann::json;

json NullIfEmpty(const std::string& s) { return s.empty() ? json(nullptr) : json(s); }

template <typename T>
json NullIfNone(const std::optional<T>& v) {
  return v ? json(*v) : json(nullptr);
}

json ToJson(const Actor& a) { return {{"name", a.name}, {"type", a.type}, {"country", NullIfEmpty(a.country)}}; }

std::string GetString(const json& j, const char* key) {
  auto it = j.find(key);
  return it != j.end() && it->is_string() ? it->get<std::string>() : std::string();
}

std::optional<int64_t> GetInt(const json& j, const char* key) {
  auto it = j.find(key);
  if (it == j.end() || !it->is_number()) return std::nullopt;
  return it->get<int64_t>();
}

std::optional<Actor> ActorFromJson(const json& j, const char* key) {
  auto it = j.find(key);
  if (it == j.end() || !it->is_object()) return std::nullopt;
  return Actor{GetString(*it, "name"), GetString(*it, "type"), GetString(*it, "country")};
}

}  // namespace

json ToJson(const Figure& f) {
  return {{"kind", f.kind},     {"value", f.value},          {"min", NullIfNone(f.min)},
          {"max", NullIfNone(f.max)}, {"approx", f.approx}, {"group", f.group},
          {"source", NullIfEmpty(f.source)}, {"text", f.text}, {"start", f.start}, {"end", f.end}};
}

json ToJson(const Event& e) {
  json j;
  j["doc_id"] = e.doc_id;
  j["event_id"] = e.event_id;
  j["lang"] = e.lang;
  j["plover"] = e.plover;
  j["event_type"] = NullIfEmpty(e.event_type);
  j["sub_event_type"] = NullIfEmpty(e.sub_event_type);
  j["date"] = {{"value", e.date.value ? json(FormatIsoDate(*e.date.value)) : json(nullptr)},
               {"precision", e.date.precision},
               {"text", NullIfEmpty(e.date.text)},
               {"relative", NullIfEmpty(e.date.relative)}};
  if (e.location) {
    const Location& l = *e.location;
    j["location"] = {{"name", l.name}, {"country", NullIfEmpty(l.country)}, {"admin1", NullIfEmpty(l.admin1)},
                     {"lat", l.lat}, {"lon", l.lon}, {"geo_precision", l.geo_precision},
                     {"geonames_id", NullIfNone(l.geonames_id)}, {"text", NullIfEmpty(l.text)}};
  } else {
    j["location"] = nullptr;
  }
  j["actor1"] = e.actor1 ? ToJson(*e.actor1) : json(nullptr);
  j["actor2"] = e.actor2 ? ToJson(*e.actor2) : json(nullptr);
  j["fatalities"] = e.fatalities;
  j["figures"] = json::array();
  for (const Figure& f : e.figures) j["figures"].push_back(ToJson(f));
  j["evidence"] = json::array();
  for (const Evidence& ev : e.evidence) {
    j["evidence"].push_back({{"start", ev.start}, {"end", ev.end}, {"text", ev.text}});
  }
  j["confidence"] = e.confidence;
  return j;
}

Result<Event> EventFromJson(const json& j) {
  if (!j.is_object()) return Err(Status::InvalidArgument("an event must be a JSON object"));
  Event e;
  e.doc_id = GetString(j, "doc_id");
  e.event_id = GetString(j, "event_id");
  e.lang = GetString(j, "lang");
  e.plover = GetString(j, "plover");
  e.event_type = GetString(j, "event_type");
  e.sub_event_type = GetString(j, "sub_event_type");
  if (auto it = j.find("date"); it != j.end() && it->is_object()) {
    std::string value = GetString(*it, "value");
    if (!value.empty()) {
      e.date.value = ParseIsoDate(value);
      if (!e.date.value) return Err(Status::InvalidArgument("date.value is not YYYY-MM-DD: " + value));
    }
    e.date.precision = GetString(*it, "precision");
    if (e.date.precision.empty()) e.date.precision = "unknown";
    e.date.text = GetString(*it, "text");
    e.date.relative = GetString(*it, "relative");
  }
  if (auto it = j.find("location"); it != j.end() && it->is_object()) {
    Location l;
    l.name = GetString(*it, "name");
    l.country = GetString(*it, "country");
    l.admin1 = GetString(*it, "admin1");
    if (auto v = it->find("lat"); v != it->end() && v->is_number()) l.lat = v->get<double>();
    if (auto v = it->find("lon"); v != it->end() && v->is_number()) l.lon = v->get<double>();
    l.geo_precision = static_cast<int>(GetInt(*it, "geo_precision").value_or(3));
    l.geonames_id = GetInt(*it, "geonames_id");
    l.text = GetString(*it, "text");
    e.location = l;
  }
  e.actor1 = ActorFromJson(j, "actor1");
  e.actor2 = ActorFromJson(j, "actor2");
  e.fatalities = GetInt(j, "fatalities").value_or(0);
  if (auto it = j.find("figures"); it != j.end() && it->is_array()) {
    for (const json& fj : *it) {
      Figure f;
      f.kind = GetString(fj, "kind");
      f.value = GetInt(fj, "value").value_or(0);
      f.min = GetInt(fj, "min");
      f.max = GetInt(fj, "max");
      if (auto a = fj.find("approx"); a != fj.end() && a->is_boolean()) f.approx = a->get<bool>();
      f.group = GetString(fj, "group");
      if (f.group.empty()) f.group = "unknown";
      f.source = GetString(fj, "source");
      f.text = GetString(fj, "text");
      e.figures.push_back(std::move(f));
    }
  }
  if (auto it = j.find("confidence"); it != j.end() && it->is_number()) e.confidence = it->get<double>();
  return e;
}

std::string Dump(const nlohmann::json& j) {
  return j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

namespace {

// The writer below follows nlohmann's dump byte for byte: keys in sorted order (its objects
// are std::maps), strings escaped as it escapes them, numbers as it prints them.
// True when none of the 8 bytes at p needs escaping or UTF-8 checking (the classic
// "has a zero byte" tests on the word, for bytes below 0x20, '"' and '\\', and the high bit).
inline bool PlainAscii8(const char* p) {
  uint64_t v;
  std::memcpy(&v, p, sizeof v);
  constexpr uint64_t kOnes = 0x0101010101010101ULL, kHighs = 0x8080808080808080ULL;
  auto has_zero = [](uint64_t x) { return (x - kOnes) & ~x & kHighs; };
  const uint64_t below_space = (v - 0x2020202020202020ULL) & ~v & kHighs;
  return ((v & kHighs) | below_space | has_zero(v ^ (kOnes * '"')) | has_zero(v ^ (kOnes * '\\'))) == 0;
}

void AppendString(std::string& out, std::string_view s) {
  const size_t mark = out.size();
  out += '"';
  size_t run = 0;  // start of the bytes not yet copied: runs of plain bytes are copied whole
  for (size_t i = 0; i < s.size();) {
    // Eight plain ASCII bytes at a time (no quote, backslash, control or non-ASCII byte):
    // evidence sentences are most of what extract writes.
    while (i + 8 <= s.size() && PlainAscii8(s.data() + i)) i += 8;
    if (i >= s.size()) break;
    const auto c = static_cast<unsigned char>(s[i]);
    if (c >= 0x80) {
      const int n = ValidSequenceLength(s, i);
      if (n == 0) {
        // Invalid UTF-8 (which ingest repairs, so rare) is left to nlohmann's replacement rules.
        out.resize(mark);
        out += Dump(json(std::string(s)));
        return;
      }
      i += static_cast<size_t>(n);
      continue;
    }
    if (c >= 0x20 && c != '"' && c != '\\') {
      ++i;
      continue;
    }
    out.append(s.data() + run, i - run);
    switch (c) {
      case '"': out += "\\\""; break;
      case '\\': out += "\\\\"; break;
      case '\b': out += "\\b"; break;
      case '\f': out += "\\f"; break;
      case '\n': out += "\\n"; break;
      case '\r': out += "\\r"; break;
      case '\t': out += "\\t"; break;
      default: {
        static constexpr char kHex[] = "0123456789abcdef";
        out += "\\u00";
        out += kHex[c >> 4];
        out += kHex[c & 0xF];
      }
    }
    run = ++i;
  }
  out.append(s.data() + run, s.size() - run);
  out += '"';
}

template <typename Int>
void AppendInt(std::string& out, Int v) {
  char buf[24];
  auto [end, ec] = std::to_chars(buf, buf + sizeof buf, v);
  out.append(buf, end);
}

// The members of one JSON object, written in the order given (callers give nlohmann's sorted
// order); the object is closed when the writer goes out of scope. An empty string or an
// absent value is null, as ToJson writes them.
class ObjectWriter {
 public:
  explicit ObjectWriter(std::string& out) : out_(out) { out_ += '{'; }
  ~ObjectWriter() { out_ += '}'; }
  ObjectWriter(const ObjectWriter&) = delete;
  ObjectWriter& operator=(const ObjectWriter&) = delete;

  // Writes `"key":` and returns the output, for a value written by the caller.
  std::string& Key(std::string_view key) {
    out_ += first_ ? "\"" : ",\"";
    first_ = false;
    out_.append(key);
    out_ += "\":";
    return out_;
  }
  void String(std::string_view key, std::string_view s) { AppendString(Key(key), s); }
  void StringOrNull(std::string_view key, std::string_view s) {
    if (s.empty()) {
      Key(key) += "null";
    } else {
      String(key, s);
    }
  }
  template <typename Int>
  void Number(std::string_view key, Int v) {
    AppendInt(Key(key), v);
  }
  template <typename Int>
  void NumberOrNull(std::string_view key, const std::optional<Int>& v) {
    if (v) {
      Number(key, *v);
    } else {
      Key(key) += "null";
    }
  }
  // Doubles go through nlohmann's own printer (shortest round trip, ".0" on whole numbers):
  // there are three per event, not worth a second implementation.
  void Double(std::string_view key, double v) { Key(key) += json(v).dump(); }
  void Bool(std::string_view key, bool v) { Key(key) += v ? "true" : "false"; }

 private:
  std::string& out_;
  bool first_ = true;
};

void AppendActorOrNull(std::string& out, const std::optional<Actor>& a) {
  if (!a) {
    out += "null";
    return;
  }
  ObjectWriter o(out);
  o.StringOrNull("country", a->country);
  o.String("name", a->name);
  o.String("type", a->type);
}

}  // namespace

void AppendJson(std::string& out, const Event& e) {
  ObjectWriter o(out);
  AppendActorOrNull(o.Key("actor1"), e.actor1);
  AppendActorOrNull(o.Key("actor2"), e.actor2);
  o.Double("confidence", e.confidence);
  {
    ObjectWriter date(o.Key("date"));
    date.String("precision", e.date.precision);
    date.StringOrNull("relative", e.date.relative);
    date.StringOrNull("text", e.date.text);
    date.StringOrNull("value", e.date.value ? FormatIsoDate(*e.date.value) : std::string());
  }
  o.String("doc_id", e.doc_id);
  o.String("event_id", e.event_id);
  o.StringOrNull("event_type", e.event_type);
  o.Key("evidence") += '[';
  for (size_t k = 0; k < e.evidence.size(); ++k) {
    if (k) out += ',';
    ObjectWriter ev(out);
    ev.Number("end", e.evidence[k].end);
    ev.Number("start", e.evidence[k].start);
    ev.String("text", e.evidence[k].text);
  }
  out += ']';
  o.Number("fatalities", e.fatalities);
  o.Key("figures") += '[';
  for (size_t k = 0; k < e.figures.size(); ++k) {
    if (k) out += ',';
    const Figure& f = e.figures[k];
    ObjectWriter fo(out);
    fo.Bool("approx", f.approx);
    fo.Number("end", f.end);
    fo.String("group", f.group);
    fo.String("kind", f.kind);
    fo.NumberOrNull("max", f.max);
    fo.NumberOrNull("min", f.min);
    fo.StringOrNull("source", f.source);
    fo.Number("start", f.start);
    fo.String("text", f.text);
    fo.Number("value", f.value);
  }
  out += ']';
  o.String("lang", e.lang);
  if (e.location) {
    const Location& l = *e.location;
    ObjectWriter lo(o.Key("location"));
    lo.StringOrNull("admin1", l.admin1);
    lo.StringOrNull("country", l.country);
    lo.Number("geo_precision", l.geo_precision);
    lo.NumberOrNull("geonames_id", l.geonames_id);
    lo.Double("lat", l.lat);
    lo.Double("lon", l.lon);
    lo.String("name", l.name);
    lo.StringOrNull("text", l.text);
  } else {
    o.Key("location") += "null";
  }
  o.String("plover", e.plover);
  o.StringOrNull("sub_event_type", e.sub_event_type);
}

void AppendJsonLine(std::string& out, const Event& event) {
  AppendJson(out, event);
  out += '\n';
}

}  // namespace veille::output
