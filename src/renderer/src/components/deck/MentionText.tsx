// A mention's text: links (new tab, shortened), #hashtags and @mentions
// highlighted, and the column's keyword hits marked.
import { memo, useMemo } from 'react'
import { splitText } from '../../lib/textParts'

interface MentionTextProps {
  /** For aria-describedby on the card. */
  id?: string
  text: string
  phrases: readonly (readonly string[])[]
}

export const MentionText = memo(function MentionText({ id, text, phrases }: MentionTextProps) {
  const parts = useMemo(() => splitText(text, phrases), [text, phrases])
  return (
    <p className="card-text" id={id}>
      {parts.map((p, i) => {
        switch (p.kind) {
          case 'link':
            return (
              <a key={i} href={p.href} target="_blank" rel="noopener noreferrer" title={p.href}>
                {p.display}
              </a>
            )
          case 'hashtag':
            return (
              <span key={i} className={p.hit ? 'tag hit' : 'tag'}>
                {p.text}
              </span>
            )
          case 'mention':
            return (
              <span key={i} className={p.hit ? 'at hit' : 'at'}>
                {p.text}
              </span>
            )
          default:
            return p.hit ? (
              <mark key={i} className="hit">
                {p.text}
              </mark>
            ) : (
              <span key={i}>{p.text}</span>
            )
        }
      })}
    </p>
  )
})
