// The decoder against clips made by the ffmpeg tool: what it reports, rotation, timestamps, seeking,
// and the containers users bring.
#include "VideoTestSupport.h"

using namespace videotest;

namespace {

// 2 s at 25 fps, 96x64, with a tone: the common case of a phone clip, in miniature.
fs::path makeClip(const fs::path& dir, const std::string& name, const std::string& codecs)
{
    const fs::path path = dir / name;
    shell("ffmpeg -v error -y -f lavfi -i testsrc2=size=96x64:rate=25 -f lavfi -i sine=frequency=300:duration=2 "
          "-t 2 " + codecs + " '" + path.string() + "'");
    return path;
}

const std::string kExactRgb = "-sws_flags bicubic+accurate_rnd+full_chroma_int";

} // namespace

TEST(VideoDecoder, ReportsWhatTheFileSays)
{
    const auto dir = freshDirectory("dec-info");
    const auto path = makeClip(dir, "clip.mp4", "-c:v libx264 -pix_fmt yuv420p -c:a aac");
    durian::VideoDecoder decoder(path);
    const auto& info = decoder.info();
    EXPECT_EQ(info.width, 96);
    EXPECT_EQ(info.height, 64);
    EXPECT_DOUBLE_EQ(info.fps, 25.0);
    EXPECT_NEAR(info.duration, 2.0, 0.01);
    EXPECT_EQ(info.frameCount, 50);
    EXPECT_EQ(info.codec, "h264");
    EXPECT_EQ(info.rotation, 0);
    EXPECT_TRUE(info.hasAudio);
    EXPECT_EQ(info.audioCodec, "aac");

    // Every frame, in order, 1/25 s apart, RGB at the stored size.
    const auto frames = decodeAll(path);
    ASSERT_EQ(frames.size(), 50u);
    for (std::size_t i = 0; i < frames.size(); ++i) {
        EXPECT_NEAR(frames[i].timestamp, double(i) / 25.0, 1e-6) << i;
        EXPECT_EQ(frames[i].image.width, 96);
        EXPECT_EQ(frames[i].image.channels, 3);
    }
    // The pixels the ffmpeg tool decodes, converted to RGB with the same care (full chroma interpolation).
    shell("ffmpeg -v error -y -i '" + path.string() + "' -frames:v 1 " + kExactRgb + " '" + (dir / "first.png").string() + "'");
    EXPECT_GT(psnr(frames[0].image, durian::loadImageRgb(dir / "first.png")), 40.0);
}

TEST(VideoDecoder, AppliesRotationMetadataAsPlayersDo)
{
    const auto dir = freshDirectory("dec-rotate");
    const auto plain = makeClip(dir, "plain.mp4", "-c:v libx264 -an");
    for (const int tag : {90, 180, 270}) {
        const auto rotated = dir / ("rotated" + std::to_string(tag) + ".mp4");
        shell("ffmpeg -v error -y -i '" + plain.string() + "' -c copy -metadata:s:v:0 rotate=" + std::to_string(tag)
            + " '" + rotated.string() + "'");
        durian::VideoDecoder decoder(rotated);
        const bool swapped = tag != 180;
        EXPECT_EQ(decoder.info().width, swapped ? 64 : 96) << tag;
        EXPECT_EQ(decoder.info().height, swapped ? 96 : 64) << tag;
        // The display matrix holds a counter-clockwise angle (ffprobe prints it); we report the clockwise
        // turn that makes the picture upright. (This ffmpeg turns `rotate=90` into a matrix of +90.)
        const int matrix = std::stoi(probe(rotated, "v:0", "stream_side_data=rotation"));
        EXPECT_EQ(decoder.info().rotation, ((-matrix % 360) + 360) % 360) << tag;
        durian::VideoFrame frame;
        ASSERT_TRUE(decoder.read(frame));
        EXPECT_EQ(frame.image.width, decoder.info().width);
        // The ffmpeg tool rotates the same way when it exports the frame (its -autorotate default).
        const auto upright = dir / ("upright" + std::to_string(tag) + ".png");
        shell("ffmpeg -v error -y -i '" + rotated.string() + "' -frames:v 1 " + kExactRgb + " '" + upright.string() + "'");
        EXPECT_GT(psnr(frame.image, durian::loadImageRgb(upright)), 40.0) << tag;
    }
}

TEST(VideoDecoder, SeeksToTheExactFrame)
{
    const auto dir = freshDirectory("dec-seek");
    // Key frames only every 25 frames, so a seek has to decode forward from one.
    const auto path = makeClip(dir, "clip.mp4", "-c:v libx264 -g 25 -an");
    const auto all = decodeAll(path);
    ASSERT_EQ(all.size(), 50u);
    durian::VideoDecoder decoder(path);
    durian::VideoFrame frame;
    for (const int target : {37, 10, 0, 49}) {
        decoder.seek(target / 25.0);
        ASSERT_TRUE(decoder.read(frame)) << target;
        EXPECT_NEAR(frame.timestamp, target / 25.0, 1e-6);
        EXPECT_EQ(frame.image.pixels, all[target].image.pixels) << "frame " << target;
    }
    // Reading on after a seek continues in order, to the end.
    decoder.seek(1.9);
    int rest = 0;
    while (decoder.read(frame)) {
        ++rest;
    }
    EXPECT_EQ(rest, 2) << "frames at 1.92 and 1.96 s";
}

TEST(VideoDecoder, ReadsTheContainersUsersBring)
{
    const auto dir = freshDirectory("dec-formats");
    struct Case {
        const char* name;
        const char* codecs;
        const char* codec;
    };
    for (const Case& c : {Case{"clip.mov", "-c:v prores -c:a pcm_s16le", "prores"},
             Case{"clip.mkv", "-c:v libx264 -c:a libvorbis", "h264"},
             Case{"clip.webm", "-c:v libvpx-vp9 -deadline realtime -c:a libopus", "vp9"},
             Case{"clip.avi", "-c:v mjpeg -c:a pcm_s16le", "mjpeg"},
             Case{"clip.gif", "-an", "gif"}}) {
        const auto path = makeClip(dir, c.name, c.codecs);
        durian::VideoDecoder decoder(path);
        EXPECT_EQ(decoder.info().codec, c.codec) << c.name;
        EXPECT_EQ(decoder.info().width, 96) << c.name;
        EXPECT_NEAR(decoder.info().duration, 2.0, 0.1) << c.name;
        EXPECT_NEAR(double(decoder.info().frameCount), 50, 2) << c.name;
        EXPECT_EQ(decoder.info().hasAudio, std::string(c.name) != "clip.gif") << c.name;
        const auto all = decodeAll(path);
        EXPECT_EQ(all.size(), 50u) << c.name;
        // Seeking works in each, including GIF, which has no index (the decoder restarts and skips).
        durian::VideoFrame frame;
        decoder.seek(1.0);
        ASSERT_TRUE(decoder.read(frame)) << c.name;
        EXPECT_NEAR(frame.timestamp, 1.0, 0.011) << c.name;
        if (all.size() == 50u) {
            EXPECT_EQ(frame.image.pixels, all[25].image.pixels) << c.name;
        }
    }
}
