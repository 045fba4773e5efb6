// Every schema step, in order. Add a step as a new numbered file and list it here.
import { initial } from './0010-initial'
import type { Migration } from './migration'

export const MIGRATIONS: readonly Migration[] = [initial]
