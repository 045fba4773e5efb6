// Validation of the demo rate typed into the top bar (whole number in the
// range the core accepts), with the message shown next to the field.
import { DEMO_RATE } from '../../../shared/domain'

export type RateCheck = { ok: true; rate: number } | { ok: false; message: string }

export function validateRate(text: string): RateCheck {
  const trimmed = text.trim()
  const rate = Number(trimmed)
  if (trimmed === '' || !Number.isInteger(rate) || rate < DEMO_RATE.min || rate > DEMO_RATE.max) {
    return {
      ok: false,
      message: `Enter a whole number from ${DEMO_RATE.min} to ${DEMO_RATE.max}.`,
    }
  }
  return { ok: true, rate }
}
