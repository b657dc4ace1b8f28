// Every failure a user can meet while exporting or reading video gives a message naming the file and
// the problem, and never damages an existing file.
#include "VideoTestSupport.h"

#include "core/io/AtomicFile.h"
#include "core/util/Error.h"
#include "core/video/VideoEncoder.h"

#include <csignal>
#include <functional>
#include <sys/resource.h>
#include <sys/wait.h>

using namespace videotest;
using durian::VideoEncodeOptions;
using durian::VideoEncoder;
using durian::VideoFormat;

namespace {

// Runs `f` and returns the durian::Error message it throws ("" when it does not throw).
std::string errorOf(const std::function<void()>& f)
{
    try {
        f();
    } catch (const durian::Error& e) {
        return e.what();
    }
    return "";
}

// Random-looking frames: they do not compress, so a small file-size limit is reached quickly.
durian::Image noise(int size, unsigned seed)
{
    durian::Image image(size, size, 3);
    for (auto& value : image.pixels) {
        seed = seed * 1664525u + 1013904223u;
        value = static_cast<std::uint8_t>(seed >> 24);
    }
    return image;
}

VideoEncodeOptions withFormat(VideoFormat format)
{
    VideoEncodeOptions options;
    options.format = format;
    return options;
}

} // namespace

TEST(VideoErrors, UnwritableOutputsAndFormatLimitsFailBeforeAnyFrame)
{
    // Checked when the encoder opens, which a render does before it generates anything.
    const std::string proc = errorOf([] { VideoEncoder("/proc/clip.mp4", withFormat(VideoFormat::Mp4)); });
    EXPECT_NE(proc.find("Cannot write /proc/clip.mp4"), std::string::npos) << proc;
    VideoEncodeOptions fast = withFormat(VideoFormat::Gif);
    fast.fps = 120;
    const auto dir = freshDirectory("gif-fps");
    const std::string gif = errorOf([&] { VideoEncoder(dir / "fast.gif", fast); });
    EXPECT_NE(gif.find("at most 100 fps"), std::string::npos) << gif;
    EXPECT_EQ(fileCount(dir), 0u);
}

TEST(VideoErrors, UnwritablePathIsNamed)
{
    const std::string message = errorOf([] { VideoEncoder("/nonexistent-dir/clip.mp4", withFormat(VideoFormat::Mp4)); });
    EXPECT_NE(message.find("/nonexistent-dir/clip.mp4"), std::string::npos) << message;
    EXPECT_NE(message.find("No such file or directory"), std::string::npos) << message;
    const std::string png = errorOf([] { VideoEncoder("/nonexistent-dir/frames", withFormat(VideoFormat::PngSequence)); });
    EXPECT_NE(png.find("/nonexistent-dir/frames"), std::string::npos) << png;
}

TEST(VideoErrors, FullDiskFailsCleanlyForEveryFormat)
{
    // A file-size limit in a child process behaves like a full disk (EFBIG) without touching ours.
    const auto dir = freshDirectory("video-full");
    for (const char* name : {"clip.mp4", "clip.webm", "clip.gif", "frames"}) {
        const auto path = dir / name;
        if (fs::path(name).has_extension()) {
            durian::writeFileAtomically(path, "precious");
        }
        const pid_t child = ::fork();
        if (child == 0) {
            ::signal(SIGXFSZ, SIG_IGN);
            const rlimit limit{16 * 1024, 16 * 1024};
            ::setrlimit(RLIMIT_FSIZE, &limit);
            VideoEncodeOptions options = withFormat(durian::videoFormatFromPath(path));
            options.crf = 0;
            const std::string message = errorOf([&] {
                VideoEncoder encoder(path, options);
                for (unsigned i = 0; i < 12; ++i) {
                    encoder.write(noise(128, i));
                }
                encoder.finish();
            });
            if (message.empty()) {
                ::_exit(2);
            }
            if (message.find(path.string()) == std::string::npos || message.find("File too large") == std::string::npos) {
                std::fprintf(stderr, "message: %s\n", message.c_str());
                ::_exit(4);
            }
            ::_exit(fileCount(dir) == (fs::path(name).has_extension() ? 1u : 0u) ? 0 : 3);
        }
        int status = 0;
        ::waitpid(child, &status, 0);
        ASSERT_TRUE(WIFEXITED(status)) << name;
        EXPECT_EQ(WEXITSTATUS(status), 0) << name << ": 2 no error, 3 temporary left behind, 4 unclear message";
        if (fs::path(name).has_extension()) {
            EXPECT_EQ(durian::readFile(path), "precious") << name;
            fs::remove(path);
        }
    }
}

TEST(VideoErrors, MissingEncoderIsNamed)
{
    VideoEncodeOptions options = withFormat(VideoFormat::Mp4);
    options.videoEncoder = "libx266-not-built";
    const auto dir = freshDirectory("video-noenc");
    const std::string message = errorOf([&] { VideoEncoder(dir / "clip.mp4", options); });
    EXPECT_NE(message.find("no video encoder 'libx266-not-built'"), std::string::npos) << message;
    EXPECT_EQ(fileCount(dir), 0u);
}

TEST(VideoErrors, BadSettingsAndFramesAreExplained)
{
    const auto dir = freshDirectory("video-settings");
    EXPECT_NE(errorOf([&] { durian::videoFormatFromPath(dir / "clip.avi"); }).find("'.avi'"), std::string::npos);
    VideoEncodeOptions preset = withFormat(VideoFormat::Mp4);
    preset.preset = "turbo";
    EXPECT_NE(errorOf([&] { VideoEncoder(dir / "a.mp4", preset); }).find("Unknown preset 'turbo'"), std::string::npos);
    VideoEncodeOptions crf = withFormat(VideoFormat::Mp4);
    crf.crf = 70;
    EXPECT_NE(errorOf([&] { VideoEncoder(dir / "a.mp4", crf); }).find("out of range"), std::string::npos);
    VideoEncodeOptions fps = withFormat(VideoFormat::Mp4);
    fps.fps = 0;
    EXPECT_NE(errorOf([&] { VideoEncoder(dir / "a.mp4", fps); }).find("Frame rate"), std::string::npos);
    VideoEncodeOptions gifAudio = withFormat(VideoFormat::Gif);
    gifAudio.audioSource = dir / "whatever.mp4";
    EXPECT_NE(errorOf([&] { VideoEncoder(dir / "a.gif", gifAudio); }).find("has no sound"), std::string::npos);

    const std::string sizes = errorOf([&] {
        VideoEncoder encoder(dir / "b.mp4", withFormat(VideoFormat::Mp4));
        encoder.write(durian::Image(32, 32, 3));
        encoder.write(durian::Image(64, 32, 3));
    });
    EXPECT_NE(sizes.find("frame 2 is 64x32, the clip is 32x32"), std::string::npos) << sizes;
    const std::string empty = errorOf([&] { VideoEncoder(dir / "c.mp4", withFormat(VideoFormat::Mp4)).finish(); });
    EXPECT_NE(empty.find("no frames"), std::string::npos) << empty;
    EXPECT_EQ(fileCount(dir), 0u) << "failed exports leave nothing";
}

TEST(VideoErrors, AudioSourceWithoutAudioOrMissingIsNamed)
{
    const auto dir = freshDirectory("video-noaudio");
    const auto silent = dir / "silent.mp4";
    shell("ffmpeg -v error -y -f lavfi -i testsrc2=size=32x32:rate=10 -t 0.5 -c:v libx264 '" + silent.string() + "'");
    VideoEncodeOptions options = withFormat(VideoFormat::Mp4);
    options.audioSource = silent;
    const std::string none = errorOf([&] { VideoEncoder(dir / "out.mp4", options); });
    EXPECT_NE(none.find(silent.string() + ": it has no audio stream"), std::string::npos) << none;
    options.audioSource = dir / "gone.wav";
    const std::string missing = errorOf([&] { VideoEncoder(dir / "out.mp4", options); });
    EXPECT_NE(missing.find("gone.wav: no such file"), std::string::npos) << missing;
}

TEST(VideoErrors, UnreadableVideosAreExplained)
{
    const auto dir = freshDirectory("video-bad-input");
    EXPECT_NE(errorOf([&] { durian::VideoDecoder(dir / "missing.mp4"); }).find("missing.mp4: no such file"),
        std::string::npos);

    durian::writeFileAtomically(dir / "notes.mp4", std::string(4000, 'x'));
    const std::string garbage = errorOf([&] { durian::VideoDecoder(dir / "notes.mp4"); });
    EXPECT_NE(garbage.find("notes.mp4: not a video FFmpeg can read"), std::string::npos) << garbage;

    // Cut off before its index (written last without +faststart): the container cannot be opened.
    const auto whole = dir / "whole.mp4";
    shell("ffmpeg -v error -y -f lavfi -i testsrc2=size=64x64:rate=10 -t 1 -c:v libx264 '" + whole.string() + "'");
    const std::string bytes = durian::readFile(whole);
    durian::writeFileAtomically(dir / "truncated.mp4", bytes.substr(0, bytes.size() / 2));
    const std::string truncated = errorOf([&] { durian::VideoDecoder(dir / "truncated.mp4"); });
    EXPECT_NE(truncated.find("truncated.mp4"), std::string::npos) << truncated;
    EXPECT_NE(truncated.find("damaged"), std::string::npos) << truncated;

    // A codec this FFmpeg has no decoder for: an AVI whose fourcc is made up.
    const auto avi = dir / "mjpeg.avi";
    shell("ffmpeg -v error -y -f lavfi -i testsrc2=size=32x32:rate=5 -t 0.4 -c:v mjpeg '" + avi.string() + "'");
    std::string aviBytes = durian::readFile(avi);
    for (auto at = aviBytes.find("MJPG"); at != std::string::npos; at = aviBytes.find("MJPG")) {
        aviBytes.replace(at, 4, "ZZZZ");
    }
    durian::writeFileAtomically(dir / "odd.avi", aviBytes);
    const std::string unsupported = errorOf([&] { durian::VideoDecoder(dir / "odd.avi"); });
    EXPECT_NE(unsupported.find("odd.avi: this FFmpeg has no decoder for its codec 'fourcc ZZZZ'"), std::string::npos)
        << unsupported;

    const auto sound = dir / "sound.wav";
    shell("ffmpeg -v error -y -f lavfi -i sine=duration=0.2 '" + sound.string() + "'");
    const std::string audioOnly = errorOf([&] { durian::VideoDecoder{sound}; });
    EXPECT_NE(audioOnly.find("sound.wav: it has no video stream"), std::string::npos) << audioOnly;
}
