#include "store/store.h"

#include <sqlite3.h>

#include <cmath>
#include <nlohmann/json.hpp>

#include "base/hash.h"
#include "output/json.h"

namespace veille::store {

namespace {

constexpr int kSchemaVersion = 1;

constexpr const char* kSchema = R"sql(
PRAGMA journal_mode = WAL;
PRAGMA synchronous = NORMAL;
PRAGMA foreign_keys = ON;
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS documents (
  doc_key INTEGER PRIMARY KEY,
  doc_id TEXT NOT NULL,
  content_hash TEXT NOT NULL UNIQUE,
  url TEXT, title TEXT, published TEXT, lang TEXT, source TEXT, origin TEXT,
  text TEXT NOT NULL,
  ingested_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now')));
CREATE INDEX IF NOT EXISTS documents_doc_id ON documents(doc_id);
CREATE TABLE IF NOT EXISTS events (
  event_key INTEGER PRIMARY KEY,
  event_id TEXT NOT NULL UNIQUE,
  doc_key INTEGER NOT NULL REFERENCES documents(doc_key) ON DELETE CASCADE,
  plover TEXT NOT NULL, event_type TEXT, sub_event_type TEXT,
  date TEXT, date_precision TEXT,
  country TEXT, admin1 TEXT, location_name TEXT, lat REAL, lon REAL, geo_precision INTEGER,
  actor1 TEXT, actor2 TEXT,
  fatalities INTEGER NOT NULL DEFAULT 0,
  confidence REAL,
  record TEXT NOT NULL);
CREATE INDEX IF NOT EXISTS events_doc ON events(doc_key);
CREATE INDEX IF NOT EXISTS events_date ON events(date);
CREATE INDEX IF NOT EXISTS events_country ON events(country);
CREATE TABLE IF NOT EXISTS figures (
  event_key INTEGER NOT NULL REFERENCES events(event_key) ON DELETE CASCADE,
  kind TEXT NOT NULL, value INTEGER NOT NULL, min INTEGER, max INTEGER, approx INTEGER NOT NULL,
  grp TEXT, source TEXT, text TEXT, start INTEGER, end INTEGER);
CREATE INDEX IF NOT EXISTS figures_event ON figures(event_key);
CREATE TABLE IF NOT EXISTS spans (
  doc_key INTEGER NOT NULL REFERENCES documents(doc_key) ON DELETE CASCADE,
  kind TEXT NOT NULL, start INTEGER NOT NULL, end INTEGER NOT NULL, fields TEXT);
CREATE INDEX IF NOT EXISTS spans_doc ON spans(doc_key);
CREATE VIRTUAL TABLE IF NOT EXISTS evidence_fts USING fts5(
  text, event_key UNINDEXED, tokenize = 'unicode61 remove_diacritics 2');
CREATE VIRTUAL TABLE IF NOT EXISTS event_geo USING rtree(event_key, min_lat, max_lat, min_lon, max_lon);
)sql";

Status SqlError(sqlite3* db, const std::string& what) {
  return Status::IOError(what + ": " + sqlite3_errmsg(db));
}

Status Exec(sqlite3* db, const char* sql) {
  char* err = nullptr;
  if (sqlite3_exec(db, sql, nullptr, nullptr, &err) != SQLITE_OK) {
    std::string message = err ? err : "unknown error";
    sqlite3_free(err);
    return Status::IOError(message);
  }
  return Status::Ok();
}

// A prepared statement that finalises itself.
class Stmt {
 public:
  Stmt(sqlite3* db, const char* sql) : db_(db) {
    if (sqlite3_prepare_v2(db, sql, -1, &stmt_, nullptr) != SQLITE_OK) stmt_ = nullptr;
  }
  ~Stmt() { sqlite3_finalize(stmt_); }
  Stmt(const Stmt&) = delete;
  Stmt& operator=(const Stmt&) = delete;
  bool ok() const { return stmt_ != nullptr; }
  Stmt& Bind(int i, const std::string& s) {
    if (s.empty()) sqlite3_bind_null(stmt_, i);
    else sqlite3_bind_text(stmt_, i, s.data(), static_cast<int>(s.size()), SQLITE_TRANSIENT);
    return *this;
  }
  Stmt& Bind(int i, int64_t v) { sqlite3_bind_int64(stmt_, i, v); return *this; }
  Stmt& Bind(int i, double v) { sqlite3_bind_double(stmt_, i, v); return *this; }
  Stmt& BindNull(int i) { sqlite3_bind_null(stmt_, i); return *this; }
  int Step() { return sqlite3_step(stmt_); }
  std::string Text(int col) const {
    const unsigned char* t = sqlite3_column_text(stmt_, col);
    return t ? std::string(reinterpret_cast<const char*>(t), sqlite3_column_bytes(stmt_, col)) : std::string();
  }
  int64_t Int(int col) const { return sqlite3_column_int64(stmt_, col); }
  bool IsNull(int col) const { return sqlite3_column_type(stmt_, col) == SQLITE_NULL; }
  sqlite3_stmt* get() { return stmt_; }

 private:
  sqlite3* db_;
  sqlite3_stmt* stmt_ = nullptr;
};

std::string ActorLabel(const std::optional<Actor>& a) { return a ? a->name : std::string(); }

constexpr double kEarthRadiusKm = 6371.0088;

double HaversineKm(double lat1, double lon1, double lat2, double lon2) {
  auto rad = [](double d) { return d * M_PI / 180.0; };
  double dlat = rad(lat2 - lat1), dlon = rad(lon2 - lon1);
  double a = std::sin(dlat / 2) * std::sin(dlat / 2) +
             std::cos(rad(lat1)) * std::cos(rad(lat2)) * std::sin(dlon / 2) * std::sin(dlon / 2);
  return 2 * kEarthRadiusKm * std::asin(std::min(1.0, std::sqrt(a)));
}

}  // namespace

Result<Store> Store::Open(const std::string& path) {
  sqlite3* db = nullptr;
  if (sqlite3_open_v2(path.c_str(), &db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, nullptr) != SQLITE_OK) {
    Status s = Status::IOError("cannot open database " + path + ": " + (db ? sqlite3_errmsg(db) : "out of memory"));
    sqlite3_close(db);
    return Err(s);
  }
  sqlite3_busy_timeout(db, 5000);
  Store store(db);
  if (Status s = Exec(db, kSchema); !s.ok()) {
    return Err(Status::IOError("cannot create the schema of " + path + ": " + s.message()));
  }
  Stmt version(db, "SELECT value FROM meta WHERE key = 'schema_version'");
  if (version.ok() && version.Step() == SQLITE_ROW) {
    if (version.Text(0) != std::to_string(kSchemaVersion)) {
      return Err(Status::Corruption(path + " has schema version " + version.Text(0) + ", this veille reads " +
                                    std::to_string(kSchemaVersion)));
    }
  } else {
    Stmt set(db, "INSERT OR IGNORE INTO meta(key, value) VALUES ('schema_version', ?1)");
    set.Bind(1, std::to_string(kSchemaVersion)).Step();
  }
  return store;
}

Store::Store(Store&& o) noexcept : db_(o.db_) { o.db_ = nullptr; }
Store& Store::operator=(Store&& o) noexcept {
  if (this != &o) {
    sqlite3_close(db_);
    db_ = o.db_;
    o.db_ = nullptr;
  }
  return *this;
}
Store::~Store() { sqlite3_close(db_); }

Status Store::Begin() { return Exec(db_, "BEGIN IMMEDIATE"); }
Status Store::Commit() { return Exec(db_, "COMMIT"); }

Result<bool> Store::Add(const pipeline::Analysis& a) {
  const Document& d = a.doc;
  Exec(db_, "SAVEPOINT add_document");
  auto fail = [&](const std::string& what) {
    Status s = SqlError(db_, what + " (" + d.origin.ToString() + ")");
    Exec(db_, "ROLLBACK TO add_document; RELEASE add_document");
    return Err(s);
  };
  Stmt insert(db_,
              "INSERT OR IGNORE INTO documents(doc_id, content_hash, url, title, published, lang, source, origin, text)"
              " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)");
  insert.Bind(1, d.id).Bind(2, HashHex(d.text)).Bind(3, d.url).Bind(4, d.title)
      .Bind(5, d.published ? FormatIsoDate(*d.published) : std::string())
      .Bind(6, a.lang).Bind(7, d.source).Bind(8, d.origin.ToString()).Bind(9, d.text);
  if (insert.Step() != SQLITE_DONE) return fail("cannot store document");
  if (sqlite3_changes(db_) == 0) {
    Exec(db_, "RELEASE add_document");
    return false;  // the same text is already stored
  }
  const int64_t doc_key = sqlite3_last_insert_rowid(db_);
  for (const pipeline::AnnotatedSpan& s : a.spans) {
    Stmt span(db_, "INSERT INTO spans(doc_key, kind, start, end, fields) VALUES (?1, ?2, ?3, ?4, ?5)");
    span.Bind(1, doc_key).Bind(2, s.kind).Bind(3, int64_t{s.start}).Bind(4, int64_t{s.end}).Bind(5, s.fields_json);
    if (span.Step() != SQLITE_DONE) return fail("cannot store span");
  }
  for (const Event& stored : a.events) {
    // Ids are unique within a document; two documents that share a user-given id and an
    // event's trigger, class and actor would meet: the later event then takes the key of its
    // document, so the document is stored whole rather than refused.
    Event e = stored;
    int step = SQLITE_DONE;
    for (int attempt = 0; attempt < 2; ++attempt) {
      if (attempt == 1) e.event_id = stored.event_id + "-" + std::to_string(doc_key);
      Stmt ev(db_,
              "INSERT INTO events(event_id, doc_key, plover, event_type, sub_event_type, date, date_precision,"
              " country, admin1, location_name, lat, lon, geo_precision, actor1, actor2, fatalities, confidence, record)"
              " VALUES (?1,?2,?3,?4,?5,?6,?7,?8,?9,?10,?11,?12,?13,?14,?15,?16,?17,?18)");
      ev.Bind(1, e.event_id).Bind(2, doc_key).Bind(3, e.plover).Bind(4, e.event_type).Bind(5, e.sub_event_type)
          .Bind(6, e.date.value ? FormatIsoDate(*e.date.value) : std::string()).Bind(7, e.date.precision);
      if (e.location) {
        ev.Bind(8, e.location->country).Bind(9, e.location->admin1).Bind(10, e.location->name)
            .Bind(11, e.location->lat).Bind(12, e.location->lon).Bind(13, int64_t{e.location->geo_precision});
      } else {
        ev.BindNull(8).BindNull(9).BindNull(10).BindNull(11).BindNull(12).BindNull(13);
      }
      std::string record;
      output::AppendJson(record, e);
      ev.Bind(14, ActorLabel(e.actor1)).Bind(15, ActorLabel(e.actor2)).Bind(16, e.fatalities)
          .Bind(17, e.confidence).Bind(18, record);
      step = ev.Step();
      if (step != SQLITE_CONSTRAINT) break;
    }
    if (step != SQLITE_DONE) return fail("cannot store event " + e.event_id);
    const int64_t event_key = sqlite3_last_insert_rowid(db_);
    for (const Figure& f : e.figures) {
      Stmt fig(db_, "INSERT INTO figures(event_key, kind, value, min, max, approx, grp, source, text, start, end)"
                    " VALUES (?1,?2,?3,?4,?5,?6,?7,?8,?9,?10,?11)");
      fig.Bind(1, event_key).Bind(2, f.kind).Bind(3, f.value);
      f.min ? fig.Bind(4, *f.min) : fig.BindNull(4);
      f.max ? fig.Bind(5, *f.max) : fig.BindNull(5);
      fig.Bind(6, int64_t{f.approx}).Bind(7, f.group).Bind(8, f.source).Bind(9, f.text)
          .Bind(10, int64_t{f.start}).Bind(11, int64_t{f.end});
      if (fig.Step() != SQLITE_DONE) return fail("cannot store figure");
    }
    for (const Evidence& evd : e.evidence) {
      Stmt fts(db_, "INSERT INTO evidence_fts(text, event_key) VALUES (?1, ?2)");
      fts.Bind(1, evd.text).Bind(2, event_key);
      if (fts.Step() != SQLITE_DONE) return fail("cannot index evidence");
    }
    if (e.location) {
      Stmt geo(db_, "INSERT INTO event_geo(event_key, min_lat, max_lat, min_lon, max_lon) VALUES (?1,?2,?2,?3,?3)");
      geo.Bind(1, event_key).Bind(2, e.location->lat).Bind(3, e.location->lon);
      if (geo.Step() != SQLITE_DONE) return fail("cannot index coordinates");
    }
  }
  Exec(db_, "RELEASE add_document");
  return true;
}

Result<std::vector<Event>> Store::Query(const Filter& f) const {
  std::string sql = "SELECT e.record, e.lat, e.lon FROM events e";
  std::vector<std::string> where;
  if (f.near) sql += " JOIN event_geo g ON g.event_key = e.event_key";
  if (!f.text.empty()) {
    where.push_back("e.event_key IN (SELECT event_key FROM evidence_fts WHERE evidence_fts MATCH ?1)");
  }
  if (!f.country.empty()) where.push_back("upper(e.country) = upper(?2)");
  if (!f.type.empty()) {
    where.push_back("(lower(e.plover) = lower(?3) OR lower(e.event_type) = lower(?3) OR lower(e.sub_event_type) = lower(?3))");
  }
  if (f.since) where.push_back("e.date >= ?4");
  if (f.until) where.push_back("e.date <= ?5");
  if (f.near) where.push_back("g.min_lat >= ?6 AND g.max_lat <= ?7 AND g.min_lon >= ?8 AND g.max_lon <= ?9");
  for (size_t i = 0; i < where.size(); ++i) sql += (i ? " AND " : " WHERE ") + where[i];
  sql += " ORDER BY e.date, e.event_key";
  Stmt q(db_, sql.c_str());
  if (!q.ok()) return Err(SqlError(db_, "cannot prepare query"));
  if (!f.text.empty()) q.Bind(1, f.text);
  if (!f.country.empty()) q.Bind(2, f.country);
  if (!f.type.empty()) q.Bind(3, f.type);
  if (f.since) q.Bind(4, FormatIsoDate(*f.since));
  if (f.until) q.Bind(5, FormatIsoDate(*f.until));
  if (f.near) {
    // A bounding box for the R*Tree, refined by great-circle distance below.
    double dlat = f.near->km / 111.0;
    double dlon = f.near->km / (111.0 * std::max(0.01, std::cos(f.near->lat * M_PI / 180.0)));
    q.Bind(6, f.near->lat - dlat).Bind(7, f.near->lat + dlat).Bind(8, f.near->lon - dlon).Bind(9, f.near->lon + dlon);
  }
  std::vector<Event> out;
  int rc;
  while ((rc = q.Step()) == SQLITE_ROW) {
    if (f.near && HaversineKm(f.near->lat, f.near->lon, sqlite3_column_double(q.get(), 1),
                              sqlite3_column_double(q.get(), 2)) > f.near->km) {
      continue;
    }
    auto j = nlohmann::json::parse(q.Text(0), nullptr, false);
    auto e = output::EventFromJson(j);
    if (!e) return Err(Status::Corruption("stored event is not readable: " + e.error().message()));
    // Keep what the gold reader does not carry (offsets of figures and evidence).
    if (j.contains("evidence")) {
      for (const auto& ev : j["evidence"]) {
        e->evidence.push_back({ev.value("start", 0u), ev.value("end", 0u), ev.value("text", std::string())});
      }
    }
    if (j.contains("figures")) {
      for (size_t k = 0; k < e->figures.size() && k < j["figures"].size(); ++k) {
        e->figures[k].start = j["figures"][k].value("start", 0u);
        e->figures[k].end = j["figures"][k].value("end", 0u);
      }
    }
    out.push_back(std::move(*e));
    if (f.limit > 0 && static_cast<int64_t>(out.size()) >= f.limit) break;
  }
  if (rc != SQLITE_ROW && rc != SQLITE_DONE) {
    return Err(Status::InvalidArgument("query failed: " + std::string(sqlite3_errmsg(db_))));
  }
  return out;
}

Result<int64_t> Store::DocumentCount() const {
  Stmt q(db_, "SELECT count(*) FROM documents");
  if (!q.ok() || q.Step() != SQLITE_ROW) return Err(SqlError(db_, "cannot count documents"));
  return q.Int(0);
}

Result<Summary> Store::Summarize(int top_figures) const {
  Summary s;
  auto count = [&](const char* sql, int64_t& out) {
    Stmt q(db_, sql);
    if (q.ok() && q.Step() == SQLITE_ROW) out = q.Int(0);
  };
  count("SELECT count(*) FROM documents", s.documents);
  count("SELECT count(*) FROM events", s.events);
  {
    Stmt q(db_, "SELECT coalesce(lang, 'und'), count(*) FROM documents GROUP BY 1 ORDER BY 1");
    while (q.Step() == SQLITE_ROW) s.documents_by_lang[q.Text(0)] = q.Int(1);
  }
  {
    Stmt q(db_, "SELECT coalesce(event_type, plover), count(*) FROM events GROUP BY 1 ORDER BY 2 DESC, 1");
    while (q.Step() == SQLITE_ROW) s.events_by_type.emplace_back(q.Text(0), q.Int(1));
  }
  {
    Stmt q(db_, "SELECT coalesce(country, '--'), count(*) FROM events GROUP BY 1 ORDER BY 2 DESC, 1");
    while (q.Step() == SQLITE_ROW) s.events_by_country.emplace_back(q.Text(0), q.Int(1));
  }
  {
    Stmt q(db_, "SELECT kind, value, approx, grp, source, text FROM figures ORDER BY value DESC LIMIT ?1");
    q.Bind(1, int64_t{top_figures});
    while (q.Step() == SQLITE_ROW) {
      Figure f;
      f.kind = q.Text(0);
      f.value = q.Int(1);
      f.approx = q.Int(2) != 0;
      f.group = q.Text(3);
      f.source = q.Text(4);
      f.text = q.Text(5);
      s.top_figures.push_back(std::move(f));
    }
  }
  return s;
}

Status Store::Check() const {
  Stmt integrity(db_, "PRAGMA integrity_check");
  if (!integrity.ok() || integrity.Step() != SQLITE_ROW) return SqlError(db_, "integrity_check failed");
  if (integrity.Text(0) != "ok") return Status::Corruption("integrity_check: " + integrity.Text(0));
  Stmt orphans(db_,
               "SELECT (SELECT count(*) FROM events WHERE doc_key NOT IN (SELECT doc_key FROM documents))"
               " + (SELECT count(*) FROM figures WHERE event_key NOT IN (SELECT event_key FROM events))");
  if (!orphans.ok() || orphans.Step() != SQLITE_ROW) return SqlError(db_, "orphan check failed");
  if (orphans.Int(0) != 0) return Status::Corruption(std::to_string(orphans.Int(0)) + " orphan rows");
  return Status::Ok();
}

}  // namespace veille::store
