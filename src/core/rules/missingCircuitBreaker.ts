import type { NodeKind } from '../model/types';
import type { Rule } from './types';
import { findUnguardedCalls } from './unguardedCalls';

// Databases are left out: a pool limit and a timeout guard them; breakers protect remote services.
const CALLEES: ReadonlySet<NodeKind> = new Set(['service', 'external']);

export const missingCircuitBreaker: Rule = {
  id: 'missing-circuit-breaker',
  defaultSeverity: 'warning',
  title: 'Sync call without a circuit breaker',
  description:
    'A sync link from a service or gateway to a service or external has no `breaker`: when the callee fails, every caller keeps waiting on it instead of failing fast.',
  fix: 'Add a circuit breaker with a fallback.',
  check: (context) => findUnguardedCalls(context, CALLEES, (link) => link.breaker !== undefined, 'circuit breaker'),
};
