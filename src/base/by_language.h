// Models built from the language data, one per embedded language of a kind, and the union of
// them all ("und") for a document in any other language. Shared by the stages that read
// data/<lang>/<kind>.txt (recognisers, event assembly).
#pragma once

#include <map>
#include <memory>
#include <string>
#include <string_view>

#include "base/data.h"
#include "veille/status.h"

namespace veille {

template <typename Models>
class ByLanguage {
 public:
  // `load(lang)` gives a Result<std::shared_ptr<const Models>>. With no language of `kind`
  // embedded the table is empty and `empty()` says so.
  template <typename Load>
  static Result<ByLanguage> Create(std::string_view kind, Load&& load) {
    ByLanguage table;
    const std::vector<std::string> langs = EmbeddedLanguages(kind);
    for (const std::string& lang : langs) {
      auto m = load(lang);
      if (!m) return Err(m.error());
      table.by_lang_[lang] = *m;
    }
    if (!langs.empty()) {
      auto all = load("und");
      if (!all) return Err(all.error());
      table.fallback_ = *all;
    }
    return table;
  }
  bool empty() const { return !fallback_; }
  // The language's models, else the union. Not to be called on an empty table.
  const Models& For(std::string_view lang) const {
    auto it = by_lang_.find(lang);
    return it == by_lang_.end() ? *fallback_ : *it->second;
  }

 private:
  std::map<std::string, std::shared_ptr<const Models>, std::less<>> by_lang_;
  std::shared_ptr<const Models> fallback_;
};

}  // namespace veille
