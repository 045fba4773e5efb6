// Handlers of the alert delivery commands (shared/contracts/delivery.ts).
import type { deliveryCommands } from '../../../../shared/contracts/delivery'
import type { HandlerGroup } from '../../dispatch'
import type { DeliveryService } from './service'

export function deliveryHandlers({ delivery }: { delivery: DeliveryService }): HandlerGroup<typeof deliveryCommands> {
  return {
    'destinations.list': () => delivery.list(),
    'destinations.save': ({ id, spec, secrets }) => delivery.save(id, spec, secrets),
    'destinations.remove': ({ id }) => ({ removed: delivery.remove(id) }),
    'destinations.test': ({ id }) => delivery.test(id),
    'deliveries.list': ({ destinationId, limit }) => delivery.deliveries(destinationId ?? null, limit),
  }
}
