import { useDesignStore, useSignalbox } from '../../editor/react';
import type { DesignNode, NodeKind } from '../../core/model/types';
import { DISCOVERIES, GATEWAY_AUTHS, LOAD_BALANCINGS, NODE_KINDS } from '../../core/model/types';
import { nodeSchema } from '../../core/model/schema';
import { NodeIcon } from '../../components/NodeIcon';
import { NODE_KIND_LABELS } from '../../components/nodeKindInfo';
import { InspectorField } from './InspectorField';
import { InspectorSection } from './InspectorSection';
import { SelectField } from './SelectField';
import { BOOLEAN_OPTIONS, fromBoolean, toBoolean, toOptions } from './selectOptions';
import { ElementFindings } from './ElementFindings';
import { useFieldFix } from './useFieldFix';
import type { FixField } from '../../core/rules/fixTarget';
import { listCodec, numberCodec, textCodec, type FieldCodec } from './fieldCodecs';

const S = nodeSchema.shape;
const CODECS = {
  name: textCodec(S.name),
  team: textCodec(S.team),
  group: textCodec(S.group),
  tech: textCodec(S.tech),
  notes: textCodec(S.notes),
  tags: listCodec(S.tags, 'comma'),
  replicas: numberCodec(S.replicas),
  availability: numberCodec(S.availability),
  latencyMs: numberCodec(S.latencyMs),
  rateLimitRps: numberCodec(S.rateLimitRps),
  transformations: listCodec(S.transformations, 'line'),
} satisfies Record<string, FieldCodec>;

const ID_CODEC: FieldCodec = {
  parse: (text) => {
    const id = text.trim();
    if (id === '') return { ok: false, error: 'an id is required' };
    if (/\s/.test(id)) return { ok: false, error: 'no spaces in an id (links name nodes by id)' };
    return { ok: true, value: id };
  },
  format: (v) => (typeof v === 'string' ? v : ''),
};

/** Which optional keys a kind uses (format.md, "Node kinds"). A key with a value always shows. */
const APPLIES: Record<string, readonly NodeKind[]> = {
  team: ['service', 'gateway', 'broker', 'database'],
  replicas: ['service', 'gateway', 'broker', 'database'],
  tech: ['service', 'gateway', 'broker', 'database'],
  availability: ['service', 'external'],
  latencyMs: ['service', 'external'],
  outbox: ['service'],
  discovery: ['service'],
  healthCheck: ['service'],
  tracing: ['service'],
  eventSourced: ['service'],
  auth: ['gateway'],
  rateLimitRps: ['gateway'],
  loadBalancing: ['service', 'gateway'],
  transformations: ['gateway'],
  replayable: ['broker'],
};

const KIND_OPTIONS = NODE_KINDS.map((k) => ({ value: k, label: NODE_KIND_LABELS[k] }));

export function NodeInspector({ id }: { id: string }) {
  const node = useDesignStore((s) => s.design.nodes[id]);
  const editor = useSignalbox();
  const fixOf = useFieldFix('node', id);
  if (!node) return null;
  const shows = (key: keyof DesignNode & string) => node[key] !== undefined || (APPLIES[key]?.includes(node.kind) ?? true);
  const update = (key: keyof DesignNode & string) => (value: unknown) => {
    const result = editor.design.getState().updateNode(id, { [key]: value });
    return result.ok ? undefined : result.error;
  };
  const text = (
    key: keyof typeof CODECS,
    label: string,
    extra: { numeric?: boolean; placeholder?: string; hint?: string } = {},
  ) =>
    shows(key) && (
      <InspectorField
        key={key}
        label={label}
        value={node[key]}
        codec={CODECS[key]}
        onCommit={update(key)}
        fix={fixOf(key as FixField)}
        {...extra}
      />
    );
  const flag = (key: 'outbox' | 'healthCheck' | 'tracing' | 'eventSourced' | 'replayable', label: string) =>
    shows(key) && (
      <SelectField
        key={key}
        label={label}
        value={fromBoolean(node[key])}
        options={BOOLEAN_OPTIONS}
        onChange={(v) => update(key)(toBoolean(v))}
        fix={fixOf(key as FixField)}
      />
    );

  return (
    <div className="inspector" data-testid="inspector-node">
      <header className={`inspector__title inspector__title--${node.kind}`}>
        <span className="inspector__title-icon">
          <NodeIcon kind={node.kind} size={20} />
        </span>
        <span>
          <span className="inspector__title-name">{node.name}</span>
          <span className="inspector__title-kind">{NODE_KIND_LABELS[node.kind]}</span>
        </span>
      </header>
      <ElementFindings kind="node" id={id} />
      <InspectorSection title="Identity">
        <SelectField
          label="Kind"
          value={node.kind}
          options={KIND_OPTIONS}
          optional={false}
          onChange={(v) => v && update('kind')(v)}
        />
        {/* Through renameNode: a generated id (service-2) follows the name, as on the canvas. */}
        <InspectorField
          label="Name"
          value={node.name}
          codec={CODECS.name}
          onCommit={(name) => {
            if (typeof name !== 'string') return undefined;
            const result = editor.design.getState().renameNode(id, name);
            return result.ok ? undefined : result.error;
          }}
        />
        <InspectorField
          label="Id"
          value={id}
          codec={ID_CODEC}
          mono
          hint="Links name nodes by id; renaming follows every link."
          onCommit={(to) => {
            if (to === id || typeof to !== 'string') return undefined;
            const result = editor.design.getState().renameNodeId(id, to);
            return result.ok ? undefined : result.error;
          }}
        />
        {text('team', 'Team', { placeholder: 'owner team' })}
        {text('group', 'Group', { placeholder: 'bounded context', hint: 'Services in one group may share a datastore.' })}
        {text('tags', 'Tags', { placeholder: 'comma, separated' })}
      </InspectorSection>
      <InspectorSection title="Runtime">
        {text('tech', 'Tech', {
          placeholder:
            node.kind === 'broker' ? 'kafka, rabbitmq, sqs…' : node.kind === 'database' ? 'postgres, redis…' : 'go, java…',
        })}
        {text('replicas', 'Replicas', { numeric: true })}
        {text('availability', 'Availability (%)', { numeric: true, placeholder: '99.9' })}
        {text('latencyMs', 'Latency p99 (ms)', { numeric: true })}
        {shows('discovery') && (
          <SelectField
            label="Discovery"
            value={node.discovery}
            options={toOptions(DISCOVERIES)}
            onChange={(v) => update('discovery')(v)}
            fix={fixOf('discovery')}
          />
        )}
        {flag('healthCheck', 'Health check')}
        {flag('tracing', 'Tracing')}
        {flag('outbox', 'Transactional outbox')}
        {flag('eventSourced', 'Event sourced')}
        {shows('auth') && (
          <SelectField
            label="Auth"
            value={node.auth}
            options={toOptions(GATEWAY_AUTHS)}
            onChange={(v) => update('auth')(v)}
            fix={fixOf('auth')}
          />
        )}
        {text('rateLimitRps', 'Rate limit (rps)', { numeric: true })}
        {shows('loadBalancing') && (
          <SelectField
            label="Load balancing"
            value={node.loadBalancing}
            options={toOptions(LOAD_BALANCINGS)}
            onChange={(v) => update('loadBalancing')(v)}
          />
        )}
        {flag('replayable', 'Replayable (keeps messages)')}
        {shows('transformations') && (
          <InspectorField
            label="Request transformations"
            value={node.transformations}
            codec={CODECS.transformations}
            onCommit={update('transformations')}
            multiline
            rows={3}
            placeholder="one per line: strip /api prefix"
          />
        )}
      </InspectorSection>
      <InspectorSection title="Notes">
        <InspectorField label="Notes" value={node.notes} codec={CODECS.notes} onCommit={update('notes')} multiline rows={4} />
      </InspectorSection>
    </div>
  );
}
