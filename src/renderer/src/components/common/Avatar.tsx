// The author's avatar: a circle with initials, coloured by the handle.
import { memo } from 'react'
import { avatarHue, initialsFor } from '../../lib/avatar'

export const Avatar = memo(function Avatar({ name, handle }: { name: string; handle: string }) {
  const hue = avatarHue(handle)
  return (
    <span className="avatar" aria-hidden="true" style={{ backgroundColor: `hsl(${hue} 42% 34%)` }}>
      {initialsFor(name, handle)}
    </span>
  )
})
