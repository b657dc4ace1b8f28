#include "core/io/ProjectAssets.h"

#include "core/io/AtomicFile.h"
#include "core/util/Error.h"

#include <system_error>

namespace durian {

namespace {

bool isInside(const std::filesystem::path& file, const std::filesystem::path& folder)
{
    std::error_code error;
    const auto relative = std::filesystem::weakly_canonical(file, error).lexically_relative(
        std::filesystem::weakly_canonical(folder, error));
    return !relative.empty() && *relative.begin() != "..";
}

class AssetCopier {
public:
    AssetCopier(const std::filesystem::path& projectFile)
        : folder_(projectFile.parent_path()), assets_(folder_ / (projectFile.stem().string() + ".assets"))
    {
    }

    void collect(std::filesystem::path& file)
    {
        if (file.empty() || isInside(file, folder_)) {
            return;
        }
        const std::string bytes = readFile(file); // names the file when it cannot be read
        const auto stem = file.stem().string();
        const auto extension = file.extension().string();
        for (int n = 1;; ++n) {
            const auto target = assets_ / (n == 1 ? file.filename().string() : stem + "-" + std::to_string(n) + extension);
            if (!std::filesystem::exists(target)) {
                std::filesystem::create_directories(assets_);
                writeFileAtomically(target, bytes);
                file = target;
                return;
            }
            if (readFile(target) == bytes) { // copied by an earlier save
                file = target;
                return;
            }
        }
    }

private:
    std::filesystem::path folder_;
    std::filesystem::path assets_;
};

} // namespace

Project collectProjectAssets(const Project& project, const std::filesystem::path& projectFile)
{
    const auto folder = std::filesystem::absolute(projectFile).parent_path();
    if (!std::filesystem::is_directory(folder)) { // never create the user's folders, only our assets one
        throw Error("Cannot save " + projectFile.string() + ": the folder " + folder.string() + " does not exist");
    }
    Project out = project;
    AssetCopier copier(std::filesystem::absolute(projectFile));
    copier.collect(out.portraitImage);
    copier.collect(out.portraitMask);
    for (auto& attribute : out.attributes) {
        copier.collect(attribute.image);
        copier.collect(attribute.mask);
    }
    copier.collect(out.motion.drivingVideo);
    return out;
}

} // namespace durian
