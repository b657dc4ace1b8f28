#include "core/diffusion/ReferenceCache.h"

#include <cstdio>

namespace durian::diffusion {

ContentDigest& ContentDigest::add(const void* data, std::size_t size)
{
    const auto* p = static_cast<const unsigned char*>(data);
    for (std::size_t i = 0; i < size; ++i) {
        a_ = (a_ ^ p[i]) * 1099511628211ull;
        b_ = (b_ ^ p[i]) * 0x100000001b3ull + 0x2545f4914f6cdd1dull;
    }
    // Length separates ("ab","c") from ("a","bc").
    a_ = (a_ ^ size) * 1099511628211ull;
    return *this;
}

std::string ContentDigest::hex() const
{
    char text[33];
    std::snprintf(text, sizeof text, "%016llx%016llx", static_cast<unsigned long long>(a_), static_cast<unsigned long long>(b_));
    return text;
}

ReferenceCache::ReferenceCache(std::size_t maxBytes) : maxBytes_(maxBytes) {}

std::size_t ReferenceCache::sizeOf(const model::ReferenceFeatures& features)
{
    std::size_t n = 0;
    for (const auto& t : features.layers) {
        n += static_cast<std::size_t>(t.numel()) * t.element_size();
    }
    if (features.context.defined()) {
        n += static_cast<std::size_t>(features.context.numel()) * features.context.element_size();
    }
    return n;
}

std::shared_ptr<const model::ReferenceFeatures> ReferenceCache::find(const std::string& key)
{
    std::lock_guard lock(mutex_);
    const auto it = index_.find(key);
    if (it == index_.end()) {
        ++misses_;
        return nullptr;
    }
    ++hits_;
    order_.splice(order_.begin(), order_, it->second);
    return it->second->features;
}

void ReferenceCache::insert(const std::string& key, std::shared_ptr<const model::ReferenceFeatures> features)
{
    std::lock_guard lock(mutex_);
    if (const auto it = index_.find(key); it != index_.end()) {
        bytes_ -= it->second->bytes;
        order_.erase(it->second);
        index_.erase(it);
    }
    const std::size_t size = sizeOf(*features);
    order_.push_front({key, std::move(features), size});
    index_[key] = order_.begin();
    bytes_ += size;
    evict();
}

void ReferenceCache::evict()
{
    // The newest entry stays even when it alone exceeds the bound: the running generation needs it.
    while (bytes_ > maxBytes_ && order_.size() > 1) {
        bytes_ -= order_.back().bytes;
        index_.erase(order_.back().key);
        order_.pop_back();
    }
}

void ReferenceCache::clear()
{
    std::lock_guard lock(mutex_);
    order_.clear();
    index_.clear();
    bytes_ = 0;
}

void ReferenceCache::setMaxBytes(std::size_t maxBytes)
{
    std::lock_guard lock(mutex_);
    maxBytes_ = maxBytes;
    evict();
}

std::size_t ReferenceCache::bytes() const { std::lock_guard lock(mutex_); return bytes_; }
std::size_t ReferenceCache::entries() const { std::lock_guard lock(mutex_); return order_.size(); }
std::uint64_t ReferenceCache::hits() const { std::lock_guard lock(mutex_); return hits_; }
std::uint64_t ReferenceCache::misses() const { std::lock_guard lock(mutex_); return misses_; }

} // namespace durian::diffusion
