// Runs a TF.js graph model on the pure-JS CPU backend: the reference the converted ONNX is checked against.
// Usage: node run_tfjs.mjs MODEL.json INPUT.f32 H W C OUT_PREFIX OUTPUT_NAME...
// INPUT.f32 holds one NHWC float32 image; each output is written as OUT_PREFIX.N.f32 (NHWC, float32).
import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-cpu';
import * as converter from '@tensorflow/tfjs-converter';
import fs from 'node:fs';
import path from 'node:path';

const [modelPath, inputPath, h, w, c, outPrefix, ...outputs] = process.argv.slice(2);
const model = JSON.parse(fs.readFileSync(modelPath, 'utf8'));
const specs = model.weightsManifest.flatMap((g) => g.weights);
const weights = Buffer.concat(model.weightsManifest.flatMap((g) => g.paths)
  .map((p) => fs.readFileSync(path.join(path.dirname(modelPath), p))));
await tf.setBackend('cpu');
const graph = await converter.loadGraphModel(tf.io.fromMemory({
  modelTopology: model.modelTopology, weightSpecs: specs,
  weightData: weights.buffer.slice(weights.byteOffset, weights.byteOffset + weights.byteLength),
}));
const raw = fs.readFileSync(inputPath);
const input = tf.tensor(new Float32Array(raw.buffer, raw.byteOffset, raw.byteLength / 4), [1, +h, +w, +c]);
const results = graph.execute(input, outputs);
for (const [i, t] of (Array.isArray(results) ? results : [results]).entries()) {
  fs.writeFileSync(`${outPrefix}.${i}.f32`, Buffer.from((await t.data()).buffer));
  console.log(outputs[i], t.shape.join('x'));
}
