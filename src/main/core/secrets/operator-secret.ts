// Operator secrets: generated once and shown once, stored only as a salted
// scrypt hash (never the secret), verified in constant time.
import { randomBytes, scrypt as scryptCb, timingSafeEqual, type ScryptOptions } from 'node:crypto'

const scrypt = (secret: string, salt: Buffer, keylen: number, o: ScryptOptions) =>
  new Promise<Buffer>((resolve, reject) =>
    scryptCb(secret, salt, keylen, o, (err, key) => (err ? reject(err) : resolve(key))),
  )

// OWASP's scrypt minimum (N=2^17, r=8, p=1) costs ~128 MB and ~0.3 s a sign-in here; 2^15 keeps
// a sign-in near 80 ms with 32 MB, for secrets that are 144 random bits (not guessable words).
const N = 2 ** 15
const R = 8
const P = 1
const KEY = 32

/** A new secret to hand to an operator: 24 characters, 144 random bits. */
export const newOperatorSecret = (): string => randomBytes(18).toString('base64url')

/** `scrypt$N$r$p$salt$hash` (base64url). */
export async function hashOperatorSecret(secret: string): Promise<string> {
  const salt = randomBytes(16)
  const key = await scrypt(secret, salt, KEY, { N, r: R, p: P, maxmem: 64 * 1024 * 1024 })
  return ['scrypt', N, R, P, salt.toString('base64url'), key.toString('base64url')].join('$')
}

export async function verifyOperatorSecret(secret: string, stored: string): Promise<boolean> {
  const [kind, n, r, p, salt, hash] = stored.split('$')
  if (kind !== 'scrypt' || !salt || !hash) return false
  const expected = Buffer.from(hash, 'base64url')
  const key = await scrypt(secret, Buffer.from(salt, 'base64url'), expected.length, {
    N: Number(n),
    r: Number(r),
    p: Number(p),
    maxmem: 64 * 1024 * 1024,
  })
  return key.length === expected.length && timingSafeEqual(key, expected)
}
