import { getLinkId } from '../../core/model/ids';
import { useDesignStore, useSignalbox } from '../../editor/react';
import { InspectorField } from './InspectorField';
import { ElementFindings } from './ElementFindings';
import { useFieldFix } from './useFieldFix';
import type { FixField } from '../../core/rules/fixTarget';
import { InspectorSection } from './InspectorSection';
import { SelectField } from './SelectField';
import { BOOLEAN_OPTIONS, fromBoolean, toBoolean } from './selectOptions';
import {
  LINK_SECTIONS,
  getFieldKey,
  getFieldValue,
  patchLinkField,
  showsField,
  showsSection,
  type LinkField,
} from './linkFields';

/** One link's fields, rendered from the descriptor table in `linkFields.ts`. */
export function LinkInspector({ id }: { id: string }) {
  const link = useDesignStore((s) => s.design.links.find((l) => getLinkId(l) === id));
  const fromName = useDesignStore((s) => (link ? s.design.nodes[link.from]?.name : undefined));
  const toName = useDesignStore((s) => (link ? s.design.nodes[link.to]?.name : undefined));
  const editor = useSignalbox();
  const fixOf = useFieldFix('link', id);
  if (!link) return null;
  // Coalesce by the link's ends, not its id: typing a channel changes the id at every keystroke.
  const ends = `${link.from}->${link.to}`;
  /** Commit a field's value; a message when the link refuses it. */
  const commit = (field: LinkField, value: unknown): string | undefined => {
    const change = patchLinkField(link, field, value);
    if (!change.ok) return change.error;
    const result = editor.design.getState().updateLink(id, change.patch, `link:${ends}:${getFieldKey(field)}`);
    return result.ok ? undefined : result.error;
  };
  const renderField = (field: LinkField) => {
    const key = getFieldKey(field);
    const value = getFieldValue(link, field.path);
    if (field.control === 'text') {
      const { path: _path, kinds: _kinds, control: _control, input: _input, ...props } = field;
      return (
        <InspectorField key={key} {...props} value={value} onCommit={(v) => commit(field, v)} fix={fixOf(key as FixField)} />
      );
    }
    if (field.control === 'boolean') {
      return (
        <SelectField
          key={key}
          label={field.label}
          value={fromBoolean(value)}
          options={BOOLEAN_OPTIONS}
          onChange={(v) => commit(field, toBoolean(v))}
          fix={fixOf(key as FixField)}
        />
      );
    }
    return (
      <SelectField
        key={key}
        label={field.label}
        value={typeof value === 'string' ? value : undefined}
        options={field.options}
        optional={field.optional}
        onChange={(v) => commit(field, v)}
        fix={fixOf(key as FixField)}
      />
    );
  };

  return (
    <div className="inspector" data-testid="inspector-link">
      <header className={`inspector__title inspector__title--link-${link.kind}`}>
        <span className="inspector__title-name">
          {fromName ?? link.from} <span aria-hidden="true">→</span> {toName ?? link.to}
        </span>
        <span className="inspector__title-kind">{getLinkId(link)}</span>
      </header>
      <ElementFindings kind="link" id={id} />
      {LINK_SECTIONS.filter((section) => showsSection(link, section)).map((section) => (
        <InspectorSection key={section.title} title={section.title}>
          {section.fields.filter((field) => showsField(link, field)).map((field) => renderField(field))}
        </InspectorSection>
      ))}
    </div>
  );
}
