#pragma once

// Model-internal (includes torch): never include from app/.
#include <torch/torch.h>

#include <vector>

namespace durian::model {

// How the reference token sets are mixed in every fused attention layer.
//
// Strength w_k of attribute k: log(w_k) is added to the attention logits of that attribute's tokens.
// w=1 adds 0 (exactly full strength); w=0 removes the tokens (exactly "not present": they are not even
// computed); in between, the attention mass on the attribute rises monotonically with w (the softmax
// weight of a token set with logits s+log w is w*S/(w*S+R), increasing in w). It is equivalent to
// counting every attribute token w times.
//
// Interpolation: attribute slot `interpolatedSlot` has a second reference B; the layer returns
// (1-alpha)*Attn([self, portrait, ..., A, ...]) + alpha*Attn([self, portrait, ..., B, ...]), computed in
// one pass (the shared token sets are evaluated once). alpha=0 and 1 skip the other side, so they
// equal A alone and B alone exactly.
struct ReferenceMix {
    std::vector<double> strengths; // one per attribute slot, in [0,1]
    int interpolatedSlot = -1;     // -1: no interpolation
    double alpha = 0.0;
};

// The token sets a fused attention layer attends to besides (optionally) the current frame. Each is
// [Bg, N, C]; Bg may be smaller than the query batch Bq (Bq = Bg * frames): a reference is shared by all
// frames of its sample.
struct AttentionGroups {
    torch::Tensor base;                    // always present (portrait; null + portrait for cross-attention)
    std::vector<torch::Tensor> attributes; // one per attribute slot
    torch::Tensor alternative;             // reference B of the interpolated slot
};

// Running softmax statistics of queries against one token set: max logit m and sum l ([B,h,Nq,1]) and
// the unnormalised output o ([B,h,Nq,d]). Sets are merged exactly (log-sum-exp) without concatenation.
struct PartialAttention {
    torch::Tensor m, l, o;
};

// Chunk sizes so that one chunk's score matrix holds at most `budget` elements.
struct ChunkPlan {
    long long queryChunk = 0;
    long long keyChunk = 0;
};
ChunkPlan planAttentionChunks(long long batchHeads, long long queries, long long keys, long long budget);

// q [B,h,Nq,d], k/v [B,h,Nk,d] -> statistics, computed chunk by chunk (never the whole score matrix).
PartialAttention partialAttention(const torch::Tensor& q, const torch::Tensor& k, const torch::Tensor& v,
    long long budget);

// softmax over the union of the sets, each with a log-weight added to its logits.
torch::Tensor combinePartials(const std::vector<const PartialAttention*>& parts, const std::vector<double>& logWeights);

// Plain multi-head attention through the chunked path: q/k/v [B,h,N,d] -> [B,h,Nq,d].
torch::Tensor chunkedAttention(const torch::Tensor& q, const torch::Tensor& k, const torch::Tensor& v, long long budget);

// Multi-head attention with diffusers parameter names (to_q, to_k, to_v, to_out.0).
class AttentionImpl : public torch::nn::Module {
public:
    AttentionImpl(int queryDim, int keyValueDim, int heads, bool qkvBias, long long chunkBudget);

    // Self-attention over x [B,N,C].
    torch::Tensor forward(const torch::Tensor& x);
    // Fused attention: queries from x; keys/values from x itself (includeSelf) and the groups, mixed by `mix`.
    torch::Tensor forward(const torch::Tensor& x, const AttentionGroups& groups, bool includeSelf, const ReferenceMix& mix);

    int heads() const { return heads_; }

private:
    torch::Tensor splitHeads(const torch::Tensor& x) const; // [B,N,h*d] -> [B,h,N,d]
    torch::Tensor mergeHeads(const torch::Tensor& x) const; // inverse
    PartialAttention groupPartial(const torch::Tensor& q, const torch::Tensor& tokens);

    int heads_;
    long long budget_;
    torch::nn::Linear to_q{nullptr}, to_k{nullptr}, to_v{nullptr};
    torch::nn::ModuleList to_out;
};
TORCH_MODULE(Attention);

} // namespace durian::model
