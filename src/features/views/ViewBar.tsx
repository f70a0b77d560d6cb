import { useDesignStore, useFindingsStore, useSignalbox, useUiStore, useViewStore } from '../../editor/react';
import { useMemo, useState } from 'react';
import { NODE_KINDS, SEVERITIES, type NodeKind, type Severity } from '../../core/model/types';
import {
  FOCUS_DIRECTIONS,
  LINK_FILTERS,
  getGroupings,
  isEmptyView,
  projectView,
  withExplicitCollapsed,
  type FocusDirection,
  type ViewLevel,
  type ViewSpec,
} from '../../core/views/view';
import { NODE_KIND_LABELS } from '../../components/nodeKindInfo';
import { usePopover } from '../../components/usePopover';
import { selectDesign, selectSelection } from '../../state/designStore';
import { deleteSavedView, saveView } from './savedViews';
import './views.css';

const LEVELS: { id: ViewLevel; label: string }[] = [
  { id: 'services', label: 'Services' },
  { id: 'groups', label: 'Groups' },
  { id: 'teams', label: 'Teams' },
];

const DIRECTION_LABELS: Record<FocusDirection, string> = { both: 'Both ways', upstream: 'Upstream', downstream: 'Downstream' };

function toggle<T>(list: readonly T[] | undefined, value: T): T[] {
  const l = list ?? [];
  return l.includes(value) ? l.filter((v) => v !== value) : [...l, value];
}

/**
 * The canvas's view controls: level (services, groups, teams), focus on the selection, filters,
 * and named views kept in the design. A view never edits the design; "Show all" leaves it.
 */
export function ViewBar() {
  const editor = useSignalbox();
  const { update: updateView, set: setView } = editor.viewActions;
  const design = useDesignStore(selectDesign);
  const selection = useDesignStore(selectSelection);
  const spec = useViewStore((s) => s.spec);
  const name = useViewStore((s) => s.name);
  const worstByNode = useFindingsStore((s) => s.worstByNode);
  const worstByLink = useFindingsStore((s) => s.worstByLink);
  const groupings = useMemo(() => getGroupings(design), [design]);
  const level = spec?.level ?? 'services';
  const active = !!spec && !(isEmptyView(spec) && !spec.collapsed?.length);
  const total = Object.keys(design.nodes).length;
  const shown = useMemo(() => {
    if (!active || !spec) return null;
    const p = projectView(design, spec, { worstByNode, worstByLink });
    return { nodes: p.nodes.length, aggregates: p.aggregates.length, hidden: p.hidden };
  }, [active, spec, design, worstByNode, worstByLink]);

  const focusTarget = selection.nodes.length === 1 ? selection.nodes[0] : undefined;
  const setLevel = (next: ViewLevel) => {
    if (next === 'services') updateView({ level: undefined, collapsed: undefined });
    else updateView({ level: next, collapsed: next === 'groups' ? groupings.groups : groupings.teams });
  };

  return (
    <div className="canvas-view" role="toolbar" aria-label="View">
      <div className="canvas-view__levels" role="radiogroup" aria-label="Level">
        {LEVELS.map((l) => {
          const disabled =
            (l.id === 'groups' && groupings.groups.length === 0) || (l.id === 'teams' && groupings.teams.length === 0);
          return (
            <button
              key={l.id}
              type="button"
              role="radio"
              aria-checked={level === l.id}
              className="canvas-view__level"
              disabled={disabled}
              title={
                disabled
                  ? `No node in this design has a ${l.id === 'groups' ? 'group' : 'team'}`
                  : `Show ${l.label.toLowerCase()}`
              }
              onClick={() => setLevel(l.id)}
            >
              {l.label}
            </button>
          );
        })}
      </div>
      {spec?.focus ? (
        <FocusControls focus={spec.focus} nodeName={design.nodes[spec.focus.node]?.name ?? spec.focus.node} />
      ) : (
        <button
          type="button"
          className="canvas-view__button"
          disabled={!focusTarget}
          title={focusTarget ? 'Show only what is near the selected node' : 'Select one node to focus on it'}
          onClick={() => focusTarget && updateView({ focus: { node: focusTarget, hops: 1, direction: 'both' } })}
        >
          Focus
        </button>
      )}
      <FilterMenu spec={spec} teams={groupings.teams} tags={groupings.tags} />
      <SavedViewsMenu currentName={name} spec={spec} />
      {active && shown && (
        <span className="canvas-view__status" role="status">
          {shown.nodes} of {total} nodes
          {shown.aggregates > 0 ? ` · ${shown.aggregates} collapsed` : ''}
          {name ? ` · ${name}` : ''}
        </span>
      )}
      {active && (
        <button type="button" className="canvas-view__button canvas-view__button--primary" onClick={() => setView(null)}>
          Show all
        </button>
      )}
    </div>
  );
}

function FocusControls({ focus, nodeName }: { focus: NonNullable<ViewSpec['focus']>; nodeName: string }) {
  const editor = useSignalbox();
  const { update: updateView } = editor.viewActions;
  const hops = focus.hops;
  const direction = focus.direction ?? 'both';
  return (
    <div className="canvas-view__focus" role="group" aria-label="Focus">
      <span className="canvas-view__focus-name" title={nodeName}>
        Focus: {nodeName}
      </span>
      <button
        type="button"
        className="canvas-view__step"
        aria-label="Fewer hops"
        disabled={hops <= 0}
        onClick={() => updateView({ focus: { ...focus, hops: Math.max(0, hops - 1) } })}
      >
        −
      </button>
      <span className="canvas-view__hops" aria-live="polite">
        {hops} hop{hops === 1 ? '' : 's'}
      </span>
      <button
        type="button"
        className="canvas-view__step"
        aria-label="More hops"
        disabled={hops >= 9}
        onClick={() => updateView({ focus: { ...focus, hops: Math.min(9, hops + 1) } })}
      >
        +
      </button>
      <select
        aria-label="Direction"
        className="canvas-view__select"
        value={direction}
        onChange={(e) => updateView({ focus: { ...focus, direction: e.target.value as FocusDirection } })}
      >
        {FOCUS_DIRECTIONS.map((d) => (
          <option key={d} value={d}>
            {DIRECTION_LABELS[d]}
          </option>
        ))}
      </select>
      <button
        type="button"
        className="canvas-view__step"
        aria-label="Leave focus"
        onClick={() => updateView({ focus: undefined })}
      >
        ×
      </button>
    </div>
  );
}

function FilterMenu({ spec, teams, tags }: { spec: ViewSpec | null; teams: string[]; tags: string[] }) {
  const editor = useSignalbox();
  const { update: updateView } = editor.viewActions;
  const { open, setOpen, root } = usePopover();
  const count =
    (spec?.kinds?.length ?? 0) +
    (spec?.teams?.length ?? 0) +
    (spec?.tags?.length ?? 0) +
    (spec?.protocols?.length ?? 0) +
    (spec?.severity ? 1 : 0);
  return (
    <div className="menu" ref={root}>
      <button
        type="button"
        className={`canvas-view__button${count > 0 ? ' canvas-view__button--on' : ''}`}
        aria-haspopup="dialog"
        aria-expanded={open}
        onClick={() => setOpen(!open)}
      >
        Filter{count > 0 ? ` (${count})` : ''}
      </button>
      {open && (
        <div className="menu__popup view-filter" role="dialog" aria-label="Filter">
          <FilterGroup
            legend="Kind"
            values={NODE_KINDS}
            label={(k) => NODE_KIND_LABELS[k as NodeKind] ?? k}
            checked={spec?.kinds ?? []}
            onToggle={(k) => updateView({ kinds: toggle(spec?.kinds, k as NodeKind) })}
          />
          {teams.length > 0 && (
            <FilterGroup
              legend="Team"
              values={teams}
              checked={spec?.teams ?? []}
              onToggle={(t) => updateView({ teams: toggle(spec?.teams, t) })}
            />
          )}
          {tags.length > 0 && (
            <FilterGroup
              legend="Tag"
              values={tags}
              checked={spec?.tags ?? []}
              onToggle={(t) => updateView({ tags: toggle(spec?.tags, t) })}
            />
          )}
          <FilterGroup
            legend="Links"
            values={LINK_FILTERS}
            label={(p) => (p === 'async' ? 'messages' : p === 'call' ? 'other calls' : p)}
            checked={spec?.protocols ?? []}
            onToggle={(p) => updateView({ protocols: toggle(spec?.protocols, p) })}
          />
          <label className="view-filter__severity">
            <span>Findings</span>
            <select
              className="canvas-view__select"
              value={spec?.severity ?? ''}
              onChange={(e) => updateView({ severity: (e.target.value || undefined) as Severity | undefined })}
            >
              <option value="">Any node</option>
              {SEVERITIES.map((s) => (
                <option key={s} value={s}>
                  {s === 'info' ? 'Any finding' : `${s[0]!.toUpperCase()}${s.slice(1)}s${s === 'warning' ? ' and errors' : ''}`}
                </option>
              ))}
            </select>
          </label>
        </div>
      )}
    </div>
  );
}

function FilterGroup({
  legend,
  values,
  checked,
  label,
  onToggle,
}: {
  legend: string;
  values: readonly string[];
  checked: readonly string[];
  label?: (v: string) => string;
  onToggle: (v: string) => void;
}) {
  return (
    <fieldset className="view-filter__group">
      <legend>{legend}</legend>
      {values.map((v) => (
        <label key={v} className="view-filter__option">
          <input type="checkbox" checked={checked.includes(v)} onChange={() => onToggle(v)} />
          <span>{label ? label(v) : v}</span>
        </label>
      ))}
    </fieldset>
  );
}

function SavedViewsMenu({ currentName, spec }: { currentName: string | null; spec: ViewSpec | null }) {
  const editor = useSignalbox();
  const { set: setView } = editor.viewActions;
  const { open, setOpen, root } = usePopover();
  const views = useDesignStore((s) => s.design.views);
  // A view link shows the saved views but edits nothing.
  const readOnly = useUiStore((s) => s.readOnly);
  const [naming, setNaming] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const names = Object.keys(views ?? {});
  const canSave = !!spec && !(isEmptyView(spec) && !spec.collapsed?.length);
  const submit = () => {
    const result = saveView(editor, naming ?? '', editor.view.getState().spec);
    if (!result.ok) {
      setError(result.error);
      return;
    }
    setNaming(null);
    setError(null);
    setOpen(false);
  };
  return (
    <div className="menu" ref={root}>
      <button
        type="button"
        className="canvas-view__button"
        aria-haspopup="menu"
        aria-expanded={open}
        onClick={() => setOpen(!open)}
      >
        Views{names.length > 0 ? ` (${names.length})` : ''}
      </button>
      {open && (
        <div className="menu__popup view-saved" role="menu" aria-label="Saved views">
          {names.length === 0 && <p className="view-saved__empty">No saved views yet. Filter, focus or collapse, then save.</p>}
          {names.map((n) => (
            <div key={n} className="view-saved__row">
              <button
                type="button"
                role="menuitemradio"
                aria-checked={currentName === n}
                className="menu__item view-saved__item"
                onClick={() => {
                  const saved = editor.design.getState().design.views?.[n];
                  if (saved) setView(withExplicitCollapsed(editor.design.getState().design, saved as ViewSpec), n);
                  setOpen(false);
                }}
              >
                <span className="menu__item-name">{n}</span>
              </button>
              {!readOnly && (
                <button
                  type="button"
                  className="canvas-view__step"
                  aria-label={`Delete view ${n}`}
                  onClick={() => deleteSavedView(editor, n)}
                >
                  ×
                </button>
              )}
            </div>
          ))}
          {readOnly ? null : naming === null ? (
            <button
              type="button"
              role="menuitem"
              className="menu__item view-saved__save"
              disabled={!canSave}
              title={canSave ? undefined : 'Filter, focus or collapse first: an empty view shows everything'}
              onClick={() => setNaming(currentName ?? '')}
            >
              <span className="menu__item-name">Save current view…</span>
            </button>
          ) : (
            <form
              className="view-saved__form"
              onSubmit={(e) => {
                e.preventDefault();
                submit();
              }}
            >
              <label className="view-saved__label">
                <span>View name</span>
                <input
                  autoFocus
                  value={naming}
                  maxLength={80}
                  aria-invalid={!!error}
                  aria-describedby={error ? 'view-name-error' : undefined}
                  onChange={(e) => {
                    setNaming(e.target.value);
                    setError(null);
                  }}
                />
              </label>
              {error && (
                <p id="view-name-error" className="view-saved__error" role="alert">
                  {error}
                </p>
              )}
              <button type="submit" className="canvas-view__button canvas-view__button--primary">
                Save
              </button>
            </form>
          )}
        </div>
      )}
    </div>
  );
}
