#pragma once

#include "core/io/Project.h"

namespace durian {

// Edits of a project's reference list that keep the interpolation pair pointing at the same references.
// A pair that loses a reference, or whose references no longer share a category, is dropped. Indices
// out of range change nothing.
void removeAttribute(Project& project, int index);
void moveAttribute(Project& project, int from, int to);
void setAttributeCategory(Project& project, int index, AttributeCategory category);

} // namespace durian
