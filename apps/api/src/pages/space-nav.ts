import type { Catalogue } from './i18n/catalogues.js';

export type SpacePage = 'week' | 'history' | 'training' | 'registry' | 'hours' | 'label';

/**
 * The menu of a space's pages, the same on each of them (WCAG 3.2.3), with the current one marked.
 * Spread into a page's data for the `space-nav` partial.
 */
export function spaceNavOf(space: { ref: string; name: string }, current: SpacePage, m: Catalogue) {
  const base = `/spaces/${encodeURIComponent(space.ref)}`;
  const entries: Array<[SpacePage, string]> = [
    ['week', m.mySpaces.thisWeek],
    ['history', m.mySpaces.history],
    ['training', m.mySpaces.training],
    ['registry', m.mySpaces.registry],
    ['hours', m.mySpaces.hours],
    ['label', m.mySpaces.label],
  ];
  return {
    space: { ref: space.ref, name: space.name },
    spaceNav: entries.map(([page, label]) => ({ href: `${base}/${page}`, label, current: page === current })),
  };
}
