#include "core/io/ProjectEdits.h"

#include "core/util/Error.h"

namespace durian {
namespace {

bool validIndex(const Project& project, int index)
{
    return index >= 0 && index < static_cast<int>(project.attributes.size());
}

// `newIndex` maps an old index to its new one (-1: removed).
template <typename Map>
void remapInterpolation(Project& project, Map newIndex)
{
    if (!project.interpolation) {
        return;
    }
    project.interpolation->slot = newIndex(project.interpolation->slot);
    project.interpolation->with = newIndex(project.interpolation->with);
    try {
        validateInterpolation(*project.interpolation, project.attributes);
    } catch (const Error&) {
        project.interpolation.reset();
    }
}

} // namespace

void removeAttribute(Project& project, int index)
{
    if (!validIndex(project, index)) {
        return;
    }
    project.attributes.erase(project.attributes.begin() + index);
    remapInterpolation(project, [index](int i) { return i == index ? -1 : i > index ? i - 1 : i; });
}

void moveAttribute(Project& project, int from, int to)
{
    if (!validIndex(project, from) || !validIndex(project, to) || from == to) {
        return;
    }
    auto moved = project.attributes[static_cast<std::size_t>(from)];
    project.attributes.erase(project.attributes.begin() + from);
    project.attributes.insert(project.attributes.begin() + to, std::move(moved));
    remapInterpolation(project, [from, to](int i) {
        if (i == from) {
            return to;
        }
        if (from < to && i > from && i <= to) {
            return i - 1;
        }
        return from > to && i >= to && i < from ? i + 1 : i;
    });
}

void setAttributeCategory(Project& project, int index, AttributeCategory category)
{
    if (!validIndex(project, index)) {
        return;
    }
    project.attributes[static_cast<std::size_t>(index)].category = category;
    remapInterpolation(project, [](int i) { return i; }); // a pair of two categories is dropped
}

} // namespace durian
