import { describe, expect, it } from 'vitest'
import {
  hashOperatorSecret,
  newOperatorSecret,
  verifyOperatorSecret,
} from '../../src/main/core/secrets/operator-secret'

describe('operator secrets', () => {
  it('are stored as salted scrypt hashes that verify only the right secret', async () => {
    const secret = newOperatorSecret()
    expect(secret).toMatch(/^[A-Za-z0-9_-]{24}$/)
    const [a, b] = await Promise.all([hashOperatorSecret(secret), hashOperatorSecret(secret)])
    expect(a).toMatch(/^scrypt\$32768\$8\$1\$[A-Za-z0-9_-]+\$[A-Za-z0-9_-]+$/)
    expect(a).not.toContain(secret)
    expect(a).not.toBe(b)
    expect(await verifyOperatorSecret(secret, a)).toBe(true)
    expect(await verifyOperatorSecret(secret, b)).toBe(true)
    expect(await verifyOperatorSecret(`${secret}x`, a)).toBe(false)
    expect(await verifyOperatorSecret(secret, 'plain-text')).toBe(false)
    expect(
      await verifyOperatorSecret(
        secret,
        // The hash's first character (its last one also holds base64's unused padding bits).
        a.replace(/\$(.)([^$]*)$/, (_, c: string, rest: string) => `$${c === 'A' ? 'B' : 'A'}${rest}`),
      ),
    ).toBe(false)
  })
})
