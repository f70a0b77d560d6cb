import type { ReactNode } from 'react';

export function InspectorSection({ title, children }: { title: string; children: ReactNode }) {
  return (
    <section className="inspector__section" aria-label={title}>
      <h3 className="inspector__heading">{title}</h3>
      <div className="inspector__fields">{children}</div>
    </section>
  );
}
