// One command of the contract: the zod schema of its input and of its result.
import type { z } from 'zod'

export function command<I extends z.ZodType, O extends z.ZodType>(input: I, output: O) {
  return { input, output }
}
