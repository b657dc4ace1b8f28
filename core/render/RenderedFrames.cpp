#include "core/render/RenderedFrames.h"

#include "core/io/AtomicFile.h"
#include "core/util/Error.h"

#include <array>
#include <cstdint>
#include <cstdio>
#include <fstream>
#include <sstream>

namespace durian {
namespace {

constexpr std::uint64_t kFnvOffset = 14695981039346656037ull;
constexpr std::uint64_t kFnvPrime = 1099511628211ull;
const std::string kFolderPrefix = "frames-";
const std::string kCompleteMarker = "complete";

std::uint64_t fnv1a(std::string_view bytes, std::uint64_t hash = kFnvOffset)
{
    for (const char c : bytes) {
        hash = (hash ^ static_cast<unsigned char>(c)) * kFnvPrime;
    }
    return hash;
}

// The file's bytes, hashed; "-" for no file. A file that cannot be read hashes as its path, so the
// render itself reports it.
std::string contentHash(const std::filesystem::path& path)
{
    if (path.empty()) {
        return "-";
    }
    std::ifstream in(path, std::ios::binary);
    if (!in) {
        return "unreadable:" + path.string();
    }
    std::uint64_t hash = kFnvOffset;
    std::array<char, 1 << 20> buffer{};
    while (in.read(buffer.data(), buffer.size()) || in.gcount() > 0) {
        hash = fnv1a(std::string_view(buffer.data(), static_cast<std::size_t>(in.gcount())), hash);
    }
    return std::to_string(hash);
}

std::filesystem::path framePath(const std::filesystem::path& folder, int index)
{
    char name[32];
    std::snprintf(name, sizeof name, "frame-%06d.png", index + 1);
    return folder / name;
}

} // namespace

std::string renderKey(const Project& project, const std::optional<std::filesystem::path>& weights)
{
    std::ostringstream key;
    key.precision(17);
    const auto& render = project.render;
    key << "render " << render.resolution << ' ' << render.steps << ' ' << render.guidance << ' ' << render.seed
        << "\nportrait " << contentHash(project.portraitImage) << ' ' << contentHash(project.portraitMask) << ' '
        << project.portraitFace;
    for (const auto& attribute : project.attributes) {
        key << "\nattribute " << toString(attribute.category) << ' ' << contentHash(attribute.image) << ' '
            << contentHash(attribute.mask) << ' ' << attribute.strength << ' ' << attribute.enabled << ' ' << attribute.face;
    }
    if (project.interpolation) {
        key << "\ninterpolation " << project.interpolation->slot << ' ' << project.interpolation->with << ' '
            << project.interpolation->alpha;
    }
    const auto& motion = project.motion;
    key << "\nmotion " << (motion.drivingVideo.empty() ? motion.preset : contentHash(motion.drivingVideo)) << ' '
        << motion.frames << ' ' << motion.fps << "\nmethod " << (weights ? contentHash(*weights) : "classical");
    return key.str();
}

RenderedFrames::RenderedFrames(const std::filesystem::path& cacheDirectory, const std::string& key)
    : cacheDirectory_(cacheDirectory)
{
    char name[24];
    std::snprintf(name, sizeof name, "%016llx", static_cast<unsigned long long>(fnv1a(key)));
    folder_ = cacheDirectory / (kFolderPrefix + name);
}

std::optional<RenderedFrames::Complete> RenderedFrames::complete() const
{
    std::ifstream marker(folder_ / kCompleteMarker);
    Complete set;
    if (marker >> set.frames && std::getline(marker >> std::ws, set.method) && set.frames > 0
        && std::filesystem::exists(framePath(folder_, set.frames - 1))) {
        return set;
    }
    return std::nullopt;
}

Image RenderedFrames::frame(int index) const
{
    return loadImageRgb(framePath(folder_, index));
}

void RenderedFrames::start()
{
    std::error_code error;
    std::filesystem::remove_all(folder_, error); // our own folder: an earlier, unfinished set of this key
    std::filesystem::create_directories(folder_, error);
    if (error) {
        throw Error("Cannot create the render cache folder " + folder_.string() + ": " + error.message());
    }
}

void RenderedFrames::write(int index, const Image& frame)
{
    saveImage(frame, framePath(folder_, index));
}

void RenderedFrames::finish(const Complete& set)
{
    writeFileAtomically(folder_ / kCompleteMarker, std::to_string(set.frames) + "\n" + set.method + "\n");
}

void RenderedFrames::removeOthers() const
{
    std::error_code error;
    for (const auto& entry : std::filesystem::directory_iterator(cacheDirectory_, error)) {
        const std::string name = entry.path().filename().string();
        if (entry.is_directory() && name.starts_with(kFolderPrefix) && entry.path() != folder_) {
            std::filesystem::remove_all(entry.path(), error);
        }
    }
}

} // namespace durian
