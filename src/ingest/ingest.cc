#include "ingest/ingest.h"

#include <simdjson.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <sstream>

#include "base/hash.h"
#include "base/utf8.h"

namespace veille::ingest {

namespace fs = std::filesystem;

namespace {

void Notify(const Sink& sink, Counts& counts, Origin origin, std::string message) {
  ++counts.notices;
  if (sink.on_notice) sink.on_notice(Notice{std::move(origin), std::move(message)});
}

void Reject(const Sink& sink, Counts& counts, Origin origin, std::string reason) {
  ++counts.rejections;
  if (sink.on_rejection) sink.on_rejection(Rejection{std::move(origin), std::move(reason)});
}

bool IsBlank(std::string_view s) {
  return std::all_of(s.begin(), s.end(), [](unsigned char c) { return std::isspace(c); });
}

// Reports what RepairUtf8 changed; `base` is the byte offset of the repaired bytes in the file.
void ReportRepairs(const Utf8Repair& repair, const Origin& origin, uint64_t base,
                   const Sink& sink, Counts& counts) {
  constexpr size_t kMaxListed = 5;
  if (!repair.invalid_offsets.empty()) {
    std::string where;
    for (size_t i = 0; i < repair.invalid_offsets.size() && i < kMaxListed; ++i) {
      where += (i ? ", " : "") + std::to_string(base + repair.invalid_offsets[i]);
    }
    if (repair.invalid_offsets.size() > kMaxListed) where += ", ...";
    Notify(sink, counts, origin,
           std::to_string(repair.invalid_offsets.size()) +
               " invalid UTF-8 sequence(s) replaced by U+FFFD at byte " + where);
  }
  if (repair.nul_count > 0) {
    Notify(sink, counts, origin, std::to_string(repair.nul_count) + " NUL byte(s) removed");
  }
}

std::string_view StripBom(std::string_view s) {
  if (s.size() >= 3 && s.substr(0, 3) == "\xEF\xBB\xBF") s.remove_prefix(3);
  return s;
}

void FillDefaults(Document& doc, const Options& options) {
  if (doc.id.empty()) doc.id = HashHex(doc.text);
  if (!doc.published) doc.published = options.default_published;
  if (doc.lang.empty() && options.default_lang != "auto") doc.lang = options.default_lang;
}

std::string TooLargeReason(uint64_t size, uint64_t limit) {
  return "record is " + std::to_string(size) + " bytes, over the limit of " +
         std::to_string(limit) + " (--max-bytes)";
}

// Reads an optional string field; a field of another type is reported, not fatal.
bool GetString(const simdjson::dom::object& obj, std::string_view key, std::string& out, std::string& error) {
  simdjson::dom::element value;
  if (obj.at_key(key).get(value) != simdjson::SUCCESS || value.is_null()) return true;
  std::string_view text;
  if (value.get_string().get(text) != simdjson::SUCCESS) {
    error = std::string("field \"") + std::string(key) + "\" is not a string";
    return false;
  }
  out.assign(text);
  return true;
}

}  // namespace

void ReadTextArticle(std::string_view bytes, const Origin& origin, const Options& options,
                     const Sink& sink, Counts& counts) {
  counts.bytes += bytes.size();
  if (bytes.empty()) return Reject(sink, counts, origin, "empty file (0 bytes)");
  if (bytes.size() > options.max_record_bytes) {
    return Reject(sink, counts, origin, TooLargeReason(bytes.size(), options.max_record_bytes));
  }
  uint64_t base = bytes.size();
  bytes = StripBom(bytes);
  base -= bytes.size();
  Utf8Repair repair = RepairUtf8(bytes);
  ReportRepairs(repair, origin, base, sink, counts);
  Document doc;
  doc.origin = origin;
  std::string_view text = repair.text;
  // An optional first line "Title: ..." names the article; the text starts after it.
  if (text.starts_with("Title:")) {
    size_t eol = text.find('\n');
    std::string_view title = text.substr(6, eol == std::string_view::npos ? text.npos : eol - 6);
    while (!title.empty() && (title.front() == ' ' || title.front() == '\t')) title.remove_prefix(1);
    while (!title.empty() && (title.back() == '\r' || title.back() == ' ')) title.remove_suffix(1);
    doc.title.assign(title);
    text = eol == std::string_view::npos ? std::string_view() : text.substr(eol + 1);
  }
  if (IsBlank(text)) return Reject(sink, counts, origin, "no article text");
  doc.text.assign(text);
  FillDefaults(doc, options);
  ++counts.documents;
  if (sink.on_document) sink.on_document(std::move(doc));
}

void ReadJsonLines(std::istream& in, const std::string& path, const Options& options,
                   const Sink& sink, Counts& counts) {
  simdjson::dom::parser parser;
  std::string line;
  int64_t line_no = 0;
  uint64_t offset = 0;
  while (std::getline(in, line)) {
    ++line_no;
    const uint64_t line_offset = offset;
    offset += line.size() + 1;
    counts.bytes += line.size() + 1;
    Origin origin{path, line_no};
    std::string_view raw = line;
    if (!raw.empty() && raw.back() == '\r') raw.remove_suffix(1);
    uint64_t base = line_offset;
    if (line_no == 1) {
      std::string_view stripped = StripBom(raw);
      base += raw.size() - stripped.size();
      raw = stripped;
    }
    if (IsBlank(raw)) continue;
    if (raw.size() > options.max_record_bytes) {
      Reject(sink, counts, origin, TooLargeReason(raw.size(), options.max_record_bytes));
      continue;
    }
    Utf8Repair repair = RepairUtf8(raw);
    ReportRepairs(repair, origin, base, sink, counts);
    simdjson::dom::element json;
    simdjson::dom::object obj;
    if (auto e = parser.parse(repair.text).get(json); e) {
      Reject(sink, counts, origin, std::string("invalid JSON: ") + simdjson::error_message(e));
      continue;
    }
    if (json.get_object().get(obj) != simdjson::SUCCESS) {
      Reject(sink, counts, origin, "a JSON Lines record must be an object");
      continue;
    }
    Document doc;
    doc.origin = origin;
    std::string error, published, lang;
    bool ok = GetString(obj, "id", doc.id, error) && GetString(obj, "url", doc.url, error) &&
              GetString(obj, "title", doc.title, error) &&
              GetString(obj, "text", doc.text, error) &&
              GetString(obj, "published", published, error) &&
              GetString(obj, "lang", lang, error) && GetString(obj, "source", doc.source, error);
    if (!ok) {
      Reject(sink, counts, origin, error);
      continue;
    }
    if (IsBlank(doc.text)) {
      Reject(sink, counts, origin, "missing or empty \"text\"");
      continue;
    }
    if (!published.empty()) {
      // Accept a full timestamp ("2022-01-07T10:00:00Z") by its date part.
      doc.published = ParseIsoDate(std::string_view(published).substr(0, 10));
      if (!doc.published) {
        Notify(sink, counts, origin,
               "\"published\" is not a YYYY-MM-DD date (\"" + published + "\"); ignored");
      }
    }
    if (!lang.empty() && lang != "auto") doc.lang = lang;
    FillDefaults(doc, options);
    ++counts.documents;
    if (sink.on_document) sink.on_document(std::move(doc));
  }
}

namespace {

bool HasJsonLinesExtension(const fs::path& p) {
  auto ext = p.extension().string();
  return ext == ".jsonl" || ext == ".ndjson";
}

void ReadFile(const fs::path& path, const Options& options, const Sink& sink, Counts& counts) {
  const std::string name = path.string();
  std::error_code ec;
  if (HasJsonLinesExtension(path)) {
    std::ifstream in(path, std::ios::binary);
    if (!in) return Reject(sink, counts, Origin{name, 0}, "cannot open file");
    ReadJsonLines(in, name, options, sink, counts);
    return;
  }
  uint64_t size = fs::file_size(path, ec);
  if (ec) return Reject(sink, counts, Origin{name, 0}, "cannot read file: " + ec.message());
  if (size > options.max_record_bytes) {
    counts.bytes += size;
    return Reject(sink, counts, Origin{name, 0}, TooLargeReason(size, options.max_record_bytes));
  }
  std::ifstream in(path, std::ios::binary);
  if (!in) return Reject(sink, counts, Origin{name, 0}, "cannot open file");
  std::string bytes(size, '\0');
  in.read(bytes.data(), static_cast<std::streamsize>(size));
  bytes.resize(static_cast<size_t>(in.gcount()));
  ReadTextArticle(bytes, Origin{name, 0}, options, sink, counts);
}

void ReadStdin(const Options& options, const Sink& sink, Counts& counts) {
  std::ostringstream buffer;
  buffer << std::cin.rdbuf();
  std::string all = std::move(buffer).str();
  size_t first = all.find_first_not_of(" \t\r\n");
  if (first != std::string::npos && StripBom(std::string_view(all).substr(first)).starts_with("{")) {
    std::istringstream in(std::move(all));
    ReadJsonLines(in, "<stdin>", options, sink, counts);
  } else {
    ReadTextArticle(all, Origin{"<stdin>", 0}, options, sink, counts);
  }
}

}  // namespace

Result<Counts> ReadInputs(const std::vector<std::string>& inputs, const Options& options,
                          const Sink& sink) {
  Counts counts;
  if (inputs.empty()) return Err(Status::InvalidArgument("no input given (a file, a folder or -)"));
  for (const std::string& input : inputs) {
    if (input == "-") {
      ReadStdin(options, sink, counts);
      continue;
    }
    fs::path path(input);
    std::error_code ec;
    auto status = fs::status(path, ec);
    if (ec || !fs::exists(status)) {
      Reject(sink, counts, Origin{input, 0}, "no such file or folder");
      continue;
    }
    if (fs::is_directory(status)) {
      std::vector<fs::path> files;
      for (auto it = fs::recursive_directory_iterator(path, fs::directory_options::skip_permission_denied, ec);
           !ec && it != fs::recursive_directory_iterator(); it.increment(ec)) {
        if (!it->is_regular_file()) continue;
        auto ext = it->path().extension().string();
        if (ext == ".txt" || HasJsonLinesExtension(it->path())) files.push_back(it->path());
      }
      if (ec) Reject(sink, counts, Origin{input, 0}, "cannot list folder: " + ec.message());
      std::sort(files.begin(), files.end());
      for (const auto& f : files) ReadFile(f, options, sink, counts);
      continue;
    }
    ReadFile(path, options, sink, counts);
  }
  return counts;
}

}  // namespace veille::ingest
