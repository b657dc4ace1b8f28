#include "core/io/AtomicFile.h"
#include "core/io/Safetensors.h"
#include "core/pipeline/Pipeline.h"
#include "core/util/Error.h"

#include <gtest/gtest.h>

#include <limits>

#include <algorithm>
#include <cstring>
#include <functional>
#include <unistd.h>
#include <filesystem>
#include <map>
#include <random>

using namespace durian;

namespace {

std::filesystem::path tempDir(const std::string& name)
{
    const auto dir = std::filesystem::temp_directory_path() / ("durian_st_" + name + "_" + std::to_string(::getpid()));
    std::filesystem::remove_all(dir);
    std::filesystem::create_directories(dir);
    return dir;
}

std::string messageOf(const std::function<void()>& f)
{
    try {
        f();
    } catch (const Error& e) {
        return e.what();
    }
    return "(no error)";
}

SafetensorsFile parseBytes(std::string bytes)
{
    return parseSafetensors(std::make_shared<const std::string>(std::move(bytes)), "test.safetensors");
}

std::string withHeader(const std::string& header, std::size_t dataBytes)
{
    std::string out(8, '\0');
    std::uint64_t n = header.size();
    std::memcpy(out.data(), &n, 8);
    return out + header + std::string(dataBytes, '\0');
}

std::vector<float> randomValues(std::size_t n, unsigned seed)
{
    std::mt19937 engine(seed);
    std::normal_distribution<float> normal;
    std::vector<float> v(n);
    for (auto& x : v) {
        x = normal(engine);
    }
    return v;
}

} // namespace

TEST(Safetensors, HalfAndBfloat16ConversionsAreExact)
{
    EXPECT_EQ(floatToHalf(1.0f), 0x3c00);
    EXPECT_EQ(floatToHalf(-2.0f), 0xc000);
    EXPECT_EQ(floatToHalf(65504.0f), 0x7bff);
    EXPECT_EQ(floatToHalf(std::ldexp(1.0f, -24)), 0x0001);
    EXPECT_EQ(halfToFloat(0x3555), 0.333251953125f);
    EXPECT_EQ(floatToBfloat16(1.0f), 0x3f80);
    EXPECT_EQ(bfloat16ToFloat(0xc040), -3.0f);
    for (std::uint32_t h = 0; h < 0x7c00; ++h) { // every finite positive half survives a round trip
        ASSERT_EQ(floatToHalf(halfToFloat(static_cast<std::uint16_t>(h))), h);
    }
}

TEST(Safetensors, RoundTripsF32F16Bf16AndMetadata)
{
    SafetensorsFile file;
    const auto a = randomValues(6, 1), b = randomValues(12, 2), c = randomValues(5, 3);
    file.tensors.push_back(TensorData::fromFloats("a.weight", {2, 3}, a, TensorDType::F32));
    file.tensors.push_back(TensorData::fromFloats("b", {3, 2, 2}, b, TensorDType::F16));
    file.tensors.push_back(TensorData::fromFloats("c", {5}, c, TensorDType::BF16));
    file.tensors.push_back(TensorData::fromFloats("empty", {0, 4}, {}, TensorDType::F32));
    file.metadata["format"] = "pt";
    const auto dir = tempDir("roundtrip");
    writeSafetensors(dir / "x.safetensors", file);
    const auto read = readSafetensors(dir / "x.safetensors");
    ASSERT_EQ(read.tensors.size(), 4u);
    EXPECT_EQ(read.metadata.at("format"), "pt");
    EXPECT_EQ(read.find("a.weight")->toFloats(), a);
    EXPECT_EQ(read.find("b")->dtype, TensorDType::F16);
    EXPECT_EQ(read.find("b")->shape, (std::vector<std::int64_t>{3, 2, 2}));
    const auto bRead = read.find("b")->toFloats(), cRead = read.find("c")->toFloats();
    for (std::size_t i = 0; i < b.size(); ++i) {
        EXPECT_EQ(bRead[i], halfToFloat(floatToHalf(b[i])));
        EXPECT_NEAR(bRead[i], b[i], 2e-3 * std::abs(b[i]) + 1e-4);
    }
    for (std::size_t i = 0; i < c.size(); ++i) {
        EXPECT_EQ(cRead[i], bfloat16ToFloat(floatToBfloat16(c[i])));
    }
    EXPECT_EQ(read.find("empty")->elementCount(), 0);
    // The header is padded to 8 bytes, so tensor data of the first tensor is aligned.
    const auto bytes = readFile(dir / "x.safetensors");
    std::uint64_t headerSize = 0;
    std::memcpy(&headerSize, bytes.data(), 8);
    EXPECT_EQ(headerSize % 8, 0u);
    std::filesystem::remove_all(dir);
}

TEST(Safetensors, RejectsTruncatedFiles)
{
    SafetensorsFile file;
    file.tensors.push_back(TensorData::fromFloats("layer.weight", {4, 4}, randomValues(16, 4)));
    auto bytes = serializeSafetensors(file);
    bytes.resize(bytes.size() - 10);
    const auto message = messageOf([&] { parseBytes(bytes); });
    EXPECT_NE(message.find("test.safetensors"), std::string::npos) << message;
    EXPECT_NE(message.find("layer.weight"), std::string::npos) << message;
    EXPECT_NE(message.find("truncated"), std::string::npos) << message;
    EXPECT_NE(messageOf([&] { parseBytes(bytes.substr(0, 5)); }).find("shorter than the 8-byte header"), std::string::npos);
    EXPECT_NE(messageOf([&] { parseBytes(bytes.substr(0, 20)); }).find("runs past the end"), std::string::npos);
}

TEST(Safetensors, RejectsOversizedHeaders)
{
    std::string bytes(8, '\0');
    const std::uint64_t huge = kMaxSafetensorsHeader + 1;
    std::memcpy(bytes.data(), &huge, 8);
    bytes += "{}";
    const auto message = messageOf([&] { parseBytes(bytes); });
    EXPECT_NE(message.find("exceeds the limit"), std::string::npos) << message;
}

TEST(Safetensors, RejectsUnsupportedDtypesAndWrongShapes)
{
    auto message = messageOf([] { parseBytes(withHeader(R"({"ids":{"dtype":"I64","shape":[2],"data_offsets":[0,16]}})", 16)); });
    EXPECT_NE(message.find("tensor 'ids' has dtype I64"), std::string::npos) << message;
    message = messageOf([] { parseBytes(withHeader(R"({"w":{"dtype":"F32","shape":[3],"data_offsets":[0,8]}})", 8)); });
    EXPECT_NE(message.find("tensor 'w' holds 8 bytes but its shape [3] of F32 needs 12"), std::string::npos) << message;
    message = messageOf([] { parseBytes(withHeader(R"({"w":{"dtype":"F32","shape":[-1],"data_offsets":[0,4]}})", 4)); });
    EXPECT_NE(message.find("negative"), std::string::npos) << message;
    message = messageOf([] {
        parseBytes(withHeader(R"({"a":{"dtype":"F32","shape":[1],"data_offsets":[0,4]},"b":{"dtype":"F32","shape":[1],"data_offsets":[8,12]}})", 12));
    });
    EXPECT_NE(message.find("gap"), std::string::npos) << message;
    message = messageOf([] { parseBytes(withHeader(R"({"a":{"dtype":"F32","shape":[1],"data_offsets":[0,4]}})", 6)); });
    EXPECT_NE(message.find("belong to no tensor"), std::string::npos) << message;
    EXPECT_NE(messageOf([] { parseBytes(withHeader("[1,2]", 0)); }).find("not a JSON object"), std::string::npos);
}

namespace {

std::map<std::string, TensorData> savedWeights(Generator& generator, const std::filesystem::path& path)
{
    generator.saveWeights(path);
    std::map<std::string, TensorData> out;
    for (auto& t : readSafetensors(path).tensors) {
        out[t.name] = t;
    }
    return out;
}

std::vector<float> floatsOf(const std::map<std::string, TensorData>& m, const std::string& name)
{
    return m.at(name).toFloats();
}

} // namespace

TEST(ModelWeights, SaveLoadRoundTripAndStrictErrors)
{
    const auto dir = tempDir("weights");
    GeneratorOptions a;
    a.model = "tiny";
    a.initSeed = 1;
    Generator first(a);
    const auto saved = savedWeights(first, dir / "tiny.safetensors");
    GeneratorOptions b = a;
    b.initSeed = 2;
    b.weights = dir / "tiny.safetensors";
    Generator second(b);
    EXPECT_EQ(floatsOf(savedWeights(second, dir / "again.safetensors"), "dnet.conv_in.weight"),
        floatsOf(saved, "dnet.conv_in.weight"));

    // Wrong shape, missing and unexpected tensors are named.
    auto file = readSafetensors(dir / "tiny.safetensors");
    for (auto& t : file.tensors) {
        if (t.name == "dnet.conv_out.bias") {
            t = TensorData::fromFloats(t.name, {5}, std::vector<float>(5, 0.0f));
        }
    }
    file.tensors.erase(std::remove_if(file.tensors.begin(), file.tensors.end(),
                           [](const TensorData& t) { return t.name == "vae.quant_conv.weight"; }),
        file.tensors.end());
    file.tensors.push_back(TensorData::fromFloats("dnet.extra", {1}, {1.0f}));
    writeSafetensors(dir / "bad.safetensors", file);
    const auto message = messageOf([&] { second.loadWeights(dir / "bad.safetensors"); });
    EXPECT_NE(message.find("bad.safetensors"), std::string::npos) << message;
    EXPECT_NE(message.find("1 missing: vae.quant_conv.weight"), std::string::npos) << message;
    EXPECT_NE(message.find("1 unexpected: dnet.extra"), std::string::npos) << message;
    EXPECT_NE(message.find("dnet.conv_out.bias (file [5], model [4])"), std::string::npos) << message;

    // bf16 weights load into an f32 model (rounded).
    second.saveWeights(dir / "bf16.safetensors", TensorDType::BF16);
    EXPECT_EQ(readSafetensors(dir / "bf16.safetensors").tensors.front().dtype, TensorDType::BF16);
    second.loadWeights(dir / "bf16.safetensors");
    std::filesystem::remove_all(dir);
}

TEST(ModelWeights, NonFiniteValuesAndNonRegularFilesAreRefusedByName)
{
    const auto dir = tempDir("nan-weights");
    GeneratorOptions a;
    a.model = "tiny";
    Generator generator(a);
    savedWeights(generator, dir / "tiny.safetensors");
    auto file = readSafetensors(dir / "tiny.safetensors");
    for (auto& t : file.tensors) {
        if (t.name == "dnet.conv_in.bias") {
            std::vector<float> values(static_cast<std::size_t>(t.elementCount()), 0.0f);
            values[1] = std::numeric_limits<float>::quiet_NaN();
            t = TensorData::fromFloats(t.name, t.shape, values);
        }
    }
    writeSafetensors(dir / "nan.safetensors", file);
    const auto message = messageOf([&] { generator.loadWeights(dir / "nan.safetensors"); });
    EXPECT_NE(message.find("nan.safetensors: tensor 'dnet.conv_in.bias' holds NaN"), std::string::npos) << message;
    // /dev/zero has no end and a folder is not a file: neither is read.
    EXPECT_NE(messageOf([&] { readSafetensors("/dev/zero"); }).find("not a regular file"), std::string::npos);
    EXPECT_NE(messageOf([&] { readSafetensors(dir); }).find("it is a folder"), std::string::npos);
    std::filesystem::remove_all(dir);
}

TEST(ModelWeights, ImportsDiffusersUnetAndVaeByName)
{
    const auto dir = tempDir("diffusers");
    GeneratorOptions options;
    options.model = "tiny";
    Generator generator(options);
    const auto ours = savedWeights(generator, dir / "ours.safetensors");

    // Write files in diffusers layout, independently of the importer: UNet names without our "dnet."
    // prefix and without our temporal modules, proj_in/proj_out as 1x1 convolutions; VAE names with the
    // legacy attention names and 1x1-conv attention weights.
    SafetensorsFile unet, vae;
    std::map<std::string, std::vector<float>> expected;
    unsigned seed = 100;
    for (const auto& [name, t] : ours) {
        auto shape = t.shape;
        std::string local;
        if (name.rfind("dnet.", 0) == 0 && name.find("motion_modules") == std::string::npos) {
            local = name.substr(5);
            if ((local.find("proj_in.weight") != std::string::npos || local.find("proj_out.weight") != std::string::npos) &&
                local.find("attentions") != std::string::npos) {
                shape = {shape[0], shape[1], 1, 1};
            }
            const auto values = randomValues(static_cast<std::size_t>(t.elementCount()), seed++);
            unet.tensors.push_back(TensorData::fromFloats(local, shape, values, TensorDType::F16));
            expected[local] = unet.tensors.back().toFloats();
        } else if (name.rfind("vae.", 0) == 0) {
            local = name.substr(4);
            for (const auto& [modern, legacy] : std::vector<std::pair<std::string, std::string>>{
                     {".to_q.", ".query."}, {".to_k.", ".key."}, {".to_v.", ".value."}, {".to_out.0.", ".proj_attn."}}) {
                if (const auto pos = local.find(modern); pos != std::string::npos) {
                    local = local.substr(0, pos) + legacy + local.substr(pos + modern.size());
                    if (shape.size() == 2) {
                        shape = {shape[0], shape[1], 1, 1};
                    }
                }
            }
            const auto values = randomValues(static_cast<std::size_t>(t.elementCount()), seed++);
            vae.tensors.push_back(TensorData::fromFloats(local, shape, values, TensorDType::F32));
            expected["vae." + name.substr(4)] = values;
        }
    }
    writeSafetensors(dir / "diffusion_pytorch_model.safetensors", unet);
    writeSafetensors(dir / "vae.safetensors", vae);
    const int assigned = generator.importDiffusers(dir / "diffusion_pytorch_model.safetensors", dir / "vae.safetensors");
    EXPECT_GT(assigned, 0);
    const auto after = savedWeights(generator, dir / "after.safetensors");

    EXPECT_EQ(floatsOf(after, "dnet.down_blocks.0.attentions.0.transformer_blocks.0.attn1.to_q.weight"),
        expected.at("down_blocks.0.attentions.0.transformer_blocks.0.attn1.to_q.weight"));
    EXPECT_EQ(floatsOf(after, "arnet.mid_block.attentions.0.proj_in.weight"), expected.at("mid_block.attentions.0.proj_in.weight"));
    EXPECT_EQ(floatsOf(after, "prnet.up_blocks.0.resnets.1.conv1.weight"), expected.at("up_blocks.0.resnets.1.conv1.weight"));
    EXPECT_EQ(floatsOf(after, "vae.encoder.mid_block.attentions.0.to_k.weight"),
        expected.at("vae.encoder.mid_block.attentions.0.to_k.weight"));
    EXPECT_EQ(floatsOf(after, "vae.decoder.up_blocks.1.upsamplers.0.conv.bias"), expected.at("vae.decoder.up_blocks.1.upsamplers.0.conv.bias"));
    // Reference nets: SD's 4 input channels, the mask channel starts at zero.
    const auto sdConvIn = expected.at("conv_in.weight");
    const auto arConvIn = floatsOf(after, "arnet.conv_in.weight");
    const auto& shape = after.at("arnet.conv_in.weight").shape; // [O, L+1, 3, 3]
    const std::size_t per = static_cast<std::size_t>(shape[2] * shape[3]);
    for (std::int64_t o = 0; o < shape[0]; ++o) {
        for (std::int64_t i = 0; i < shape[1]; ++i) {
            for (std::size_t k = 0; k < per; ++k) {
                const float value = arConvIn[(static_cast<std::size_t>(o * shape[1] + i)) * per + k];
                const float want = i < shape[1] - 1 ? sdConvIn[(static_cast<std::size_t>(o * (shape[1] - 1) + i)) * per + k] : 0.0f;
                ASSERT_EQ(value, want) << o << " " << i;
            }
        }
    }
    // Our own parts are kept as they were.
    const auto tname = "dnet.down_blocks.0.motion_modules.0.proj_in.weight";
    EXPECT_EQ(floatsOf(after, tname), floatsOf(ours, tname));

    // A file missing a tensor, or with an extra one, is rejected by name and changes nothing.
    SafetensorsFile broken = unet;
    broken.tensors.erase(broken.tensors.begin());
    broken.tensors.push_back(TensorData::fromFloats("add_embedding.linear_1.weight", {1}, {0.0f}));
    writeSafetensors(dir / "broken.safetensors", broken);
    const auto message = messageOf([&] { generator.importDiffusers(dir / "broken.safetensors", {}); });
    EXPECT_NE(message.find("broken.safetensors"), std::string::npos) << message;
    EXPECT_NE(message.find("missing: " + unet.tensors.front().name), std::string::npos) << message;
    EXPECT_NE(message.find("unexpected: add_embedding.linear_1.weight"), std::string::npos) << message;
    std::filesystem::remove_all(dir);
}
