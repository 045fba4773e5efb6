// The composer's thread for a mention, asked of the core once per mention.
// The core takes ancestors from the archive and the network (cached there),
// so opening the same mention again is cheap.
import { useEffect, useState } from 'react'
import type { Thread } from '../../../shared/contracts/thread'
import { errorLine } from '../lib/errors'
import { fetchThread } from '../state/search'

export type ThreadState =
  { status: 'loading' } | { status: 'ready'; thread: Thread } | { status: 'error'; message: string }

type Answer = { mentionId: number } & ({ thread: Thread } | { message: string })

export function useThread(mentionId: number): ThreadState {
  const [answer, setAnswer] = useState<Answer | null>(null)
  useEffect(() => {
    let live = true
    fetchThread({ mentionId }).then(
      (thread) => live && setAnswer({ mentionId, thread }),
      (err: unknown) => live && setAnswer({ mentionId, message: errorLine(err) }),
    )
    return () => {
      live = false
    }
  }, [mentionId])
  // An answer for another mention (the previous one) means this one is still loading.
  if (answer === null || answer.mentionId !== mentionId) return { status: 'loading' }
  return 'thread' in answer ? { status: 'ready', thread: answer.thread } : { status: 'error', message: answer.message }
}
