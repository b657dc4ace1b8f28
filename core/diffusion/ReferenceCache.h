#pragma once

// Model-internal (includes torch): never include from app/.
#include "core/model/Blocks.h"

#include <cstdint>
#include <list>
#include <memory>
#include <mutex>
#include <string>
#include <unordered_map>

namespace durian::diffusion {

// 128-bit content digest (two independent FNV-1a-64 lanes) of byte strings fed in turn.
class ContentDigest {
public:
    ContentDigest& add(const void* data, std::size_t size);
    ContentDigest& add(const std::string& text) { return add(text.data(), text.size()); }
    ContentDigest& add(std::int64_t value) { return add(&value, sizeof value); }
    std::string hex() const;

private:
    std::uint64_t a_ = 1469598103934665603ull;
    std::uint64_t b_ = 0x9e3779b97f4a7c15ull;
};

// ARNet/PRNet outputs keyed by content (reference image, mask, role, resolution and model weights), so a
// reference is encoded once and reused across steps, frames and slider moves. Least recently used entries
// are dropped when the total tensor bytes exceed the bound. Thread-safe.
class ReferenceCache {
public:
    explicit ReferenceCache(std::size_t maxBytes = std::size_t{1} << 30);

    std::shared_ptr<const model::ReferenceFeatures> find(const std::string& key);
    void insert(const std::string& key, std::shared_ptr<const model::ReferenceFeatures> features);
    void clear();
    void setMaxBytes(std::size_t maxBytes);

    std::size_t bytes() const;
    std::size_t entries() const;
    std::uint64_t hits() const;
    std::uint64_t misses() const;

    static std::size_t sizeOf(const model::ReferenceFeatures& features);

private:
    void evict();

    struct Entry {
        std::string key;
        std::shared_ptr<const model::ReferenceFeatures> features;
        std::size_t bytes = 0;
    };
    mutable std::mutex mutex_;
    std::list<Entry> order_; // most recent first
    std::unordered_map<std::string, std::list<Entry>::iterator> index_;
    std::size_t maxBytes_;
    std::size_t bytes_ = 0;
    std::uint64_t hits_ = 0, misses_ = 0;
};

} // namespace durian::diffusion
