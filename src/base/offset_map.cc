#include <algorithm>

#include "veille/text.h"

namespace veille {

void OffsetMap::AddAnchor(uint32_t normalized, uint32_t original, bool replaced) {
  if (!anchors_.empty()) {
    Anchor& last = anchors_.back();
    if (last.normalized == normalized) {  // a later anchor at the same place wins
      last = {normalized, original, replaced};
      return;
    }
    // An in-step anchor that continues an in-step stretch with the same shift adds nothing.
    if (!replaced && !last.replaced &&
        static_cast<int64_t>(original) - normalized ==
            static_cast<int64_t>(last.original) - last.normalized) {
      return;
    }
  }
  anchors_.push_back({normalized, original, replaced});
}

uint32_t OffsetMap::ToOriginal(uint32_t normalized) const {
  if (anchors_.empty()) return normalized;
  auto it = std::upper_bound(anchors_.begin(), anchors_.end(), normalized,
                             [](uint32_t v, const Anchor& a) { return v < a.normalized; });
  if (it == anchors_.begin()) return normalized;
  const Anchor& a = *(it - 1);
  if (a.replaced) return a.original;
  return a.original + (normalized - a.normalized);
}

uint32_t OffsetMap::ToOriginalEnd(uint32_t normalized) const {
  if (anchors_.empty()) return normalized;
  auto it = std::upper_bound(anchors_.begin(), anchors_.end(), normalized,
                             [](uint32_t v, const Anchor& a) { return v < a.normalized; });
  if (it == anchors_.begin()) return normalized;
  const Anchor& a = *(it - 1);
  if (normalized == a.normalized) return a.original;
  if (a.replaced) return it == anchors_.end() ? a.original : it->original;
  return a.original + (normalized - a.normalized);
}

}  // namespace veille
