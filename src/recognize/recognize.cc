#include "recognize/recognize.h"


#include "base/data.h"

namespace veille::recognize {

Result<std::shared_ptr<const Recognizer::Models>> Recognizer::Load(std::string_view lang,
                                                                    Vocabularies& vocabularies) {
  auto numbers = NumberRecognizer::Create(lang);
  if (!numbers) return Err(numbers.error());
  auto dates = DateRecognizer::Create(lang);
  if (!dates) return Err(dates.error());
  auto figures = FigureRecognizer::Create(lang);
  if (!figures) return Err(figures.error());
  Vocabulary& vocabulary = vocabularies.For(lang);
  auto models = std::make_shared<Models>(Models{std::move(*numbers), std::move(*dates), std::move(*figures), &vocabulary});
  models->numbers.Bind(vocabulary);
  models->dates.Bind(vocabulary);
  models->figures.Bind(vocabulary);
  return std::shared_ptr<const Models>(std::move(models));
}

Result<Recognizer> Recognizer::Create(std::shared_ptr<Vocabularies> vocabularies) {
  Recognizer r;
  r.vocabularies_ = vocabularies ? std::move(vocabularies) : std::make_shared<Vocabularies>();
  auto models = ByLanguage<Models>::Create("numbers", [&](std::string_view lang) { return Load(lang, *r.vocabularies_); });
  if (!models) return Err(models.error());
  if (models->empty()) return Err(Status::NotFound("no data/<lang>/numbers.txt embedded"));
  r.models_ = std::move(*models);
  return r;
}

bool IsUsStyledSource(std::string_view source) {
  static constexpr std::string_view kUs[] = {"Associated Press", "AP", "New York Times", "Washington Post", "CNN",
                                              "NPR", "Wall Street Journal", "USA Today", "Los Angeles Times",
                                              "Fox News", "NBC", "CBS", "ABC News", "Bloomberg"};
  if (source.empty()) return false;
  for (std::string_view s : kUs) {
    if (source == s || (s.size() > 3 && source.find(s) != std::string_view::npos)) return true;
  }
  return false;
}

Recognized Recognizer::Recognize(const NormalizedText& text, const Segmented& seg,
                                 const DocumentContext& context) const {
  return Recognize(text, seg, Words(text.text, seg.tokens, models_.For(context.lang).vocabulary), context);
}

Recognized Recognizer::Recognize(const NormalizedText& text, const Segmented& seg, const Words& words,
                                 const DocumentContext& context) const {
  const Models& m = models_.For(context.lang);
  if (words.vocabulary() != m.vocabulary) return Recognize(text, seg, context);
  Recognized out;
  const auto& tokens = seg.tokens;
  auto span_of = [&](uint32_t first, uint32_t last) { return Span{tokens[first].span.begin, tokens[last].span.end}; };
  std::optional<SourceMention> previous_source;
  uint32_t previous_paragraph = UINT32_MAX;
  for (uint32_t si = 0; si < seg.sentences.size(); ++si) {
    const Sentence& s = seg.sentences[si];
    const uint32_t begin = s.first_token, end = s.first_token + s.token_count;
    auto dates = m.dates.Recognize(text.text, tokens, words, begin, end, context.published, context.month_first_dates);
    std::vector<std::pair<uint32_t, uint32_t>> date_tokens;
    for (const DateMention& d : dates) {
      Date date{span_of(d.first, d.last), si, d.date};
      date.date.text = text.text.substr(date.span.begin, date.span.size());
      out.dates.push_back(std::move(date));
      date_tokens.push_back({d.first, d.last});
    }
    if (context.dates_only) continue;
    auto in_date = [&](uint32_t first, uint32_t last) {
      for (const auto& [a, b] : date_tokens) {
        if (first <= b && a <= last) return true;
      }
      return false;
    };
    std::vector<NumberMention> numbers;
    for (const NumberMention& n : m.numbers.Recognize(text.text, tokens, words, begin, end)) {
      if (in_date(n.number_first, n.last)) continue;
      numbers.push_back(n);
      if (!n.weak) out.numbers.push_back({span_of(n.first, n.last), si, n});
    }
    auto figures = m.figures.Recognize(text.text, tokens, words, begin, end, numbers, date_tokens);
    std::vector<std::pair<uint32_t, uint32_t>> number_tokens, figure_tokens;  // no source holds them
    for (const NumberMention& n : numbers) {
      if (!n.weak) number_tokens.push_back({n.first, n.last});
    }
    for (const FigureMention& f : figures) {
      // Only the stretch of the figure around its number: a parenthesis inside the figure
      // ("Quelque 20 000 personnes, selon la préfecture, se sont rassemblées") may be a source.
      uint32_t a = f.number_first, b = f.number_last;
      while (a > f.first && tokens[a - 1].kind != TokenKind::kPunct) --a;
      while (b < f.last && tokens[b + 1].kind != TokenKind::kPunct) ++b;
      figure_tokens.push_back({a, b});
    }
    std::vector<SourceMention> sources =
        m.figures.FindSources(tokens, words, begin, end, date_tokens, number_tokens, figure_tokens);
    // The source a figure takes: the nearest one named in its sentence; an anaphoric one
    // ("it said", "selon ces données") or none at all takes the one the sentence before
    // named, in the same paragraph.
    std::optional<SourceMention> earlier;
    if (s.paragraph == previous_paragraph) earlier = previous_source;
    // "selon X, tandis que 12 policiers ..., selon Y": a source across a clause break is far.
    const std::vector<uint32_t> breaks =
        sources.size() > 1 ? m.figures.ClauseBreaks(words, begin, end) : std::vector<uint32_t>{};
    for (FigureMention& f : figures) {
      const SourceMention* best = nullptr;
      uint32_t best_distance = UINT32_MAX;
      for (const SourceMention& src : sources) {
        uint32_t distance = src.reach_last < f.first ? f.first - src.reach_last
                                                     : (src.reach_first > f.last ? src.reach_first - f.last : 0);
        for (uint32_t b : breaks) {
          if ((src.reach_last < b && b < f.first) || (f.last < b && b < src.reach_first)) distance += 1000;
        }
        if (distance < best_distance) {
          best = &src;
          best_distance = distance;
        }
      }
      std::optional<SourceMention> chosen;
      if (best && !best->anaphoric) chosen = *best;
      else if (earlier) chosen = earlier;
      FigureFound found{span_of(f.first, f.last), si, std::move(f.figure), {}, false, f.subset};
      if (chosen) {
        found.source_span = span_of(chosen->first, chosen->last);
        found.figure.source = text.text.substr(found.source_span.begin, found.source_span.size());
      }
      // The same toll restated ("the 26 victims") is one figure: later mentions are evidence.
      for (const FigureFound& prior : out.figures) {
        // Two vague amounts told differently are two crowds: "des centaines de manifestants"
        // (at least 100) and, elsewhere, "une centaine de jeunes" (about 100).
        // A vague amount and an exact count are never one toll: "des dizaines d'émeutiers"
        // (12 at least) and "Douze membres des forces de l'ordre".
        const bool vague_differs = (prior.figure.approx || found.figure.approx) &&
                                   (prior.figure.approx != found.figure.approx || prior.figure.min != found.figure.min ||
                                    prior.figure.max != found.figure.max);
        if (!prior.restated && prior.figure.kind == found.figure.kind && prior.figure.value == found.figure.value &&
            !vague_differs) {
          found.restated = true;
          break;
        }
      }
      out.figures.push_back(std::move(found));
    }
    std::optional<SourceMention> source;
    for (const SourceMention& src : sources) {
      if (!src.anaphoric) source = src;
    }
    if (!source) source = earlier;
    previous_source = source;
    previous_paragraph = s.paragraph;
  }
  return out;
}

}  // namespace veille::recognize
