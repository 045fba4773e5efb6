// HTML from feeds and Mastodon statuses to plain text, through html-to-text.
// Links keep their target (the matcher's `url:` reads it) but print once when
// the text already is the URL; Mastodon's @mention and #hashtag links print as
// the bare sigil text; images and scripts vanish.
import { compile } from 'html-to-text'

const convert = compile({
  wordwrap: false,
  selectors: [
    { selector: 'a', options: { hideLinkHrefIfSameAsText: true, linkBrackets: [' (', ')'] } },
    { selector: 'a.mention', format: 'anchor', options: { ignoreHref: true } },
    { selector: 'a.hashtag', format: 'anchor', options: { ignoreHref: true } },
    { selector: 'img', format: 'skip' },
    { selector: 'h1', options: { uppercase: false } },
    { selector: 'h2', options: { uppercase: false } },
    { selector: 'h3', options: { uppercase: false } },
    { selector: 'table', format: 'block' },
  ],
})

export function htmlToText(html: string): string {
  if (!/[<&]/.test(html)) return html.trim()
  return convert(html)
    .replace(/\n{3,}/g, '\n\n')
    .trim()
}
