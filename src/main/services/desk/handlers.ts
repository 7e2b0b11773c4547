import type { Domain } from '../context';
import type { DeskService } from './desk-service';

export function createDeskDomain(
  desk: DeskService,
): Domain<
  | 'desk.state'
  | 'desk.lock'
  | 'desk.unlock'
  | 'desk.setPin'
  | 'desk.queuedWork'
  | 'desk.removeUser'
  | 'desk.setAutoLock'
  | 'desk.audit'
> {
  return {
    handlers: {
      'desk.state': () => desk.state(),
      'desk.lock': (args) => {
        desk.lock('manual', args?.returnTo ?? null);
        return desk.state();
      },
      'desk.unlock': ({ userId, pin }) => desk.unlock(userId, pin),
      'desk.setPin': ({ pin }) => desk.setPin(pin),
      'desk.queuedWork': ({ userId }) => ({ count: desk.queuedWork(userId) }),
      'desk.removeUser': ({ userId }) => desk.removeUser(userId),
      'desk.setAutoLock': ({ minutes }) => desk.setAutoLockMinutes(minutes),
      'desk.audit': () => desk.auditList(),
    },
  };
}
