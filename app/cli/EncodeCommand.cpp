#include "app/cli/CommandLine.h"
#include "core/io/Image.h"
#include "core/util/Error.h"
#include "core/video/VideoEncoder.h"

#include <algorithm>
#include <cctype>
#include <cstdio>
#include <filesystem>
#include <unistd.h>

namespace durian::cli {
namespace {

namespace fs = std::filesystem;

// "frame2" before "frame10": digits compare as numbers.
bool naturalLess(const std::string& a, const std::string& b)
{
    std::size_t i = 0;
    std::size_t j = 0;
    while (i < a.size() && j < b.size()) {
        if (std::isdigit(static_cast<unsigned char>(a[i])) && std::isdigit(static_cast<unsigned char>(b[j]))) {
            std::size_t ie = i;
            std::size_t je = j;
            while (ie < a.size() && std::isdigit(static_cast<unsigned char>(a[ie]))) {
                ++ie;
            }
            while (je < b.size() && std::isdigit(static_cast<unsigned char>(b[je]))) {
                ++je;
            }
            const std::string na = a.substr(i, ie - i);
            const std::string nb = b.substr(j, je - j);
            const auto strip = [](const std::string& s) { return s.substr(std::min(s.find_first_not_of('0'), s.size())); };
            const std::string sa = strip(na);
            const std::string sb = strip(nb);
            if (sa.size() != sb.size()) {
                return sa.size() < sb.size();
            }
            if (sa != sb) {
                return sa < sb;
            }
            i = ie;
            j = je;
        } else {
            if (a[i] != b[j]) {
                return a[i] < b[j];
            }
            ++i;
            ++j;
        }
    }
    return a.size() - i < b.size() - j;
}

std::vector<fs::path> listFrames(const fs::path& directory)
{
    std::error_code error;
    if (!fs::is_directory(directory, error)) {
        throw Error("Frames directory not found: " + directory.string());
    }
    std::vector<fs::path> frames;
    for (const auto& entry : fs::directory_iterator(directory)) {
        std::string extension = entry.path().extension().string();
        std::transform(extension.begin(), extension.end(), extension.begin(),
            [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
        if (entry.is_regular_file() && (extension == ".png" || extension == ".jpg" || extension == ".jpeg"
                || extension == ".bmp" || extension == ".webp" || extension == ".tif" || extension == ".tiff")) {
            frames.push_back(entry.path());
        }
    }
    std::sort(frames.begin(), frames.end(),
        [](const fs::path& a, const fs::path& b) { return naturalLess(a.filename().string(), b.filename().string()); });
    if (frames.empty()) {
        throw Error("No image frames (PNG, JPEG, BMP, WebP, TIFF) in " + directory.string());
    }
    return frames;
}

VideoFormat parseFormat(const std::string& name)
{
    if (name == "mp4") {
        return VideoFormat::Mp4;
    }
    if (name == "webm") {
        return VideoFormat::WebM;
    }
    if (name == "gif") {
        return VideoFormat::Gif;
    }
    if (name == "png") {
        return VideoFormat::PngSequence;
    }
    throw UsageError("--format must be mp4, webm, gif or png, got '" + name + "'");
}

} // namespace

Command encodeCommand()
{
    return {"encode",
        "encode FRAMES_DIR -o OUT [--format mp4|webm|gif|png] [--fps N] [--crf N] [--preset P] [--audio VIDEO] [--quiet]",
        "Encode a directory of image frames (in name order) into a video, GIF or PNG sequence",
        [](const std::vector<std::string>& args) {
            const Arguments arguments(args, {"quiet"});
            if (arguments.positionals().size() != 1) {
                throw UsageError("expected one frames directory");
            }
            const auto output = arguments.value("output");
            if (!output || output->empty()) {
                throw UsageError("missing -o OUT");
            }
            VideoEncodeOptions options;
            options.format = arguments.has("format") ? parseFormat(*arguments.value("format"))
                                                     : videoFormatFromPath(*output);
            options.fps = arguments.numberOr("fps", 24);
            if (!(options.fps > 0 && options.fps <= 1000)) {
                throw UsageError("--fps must be between 0 and 1000");
            }
            options.crf = arguments.integerOr("crf", -1, -1, 63);
            options.preset = arguments.valueOr("preset", "medium");
            options.audioSource = arguments.valueOr("audio", "");

            const auto frames = listFrames(arguments.positionals().front());
            options.expectedFrames = static_cast<std::int64_t>(frames.size());
            const bool showProgress = !arguments.has("quiet") && ::isatty(STDERR_FILENO);
            options.progress = [showProgress](const EncodeProgress& p) {
                if (showProgress) {
                    std::fprintf(stderr, "\r%s %lld/%lld", p.finishing ? "finishing" : "encoding ",
                        static_cast<long long>(p.framesDone), static_cast<long long>(p.framesTotal));
                }
            };
            // Ctrl-C cancels cleanly: the partial output is removed and an existing file kept.
            options.stop = stopOnInterrupt();

            VideoEncoder encoder(*output, options);
            Image first;
            for (const auto& frame : frames) {
                Image image = loadImageRgb(frame);
                if (first.empty()) {
                    first = image;
                }
                encoder.write(image);
            }
            encoder.finish();
            if (showProgress) {
                std::fprintf(stderr, "\n");
            }
            std::printf("wrote %s: %s, %zu frames, %dx%d, %g fps%s\n", output->c_str(),
                toString(options.format).c_str(), frames.size(), first.width, first.height, options.fps,
                options.audioSource.empty() ? "" : (", audio from " + options.audioSource.string()).c_str());
            return kExitOk;
        }};
}

} // namespace durian::cli
