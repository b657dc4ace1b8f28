#include "core/model/Attention.h"

#include "core/util/Error.h"

#include <algorithm>
#include <cmath>
#include <limits>

namespace durian::model {

ChunkPlan planAttentionChunks(long long batchHeads, long long queries, long long keys, long long budget)
{
    ChunkPlan plan;
    const long long perRow = std::max(1LL, batchHeads);
    plan.keyChunk = keys;
    plan.queryChunk = budget / (perRow * std::max(1LL, keys));
    const long long minQueries = std::min(queries, 64LL);
    if (plan.queryChunk < minQueries) {
        // Too many keys for even a few query rows: split the keys too (merged by log-sum-exp).
        plan.queryChunk = std::max(1LL, minQueries);
        plan.keyChunk = std::max(1LL, budget / (perRow * plan.queryChunk));
    }
    plan.queryChunk = std::clamp(plan.queryChunk, 1LL, std::max(1LL, queries));
    plan.keyChunk = std::clamp(plan.keyChunk, 1LL, std::max(1LL, keys));
    return plan;
}

namespace {

void mergeInto(PartialAttention& acc, torch::Tensor m, torch::Tensor l, torch::Tensor o)
{
    if (!acc.m.defined()) {
        acc = {std::move(m), std::move(l), std::move(o)};
        return;
    }
    const auto mNew = torch::maximum(acc.m, m);
    const auto a = torch::exp(acc.m - mNew);
    const auto b = torch::exp(m - mNew);
    acc.l = acc.l * a + l * b;
    acc.o = acc.o * a + o * b;
    acc.m = mNew;
}

} // namespace

PartialAttention partialAttention(const torch::Tensor& q, const torch::Tensor& k, const torch::Tensor& v,
    long long budget)
{
    const auto B = q.size(0), H = q.size(1), Nq = q.size(2), Nk = k.size(2);
    const double scale = 1.0 / std::sqrt(static_cast<double>(q.size(3)));
    const auto plan = planAttentionChunks(B * H, Nq, Nk, budget);
    std::vector<torch::Tensor> ms, ls, os;
    for (long long q0 = 0; q0 < Nq; q0 += plan.queryChunk) {
        const auto qc = q.narrow(2, q0, std::min(plan.queryChunk, Nq - q0));
        PartialAttention acc;
        for (long long k0 = 0; k0 < Nk; k0 += plan.keyChunk) {
            const auto len = std::min(plan.keyChunk, Nk - k0);
            const auto kc = k.narrow(2, k0, len);
            const auto vc = v.narrow(2, k0, len);
            auto scores = torch::matmul(qc, kc.transpose(-1, -2)) * scale;
            auto m = std::get<0>(scores.max(-1, true));
            auto p = torch::exp(scores - m);
            auto l = p.sum(-1, true);
            auto o = torch::matmul(p, vc);
            mergeInto(acc, std::move(m), std::move(l), std::move(o));
        }
        ms.push_back(acc.m);
        ls.push_back(acc.l);
        os.push_back(acc.o);
    }
    if (ms.size() == 1) {
        return {ms[0], ls[0], os[0]};
    }
    return {torch::cat(ms, 2), torch::cat(ls, 2), torch::cat(os, 2)};
}

torch::Tensor combinePartials(const std::vector<const PartialAttention*>& parts, const std::vector<double>& logWeights)
{
    if (parts.size() == 1 && logWeights[0] == 0.0) {
        return parts[0]->o / parts[0]->l;
    }
    torch::Tensor mMax;
    for (std::size_t i = 0; i < parts.size(); ++i) {
        const auto m = parts[i]->m + logWeights[i];
        mMax = mMax.defined() ? torch::maximum(mMax, m) : m;
    }
    torch::Tensor l, o;
    for (std::size_t i = 0; i < parts.size(); ++i) {
        const auto f = torch::exp(parts[i]->m + logWeights[i] - mMax);
        l = l.defined() ? l + parts[i]->l * f : parts[i]->l * f;
        o = o.defined() ? o + parts[i]->o * f : parts[i]->o * f;
    }
    return o / l;
}

torch::Tensor chunkedAttention(const torch::Tensor& q, const torch::Tensor& k, const torch::Tensor& v, long long budget)
{
    const auto part = partialAttention(q, k, v, budget);
    return part.o / part.l;
}

AttentionImpl::AttentionImpl(int queryDim, int keyValueDim, int heads, bool qkvBias, long long chunkBudget)
    : heads_(heads), budget_(chunkBudget)
{
    to_q = register_module("to_q", torch::nn::Linear(torch::nn::LinearOptions(queryDim, queryDim).bias(qkvBias)));
    to_k = register_module("to_k", torch::nn::Linear(torch::nn::LinearOptions(keyValueDim, queryDim).bias(qkvBias)));
    to_v = register_module("to_v", torch::nn::Linear(torch::nn::LinearOptions(keyValueDim, queryDim).bias(qkvBias)));
    to_out = register_module("to_out", torch::nn::ModuleList());
    to_out->push_back(torch::nn::Linear(queryDim, queryDim));
}

torch::Tensor AttentionImpl::splitHeads(const torch::Tensor& x) const
{
    return x.view({x.size(0), x.size(1), heads_, x.size(2) / heads_}).transpose(1, 2);
}

torch::Tensor AttentionImpl::mergeHeads(const torch::Tensor& x) const
{
    return x.transpose(1, 2).reshape({x.size(0), x.size(2), x.size(1) * x.size(3)});
}

torch::Tensor AttentionImpl::forward(const torch::Tensor& x)
{
    const auto q = splitHeads(to_q(x));
    const auto k = splitHeads(to_k(x));
    const auto v = splitHeads(to_v(x));
    return to_out[0]->as<torch::nn::Linear>()->forward(mergeHeads(chunkedAttention(q, k, v, budget_)));
}

PartialAttention AttentionImpl::groupPartial(const torch::Tensor& q, const torch::Tensor& tokens)
{
    // q [Bq,h,N,d]; tokens [Bg,Nr,C] shared by Bq/Bg consecutive query rows (the frames of one sample).
    const auto Bq = q.size(0), Bg = tokens.size(0);
    if (Bg <= 0 || Bq % Bg != 0) {
        throw Error("internal: reference batch " + std::to_string(Bg) + " does not divide query batch " +
            std::to_string(Bq));
    }
    auto k = splitHeads(to_k(tokens));
    auto v = splitHeads(to_v(tokens));
    const auto frames = Bq / Bg;
    if (frames == 1) {
        return partialAttention(q, k, v, budget_);
    }
    const auto H = q.size(1), N = q.size(2), D = q.size(3);
    const auto qs = q.view({Bg, frames, H, N, D}).permute({0, 2, 1, 3, 4}).reshape({Bg, H, frames * N, D});
    auto part = partialAttention(qs, k, v, budget_);
    auto back = [&](const torch::Tensor& t) {
        return t.view({Bg, H, frames, N, t.size(3)}).permute({0, 2, 1, 3, 4}).reshape({Bq, H, N, t.size(3)});
    };
    return {back(part.m), back(part.l), back(part.o)};
}

torch::Tensor AttentionImpl::forward(const torch::Tensor& x, const AttentionGroups& groups, bool includeSelf,
    const ReferenceMix& mix)
{
    const auto q = splitHeads(to_q(x));
    std::vector<PartialAttention> shared; // always present
    if (includeSelf) {
        shared.push_back(partialAttention(q, splitHeads(to_k(x)), splitHeads(to_v(x)), budget_));
    }
    if (groups.base.defined()) {
        shared.push_back(groupPartial(q, groups.base));
    }
    if (shared.empty()) {
        throw Error("internal: attention layer has no keys");
    }
    const int slots = static_cast<int>(groups.attributes.size());
    if (static_cast<int>(mix.strengths.size()) < slots) {
        throw Error("internal: " + std::to_string(slots) + " attribute token sets but " +
            std::to_string(mix.strengths.size()) + " strengths");
    }
    const bool interpolating = mix.interpolatedSlot >= 0 && mix.interpolatedSlot < slots && groups.alternative.defined();
    const double alpha = interpolating ? mix.alpha : 0.0;

    // Attribute sets, each computed once: index slots for A, and `alternative` for B.
    std::vector<PartialAttention> attrs(static_cast<std::size_t>(slots));
    for (int s = 0; s < slots; ++s) {
        const bool neededByA = !(interpolating && s == mix.interpolatedSlot && alpha == 1.0);
        if (mix.strengths[s] > 0.0 && neededByA && groups.attributes[s].defined()) {
            attrs[s] = groupPartial(q, groups.attributes[s]);
        }
    }
    auto mixture = [&](bool useAlternative, const PartialAttention& alternativePart) {
        std::vector<const PartialAttention*> parts;
        std::vector<double> logWeights;
        for (const auto& p : shared) {
            parts.push_back(&p);
            logWeights.push_back(0.0);
        }
        for (int s = 0; s < slots; ++s) {
            const double w = mix.strengths[s];
            if (w <= 0.0) {
                continue; // exactly absent
            }
            const PartialAttention* part = (useAlternative && s == mix.interpolatedSlot) ? &alternativePart : &attrs[s];
            if (!part->m.defined()) {
                continue;
            }
            parts.push_back(part);
            logWeights.push_back(w >= 1.0 ? 0.0 : std::log(w));
        }
        return combinePartials(parts, logWeights);
    };
    torch::Tensor out;
    if (!interpolating || alpha == 0.0) {
        out = mixture(false, PartialAttention{});
    } else {
        const auto alternativePart = mix.strengths[mix.interpolatedSlot] > 0.0 ? groupPartial(q, groups.alternative)
                                                                               : PartialAttention{};
        if (alpha == 1.0) {
            out = mixture(true, alternativePart);
        } else {
            out = (1.0 - alpha) * mixture(false, PartialAttention{}) + alpha * mixture(true, alternativePart);
        }
    }
    return to_out[0]->as<torch::nn::Linear>()->forward(mergeHeads(out));
}

} // namespace durian::model
