#pragma once

#include "core/io/Image.h"
#include "core/io/Project.h"
#include "core/render/ExportOptions.h"

#include <filesystem>
#include <optional>
#include <string>

namespace durian {

// What produced an animation's frames: the project's content (its name aside), the bytes of every file
// it reads (not their paths, so a Save As that gathers them elsewhere keeps the key), and the method
// (the model file's bytes, or the classical method). Equal keys give equal frames. `weights` is the
// model file the render uses, std::nullopt for the classical method.
std::string renderKey(const Project& project, const std::optional<std::filesystem::path>& weights);

// An animation's frames as they were made (the project's resolution, before they go back into the
// photo), kept in a folder of the cache so that an export after a render writes them again instead
// of rendering them again. One folder per key: frame PNGs and a marker written after the last frame,
// so that a render which was cancelled, failed or crashed is never reused.
class RenderedFrames {
public:
    // Clips longer than this are not kept (about 100 kB a frame at 256 px).
    static constexpr int kMaxFrames = 5000;

    RenderedFrames(const std::filesystem::path& cacheDirectory, const std::string& key);

    const std::filesystem::path& folder() const { return folder_; }
    struct Complete {
        int frames = 0;
        std::string method; // what made them (ProjectRenderResult::method)
    };
    // The complete set of this key; std::nullopt when there is none.
    std::optional<Complete> complete() const;
    Image frame(int index) const;

    // Writing a new set: start() empties the key's folder, frames come in order, finish() marks it complete.
    void start();
    void write(int index, const Image& frame);
    void finish(const Complete& set);

    // Removes the cache's frame folders of every other key (only folders this class made).
    void removeOthers() const;

private:
    std::filesystem::path cacheDirectory_;
    std::filesystem::path folder_;
};

} // namespace durian
