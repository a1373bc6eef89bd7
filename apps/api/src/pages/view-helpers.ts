import type Handlebars from 'handlebars';
import { fill } from './i18n/catalogues.js';

/**
 * The few helpers templates need. Each returns plain text, which Handlebars escapes: no helper
 * ever returns a SafeString, so user data can never become markup.
 */
export function registerPageHelpers(handlebars: typeof Handlebars): void {
  // {{fill m.week.saved week=week}}
  handlebars.registerHelper('fill', (template: unknown, options: Handlebars.HelperOptions) =>
    fill(String(template), options.hash as Record<string, string | number>),
  );
  handlebars.registerHelper('eq', (a: unknown, b: unknown) => a === b);
}
