import { useDesignStore, useSignalbox } from '../../editor/react';
import { designSchema, linkDefaultsSchema, retrySchema } from '../../core/model/schema';
import {
  CONSISTENCIES,
  DELIVERIES,
  NODE_KINDS,
  PLATFORMS,
  TRACE_PROPAGATIONS,
  type Design,
  type LinkDefaults,
} from '../../core/model/types';
import { NODE_KIND_LABELS } from '../../components/nodeKindInfo';
import { InspectorField } from './InspectorField';
import { InspectorSection } from './InspectorSection';
import { SelectField } from './SelectField';
import { toOptions } from './selectOptions';
import { numberCodec, textCodec } from './fieldCodecs';

const NAME = textCodec(designSchema.shape.name);
const DESCRIPTION = textCodec(designSchema.shape.description);
const D = linkDefaultsSchema.shape;
const DEFAULT_CODECS = {
  timeoutMs: numberCodec(D.timeoutMs),
  retryMax: numberCodec(retrySchema.shape.max),
  dlq: textCodec(D.dlq),
} as const;
const DELIVERY_OPTIONS = toOptions(DELIVERIES);

// A store selector runs on every change of the store (a selection, a notice), not only when the
// design changes: counting 15,000 nodes each time cost opening a big design a quarter of a second.
// So each count is kept per nodes object and per links array.
function countedOnce<T extends object>(count: (of: T) => string): (of: T) => string {
  const counted = new WeakMap<T, string>();
  return (of) => {
    let text = counted.get(of);
    if (text === undefined) counted.set(of, (text = count(of)));
    return text;
  };
}

const getKindCounts = countedOnce((nodes: Design['nodes']) => {
  const counts: Record<string, number> = {};
  for (const n of Object.values(nodes)) counts[n.kind] = (counts[n.kind] ?? 0) + 1;
  return NODE_KINDS.map((k) => counts[k] ?? 0).join(',');
});

const getSyncAsyncCounts = countedOnce((links: Design['links']) => {
  let sync = 0;
  for (const l of links) if (l.kind === 'sync') sync++;
  return `${sync},${links.length - sync}`;
});

/** Nothing selected: the design itself, and what it holds. */
export function DesignInspector() {
  const editor = useSignalbox();
  const designStore = editor.design;
  const name = useDesignStore((s) => s.design.name);
  const description = useDesignStore((s) => s.design.description);
  const platform = useDesignStore((s) => s.design.platform);
  const tracePropagation = useDesignStore((s) => s.design.tracePropagation);
  const flows = useDesignStore((s) => s.design.flows);
  // Counts are strings so that a drag (new nodes object, same counts) re-renders nothing.
  const kindCounts = useDesignStore((s) => getKindCounts(s.design.nodes));
  const linkCounts = useDesignStore((s) => `${getSyncAsyncCounts(s.design.links)},${s.design.flows?.length ?? 0}`);
  const kinds = kindCounts.split(',').map(Number);
  const [sync = 0, async = 0, flowCount = 0] = linkCounts.split(',').map(Number);
  const total = kinds.reduce((a, b) => a + b, 0);
  const replace = (patch: Record<string, unknown>, key: string) => {
    const design = { ...designStore.getState().design, ...patch };
    for (const [k, v] of Object.entries(patch)) if (v === undefined) delete design[k];
    const result = designStore.getState().replaceDesign(design, key);
    return result.ok ? undefined : result.error;
  };
  const defaults = useDesignStore((s) => s.design.defaults);
  /** Set one default; an empty block goes away, so a design without defaults stays as it was. */
  const setDefault = (key: keyof LinkDefaults & string) => (value: unknown) => {
    const next: Record<string, unknown> = { ...(designStore.getState().design.defaults ?? {}) };
    if (value === undefined) delete next[key];
    else next[key] = value;
    replace({ defaults: Object.keys(next).length === 0 ? undefined : next }, `design-defaults:${key}`);
  };
  return (
    <div className="inspector" data-testid="inspector-design">
      <header className="inspector__title">
        <span className="inspector__title-name">Design</span>
        <span className="inspector__title-kind">Select a node or a link to edit it</span>
      </header>
      <InspectorSection title="Design">
        <InspectorField
          label="Design title"
          value={name}
          codec={NAME}
          onCommit={(v) => {
            const result = designStore.getState().renameDesign(typeof v === 'string' ? v : '');
            return result.ok ? undefined : result.error;
          }}
        />
        <InspectorField
          label="Description"
          value={description}
          codec={DESCRIPTION}
          onCommit={(v) => {
            const result = designStore.getState().setDescription(typeof v === 'string' ? v : undefined);
            return result.ok ? undefined : result.error;
          }}
          multiline
          rows={4}
        />
        <SelectField
          label="Platform"
          value={platform}
          options={toOptions(PLATFORMS)}
          onChange={(v) => replace({ platform: v }, 'design-platform')}
        />
        <SelectField
          label="Trace propagation"
          value={tracePropagation}
          options={toOptions(TRACE_PROPAGATIONS)}
          onChange={(v) => replace({ tracePropagation: v }, 'design-trace-propagation')}
        />
      </InspectorSection>
      <InspectorSection title="Link defaults">
        <p className="field__hint">What every link that does not say otherwise has. A link&rsquo;s own value wins.</p>
        <InspectorField
          label="Default timeout (ms)"
          value={defaults?.timeoutMs}
          codec={DEFAULT_CODECS.timeoutMs}
          onCommit={setDefault('timeoutMs')}
          numeric
          hint="Sync calls without a timeout of their own."
        />
        <InspectorField
          label="Default max retries"
          value={defaults?.retry?.max}
          codec={DEFAULT_CODECS.retryMax}
          onCommit={(max) =>
            setDefault('retry')(max === undefined ? undefined : { backoff: 'exponential', jitter: true, ...defaults?.retry, max })
          }
          numeric
          hint="Sync calls; exponential backoff with jitter."
        />
        <SelectField
          label="Default delivery"
          value={defaults?.delivery}
          options={DELIVERY_OPTIONS}
          onChange={setDefault('delivery')}
        />
        <InspectorField
          label="Default dead-letter channel"
          value={defaults?.dlq}
          codec={DEFAULT_CODECS.dlq}
          onCommit={setDefault('dlq')}
          mono
          placeholder="{channel}.dlq"
          hint="Consumers without one; {channel} is the link's channel."
        />
      </InspectorSection>
      {flows && flows.length > 0 && (
        <InspectorSection title="Flows">
          {flows.map((flow, i) => (
            <SelectField
              key={`${i}:${flow.name}`}
              label={`${flow.name}: consistency`}
              value={flow.consistency}
              options={toOptions(CONSISTENCIES)}
              onChange={(v) => {
                const next = flows.map((f, k) => {
                  if (k !== i) return f;
                  const copy = { ...f, consistency: v as (typeof CONSISTENCIES)[number] | undefined };
                  if (v === undefined) delete copy.consistency;
                  return copy;
                });
                replace({ flows: next }, `design-flow-consistency-${i}`);
              }}
            />
          ))}
        </InspectorSection>
      )}
      <InspectorSection title="Contents">
        <dl className="inspector__stats">
          <div>
            <dt>Nodes</dt>
            <dd data-testid="count-nodes">{total}</dd>
          </div>
          {NODE_KINDS.map((k, i) =>
            kinds[i] ? (
              <div key={k} className="inspector__stat--sub">
                <dt>{NODE_KIND_LABELS[k]}</dt>
                <dd>{kinds[i]}</dd>
              </div>
            ) : null,
          )}
          <div>
            <dt>Sync links</dt>
            <dd data-testid="count-sync">{sync}</dd>
          </div>
          <div>
            <dt>Async links</dt>
            <dd data-testid="count-async">{async}</dd>
          </div>
          <div>
            <dt>Flows</dt>
            <dd>{flowCount}</dd>
          </div>
        </dl>
      </InspectorSection>
    </div>
  );
}
