import { describe, expect, it } from 'vitest';
import { database, findingsOf, makeDesign, safeSync, service, shapeOf } from './testUtils';

describe('shared-database', () => {
  const links = [safeSync('order', 'db'), safeSync('invoice', 'db'), safeSync('order', 'cache')];

  it('reports a database used by services in different contexts', () => {
    const design = makeDesign(
      { order: service(), invoice: service(), db: database({ name: 'Main DB' }), cache: database() },
      links,
    );
    const findings = findingsOf(design, 'shared-database');
    expect(findings.map(shapeOf)).toEqual([
      { severity: 'error', nodes: ['db', 'order', 'invoice'], links: ['order->db', 'invoice->db'] },
    ]);
    expect(findings[0]!.message).toBe('Main DB is shared by Order and Invoice');
  });

  it('treats an ungrouped service as its own context', () => {
    const design = makeDesign(
      { order: service({ group: 'sales' }), invoice: service(), db: database(), cache: database() },
      links,
    );
    expect(findingsOf(design, 'shared-database')).toHaveLength(1);
  });

  it('stays silent when the services share a group', () => {
    const design = makeDesign(
      { order: service({ group: 'sales' }), invoice: service({ group: 'sales' }), db: database(), cache: database() },
      links,
    );
    expect(findingsOf(design, 'shared-database')).toEqual([]);
  });
});
