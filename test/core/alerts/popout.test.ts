// Which window.open requests Electron's main process turns into a pop-out
// column window: only our own page with exactly `?column=ID`.
import { pathToFileURL } from 'node:url'
import { describe, expect, it } from 'vitest'
import { popoutColumn } from '../../../src/main/popout'

const indexFile = '/opt/earshot/resources/app/out/renderer/index.html'
const index = pathToFileURL(indexFile).href

describe('pop-out window requests', () => {
  it('accepts our packaged page with one column parameter', () => {
    expect(popoutColumn(`${index}?column=abc`, { indexFile })).toBe('abc')
  })

  it('refuses other files, hosts, extra parameters, fragments and remote pages', () => {
    for (const url of [
      `${index}`,
      `${index}?column=abc&x=1`,
      `${index}?column=abc#top`,
      `${index}?column=`,
      pathToFileURL('/etc/passwd').href + '?column=abc',
      'file://evil.example/opt/earshot/resources/app/out/renderer/index.html?column=abc',
      'https://evil.example/?column=abc',
      'javascript:alert(1)',
      'not a url',
    ]) {
      expect(popoutColumn(url, { indexFile }), url).toBeNull()
    }
  })

  it('in development accepts only the dev server origin', () => {
    const devUrl = 'http://localhost:5173/'
    expect(popoutColumn('http://localhost:5173/?column=c1', { indexFile, devUrl })).toBe('c1')
    expect(popoutColumn('http://localhost:5174/?column=c1', { indexFile, devUrl })).toBeNull()
    expect(popoutColumn(`${index}?column=c1`, { indexFile, devUrl })).toBeNull()
  })
})
