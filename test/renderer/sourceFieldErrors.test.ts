// The Sources panel puts each of the core's validation issues on the field it names.
import { describe, expect, it } from 'vitest'
import { CommandError } from '../../src/shared/contract'
import { formErrors } from '../../src/renderer/src/components/sources/fieldErrors'

describe('formErrors', () => {
  it('maps config and secret issues to fields, keeps the rest general', () => {
    const err = new CommandError({
      code: 'bad_request',
      message: 'invalid rss settings',
      issues: [
        'config.feeds.1.url: this feed is already listed',
        'config.feeds.1.url: a second message is not shown',
        'secrets.appPassword: too long',
        'something else went wrong',
      ],
    })
    expect(formErrors(err)).toEqual({
      fields: { 'feeds.1.url': 'this feed is already listed', appPassword: 'too long' },
      general: 'something else went wrong',
    })
  })

  it('falls back to the message when no field is named', () => {
    expect(formErrors(new CommandError({ code: 'internal', message: 'database is locked' }))).toEqual({
      fields: {},
      general: 'database is locked',
    })
    expect(formErrors(new Error('socket closed'))).toEqual({ fields: {}, general: 'socket closed' })
  })
})
