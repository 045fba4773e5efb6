// The shipped model as a JSON file (resources/sentiment/model.json): weights
// quantized to 16 bits per class with one scale each, base64-encoded, beside
// what it is and how well it did. Quantizing is deterministic, so the build
// script's output can be compared with the shipped file byte for byte.
import { CLASSES, type LinearModel } from './linear'

export interface ModelFile {
  /** Stored with every mention it scores, e.g. "earshot-linear/1". */
  scorer: string
  bits: number
  /** Per class: weight = int16 * scale. */
  scales: number[]
  /** Little-endian int16, class-major, base64. */
  weights: string
  /** How it was built and how well it did on each validation split (filled in by the build). */
  about: Record<string, unknown>
}

const INT16_MAX = 32767

export function encodeModel(model: LinearModel, scorer: string, about: Record<string, unknown>): ModelFile {
  const per = model.weights.length / CLASSES
  const q = new Int16Array(model.weights.length)
  const scales: number[] = []
  for (let k = 0; k < CLASSES; k++) {
    let max = 0
    for (let j = 0; j < per; j++) max = Math.max(max, Math.abs(model.weights[k * per + j]!))
    const scale = max > 0 ? Math.fround(max / INT16_MAX) : 1
    scales.push(scale)
    for (let j = 0; j < per; j++) q[k * per + j] = Math.round(model.weights[k * per + j]! / scale)
  }
  const bytes = Buffer.from(q.buffer, q.byteOffset, q.byteLength)
  return { scorer, bits: model.bits, scales, weights: bytes.toString('base64'), about }
}

export function decodeModel(file: ModelFile): LinearModel {
  const bytes = Buffer.from(file.weights, 'base64')
  const q = new Int16Array(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength))
  const per = q.length / CLASSES
  const weights = new Float32Array(q.length)
  for (let k = 0; k < CLASSES; k++)
    for (let j = 0; j < per; j++) weights[k * per + j] = q[k * per + j]! * file.scales[k]!
  return { bits: file.bits, weights }
}
