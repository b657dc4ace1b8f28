#!/usr/bin/python3
"""Converts a TF.js graph model (model.json + .bin shards) to an ONNX file that OpenCV 4.6's dnn reads.

Only the operations of the face networks Durian Studio uses are covered (MediaPipe selfie segmentation,
MediaPipe face mesh, HSE FaceRes); anything else is refused by name. Activations are NHWC in TensorFlow and
NCHW here: the ONNX input is [1, C, H, W] and 4-D outputs are [1, C, H, W] too. What OpenCV's importer
rejects is written in forms it takes: fp32 weights only, Min/Max against a constant as Relu arithmetic,
Relu6 as Relu(x) - Relu(x - 6), constant Resize scales, no Shape-computed sizes.

Usage: tfjs_to_onnx.py MODEL.json OUT.onnx [--output NAME]...   (outputs default to the graph's sinks)
"""
import argparse
import base64
import json
import os
import sys

import numpy as np
import onnx
from onnx import TensorProto, helper, numpy_helper

OPSET = 11


def fail(message):
    sys.exit(f"tfjs_to_onnx: {message}")


def load_weights(model_path, manifest):
    """The weights of the manifest as float32 or int32 numpy arrays, dequantised, by name."""
    folder = os.path.dirname(model_path)
    weights = {}
    for group in manifest:
        data = b"".join(open(os.path.join(folder, p), "rb").read() for p in group["paths"])
        offset = 0
        for w in group["weights"]:
            count = int(np.prod(w["shape"])) if w["shape"] else 1
            quant = w.get("quantization")
            if quant:
                qtype = {"float16": np.float16, "uint8": np.uint8, "uint16": np.uint16}[quant["dtype"]]
                raw = np.frombuffer(data, qtype, count, offset)
                offset += raw.nbytes
                if quant["dtype"] == "float16":
                    value = raw.astype(np.float32)
                else:
                    value = raw.astype(np.float32) * quant["scale"] + quant["min"]
            else:
                dtype = {"float32": np.float32, "int32": np.int32}.get(w["dtype"])
                if dtype is None:
                    fail(f"{model_path}: weight {w['name']} has dtype {w['dtype']}, which is not handled")
                value = np.frombuffer(data, dtype, count, offset)
                offset += value.nbytes
            weights[w["name"]] = value.reshape(w["shape"]).copy()
    return weights


def attr_list(node, key):
    return [int(i) for i in node.get("attr", {}).get(key, {}).get("list", {}).get("i", [])]


def attr_string(node, key):
    value = node.get("attr", {}).get(key, {}).get("s")
    return base64.b64decode(value).decode() if value else None


def attr_bool(node, key):
    return bool(node.get("attr", {}).get(key, {}).get("b", False))


def same_pads(size, kernel, stride, dilation=1):
    """TensorFlow's SAME padding (the extra pixel at the end) for one spatial axis: (begin, end, out)."""
    effective = (kernel - 1) * dilation + 1
    out = (size + stride - 1) // stride
    total = max((out - 1) * stride + effective - size, 0)
    return total // 2, total - total // 2, out


class Converter:
    def __init__(self, model_path):
        model = json.load(open(model_path))
        self.path = model_path
        self.tf_nodes = model["modelTopology"]["node"]
        self.weights = load_weights(model_path, model["weightsManifest"])
        self.nodes, self.initializers, self.inputs = [], [], []
        self.values = {}  # TF tensor name -> (ONNX name, TF shape (NHWC for 4-D)); constants in self.consts
        self.consts = {}
        self.counter = 0

    # ----- helpers
    def fresh(self, base):
        self.counter += 1
        return f"{base}__{self.counter}"

    def constant(self, array, base="const"):
        name = self.fresh(base)
        self.initializers.append(numpy_helper.from_array(np.ascontiguousarray(array), name))
        return name

    def emit(self, op, inputs, base, **attrs):
        out = self.fresh(base)
        self.nodes.append(helper.make_node(op, inputs, [out], name=out, **attrs))
        return out

    def value(self, tf_name):
        tf_name = tf_name.split(":")[0]
        if tf_name not in self.values:
            fail(f"{self.path}: tensor {tf_name} is used before it is made")
        return self.values[tf_name]

    def const_value(self, tf_name):
        tf_name = tf_name.split(":")[0]
        if tf_name not in self.consts:
            fail(f"{self.path}: {tf_name} must be a constant")
        return self.consts[tf_name]

    def is_const(self, tf_name):
        return tf_name.split(":")[0] in self.consts

    def broadcast_const(self, array, shape):
        """A constant operand of an elementwise op on a tensor of TF shape `shape`, laid out for NCHW."""
        array = np.asarray(array, np.float32)
        if len(shape) == 4 and array.ndim >= 1 and array.size > 1:
            channels = array.reshape(-1)
            if channels.size != shape[3]:
                fail(f"{self.path}: a constant of shape {array.shape} against {shape} is not per-channel")
            return channels.reshape(1, -1, 1, 1)
        if array.size == 1:
            return array.reshape([1] * len(shape)) if shape else array.reshape(())
        return array

    # ----- graph
    def convert(self, outputs):
        if outputs:  # only what the outputs need: the heads beyond them are left out
            by_name = {n["name"]: n for n in self.tf_nodes}
            needed, todo = set(), [o.split(":")[0] for o in outputs]
            while todo:
                name = todo.pop()
                if name not in needed:
                    if name not in by_name:
                        fail(f"{self.path}: the graph has no node {name}")
                    needed.add(name)
                    todo += [i.split(":")[0] for i in by_name[name].get("input", [])]
            self.tf_nodes = [n for n in self.tf_nodes if n["name"] in needed]
        for node in self.tf_nodes:
            handler = getattr(self, "op_" + node["op"].lstrip("_"), None)
            if handler is None:
                fail(f"{self.path}: operation {node['op']} (node {node['name']}) is not handled")
            handler(node)
        used = {i.split(":")[0] for n in self.tf_nodes for i in n.get("input", [])}
        sinks = outputs or [n["name"] for n in self.tf_nodes if n["name"] not in used and n["op"] != "Const"]
        graph_outputs = []
        for tf_name in sinks:
            name, shape = self.value(tf_name)
            nchw = [shape[0], shape[3], shape[1], shape[2]] if len(shape) == 4 else shape
            out = tf_name.split(":")[0].replace("/", "_")
            self.nodes.append(helper.make_node("Identity", [name], [out], name=out))
            graph_outputs.append(helper.make_tensor_value_info(out, TensorProto.FLOAT, nchw))
        graph = helper.make_graph(self.nodes, os.path.basename(self.path), self.inputs, graph_outputs,
                                  self.initializers)
        model = helper.make_model(graph, producer_name="durian tfjs_to_onnx",
                                  opset_imports=[helper.make_opsetid("", OPSET)])
        onnx.checker.check_model(model)
        return model

    # ----- operations
    def op_Const(self, node):
        if node["name"] in self.weights:
            self.consts[node["name"]] = self.weights[node["name"]]
        else:
            fail(f"{self.path}: constant {node['name']} has no weights")

    def op_Placeholder(self, node):
        dims = [int(d["size"]) for d in node["attr"]["shape"]["shape"]["dim"]]
        dims[0] = 1
        name = node["name"].replace("/", "_")
        self.inputs.append(helper.make_tensor_value_info(name, TensorProto.FLOAT,
                                                         [dims[0], dims[3], dims[1], dims[2]]))
        self.values[node["name"]] = (name, dims)

    def op_Identity(self, node):
        self.values[node["name"]] = self.value(node["input"][0])

    def conv(self, node, x_name, kernel, depthwise, bias=None):
        x, shape = self.value(x_name)
        strides, dilations = attr_list(node, "strides") or [1, 1, 1, 1], attr_list(node, "dilations") or [1] * 4
        kh, kw = kernel.shape[0], kernel.shape[1]
        if depthwise:
            channels, multiplier = kernel.shape[2], kernel.shape[3]
            weight = kernel.transpose(2, 3, 0, 1).reshape(channels * multiplier, 1, kh, kw)
            group, out_channels = channels, channels * multiplier
        else:
            weight = kernel.transpose(3, 2, 0, 1)
            group, out_channels = 1, kernel.shape[3]
        padding = attr_string(node, "padding")
        if padding == "SAME":
            top, bottom, oh = same_pads(shape[1], kh, strides[1], dilations[1])
            left, right, ow = same_pads(shape[2], kw, strides[2], dilations[2])
        elif padding == "VALID":
            top = bottom = left = right = 0
            oh = (shape[1] - (kh - 1) * dilations[1] - 1) // strides[1] + 1
            ow = (shape[2] - (kw - 1) * dilations[2] - 1) // strides[2] + 1
        else:
            fail(f"{self.path}: {node['name']} has padding {padding}")
        inputs = [x, self.constant(weight.astype(np.float32), "weight")]
        if bias is not None:
            inputs.append(self.constant(np.asarray(bias, np.float32).reshape(-1), "bias"))
        out = self.emit("Conv", inputs, "conv", kernel_shape=[kh, kw], strides=strides[1:3],
                        dilations=dilations[1:3], pads=[top, left, bottom, right], group=group)
        return out, [shape[0], oh, ow, out_channels]

    def op_Conv2D(self, node):
        self.values[node["name"]] = self.conv(node, node["input"][0], self.const_value(node["input"][1]), False)

    def op_DepthwiseConv2dNative(self, node):
        self.values[node["name"]] = self.conv(node, node["input"][0], self.const_value(node["input"][1]), True)

    def apply_fused(self, node, out, shape, extra):
        """The fused_ops after BiasAdd: Relu, Relu6, Prelu (whose alpha is the next extra input)."""
        for op in [base64.b64decode(s).decode() for s in node["attr"]["fused_ops"]["list"]["s"]][1:]:
            if op == "Relu":
                out = self.emit("Relu", [out], "relu")
            elif op == "Relu6":
                out = self.relu6(out, shape)
            elif op == "Prelu":
                out = self.prelu(out, shape, self.const_value(extra.pop(0)))
            else:
                fail(f"{self.path}: fused op {op} of {node['name']} is not handled")
        return out

    def op_FusedConv2D(self, node):
        ops = [base64.b64decode(s).decode() for s in node["attr"]["fused_ops"]["list"]["s"]]
        if ops[0] != "BiasAdd":
            fail(f"{self.path}: {node['name']} fuses {ops}, expected BiasAdd first")
        inputs = node["input"]
        out, shape = self.conv(node, inputs[0], self.const_value(inputs[1]), False, self.const_value(inputs[2]))
        self.values[node["name"]] = (self.apply_fused(node, out, shape, list(inputs[3:])), shape)

    def op_FusedDepthwiseConv2dNative(self, node):
        inputs = node["input"]
        out, shape = self.conv(node, inputs[0], self.const_value(inputs[1]), True, self.const_value(inputs[2]))
        self.values[node["name"]] = (self.apply_fused(node, out, shape, list(inputs[3:])), shape)

    def op_FusedMatMul(self, node):
        x, shape = self.value(node["input"][0])
        kernel = self.const_value(node["input"][1])
        if attr_bool(node, "transpose_a") or attr_bool(node, "transpose_b"):
            fail(f"{self.path}: {node['name']} transposes an operand")
        out = self.emit("Gemm", [x, self.constant(kernel.astype(np.float32), "kernel"),
                                 self.constant(self.const_value(node["input"][2]).astype(np.float32), "bias")],
                        "gemm")
        out_shape = [shape[0], kernel.shape[1]]
        self.values[node["name"]] = (self.apply_fused(node, out, out_shape, list(node["input"][3:])), out_shape)

    def op_Conv2DBackpropInput(self, node):
        out_size = [int(v) for v in self.const_value(node["input"][0])]
        kernel = self.const_value(node["input"][1])  # [H, W, out, in]
        x, shape = self.value(node["input"][2])
        strides = attr_list(node, "strides")
        kh, kw = kernel.shape[0], kernel.shape[1]
        pads = []
        for axis, k in ((1, kh), (2, kw)):
            total = (shape[axis] - 1) * strides[axis] + k - out_size[axis]
            if total < 0:
                fail(f"{self.path}: {node['name']} needs output padding")
            pads.append((total // 2, total - total // 2))
        weight = kernel.transpose(3, 2, 0, 1).astype(np.float32)  # [in, out, H, W]
        out = self.emit("ConvTranspose", [x, self.constant(weight, "weight")], "deconv", kernel_shape=[kh, kw],
                        strides=strides[1:3], pads=[pads[0][0], pads[1][0], pads[0][1], pads[1][1]])
        self.values[node["name"]] = (out, [shape[0], out_size[1], out_size[2], kernel.shape[2]])

    def relu6(self, x, shape):
        shifted = self.emit("Add", [x, self.constant(self.broadcast_const(-6.0, shape), "minus6")], "shift")
        return self.emit("Sub", [self.emit("Relu", [x], "relu"), self.emit("Relu", [shifted], "relu")], "relu6")

    def prelu(self, x, shape, alpha):
        # TF.js's converter folds PReLU's alpha into the negative slope it stores as the "Neg" constant.
        return self.emit("PRelu", [x, self.constant(np.asarray(alpha, np.float32).reshape(-1, 1, 1)
                                                    if len(shape) == 4 else alpha.astype(np.float32), "alpha")],
                         "prelu")

    def op_Relu(self, node):
        x, shape = self.value(node["input"][0])
        self.values[node["name"]] = (self.emit("Relu", [x], "relu"), shape)

    def op_Relu6(self, node):
        x, shape = self.value(node["input"][0])
        self.values[node["name"]] = (self.relu6(x, shape), shape)

    def op_Sigmoid(self, node):
        x, shape = self.value(node["input"][0])
        self.values[node["name"]] = (self.emit("Sigmoid", [x], "sigmoid"), shape)

    def op_Softmax(self, node):
        x, shape = self.value(node["input"][0])
        if len(shape) != 2:
            fail(f"{self.path}: {node['name']} is a softmax over {len(shape)}-D")
        self.values[node["name"]] = (self.emit("Softmax", [x], "softmax", axis=1), shape)

    def op_Prelu(self, node):
        x, shape = self.value(node["input"][0])
        self.values[node["name"]] = (self.prelu(x, shape, self.const_value(node["input"][1])), shape)

    def elementwise(self, node, onnx_op):
        a_name, b_name = node["input"][:2]
        if self.is_const(a_name) and self.is_const(b_name):
            fail(f"{self.path}: {node['name']} has two constant operands")
        if self.is_const(a_name) or self.is_const(b_name):
            tensor_name, const_name = (b_name, a_name) if self.is_const(a_name) else (a_name, b_name)
            x, shape = self.value(tensor_name)
            c = self.constant(self.broadcast_const(self.const_value(const_name), shape), "operand")
            inputs = [c, x] if self.is_const(a_name) else [x, c]
            return self.emit(onnx_op, inputs, onnx_op.lower()), shape
        (a, a_shape), (b, b_shape) = self.value(a_name), self.value(b_name)
        if a_shape == b_shape:
            return self.emit(onnx_op, [a, b], onnx_op.lower()), a_shape
        # A squeeze-and-excitation gate: per-channel [1, 1, 1, C] against [1, H, W, C], which OpenCV takes.
        if len(a_shape) == 4 and len(b_shape) == 4 and a_shape[3] == b_shape[3]:
            if b_shape[1:3] == [1, 1]:
                return self.emit(onnx_op, [a, b], onnx_op.lower()), a_shape
            if a_shape[1:3] == [1, 1]:
                return self.emit(onnx_op, [b, a], onnx_op.lower()), b_shape
        fail(f"{self.path}: {node['name']} broadcasts {a_shape} by {b_shape}")

    def op_Add(self, node):
        self.values[node["name"]] = self.elementwise(node, "Add")

    op_AddV2 = op_Add

    def op_Sub(self, node):
        self.values[node["name"]] = self.elementwise(node, "Sub")

    def op_Mul(self, node):
        self.values[node["name"]] = self.elementwise(node, "Mul")

    def op_AddN(self, node):
        values = [self.value(i) for i in node["input"]]
        self.values[node["name"]] = (self.emit("Sum", [v[0] for v in values], "sum"), values[0][1])

    def clamp_against_constant(self, node, keep_below):
        """min(x, c) = x - relu(x - c) and max(x, c) = relu(x - c) + c: OpenCV takes no constant Min/Max."""
        tensor_name, const_name = node["input"][:2]
        if self.is_const(tensor_name):
            tensor_name, const_name = const_name, tensor_name
        x, shape = self.value(tensor_name)
        c = self.broadcast_const(self.const_value(const_name), shape)
        over = self.emit("Relu", [self.emit("Add", [x, self.constant(-c, "minus_c")], "shift")], "relu")
        if keep_below:
            return self.emit("Sub", [x, over], "min"), shape
        return self.emit("Add", [over, self.constant(c, "c")], "max"), shape

    def op_Minimum(self, node):
        self.values[node["name"]] = self.clamp_against_constant(node, True)

    def op_Maximum(self, node):
        self.values[node["name"]] = self.clamp_against_constant(node, False)

    def pool(self, node, onnx_op):
        x, shape = self.value(node["input"][0])
        ksize, strides = attr_list(node, "ksize"), attr_list(node, "strides")
        if attr_string(node, "padding") == "SAME":
            top, bottom, oh = same_pads(shape[1], ksize[1], strides[1])
            left, right, ow = same_pads(shape[2], ksize[2], strides[2])
        else:
            top = bottom = left = right = 0
            oh = (shape[1] - ksize[1]) // strides[1] + 1
            ow = (shape[2] - ksize[2]) // strides[2] + 1
        out = self.emit(onnx_op, [x], onnx_op.lower(), kernel_shape=ksize[1:3], strides=strides[1:3],
                        pads=[top, left, bottom, right])
        self.values[node["name"]] = (out, [shape[0], oh, ow, shape[3]])

    def op_MaxPool(self, node):
        self.pool(node, "MaxPool")

    def op_AvgPool(self, node):
        self.pool(node, "AveragePool")

    def op_Pad(self, node):
        x, shape = self.value(node["input"][0])
        paddings = self.const_value(node["input"][1]).reshape(-1, 2)
        if len(shape) != 4:
            fail(f"{self.path}: {node['name']} pads a {len(shape)}-D tensor")
        order = [0, 3, 1, 2]
        pads = [int(paddings[a][0]) for a in order] + [int(paddings[a][1]) for a in order]
        out = self.emit("Pad", [x, self.constant(np.array(pads, np.int64), "pads")], "pad", mode="constant")
        self.values[node["name"]] = (out, [s + int(p[0]) + int(p[1]) for s, p in zip(shape, paddings)])

    def op_ResizeBilinear(self, node):
        x, shape = self.value(node["input"][0])
        size = [int(v) for v in self.const_value(node["input"][1])]
        if attr_bool(node, "align_corners"):
            mode = "align_corners"
        elif attr_bool(node, "half_pixel_centers"):
            mode = "half_pixel"
        else:
            mode = "asymmetric"
        scales = np.array([1, 1, size[0] / shape[1], size[1] / shape[2]], np.float32)
        out = self.emit("Resize", [x, self.constant(np.zeros(0, np.float32), "roi"), self.constant(scales, "scales")],
                        "resize", mode="linear", coordinate_transformation_mode=mode)
        self.values[node["name"]] = (out, [shape[0], size[0], size[1], shape[3]])

    def op_Mean(self, node):
        x, shape = self.value(node["input"][0])
        axes = sorted(int(a) % len(shape) for a in np.asarray(self.const_value(node["input"][1])).reshape(-1))
        keep = attr_bool(node, "keep_dims")
        if len(shape) != 4 or axes != [1, 2] or keep:
            fail(f"{self.path}: {node['name']} is a mean over {axes} of {shape}; only the spatial mean is handled")
        out = self.emit("ReduceMean", [x], "mean", axes=[2, 3], keepdims=0)
        self.values[node["name"]] = (out, [shape[0], shape[3]])

    def op_Reshape(self, node):
        x, shape = self.value(node["input"][0])
        target = [int(v) for v in np.asarray(self.const_value(node["input"][1])).reshape(-1)]
        if len(shape) == 4:  # back to TF's NHWC order first, so the flattening is TF's
            x = self.emit("Transpose", [x], "to_nhwc", perm=[0, 2, 3, 1])
        total = int(np.prod(shape))
        known = int(np.prod([t for t in target if t != -1]))
        target = [total // known if t == -1 else t for t in target]
        target[0] = 1
        out = self.emit("Reshape", [x, self.constant(np.array(target, np.int64), "shape")], "reshape")
        if len(target) == 4:
            out = self.emit("Transpose", [out], "to_nchw", perm=[0, 3, 1, 2])
        self.values[node["name"]] = (out, target)


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("model", help="the TF.js model.json; its .bin shards lie beside it")
    parser.add_argument("out", help="the ONNX file to write")
    parser.add_argument("--output", action="append", default=[], help="a graph output (default: the sinks)")
    args = parser.parse_args()
    model = Converter(args.model).convert(args.output)
    tmp = args.out + ".tmp"
    onnx.save(model, tmp)
    os.replace(tmp, args.out)
    print(f"tfjs_to_onnx: {args.model} -> {args.out} ({len(model.graph.node)} nodes)")


if __name__ == "__main__":
    main()
