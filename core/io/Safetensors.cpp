#include "core/io/Safetensors.h"

#include "core/io/AtomicFile.h"
#include "core/util/Error.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cmath>
#include <cstring>
#include <limits>
#include <set>

namespace durian {

using nlohmann::json;

std::string toString(TensorDType dtype)
{
    switch (dtype) {
    case TensorDType::F32: return "F32";
    case TensorDType::F16: return "F16";
    case TensorDType::BF16: return "BF16";
    }
    return "?";
}

std::size_t elementSize(TensorDType dtype) { return dtype == TensorDType::F32 ? 4 : 2; }

float halfToFloat(std::uint16_t h)
{
    const std::uint32_t sign = (h & 0x8000u) << 16;
    const std::uint32_t exponent = (h >> 10) & 0x1f;
    const std::uint32_t mantissa = h & 0x3ffu;
    std::uint32_t bits;
    if (exponent == 0) {
        if (mantissa == 0) {
            bits = sign;
        } else { // subnormal: value = mantissa * 2^-24
            const float v = std::ldexp(static_cast<float>(mantissa), -24);
            std::memcpy(&bits, &v, 4);
            bits |= sign;
        }
    } else if (exponent == 31) {
        bits = sign | 0x7f800000u | (mantissa << 13);
    } else {
        bits = sign | ((exponent + 112) << 23) | (mantissa << 13);
    }
    float f;
    std::memcpy(&f, &bits, 4);
    return f;
}

std::uint16_t floatToHalf(float f)
{
    std::uint32_t bits;
    std::memcpy(&bits, &f, 4);
    const std::uint16_t sign = static_cast<std::uint16_t>((bits >> 16) & 0x8000u);
    const float a = std::fabs(f);
    if (std::isnan(f)) {
        return sign | 0x7e00u;
    }
    if (a >= 65520.0f) {
        return sign | 0x7c00u; // overflow to infinity
    }
    if (a < std::ldexp(1.0f, -14)) { // subnormal or zero: multiples of 2^-24, rounded to nearest even
        return sign | static_cast<std::uint16_t>(std::nearbyint(std::ldexp(a, 24)));
    }
    std::uint32_t ab;
    std::memcpy(&ab, &a, 4);
    const std::uint32_t mantissa = ab & 0x7fffffu;
    std::uint32_t exponent = (ab >> 23) - 112;
    std::uint32_t m = mantissa >> 13;
    const std::uint32_t rest = mantissa & 0x1fffu;
    if (rest > 0x1000u || (rest == 0x1000u && (m & 1u))) {
        if (++m == 0x400u) {
            m = 0;
            ++exponent;
        }
    }
    return static_cast<std::uint16_t>(sign | (exponent << 10) | m);
}

float bfloat16ToFloat(std::uint16_t b)
{
    const std::uint32_t bits = static_cast<std::uint32_t>(b) << 16;
    float f;
    std::memcpy(&f, &bits, 4);
    return f;
}

std::uint16_t floatToBfloat16(float f)
{
    std::uint32_t bits;
    std::memcpy(&bits, &f, 4);
    if (std::isnan(f)) {
        return static_cast<std::uint16_t>((bits >> 16) | 0x40u);
    }
    bits += 0x7fffu + ((bits >> 16) & 1u);
    return static_cast<std::uint16_t>(bits >> 16);
}

std::int64_t TensorData::elementCount() const
{
    std::int64_t n = 1;
    for (auto d : shape) {
        n *= d;
    }
    return n;
}

std::vector<float> TensorData::toFloats() const
{
    const auto n = static_cast<std::size_t>(elementCount());
    std::vector<float> out(n);
    const auto* p = data();
    for (std::size_t i = 0; i < n; ++i) {
        if (dtype == TensorDType::F32) {
            std::memcpy(&out[i], p + 4 * i, 4);
        } else {
            std::uint16_t h;
            std::memcpy(&h, p + 2 * i, 2);
            out[i] = dtype == TensorDType::F16 ? halfToFloat(h) : bfloat16ToFloat(h);
        }
    }
    return out;
}

TensorData TensorData::fromFloats(std::string name, std::vector<std::int64_t> shape, const std::vector<float>& values,
    TensorDType dtype)
{
    auto bytes = std::make_shared<std::string>(values.size() * elementSize(dtype), '\0');
    auto* p = bytes->data();
    for (std::size_t i = 0; i < values.size(); ++i) {
        if (dtype == TensorDType::F32) {
            std::memcpy(p + 4 * i, &values[i], 4);
        } else {
            const std::uint16_t h = dtype == TensorDType::F16 ? floatToHalf(values[i]) : floatToBfloat16(values[i]);
            std::memcpy(p + 2 * i, &h, 2);
        }
    }
    TensorData t;
    t.name = std::move(name);
    t.dtype = dtype;
    t.shape = std::move(shape);
    t.size = bytes->size();
    t.storage = std::move(bytes);
    return t;
}

const TensorData* SafetensorsFile::find(const std::string& name) const
{
    for (const auto& t : tensors) {
        if (t.name == name) {
            return &t;
        }
    }
    return nullptr;
}

SafetensorsFile parseSafetensors(std::shared_ptr<const std::string> bytes, const std::string& origin)
{
    auto fail = [&](const std::string& what) -> Error { return Error(origin + ": not a valid safetensors file: " + what); };
    if (bytes->size() < 8) {
        throw fail("it is " + std::to_string(bytes->size()) + " bytes long, shorter than the 8-byte header size");
    }
    std::uint64_t headerSize = 0;
    for (int i = 7; i >= 0; --i) {
        headerSize = (headerSize << 8) | static_cast<unsigned char>((*bytes)[static_cast<std::size_t>(i)]);
    }
    if (headerSize > kMaxSafetensorsHeader) {
        throw fail("header size " + std::to_string(headerSize) + " bytes exceeds the limit of " +
            std::to_string(kMaxSafetensorsHeader) + " bytes");
    }
    if (headerSize > bytes->size() - 8) {
        throw fail("header of " + std::to_string(headerSize) + " bytes runs past the end of the file (" +
            std::to_string(bytes->size()) + " bytes; truncated?)");
    }
    json header;
    try {
        header = json::parse(std::string_view(*bytes).substr(8, headerSize));
    } catch (const json::exception& e) {
        throw fail(std::string("header is not JSON (") + e.what() + ")");
    }
    if (!header.is_object()) {
        throw fail("header is not a JSON object");
    }
    const std::size_t dataStart = 8 + headerSize;
    const std::size_t dataSize = bytes->size() - dataStart;
    SafetensorsFile file;
    for (const auto& item : header.items()) {
        const std::string& name = item.key();
        const auto& entry = item.value();
        if (name == "__metadata__") {
            if (!entry.is_object()) {
                throw fail("__metadata__ is not an object");
            }
            for (const auto& m : entry.items()) {
                if (!m.value().is_string()) {
                    throw fail("__metadata__ value '" + m.key() + "' is not a string");
                }
                file.metadata[m.key()] = m.value().get<std::string>();
            }
            continue;
        }
        const std::string where = "tensor '" + name + "'";
        if (!entry.is_object() || !entry.contains("dtype") || !entry.contains("shape") || !entry.contains("data_offsets")) {
            throw fail(where + " lacks dtype, shape or data_offsets");
        }
        TensorData t;
        t.name = name;
        const auto& dtype = entry["dtype"];
        const std::string dt = dtype.is_string() ? dtype.get<std::string>() : dtype.dump();
        if (dt == "F32") {
            t.dtype = TensorDType::F32;
        } else if (dt == "F16") {
            t.dtype = TensorDType::F16;
        } else if (dt == "BF16") {
            t.dtype = TensorDType::BF16;
        } else {
            throw Error(origin + ": " + where + " has dtype " + dt + "; Durian reads F32, F16 and BF16 only");
        }
        const auto& shape = entry["shape"];
        if (!shape.is_array()) {
            throw fail(where + " has a shape that is not a list");
        }
        std::uint64_t count = 1;
        for (const auto& d : shape) {
            if (!d.is_number_integer() || d.get<long long>() < 0) {
                throw fail(where + " has a negative or non-integer dimension in " + shape.dump());
            }
            const auto v = d.get<std::uint64_t>();
            if (v != 0 && count > std::numeric_limits<std::uint64_t>::max() / 16 / v) {
                throw fail(where + " has an impossibly large shape " + shape.dump());
            }
            count *= v;
            t.shape.push_back(static_cast<std::int64_t>(v));
        }
        const auto& offsets = entry["data_offsets"];
        if (!offsets.is_array() || offsets.size() != 2 || !offsets[0].is_number_unsigned() || !offsets[1].is_number_unsigned()) {
            throw fail(where + " has data_offsets that are not two non-negative integers");
        }
        const auto begin = offsets[0].get<std::uint64_t>(), end = offsets[1].get<std::uint64_t>();
        if (begin > end || end > dataSize) {
            throw fail(where + " has data offsets [" + std::to_string(begin) + ", " + std::to_string(end) +
                "] outside the " + std::to_string(dataSize) + "-byte data section (truncated file?)");
        }
        if (end - begin != count * elementSize(t.dtype)) {
            throw fail(where + " holds " + std::to_string(end - begin) + " bytes but its shape " + shape.dump() + " of " +
                dt + " needs " + std::to_string(count * elementSize(t.dtype)));
        }
        t.offset = dataStart + begin;
        t.size = end - begin;
        t.storage = bytes;
        file.tensors.push_back(std::move(t));
    }
    std::sort(file.tensors.begin(), file.tensors.end(), [](const TensorData& a, const TensorData& b) {
        return a.offset != b.offset ? a.offset < b.offset : a.name < b.name;
    });
    std::size_t expected = dataStart;
    for (const auto& t : file.tensors) {
        if (t.offset != expected) {
            throw fail("tensor '" + t.name + "' starts at data byte " + std::to_string(t.offset - dataStart) +
                (t.offset < expected ? ", overlapping the tensor before it" : ", leaving a gap before it"));
        }
        expected += t.size;
    }
    if (expected != bytes->size()) {
        throw fail(std::to_string(bytes->size() - expected) + " bytes after the last tensor belong to no tensor");
    }
    return file;
}

SafetensorsFile readSafetensors(const std::filesystem::path& path)
{
    return parseSafetensors(std::make_shared<const std::string>(readFile(path)), path.string());
}

std::string serializeSafetensors(const SafetensorsFile& file)
{
    json header = json::object();
    std::set<std::string> names;
    std::size_t offset = 0;
    for (const auto& t : file.tensors) {
        if (!names.insert(t.name).second || t.name == "__metadata__") {
            throw Error("cannot write safetensors: tensor name '" + t.name + "' is used twice or reserved");
        }
        if (t.size != static_cast<std::size_t>(t.elementCount()) * elementSize(t.dtype)) {
            throw Error("cannot write safetensors: tensor '" + t.name + "' has " + std::to_string(t.size) +
                " bytes for its shape");
        }
        header[t.name] = {{"dtype", toString(t.dtype)}, {"shape", t.shape}, {"data_offsets", {offset, offset + t.size}}};
        offset += t.size;
    }
    if (!file.metadata.empty()) {
        header["__metadata__"] = file.metadata;
    }
    std::string text = header.dump();
    text.append((8 - text.size() % 8) % 8, ' ');
    std::string out;
    out.reserve(8 + text.size() + offset);
    std::uint64_t n = text.size();
    for (int i = 0; i < 8; ++i) {
        out.push_back(static_cast<char>((n >> (8 * i)) & 0xffu));
    }
    out += text;
    for (const auto& t : file.tensors) {
        out.append(reinterpret_cast<const char*>(t.data()), t.size);
    }
    return out;
}

void writeSafetensors(const std::filesystem::path& path, const SafetensorsFile& file)
{
    writeFileAtomically(path, serializeSafetensors(file));
}

} // namespace durian
