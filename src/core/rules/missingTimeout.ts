import type { NodeKind } from '../model/types';
import type { Rule } from './types';
import { findUnguardedCalls } from './unguardedCalls';

const CALLEES: ReadonlySet<NodeKind> = new Set(['service', 'gateway', 'external', 'database']);

export const missingTimeout: Rule = {
  id: 'missing-timeout',
  defaultSeverity: 'error',
  title: 'Sync call without a timeout',
  description:
    'A sync link from a service or gateway to a service, gateway, external or database has no `timeoutMs`: a hung callee holds the caller’s threads and connections until they run out.',
  fix: 'Set a timeout near the callee’s p99.9 latency.',
  check: (context) => findUnguardedCalls(context, CALLEES, (link) => link.timeoutMs !== undefined, 'timeout'),
};
