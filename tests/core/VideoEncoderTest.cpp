// The encoder's output, checked by ffprobe (an independent reader) and by decoding it back.
#include "VideoTestSupport.h"

#include <sys/stat.h>

#include "core/io/AtomicFile.h"
#include "core/video/VideoEncoder.h"

#include <atomic>

#include <sys/resource.h>
#include <sys/wait.h>

using namespace videotest;
using durian::VideoEncodeOptions;
using durian::VideoEncoder;
using durian::VideoFormat;

namespace {

void encode(const fs::path& path, const std::vector<durian::Image>& clip, VideoEncodeOptions options)
{
    VideoEncoder encoder(path, std::move(options));
    for (const auto& frame : clip) {
        encoder.write(frame);
    }
    encoder.finish();
}

VideoEncodeOptions withFormat(VideoFormat format, double fps = 24)
{
    VideoEncodeOptions options;
    options.format = format;
    options.fps = fps;
    return options;
}

// A clip with sound, made by the ffmpeg tool: 3 s of 440 Hz tone under a test pattern.
fs::path drivingVideoWithAudio(const fs::path& dir)
{
    const fs::path path = dir / "driving.mp4";
    shell("ffmpeg -v error -y -f lavfi -i sine=frequency=440:duration=3 -f lavfi -i testsrc2=size=64x64:rate=25 "
          "-t 3 -c:v libx264 -c:a aac -shortest '"
        + path.string() + "'");
    return path;
}

} // namespace

TEST(VideoEncoder, Mp4IsH264Yuv420pWithTheFramesRateAndDurationAsked)
{
    const auto dir = freshDirectory("enc-mp4");
    const auto path = dir / "clip.mp4";
    encode(path, portraitClip(128, 96, 12), withFormat(VideoFormat::Mp4));
    EXPECT_EQ(probe(path, "v:0", "stream=codec_name"), "h264");
    EXPECT_EQ(probe(path, "v:0", "stream=pix_fmt"), "yuv420p");
    EXPECT_EQ(probe(path, "v:0", "stream=width,height"), "128\n96");
    EXPECT_EQ(probe(path, "v:0", "stream=r_frame_rate"), "24/1");
    EXPECT_EQ(countFrames(path), 12);
    EXPECT_NEAR(formatDuration(path), 0.5, 0.01);
    // +faststart: the index (moov) comes before the media data (mdat).
    const std::string bytes = durian::readFile(path);
    ASSERT_NE(bytes.find("mdat"), std::string::npos);
    EXPECT_LT(bytes.find("moov"), bytes.find("mdat"));
    EXPECT_EQ(fileCount(dir), 1u) << "no temporary left";
}

TEST(VideoEncoder, Mp4RoundTripAtDefaultQualityIsAbove35dB)
{
    const auto dir = freshDirectory("enc-psnr");
    const auto path = dir / "clip.mp4";
    const auto clip = portraitClip(160, 160, 16);
    encode(path, clip, withFormat(VideoFormat::Mp4));
    const double quality = meanPsnr(clip, decodeAll(path));
    // Harder than natural: the photo sampled at 1.6 px per pixel without a low-pass filter (aliased detail).
    const auto hardClip = portraitClip(160, 160, 16, 1.6);
    encode(dir / "hard.mp4", hardClip, withFormat(VideoFormat::Mp4));
    const double hard = meanPsnr(hardClip, decodeAll(dir / "hard.mp4"));
    std::printf("MP4 default CRF round trip: %.2f dB natural, %.2f dB aliased detail\n", quality, hard);
    EXPECT_GT(quality, 35.0);
    EXPECT_GT(hard, 33.0);
}

TEST(VideoEncoder, OddSizesArePaddedToEvenNotCropped)
{
    const auto dir = freshDirectory("enc-odd");
    const auto path = dir / "odd.mp4";
    const auto clip = portraitClip(97, 75, 6);
    encode(path, clip, withFormat(VideoFormat::Mp4));
    EXPECT_EQ(probe(path, "v:0", "stream=width,height"), "98\n76");
    const auto decoded = decodeAll(path);
    ASSERT_EQ(decoded.size(), clip.size());
    EXPECT_GT(psnr(clip[0], decoded[0].image), 35.0) << "the source area is intact";
    // The padding repeats the last column: it looks like its neighbour, not black.
    const auto& image = decoded[0].image;
    for (int y = 10; y < 70; y += 10) {
        EXPECT_NEAR(image.row(y)[97 * 3 + 1], image.row(y)[96 * 3 + 1], 12) << "row " << y;
    }
}

TEST(VideoEncoder, AnyFrameRateIsKept)
{
    const auto dir = freshDirectory("enc-fps");
    const auto clip = portraitClip(64, 64, 10);
    encode(dir / "ntsc.mp4", clip, withFormat(VideoFormat::Mp4, 29.97));
    EXPECT_EQ(probe(dir / "ntsc.mp4", "v:0", "stream=r_frame_rate"), "30000/1001");
    encode(dir / "slow.mp4", clip, withFormat(VideoFormat::Mp4, 12.5));
    EXPECT_EQ(probe(dir / "slow.mp4", "v:0", "stream=r_frame_rate"), "25/2");
    EXPECT_NEAR(formatDuration(dir / "slow.mp4"), 0.8, 0.01);
    encode(dir / "slow.webm", clip, withFormat(VideoFormat::WebM, 12.5));
    EXPECT_NEAR(formatDuration(dir / "slow.webm"), 0.8, 0.02);
}

TEST(VideoEncoder, WebmIsVp9Yuv420p)
{
    const auto dir = freshDirectory("enc-webm");
    const auto path = dir / "clip.webm";
    const auto clip = portraitClip(96, 96, 10);
    encode(path, clip, withFormat(VideoFormat::WebM, 20));
    EXPECT_EQ(probe(path, "v:0", "stream=codec_name"), "vp9");
    EXPECT_EQ(probe(path, "v:0", "stream=pix_fmt"), "yuv420p");
    EXPECT_EQ(probe(path, "v:0", "stream=r_frame_rate"), "20/1");
    EXPECT_EQ(countFrames(path), 10);
    EXPECT_NEAR(formatDuration(path), 0.5, 0.02);
    EXPECT_GT(meanPsnr(clip, decodeAll(path)), 33.0);
}

TEST(VideoEncoder, GifPaletteMatchesFfmpegTwoPassAndBeatsAFixedPalette)
{
    const auto dir = freshDirectory("enc-gif");
    const auto path = dir / "clip.gif";
    const auto clip = portraitClip(96, 96, 10);
    encode(path, clip, withFormat(VideoFormat::Gif, 10));
    EXPECT_EQ(probe(path, "v:0", "stream=codec_name"), "gif");
    EXPECT_EQ(countFrames(path), 10);
    EXPECT_NEAR(formatDuration(path), 1.0, 0.02);
    const double ours = meanPsnr(clip, decodeAll(path));

    // Naive: every pixel to the nearest colour of a fixed 3-3-2 palette (8 reds, 8 greens, 4 blues).
    double naive = 0;
    for (const auto& frame : clip) {
        durian::Image quantised = frame;
        for (std::size_t i = 0; i < quantised.pixels.size(); ++i) {
            const int levels = i % 3 == 2 ? 4 : 8;
            const double step = 255.0 / (levels - 1);
            quantised.pixels[i] = static_cast<std::uint8_t>(std::lround(std::round(frame.pixels[i] / step) * step));
        }
        naive += psnr(frame, quantised) / double(clip.size());
    }

    // Reference: the ffmpeg tool's two-pass recipe on the same frames.
    const auto frames = dir / "frames";
    fs::create_directories(frames);
    for (std::size_t i = 0; i < clip.size(); ++i) {
        durian::saveImage(clip[i], frames / ("f" + std::to_string(1000 + i) + ".png"));
    }
    const auto reference = dir / "reference.gif";
    shell("ffmpeg -v error -y -framerate 10 -i '" + frames.string() + "/f1%03d.png' -vf "
          "'split[a][b];[a]palettegen[p];[b][p]paletteuse' '" + reference.string() + "'");
    const double ffmpegTool = meanPsnr(clip, decodeAll(reference));
    std::printf("GIF PSNR: ours %.2f dB, ffmpeg two-pass %.2f dB, fixed 3-3-2 palette %.2f dB\n", ours, ffmpegTool,
        naive);
    EXPECT_GT(ours, naive + 4.0);
    EXPECT_GT(ours, ffmpegTool - 0.5);
}

TEST(VideoEncoder, PngSequenceIsLosslessAndReplacesAnOldSequenceWhole)
{
    const auto dir = freshDirectory("enc-png");
    const auto target = dir / "frames";
    encode(target, portraitClip(33, 21, 6), withFormat(VideoFormat::PngSequence)); // an earlier, longer export
    const auto clip = portraitClip(33, 21, 4, 1.3);
    encode(target, clip, withFormat(VideoFormat::PngSequence));
    ASSERT_EQ(fileCount(target), 4u) << "the earlier sequence's frames 5 and 6 are gone, not mixed in";
    for (std::size_t i = 0; i < clip.size(); ++i) {
        char name[32];
        std::snprintf(name, sizeof name, "frame_%05zu.png", i + 1);
        const durian::Image back = durian::loadImageRgb(target / name);
        EXPECT_EQ(back.pixels, clip[i].pixels) << name;
    }
    EXPECT_EQ(fileCount(dir), 1u) << "no temporary directory left";
}

TEST(VideoEncoder, PngSequenceNeverDeletesFilesItDidNotWrite)
{
    const auto dir = freshDirectory("enc-png-foreign");
    const auto target = dir / "project";
    fs::create_directories(target / "assets");
    durian::writeFileAtomically(target / "notes.txt", "mine");
    durian::writeFileAtomically(target / "clip.mp4", "a video");
    durian::writeFileAtomically(target / "assets" / "a.png", "an asset");
    try {
        encode(target, portraitClip(33, 21, 2), withFormat(VideoFormat::PngSequence));
        FAIL() << "frames were written into a folder holding other files";
    } catch (const durian::Error& e) {
        EXPECT_NE(std::string(e.what()).find("already holds other files"), std::string::npos) << e.what();
    }
    EXPECT_EQ(durian::readFile(target / "notes.txt"), "mine");
    EXPECT_EQ(durian::readFile(target / "clip.mp4"), "a video");
    EXPECT_EQ(durian::readFile(target / "assets" / "a.png"), "an asset");
    EXPECT_EQ(fileCount(target), 3u);
    EXPECT_EQ(fileCount(dir), 1u) << "no temporary directory left";

    // A new folder gets the umask's permissions, as files do (mkdtemp's are 0700).
    const mode_t old = ::umask(022);
    encode(dir / "fresh", portraitClip(33, 21, 1), withFormat(VideoFormat::PngSequence));
    ::umask(old);
    EXPECT_EQ(fs::status(dir / "fresh").permissions() & fs::perms::all,
        fs::perms::owner_all | fs::perms::group_read | fs::perms::group_exec | fs::perms::others_read |
            fs::perms::others_exec);
}

TEST(VideoEncoder, AudioIsCarriedOverAndCutToTheClip)
{
    const auto dir = freshDirectory("enc-audio");
    const auto driving = drivingVideoWithAudio(dir);
    const auto clip = portraitClip(64, 64, 12); // 0.5 s at 24 fps; the audio is 3 s
    VideoEncodeOptions options = withFormat(VideoFormat::Mp4);
    options.audioSource = driving;
    encode(dir / "talk.mp4", clip, options);
    EXPECT_EQ(probe(dir / "talk.mp4", "a:0", "stream=codec_name"), "aac");
    EXPECT_NEAR(std::stod(probe(dir / "talk.mp4", "a:0", "stream=duration")), 0.5, 0.05);
    EXPECT_NEAR(formatDuration(dir / "talk.mp4"), 0.5, 0.05);
    EXPECT_EQ(countFrames(dir / "talk.mp4"), 12);
    // The tone survives: the loudness of the copied audio is that of a full-scale-ish sine, not silence.
    const std::string volume = shell("ffmpeg -v info -i '" + (dir / "talk.mp4").string()
        + "' -af volumedetect -f null - 2>&1 | grep mean_volume");
    ASSERT_NE(volume.find("mean_volume:"), std::string::npos);
    EXPECT_GT(std::stod(volume.substr(volume.find("mean_volume:") + 12)), -30.0) << volume;

    options.format = VideoFormat::WebM;
    encode(dir / "talk.webm", clip, options);
    EXPECT_EQ(probe(dir / "talk.webm", "a:0", "stream=codec_name"), "opus");
    EXPECT_NEAR(formatDuration(dir / "talk.webm"), 0.5, 0.06);
    EXPECT_TRUE(durian::VideoDecoder(dir / "talk.webm").info().hasAudio);
}

TEST(VideoEncoder, ReportsProgressAndCancelLeavesTheOldFileAndNoTemporary)
{
    const auto dir = freshDirectory("enc-cancel");
    const auto path = dir / "clip.mp4";
    durian::writeFileAtomically(path, "previous export");
    std::stop_source cancel;
    std::vector<std::int64_t> reported;
    VideoEncodeOptions options = withFormat(VideoFormat::Mp4);
    options.expectedFrames = 8;
    options.stop = cancel.get_token();
    options.progress = [&](const durian::EncodeProgress& p) {
        reported.push_back(p.framesDone);
        EXPECT_EQ(p.framesTotal, 8);
    };
    const auto clip = portraitClip(64, 64, 8);
    VideoEncoder encoder(path, options);
    for (int i = 0; i < 3; ++i) {
        encoder.write(clip[i]);
    }
    EXPECT_EQ(reported, (std::vector<std::int64_t>{1, 2, 3}));
    cancel.request_stop();
    EXPECT_THROW(encoder.write(clip[3]), durian::Cancelled);
    EXPECT_EQ(fileCount(dir), 1u) << "the temporary is removed at once";
    EXPECT_EQ(durian::readFile(path), "previous export");
    EXPECT_THROW(encoder.finish(), durian::Error) << "a cancelled encoder stays failed";
}

TEST(VideoEncoder, CancelDuringTheGifPalettePassLeavesNothing)
{
    const auto dir = freshDirectory("enc-cancel-gif");
    std::stop_source cancel;
    VideoEncodeOptions options = withFormat(VideoFormat::Gif);
    options.stop = cancel.get_token();
    options.progress = [&](const durian::EncodeProgress& p) {
        if (p.finishing && p.framesDone == 2) {
            cancel.request_stop();
        }
    };
    VideoEncoder encoder(dir / "clip.gif", options);
    for (const auto& frame : portraitClip(48, 48, 5)) {
        encoder.write(frame);
    }
    EXPECT_THROW(encoder.finish(), durian::Cancelled);
    EXPECT_EQ(fileCount(dir), 0u);
}

namespace {

// Peak memory (KB) of a child process that encodes `frames` frames of an animation-like picture: a still
// background and a moving shape.
long peakMemoryEncoding(const fs::path& path, int frames)
{
    int pipeEnds[2];
    if (::pipe(pipeEnds) != 0) {
        return -1;
    }
    const pid_t child = ::fork();
    if (child == 0) {
        ::close(pipeEnds[0]);
        long peak = -1;
        try {
            VideoEncoder encoder(path, withFormat(durian::videoFormatFromPath(path)));
            durian::Image frame(160, 160, 3);
            for (int i = 0; i < frames; ++i) {
                for (int y = 0; y < 160; ++y) {
                    for (int x = 0; x < 160; ++x) {
                        std::uint8_t* p = frame.row(y) + x * 3;
                        const bool shape = std::abs(x - 20 - (i % 120)) < 16 && std::abs(y - 80) < 16;
                        p[0] = static_cast<std::uint8_t>(shape ? 250 : x);
                        p[1] = static_cast<std::uint8_t>(shape ? 40 : y);
                        p[2] = static_cast<std::uint8_t>(shape ? 60 : (x + y) / 2);
                    }
                }
                encoder.write(frame);
            }
            encoder.finish();
            rusage usage{};
            ::getrusage(RUSAGE_SELF, &usage);
            peak = usage.ru_maxrss;
        } catch (...) {
        }
        const bool sent = ::write(pipeEnds[1], &peak, sizeof peak) == static_cast<ssize_t>(sizeof peak);
        ::_exit(sent ? 0 : 1);
    }
    ::close(pipeEnds[1]);
    long peak = -1;
    if (::read(pipeEnds[0], &peak, sizeof peak) != static_cast<ssize_t>(sizeof peak)) {
        peak = -1;
    }
    ::close(pipeEnds[0]);
    int status = 0;
    ::waitpid(child, &status, 0);
    return peak;
}

} // namespace

TEST(VideoEncoder, StreamsFramesWithoutHoldingTheClip)
{
#if defined(__SANITIZE_ADDRESS__)
    // AddressSanitizer keeps freed blocks in quarantine, so the peak grows with the frames freed; the
    // release build measures it.
    GTEST_SKIP() << "peak memory means nothing under AddressSanitizer";
#endif
    // 400 frames of 160x160 are 23 MB more RGB than 100 frames: peak memory must not depend on the length.
    // (GIF's palette pass keeps a histogram of the clip's distinct colours, as FFmpeg's palettegen does:
    // that grows with new colours, not with frames.)
    const auto dir = freshDirectory("enc-stream");
    for (const char* name : {"long.mp4", "long.gif"}) {
        const long shortClip = peakMemoryEncoding(dir / name, 100);
        const long longClip = peakMemoryEncoding(dir / name, 400);
        ASSERT_GT(shortClip, 0) << name;
        ASSERT_GT(longClip, 0) << name;
        std::printf("%s: peak memory %ld KB for 100 frames, %ld KB for 400\n", name, shortClip, longClip);
        EXPECT_LT(longClip - shortClip, 6 * 1024) << name << " holds frames in memory";
        EXPECT_EQ(countFrames(dir / name), 400) << name;
    }
}
