// Browser mode's WebSocket framing of the contract: one JSON object per text
// frame. The same command names and payloads as the preload bridge.
import { z } from 'zod'
import type { Reply } from './contract'

export const WS_PATH = '/ws'
/** Cookie the server sets after a request with the right ?token=. */
export const TOKEN_COOKIE = 'earshot_token'
export const TOKEN_PARAM = 'token'

export const ClientFrameSchema = z.object({
  t: z.literal('cmd'),
  id: z.number().int().nonnegative(),
  name: z.string().max(100),
  input: z.unknown(),
})
export type ClientFrame = z.infer<typeof ClientFrameSchema>

export type ServerFrame = { t: 'reply'; id: number; reply: Reply } | { t: 'event'; name: string; payload: unknown }
